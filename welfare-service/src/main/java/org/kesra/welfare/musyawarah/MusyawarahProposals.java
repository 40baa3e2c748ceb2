package org.kesra.welfare.musyawarah;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kesra.platform.refusal.PlatformProblems;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.authorization.WelfareAccess;
import org.kesra.welfare.catalogue.ProgrammeCatalogue;
import org.kesra.welfare.enrolment.Enrolments;
import org.kesra.welfare.residents.ResidentProjection;
import org.kesra.welfare.wilayah.Kelurahans;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposals of a kelurahan's deliberation (musyawarah kelurahan) to add a family to a programme or remove one, and
 * Dinas Sosial's decision. Proposers act only inside their region (the token's wilayah, applied in the queries);
 * nobody decides their own proposal. An accepted removal ends the person's running enrolment in the programme on the
 * meeting date; an accepted addition is what goes to the national system (the city does not enrol by itself).
 */
@Service
public class MusyawarahProposals {

    static final Set<String> PROPOSERS = WelfareAccess.MUSYAWARAH_PROPOSERS;
    static final Set<String> APPROVERS = WelfareAccess.MUSYAWARAH_APPROVERS;
    static final Set<String> REMOVAL_REASONS = Set.of("MENINGGAL", "MAMPU", "PINDAH");

    private final Kelurahans kelurahans;
    private final JdbcClient jdbc;
    private final ResidentProjection residents;
    private final ProgrammeCatalogue catalogue;
    private final Enrolments enrolments;

    public MusyawarahProposals(JdbcClient jdbc, ResidentProjection residents, ProgrammeCatalogue catalogue,
                               Enrolments enrolments, Kelurahans kelurahans) {
        this.kelurahans = kelurahans;
        this.jdbc = jdbc;
        this.residents = residents;
        this.catalogue = catalogue;
        this.enrolments = enrolments;
    }

    public record NewProposal(String kelurahanCode, String programme, String kind, String nik, String reason,
                              LocalDate meetingDate, String note) {
    }

    public record Decision(String decision, String reason) {
    }

    public record Proposal(UUID id, String kelurahanCode, String programme, String kind, String nik, UUID personId,
                           String reason, LocalDate meetingDate, String note, String status, String proposedBy,
                           String decidedBy, String decisionReason) {
    }

