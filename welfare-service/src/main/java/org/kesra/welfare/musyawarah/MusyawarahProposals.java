package org.kesra.welfare.musyawarah;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kesra.platform.web.ApiProblemException;
import org.kesra.platform.web.Caller;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.residents.ResidentProjection;
import org.kesra.welfare.access.WelfareAccess;
import org.springframework.http.HttpStatus;
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

    private final JdbcClient jdbc;
    private final ResidentProjection residents;

    public MusyawarahProposals(JdbcClient jdbc, ResidentProjection residents) {
        this.jdbc = jdbc;
        this.residents = residents;
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
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "KESRA-AUTH-403", null,
                    "Peran Anda tidak dapat mengajukan usulan musyawarah.");
        }
        List<Violation> problems = new ArrayList<>();
        if (input.kelurahanCode() == null || jdbc.sql("SELECT count(*) FROM kelurahan WHERE code = ?")
                .param(input.kelurahanCode()).query(Long.class).single() == 0) {
            problems.add(Violation.field("/kelurahanCode", "Kode kelurahan tidak dikenal di Kota Metro."));
        }
        if (input.programme() == null || jdbc.sql("SELECT count(*) FROM programme WHERE code = ?")
                .param(input.programme()).query(Long.class).single() == 0) {
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
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "WF-USULAN-TIDAK-VALID", null,
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
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "KESRA-AUTH-403", null,
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
            throw new ApiProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "WF-KEPUTUSAN-TIDAK-VALID", null,
                    "Keputusan tidak dapat dicatat; periksa isian yang disebutkan.", problems);
        }
        String region = WelfareAccess.region(caller);
        Proposal proposal = find(id, region, " FOR UPDATE").orElseThrow(() -> notFound(id));
        if (!"DIUSULKAN".equals(proposal.status())) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "WF-SUDAH-DIPUTUSKAN", null,
                    "Usulan ini sudah diputuskan (" + proposal.status() + ") oleh " + proposal.decidedBy() + ".");
        }
        if (proposal.proposedBy().equals(caller.name())) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "WF-EMPAT-MATA", "Prinsip empat mata",
                    "Usulan tidak boleh diputuskan oleh pengusulnya sendiri (" + caller.name() + ").");
        }
        boolean accepted = "DISETUJUI".equals(input.decision());
        jdbc.sql("""
                UPDATE musyawarah_proposal SET status = ?, decided_by = ?, decision_reason = ?, decided_at = now()
                WHERE id = ?""").params(input.decision(), caller.name(), input.reason().trim(), id).update();
        if (accepted && "HAPUS".equals(proposal.kind())) {
            jdbc.sql("""
                    UPDATE enrolment SET status = 'BERAKHIR', end_reason = ?, version = version + 1,
                        period_end = GREATEST(period_start, LEAST(COALESCE(period_end, 'infinity'::date), ?::date))
                    WHERE person_id = ? AND programme_code = ? AND status <> 'BERAKHIR'""")
                    .params("MUSYAWARAH_" + proposal.reason(), proposal.meetingDate(), proposal.personId(),
                            proposal.programme()).update();
        }
        return find(id, region, "").orElseThrow();
    }

    public PageResponse<Proposal> list(Caller caller, String status, int page, int size) {
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

    private static ApiProblemException notFound(UUID id) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "WF-USULAN-TIDAK-DITEMUKAN", null,
                "Usulan " + id + " tidak ditemukan di wilayah Anda.");
    }

    private static final String SELECT = """
            SELECT id, kelurahan_code, programme_code AS programme, kind, nik, person_id, reason, meeting_date, note,
                   status, proposed_by, decided_by, decision_reason FROM musyawarah_proposal""";
}
