package org.kesra.welfare.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.catalogue.ProgrammeCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews of enrolments that a change in the registry put in doubt: a death, a move out of the city, or a member
 * leaving the card (moved to another KK, pecah KK, or taken off it). Such a change reaches every running enrolment of
 * the family in a family programme, and every enrolment of the person: one review each, naming the member, the
 * change and what the enrolment comes to before and after it. Opening one marks the enrolment DITINJAU; a verifier
 * confirms or rejects, always with a reason, and who decided when is kept. Confirming the enrolled person's death or
 * move away (or a change that leaves nothing to pay) ends the enrolment on the date of the event; confirming another
 * member's change keeps it running with the amount after; rejecting makes it active again. Nothing ends by itself.
 */
@Service
public class EnrolmentReviews {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentReviews.class);
    /** Kota Metro keeps Western Indonesian Time; an event's instant becomes the date the city saw it on. */
    private static final ZoneId CITY_ZONE = ZoneId.of("Asia/Jakarta");
    /** Which of a flat programme's amounts a review shows when the catalogue has several: the payment step first. */
    private static final List<String> PER_PREFERENCE = List.of("TAHAP", "BULAN", "TAHUN", "KELOMPOK");

    /** What changed: the member died, moved out of the city, or left the family's card (pecah KK, moved, removed). */
    public enum Reason { MENINGGAL, PINDAH_KELUAR_KOTA, KELUAR_KK }

    public enum Decision { KONFIRMASI, TOLAK }

    private final JdbcClient jdbc;
    private final PkhComponents pkh;
    private final ProgrammeCatalogue catalogue;
    private final Enrolments enrolments;

    public EnrolmentReviews(JdbcClient jdbc, PkhComponents pkh, ProgrammeCatalogue catalogue, Enrolments enrolments) {
        this.jdbc = jdbc;
        this.pkh = pkh;
        this.catalogue = catalogue;
        this.enrolments = enrolments;
    }

    /**
     * A review as a verifier reads it.
     *
     * @param memberPersonId the family member the change is about (the enrolment's {@code nik} is the named person)
     * @param amountBefore   rupiah per {@code amountPer} before the change; null when the catalogue has none in force
     * @param amountAfter    the same after it; equal to {@code amountBefore} for a programme with a flat amount
     * @param endsOnConfirm  whether KONFIRMASI ends the enrolment or keeps it with the amount after
     */
    public record Review(UUID id, UUID enrolmentId, String programme, String nik, String kelurahanCode, String reason,
                         LocalDate eventDate, Instant openedAt, String status, String decidedBy,
                         String decisionReason, Instant decidedAt, UUID memberPersonId, String memberNik,
                         Long amountBefore, Long amountAfter, String amountPer, boolean endsOnConfirm) {

        public Review withNiks(UnaryOperator<String> shown) {
            return new Review(id, enrolmentId, programme, shown.apply(nik), kelurahanCode, reason, eventDate, openedAt,
                    status, decidedBy, decisionReason, decidedAt, memberPersonId, shown.apply(memberNik), amountBefore,
                    amountAfter, amountPer, endsOnConfirm);
        }
    }

    public record DecisionRequest(Decision decision, String reason) {
    }

    /** A change to one member, as the registry's event told it. */
    public record MemberChange(UUID personId, String nik, UUID householdId, Reason reason, LocalDate eventDate,
                               UUID eventId) {

        public static LocalDate cityDate(Instant at) {
            return at == null ? null : LocalDate.ofInstant(at, CITY_ZONE);
        }
    }

    private record Affected(UUID id, String programmeCode, UUID personId, UUID householdId, LocalDate periodStart,
                            LocalDate periodEnd, String status) {
    }

    private record Amounts(Long before, Long after, String per) {
    }

    /**
     * Opens a review on each running enrolment the change reaches: the family programmes of the member's household,
     * and (for a death or a move away) every enrolment of the member. The amounts are computed from the resident copy
     * as it stands, so this runs before the copy takes the change in. A redelivered event, or a second event about the
     * same member for the same reason while a review is open, opens nothing new.
     */
    public int open(MemberChange change) {
        boolean personGone = change.reason() != Reason.KELUAR_KK;
        List<Affected> affected = jdbc.sql("""
                SELECT e.id, e.programme_code, e.person_id, e.household_id, e.period_start, e.period_end, e.status
                FROM enrolment e JOIN programme p ON p.code = e.programme_code
                WHERE e.status <> 'BERAKHIR'
                  AND ((? AND e.person_id = ?) OR (p.unit = 'KELUARGA' AND e.household_id = ?))
                ORDER BY e.id""")
                .params(personGone, change.personId(), change.householdId()).query(Affected.class).list();
        int opened = 0;
        for (Affected enrolment : affected) {
            Amounts amounts = amounts(enrolment, change);
            boolean ownPersonGone = personGone && enrolment.personId().equals(change.personId());
            boolean nothingLeft = amounts.after() != null && amounts.after() == 0 && amounts.before() != null
                    && amounts.before() > 0;
            int inserted = jdbc.sql("""
                    INSERT INTO enrolment_review (id, enrolment_id, reason, event_date, source_event_id,
                                                  member_person_id, member_nik, amount_before, amount_after, amount_per,
                                                  ends_on_confirm)
                    VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""")
                    .params(enrolment.id(), change.reason().name(), change.eventDate(), change.eventId(),
                            change.personId(), change.nik(), amounts.before(), amounts.after(), amounts.per(),
                            ownPersonGone || nothingLeft)
                    .update();
            if (inserted > 0) {
                opened++;
                enrolments.underReview(enrolment.id());
            }
        }
        if (opened > 0) {
            log.atInfo().addKeyValue("person.id", change.personId()).addKeyValue("household.id", change.householdId())
                    .addKeyValue("review.count", opened).addKeyValue("review.reason", change.reason())
                    .log("enrolment reviews opened");
        }
        return opened;
    }

    /**
     * What the enrolment comes to per payment step on the day of the change (within its period): PKH from the
     * family's components with and without the member, any other programme its flat amount, the same on both sides.
     */
    private Amounts amounts(Affected enrolment, MemberChange change) {
        LocalDate date = change.eventDate() == null ? LocalDate.now(CITY_ZONE) : change.eventDate();
        if (date.isBefore(enrolment.periodStart())) {
            date = enrolment.periodStart();
        } else if (enrolment.periodEnd() != null && date.isAfter(enrolment.periodEnd())) {
            date = enrolment.periodEnd();
        }
        if ("PKH".equals(enrolment.programmeCode()) && enrolment.householdId() != null) {
            Long before = pkh.familyPerTahap(enrolment.householdId(), date, null).orElse(null);
            Long after = pkh.familyPerTahap(enrolment.householdId(), date, change.personId()).orElse(null);
            return new Amounts(before, after, before == null && after == null ? null : "TAHAP");
        }
        List<ProgrammeCatalogue.Amount> inForce = catalogue.inForce(enrolment.programmeCode(), date).amounts();
        for (String per : PER_PREFERENCE) {
            List<ProgrammeCatalogue.Amount> matching = inForce.stream().filter(a -> per.equals(a.per())).toList();
            if (!matching.isEmpty()) {
                long flat = matching.stream().mapToLong(ProgrammeCatalogue.Amount::rupiah).sum();
                return new Amounts(flat, flat, per);
            }
        }
        return new Amounts(null, null, null);
    }

    public PageResponse<Review> list(String status, int page, int size) {
        String condition = status == null ? "TRUE" : "r.status = ?";
        List<Object> args = status == null ? new ArrayList<>() : new ArrayList<>(List.of(status));
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Review> items = jdbc.sql(SELECT + " WHERE " + condition + " ORDER BY r.opened_at, r.id LIMIT ? OFFSET ?")
                .params(pageArgs).query(Review.class).list();
        String countSql = "SELECT count(*) FROM enrolment_review r WHERE " + condition;
        return PageResponse.of(items, page, size,
                () -> jdbc.sql(countSql).params(args).query(Long.class).single());
    }

    @Transactional
    public Review decide(UUID id, DecisionRequest request, String actor) {
        List<Violation> problems = new ArrayList<>();
        if (request.decision() == null) {
            problems.add(Violation.field("/decision", "Keputusan wajib diisi: KONFIRMASI atau TOLAK."));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add(Violation.field("/reason", "Alasan keputusan wajib diisi."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.DECISION_INVALID.refuse(
                    "Keputusan peninjauan tidak dapat dicatat; periksa isian yang disebutkan.", problems);
        }
        Review review = jdbc.sql(SELECT + " WHERE r.id = ? FOR UPDATE OF r").param(id).query(Review.class).optional()
                .orElseThrow(() -> WelfareProblems.REVIEW_NOT_FOUND.refuse("Peninjauan " + id + " tidak ditemukan."));
        if (!"TERBUKA".equals(review.status())) {
            throw WelfareProblems.ALREADY_DECIDED.refuse(
                    "Peninjauan ini sudah diputuskan (" + review.status() + ") oleh " + review.decidedBy() + ".");
        }
        boolean confirm = request.decision() == Decision.KONFIRMASI;
        jdbc.sql("""
                UPDATE enrolment_review SET status = ?, decided_by = ?, decision_reason = ?, decided_at = now()
                WHERE id = ?""").params(confirm ? "DIKONFIRMASI" : "DITOLAK", actor, request.reason().trim(), id)
                .update();
        if (confirm && review.endsOnConfirm()) {
            // Ends on the day of the event (never before the period began), which frees later periods.
            enrolments.end(review.enrolmentId(), review.reason(), review.eventDate());
        } else {
            // Rejected, or another member's change accepted: the enrolment runs on (with the amount after).
            enrolments.resumeUnlessUnderReview(review.enrolmentId());
        }
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(Review.class).single();
    }

    private static final String SELECT = """
            SELECT r.id, r.enrolment_id, e.programme_code AS programme, e.nik, e.kelurahan_code, r.reason,
                   r.event_date, r.opened_at, r.status, r.decided_by, r.decision_reason, r.decided_at,
                   r.member_person_id, r.member_nik, r.amount_before, r.amount_after, r.amount_per, r.ends_on_confirm
            FROM enrolment_review r JOIN enrolment e ON e.id = r.enrolment_id""";
}