    @Transactional
    public Proposal propose(NewProposal input, Caller caller) {
        if (caller.roles().stream().noneMatch(PROPOSERS::contains)) {
            throw PlatformProblems.FORBIDDEN.refuse("Peran Anda tidak dapat mengajukan usulan musyawarah.");
        }
        List<Violation> problems = new ArrayList<>();
        if (!kelurahans.exists(input.kelurahanCode())) {
            problems.add(Violation.field("/kelurahanCode", "Kode kelurahan tidak dikenal di Kota Metro."));
        }
        if (input.programme() == null || catalogue.programme(input.programme()).isEmpty()) {
            problems.add(Violation.field("/programme", "Program tidak dikenal."));
        }
        boolean add = "TAMBAH".equals(input.kind());
        if (!add && !"HAPUS".equals(input.kind())) {
            problems.add(Violation.field("/kind", "Jenis usulan harus TAMBAH atau HAPUS."));
        } else if (add ? !"LAYAK".equals(input.reason()) : !REMOVAL_REASONS.contains(input.reason())) {
            problems.add(Violation.field("/reason", add ? "Usulan TAMBAH beralasan LAYAK."
                    : "Usulan HAPUS beralasan salah satu dari " + REMOVAL_REASONS + "."));
        }
        if (input.meetingDate() == null || input.meetingDate().isAfter(LocalDate.now())) {
            problems.add(Violation.field("/meetingDate", "Tanggal musyawarah wajib diisi dan tidak di masa depan."));
        }
        Optional<ResidentProjection.Resident> resident = input.nik() == null || !input.nik().matches("[0-9]{16}")
                ? Optional.empty() : residents.byNik(input.nik());
        if (input.nik() == null || !input.nik().matches("[0-9]{16}")) {
            problems.add(Violation.field("/nik", "NIK wajib 16 digit angka."));
        } else if (resident.isEmpty()) {
            problems.add(Violation.field("/nik", "NIK tidak ditemukan dalam registri rumah tangga."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.PROPOSAL_INVALID.refuse(
                    "Usulan tidak dapat disimpan; periksa isian yang disebutkan.", problems);
        }
        String region = WelfareAccess.region(caller);
        if (!WelfareAccess.covers(region, input.kelurahanCode())) {
            throw WelfareAccess.outsideRegion(input.kelurahanCode(), region);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO musyawarah_proposal (id, kelurahan_code, programme_code, kind, nik, person_id, reason,
                                                 meeting_date, note, proposed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, input.kelurahanCode(), input.programme(), input.kind(), input.nik(),
                        resident.get().personId(), input.reason(), input.meetingDate(), input.note(), caller.name())
                .update();
        return find(id, region, "").orElseThrow();
    }

    @Transactional
    public Proposal decide(UUID id, Decision input, Caller caller) {
        if (caller.roles().stream().noneMatch(APPROVERS::contains)) {
            throw PlatformProblems.FORBIDDEN.refuse(
                    "Hanya verifikator atau admin Dinas Sosial yang memutuskan usulan musyawarah.");
        }
        List<Violation> problems = new ArrayList<>();
        if (input.decision() == null || !Set.of("DISETUJUI", "DITOLAK").contains(input.decision())) {
            problems.add(Violation.field("/decision", "Keputusan harus DISETUJUI atau DITOLAK."));
        }
        if (input.reason() == null || input.reason().isBlank()) {
            problems.add(Violation.field("/reason", "Alasan keputusan wajib diisi."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.DECISION_INVALID.refuse(
                    "Keputusan tidak dapat dicatat; periksa isian yang disebutkan.", problems);
        }
        String region = WelfareAccess.region(caller);
        Proposal proposal = find(id, region, " FOR UPDATE").orElseThrow(() -> notFound(id));
        if (!"DIUSULKAN".equals(proposal.status())) {
            throw WelfareProblems.ALREADY_DECIDED.refuse(
                    "Usulan ini sudah diputuskan (" + proposal.status() + ") oleh " + proposal.decidedBy() + ".");
        }
        if (proposal.proposedBy().equals(caller.name())) {
            throw WelfareProblems.FOUR_EYES.refuse(
                    "Usulan tidak boleh diputuskan oleh pengusulnya sendiri (" + caller.name() + ").");
        }
        boolean accepted = "DISETUJUI".equals(input.decision());
        jdbc.sql("""
                UPDATE musyawarah_proposal SET status = ?, decided_by = ?, decision_reason = ?, decided_at = now()
                WHERE id = ?""").params(input.decision(), caller.name(), input.reason().trim(), id).update();
        if (accepted && "HAPUS".equals(proposal.kind())) {
            enrolments.endRunning(proposal.personId(), proposal.programme(), "MUSYAWARAH_" + proposal.reason(),
                    proposal.meetingDate());
        }
        return find(id, region, "").orElseThrow();
    }

    /** Proposals in the caller's region; proposers, approvers and auditors read them (the others: 403). */
    public PageResponse<Proposal> list(Caller caller, String status, int page, int size) {
        if (caller.roles().stream().noneMatch(r -> PROPOSERS.contains(r) || APPROVERS.contains(r)
                || r.equals("auditor"))) {
            throw PlatformProblems.FORBIDDEN.refuse("Peran Anda tidak dapat melihat usulan musyawarah.");
        }
        List<Object> args = new ArrayList<>();
        String condition = WelfareAccess.regionCondition(WelfareAccess.region(caller), "kelurahan_code", args)
                + " AND (CAST(? AS text) IS NULL OR status = ?)";
        args.add(status);
        args.add(status);
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Proposal> items = jdbc.sql(SELECT + " WHERE " + condition + " ORDER BY proposed_at, id LIMIT ? OFFSET ?")
                .params(pageArgs).query(Proposal.class).list();
        String countSql = "SELECT count(*) FROM musyawarah_proposal WHERE " + condition;
        return PageResponse.of(items, page, size,
                () -> jdbc.sql(countSql).params(args).query(Long.class).single());
    }

    /** The proposal if it lies inside the region; {@code suffix} is "" or a locking clause. */
    private Optional<Proposal> find(UUID id, String region, String suffix) {
        List<Object> args = new ArrayList<>(List.of(id));
        String scope = WelfareAccess.regionCondition(region, "kelurahan_code", args);
        return jdbc.sql(SELECT + " WHERE id = ? AND " + scope + suffix).params(args).query(Proposal.class).optional();
    }

    private static Refusal notFound(UUID id) {
        return WelfareProblems.PROPOSAL_NOT_FOUND.refuse("Usulan " + id + " tidak ditemukan di wilayah Anda.");
    }

    private static final String SELECT = """
            SELECT id, kelurahan_code, programme_code AS programme, kind, nik, person_id, reason, meeting_date, note,
                   status, proposed_by, decided_by, decision_reason FROM musyawarah_proposal""";
}
