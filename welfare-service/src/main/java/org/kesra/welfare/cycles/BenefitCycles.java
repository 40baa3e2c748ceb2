package org.kesra.welfare.cycles;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.welfare.BenefitCycleOpened;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.kesra.platform.web.Violation;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.catalogue.ProgrammeCatalogue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment rounds of a programme with what was ordered (SP2D) and what was paid (realisasi), and why they differ.
 * The rules: whole, non-negative numbers; a realisation never above its SP2D; a round inside the programme's life
 * (not before it began, not in the future, in the year it is filed under); the reasons given for the difference
 * not adding up to more than the difference; one round per programme, year and label.
 */
@Service
public class BenefitCycles {

    static final Set<String> KINDS = Set.of("TAHAP", "BULAN", "SATURASI");
    static final Set<String> GAP_REASONS = Set.of("GAGAL_BUKA_REKENING_KOLEKTIF", "DATA_TIDAK_PADAN_DUKCAPIL",
            "MENINGGAL", "PINDAH", "MAMPU", "LAINNYA");

    private final JdbcClient jdbc;
    private final ProgrammeCatalogue catalogue;
    private final EventPublisher events;

    public BenefitCycles(JdbcClient jdbc, ProgrammeCatalogue catalogue, EventPublisher events) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.events = events;
    }

    public record GapInput(String reason, BigDecimal kpm, BigDecimal rupiah, String note) {
    }

    public record NewCycle(Integer year, String label, String kind, LocalDate periodStart, LocalDate periodEnd,
                           BigDecimal sp2dKpm, BigDecimal sp2dRupiah, BigDecimal realisedKpm,
                           BigDecimal realisedRupiah, List<GapInput> gaps, String note) {
    }

    public record Gap(String reason, long kpm, long rupiah, String note) {
    }

    public record Cycle(UUID id, String programme, int year, String label, String kind, LocalDate periodStart,
                        LocalDate periodEnd, long sp2dKpm, long sp2dRupiah, Long realisedKpm, Long realisedRupiah,
                        Long differenceKpm, Long differenceRupiah, long explainedKpm, List<Gap> gaps, String note,
                        String recordedBy) {
    }

    public record YearTotal(int year, long sp2dRupiah, long realisedRupiah, BigDecimal realisationPercent) {
    }

    public record CycleReport(String programme, List<Cycle> cycles, List<YearTotal> years) {
    }

    @Transactional
    public Cycle record(String programme, NewCycle input, String actor) {
        LocalDate startedOn = catalogue.startedOn(programme);
        List<Violation> problems = new ArrayList<>();
        if (input.year() == null) {
            problems.add(Violation.field("/year", "Tahun wajib diisi."));
        }
        if (input.label() == null || input.label().isBlank() || input.label().length() > 40) {
            problems.add(Violation.field("/label", "Label tahap/bulan wajib diisi (mis. 1, 2, APRIL), paling panjang 40."));
        }
        if (input.kind() == null || !KINDS.contains(input.kind())) {
            problems.add(Violation.field("/kind", "Jenis harus salah satu dari " + KINDS + "."));
        }
        if (input.periodStart() == null || input.periodEnd() == null) {
            problems.add(Violation.field(input.periodStart() == null ? "/periodStart" : "/periodEnd",
                    "Awal dan akhir periode wajib diisi (YYYY-MM-DD)."));
        } else {
            if (input.periodEnd().isBefore(input.periodStart())) {
                problems.add(Violation.field("/periodEnd", "Akhir periode tidak boleh sebelum awal periode."));
            }
            if (startedOn != null && input.periodStart().isBefore(startedOn)) {
                problems.add(Violation.field("/periodStart", "Periode di luar masa program: " + programme
                        + " baru berjalan sejak " + startedOn + "."));
            }
            if (input.periodStart().isAfter(LocalDate.now())) {
                problems.add(Violation.field("/periodStart", "Periode belum dimulai; penyaluran belum dapat dicatat."));
            }
            if (input.year() != null && input.periodStart().getYear() != input.year()) {
                problems.add(Violation.field("/year", "Tahun " + input.year() + " tidak sesuai dengan awal periode "
                        + input.periodStart() + "."));
            }
        }
        Long sp2dKpm = whole(input.sp2dKpm(), "/sp2dKpm", "Jumlah KPM SP2D", true, problems);
        Long sp2dRupiah = whole(input.sp2dRupiah(), "/sp2dRupiah", "Nominal SP2D", true, problems);
        Long realisedKpm = whole(input.realisedKpm(), "/realisedKpm", "Jumlah KPM realisasi", false, problems);
        Long realisedRupiah = whole(input.realisedRupiah(), "/realisedRupiah", "Nominal realisasi", false, problems);
        if (sp2dKpm != null && realisedKpm != null && realisedKpm > sp2dKpm) {
            problems.add(Violation.field("/realisedKpm", "Realisasi " + realisedKpm + " KPM melebihi SP2D " + sp2dKpm
                    + " KPM."));
        }
        if (sp2dRupiah != null && realisedRupiah != null && realisedRupiah > sp2dRupiah) {
            problems.add(Violation.field("/realisedRupiah", "Realisasi Rp " + realisedRupiah + " melebihi SP2D Rp "
                    + sp2dRupiah + "."));
        }
        if ((input.realisedKpm() == null) != (input.realisedRupiah() == null)) {
            problems.add(Violation.field(input.realisedKpm() == null ? "/realisedKpm" : "/realisedRupiah",
                    "Realisasi dicatat lengkap: jumlah KPM dan nominal, atau keduanya dikosongkan."));
        }
        List<Gap> gaps = new ArrayList<>();
        List<GapInput> gapInputs = input.gaps() == null ? List.of() : input.gaps();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < gapInputs.size(); i++) {
            GapInput gap = gapInputs.get(i);
            String at = "/gaps/" + i;
            if (gap.reason() == null || !GAP_REASONS.contains(gap.reason())) {
                problems.add(Violation.field(at + "/reason", "Alasan selisih harus salah satu dari " + GAP_REASONS + "."));
            } else if (!seen.add(gap.reason())) {
                problems.add(Violation.field(at + "/reason", "Alasan " + gap.reason() + " disebut dua kali."));
            }
            Long kpm = whole(gap.kpm(), at + "/kpm", "Jumlah KPM", true, problems);
            if (kpm != null && kpm == 0) {
                problems.add(Violation.field(at + "/kpm", "Jumlah KPM per alasan minimal 1."));
            }
            Long rupiah = whole(gap.rupiah() == null ? BigDecimal.ZERO : gap.rupiah(), at + "/rupiah", "Nominal",
                    true, problems);
            if (kpm != null && rupiah != null && gap.reason() != null) {
                gaps.add(new Gap(gap.reason(), kpm, rupiah, gap.note()));
            }
        }
        long explained = gaps.stream().mapToLong(Gap::kpm).sum();
        if (!gaps.isEmpty() && (sp2dKpm != null && realisedKpm == null)) {
            problems.add(Violation.field("/gaps", "Alasan selisih hanya dapat dicatat bersama realisasi."));
        } else if (sp2dKpm != null && realisedKpm != null && realisedKpm <= sp2dKpm
                && explained > sp2dKpm - realisedKpm) {
            problems.add(Violation.field("/gaps", "Alasan selisih mencakup " + explained + " KPM, padahal selisih SP2D "
                    + "dan realisasi hanya " + (sp2dKpm - realisedKpm) + " KPM."));
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.CYCLE_INVALID.refuse(
                    "Data penyaluran tidak dapat disimpan; periksa isian yang disebutkan.", problems);
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO benefit_cycle (id, programme_code, year, label, kind, period_start, period_end,
                                               sp2d_kpm, sp2d_rupiah, realised_kpm, realised_rupiah, note, recorded_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, programme, input.year(), input.label().trim().toUpperCase(), input.kind(),
                            input.periodStart(), input.periodEnd(), sp2dKpm.intValue(), sp2dRupiah,
                            realisedKpm == null ? null : realisedKpm.intValue(), realisedRupiah, input.note(), actor)
                    .update();
        } catch (DuplicateKeyException e) {
            throw WelfareProblems.CYCLE_EXISTS.refuse(
                    "Penyaluran " + programme + " tahun " + input.year() + " tahap/bulan " + input.label()
                            + " sudah tercatat.");
        }
        for (Gap gap : gaps) {
            jdbc.sql("INSERT INTO benefit_cycle_gap (cycle_id, reason, kpm, rupiah, note) VALUES (?, ?, ?, ?, ?)")
                    .params(id, gap.reason(), (int) gap.kpm(), gap.rupiah(), gap.note()).update();
        }
        Cycle recorded = report(programme, input.year()).cycles().stream().filter(c -> c.id().equals(id))
                .findFirst().orElseThrow();
        events.publish(new OutgoingEvent(EventCatalog.BENEFIT_CYCLE_OPENED, id.toString(), programme,
                new BenefitCycleOpened(id, programme, recorded.year(), recorded.label(), recorded.kind(),
                        recorded.periodStart(), recorded.periodEnd(), recorded.sp2dKpm(), recorded.sp2dRupiah(),
                        recorded.realisedKpm(), recorded.realisedRupiah(), Instant.now())));
        return recorded;
    }

    public CycleReport report(String programme, Integer year) {
        catalogue.require(programme);
        Map<UUID, List<Gap>> gaps = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT g.cycle_id, g.reason, g.kpm, g.rupiah, g.note FROM benefit_cycle_gap g
                JOIN benefit_cycle c ON c.id = g.cycle_id
                WHERE c.programme_code = ? AND (CAST(? AS int) IS NULL OR c.year = ?) ORDER BY g.reason""")
                .params(programme, year, year)
                .query((rs, n) -> gaps.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Gap(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5))))
                .list();
        List<Cycle> cycles = jdbc.sql("""
                SELECT id, year, label, kind, period_start, period_end, sp2d_kpm, sp2d_rupiah, realised_kpm::bigint,
                       realised_rupiah, note, recorded_by FROM benefit_cycle
                WHERE programme_code = ? AND (CAST(? AS int) IS NULL OR year = ?)
                ORDER BY year, period_start, period_end DESC, label""")
                .params(programme, year, year)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Long realisedKpm = rs.getObject(9, Long.class);
                    Long realisedRupiah = rs.getObject(10, Long.class);
                    long sp2dKpm = rs.getLong(7);
                    long sp2dRupiah = rs.getLong(8);
                    List<Gap> own = gaps.getOrDefault(id, List.of());
                    return new Cycle(id, programme, rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), sp2dKpm, sp2dRupiah,
                            realisedKpm, realisedRupiah, realisedKpm == null ? null : sp2dKpm - realisedKpm,
                            realisedRupiah == null ? null : sp2dRupiah - realisedRupiah,
                            own.stream().mapToLong(Gap::kpm).sum(), own, rs.getString(11), rs.getString(12));
                })
                .list();
        Map<Integer, long[]> sums = new LinkedHashMap<>();
        for (Cycle cycle : cycles) {
            long[] sum = sums.computeIfAbsent(cycle.year(), y -> new long[2]);
            sum[0] += cycle.sp2dRupiah();
            sum[1] += cycle.realisedRupiah() == null ? 0 : cycle.realisedRupiah();
        }
        List<YearTotal> years = new ArrayList<>();
        sums.forEach((y, sum) -> years.add(new YearTotal(y, sum[0], sum[1], sum[0] == 0 ? null
                : BigDecimal.valueOf(sum[1] * 100).divide(BigDecimal.valueOf(sum[0]), 2, RoundingMode.HALF_UP))));
        return new CycleReport(programme, cycles, years);
    }

    /** A whole, non-negative number within range, or a violation at the pointer (null when absent and optional). */
    private static Long whole(BigDecimal value, String pointer, String what, boolean required, List<Violation> problems) {
        if (value == null) {
            if (required) {
                problems.add(Violation.field(pointer, what + " wajib diisi."));
            }
            return null;
        }
        if (value.signum() < 0) {
            problems.add(Violation.field(pointer, what + " tidak boleh negatif."));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 0) {
            problems.add(Violation.field(pointer, what + " harus bilangan bulat."));
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0 && pointer.toLowerCase().endsWith("kpm")) {
            problems.add(Violation.field(pointer, what + " terlalu besar."));
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            problems.add(Violation.field(pointer, what + " terlalu besar."));
            return null;
        }
        return value.longValueExact();
    }
}
