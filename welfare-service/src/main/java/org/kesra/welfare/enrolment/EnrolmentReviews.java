package org.kesra.welfare.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kesra.platform.web.ApiProblemException;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviews of enrolments that a change in the registry put in doubt (a death, a move out of the city). Opening one
 * marks the enrolment DITINJAU; a verifier confirms (the enrolment ends on the date of the event) or rejects (it is
 * active again), always with a reason, and who decided when is kept.
 */
@Service
public class EnrolmentReviews {

    private static final Logger log = LoggerFactory.getLogger(EnrolmentReviews.class);

    public enum Reason { MENINGGAL, PINDAH_KELUAR_KOTA }

    public enum Decision { KONFIRMASI, TOLAK }

    private final JdbcClient jdbc;

    public EnrolmentReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Review(UUID id, UUID enrolmentId, String programme, String nik, String kelurahanCode, String reason,
                         LocalDate eventDate, Instant openedAt, String status, String decidedBy,
                         String decisionReason, Instant decidedAt) {
    }

    public record DecisionRequest(Decision decision, String reason) {
    }

    /** Opens a review for each of the person's enrolments still running; a redelivered event opens nothing new. */
    public int open(UUID personId, Reason reason, LocalDate eventDate, UUID eventId) {
        int opened = jdbc.sql("""
                INSERT INTO enrolment_review (id, enrolment_id, reason, event_date, source_event_id)
                SELECT gen_random_uuid(), e.id, ?, ?, ? FROM enrolment e
                WHERE e.person_id = ? AND e.status <> 'BERAKHIR'
                ON CONFLICT (enrolment_id, source_event_id) DO NOTHING""")
                .params(reason.name(), eventDate, eventId, personId).update();
        jdbc.sql("UPDATE enrolment SET status = 'DITINJAU', version = version + 1 WHERE person_id = ? "
                + "AND status = 'AKTIF'").param(personId).update();
        if (opened > 0) {
            log.atInfo().addKeyValue("person.id", personId).addKeyValue("review.count", opened)
                    .addKeyValue("review.reason", reason).log("enrolment reviews opened");
        }
        return opened;
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
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "WF-KEPUTUSAN-TIDAK-VALID", null,
                    "Keputusan peninjauan tidak dapat dicatat; periksa isian yang disebutkan.", problems);
        }
        Review review = jdbc.sql(SELECT + " WHERE r.id = ? FOR UPDATE OF r").param(id).query(Review.class).optional()
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "WF-PENINJAUAN-TIDAK-DITEMUKAN",
                        null, "Peninjauan " + id + " tidak ditemukan."));
        if (!"TERBUKA".equals(review.status())) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "WF-SUDAH-DIPUTUSKAN", null,
                    "Peninjauan ini sudah diputuskan (" + review.status() + ") oleh " + review.decidedBy() + ".");
        }
        boolean confirm = request.decision() == Decision.KONFIRMASI;
        jdbc.sql("""
                UPDATE enrolment_review SET status = ?, decided_by = ?, decision_reason = ?, decided_at = now()
                WHERE id = ?""").params(confirm ? "DIKONFIRMASI" : "DITOLAK", actor, request.reason().trim(), id)
                .update();
        if (confirm) {
            // Ends on the day of the event (never before the period began), which frees later periods.
            jdbc.sql("""
                    UPDATE enrolment SET status = 'BERAKHIR', end_reason = ?, version = version + 1,
                        period_end = GREATEST(period_start, LEAST(COALESCE(period_end, 'infinity'::date),
                                                                   COALESCE(?::date, current_date)))
                    WHERE id = ?""").params(review.reason(), review.eventDate(), review.enrolmentId()).update();
        } else {
            jdbc.sql("""
                    UPDATE enrolment SET status = 'AKTIF', version = version + 1 WHERE id = ? AND status = 'DITINJAU'
                      AND NOT EXISTS (SELECT 1 FROM enrolment_review o WHERE o.enrolment_id = enrolment.id
                                      AND o.status = 'TERBUKA')""").param(review.enrolmentId()).update();
        }
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(Review.class).single();
    }

    private static final String SELECT = """
            SELECT r.id, r.enrolment_id, e.programme_code AS programme, e.nik, e.kelurahan_code, r.reason,
                   r.event_date, r.opened_at, r.status, r.decided_by, r.decision_reason, r.decided_at
            FROM enrolment_review r JOIN enrolment e ON e.id = r.enrolment_id""";
}
