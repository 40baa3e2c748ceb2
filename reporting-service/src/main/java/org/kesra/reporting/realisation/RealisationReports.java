package org.kesra.reporting.realisation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.kesra.platform.web.Violation;
import org.kesra.reporting.ReportingProblems;
import org.kesra.reporting.access.ReportingAccess;
import org.kesra.reporting.cyclefigures.CycleFigures;
import org.kesra.reporting.sources.SourceProgress;
import org.kesra.reporting.workbook.ReportWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two city-level reports from welfare-service's payment rounds: the realisation per stage of a programme (seed 001
 * Tabel 2.1, "Laporan Realisasi Program Keluarga Harapan": per tahap SP2D KPM and rupiah against realised KPM and
 * rupiah, % nominal) and the monthly KPM series of BPNT/Sembako. The figures are the ones welfare-service published;
 * this lays them out, sums the rupiah of the year and derives two shares (% nominal of a stage and of the year:
 * realised rupiah / SP2D rupiah x 100, 2 places, half up). It also names what does not add up in the figures as
 * published (a realisation above its SP2D, an SP2D per KPM out of all proportion with the realisation per KPM, a
 * reported realisation the payment lists do not match), without correcting anything.
 */
@Service
public class RealisationReports {

    static final List<String> TOPICS = List.of("welfare.events");
    static final String PKH = "PKH";
    static final String SEMBAKO = "SEMBAKO";
    /** Programmes the city runs rounds for (welfare-service's catalogue); a year without rounds is empty, not 404. */
    private static final Set<String> KNOWN = Set.of(PKH, SEMBAKO);
    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
    private static final Pattern PROGRAMME = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    /** An SP2D per KPM this many times off the realisation per KPM is a misprinted figure, not a shortfall. */
    private static final long OUT_OF_PROPORTION = 10;

    /** Where a stage's realisation comes from: reported with the round, or the sum of its payment lists. */
    public static final String REPORTED = "LAPORAN";
    public static final String PAYMENT_LISTS = "DAFTAR_BAYAR";

    /** Something in the published figures that does not add up; {@code stage} the label it concerns. */
    public record Finding(String code, String stage, String message) {
    }

    /**
     * One row of Tabel 2.1. {@code realised*} are the realisation reported with the round, else the totals of its
     * payment lists ({@code realisationSource} says which; all null when neither exists); {@code paid*} the payment
     * lists' totals as published (null when none).
     */
    public record StageRow(int no, String label, String kind, LocalDate periodStart, LocalDate periodEnd,
                           long sp2dKpm, long sp2dRupiah, Long realisedKpm, Long realisedRupiah,
                           String realisationSource, BigDecimal nominalPercent, Long paidKpm, Long paidRupiah,
                           Long unpaidKpm, UUID cycleEventId, UUID paymentsEventId) {
    }

    /**
     * The year's sums over its stages. KPM sums count a family once per stage it was paid in ("KPM-tahap"), as a sum
     * of Tabel 2.1's column does; {@code nominalPercent} is realised / SP2D rupiah of the year (2 places, half up),
     * stages without realisation counted with their SP2D and no realisation.
     */
    public record Total(int stages, long sp2dKpm, long sp2dRupiah, long realisedKpm, long realisedRupiah,
                        int stagesWithoutRealisation, BigDecimal nominalPercent) {
    }

    public record PkhReport(String programme, int year, String period, String periodLabel, LocalDate periodFrom,
                            LocalDate periodTo, boolean hasData, List<StageRow> stages, Total total,
                            List<Finding> findings, List<String> notes, List<SourceProgress.Source> sources) {

        /** The data version: the newest welfare event applied (null when none was applied yet). */
        public Instant dataAsOf() {
            return RealisationReports.dataAsOf(sources);
        }
    }

    /**
     * One month of the series: {@code hasRound} false when no round covers the month (shown as such, not as zero);
     * the figures of the round(s) covering it, summed when several do ({@code labels} names them).
     */
    public record MonthRow(int month, String name, boolean hasRound, String labels, Long sp2dKpm, Long realisedKpm,
                           String realisationSource, Long sp2dRupiah, Long realisedRupiah, List<UUID> cycleEventIds) {
    }

    public record MonthlyReport(String programme, int year, String period, String periodLabel, LocalDate periodFrom,
                                LocalDate periodTo, boolean hasData, List<MonthRow> months, List<Finding> findings,
                                List<String> notes, List<SourceProgress.Source> sources) {

        public Instant dataAsOf() {
            return RealisationReports.dataAsOf(sources);
        }
    }

    private final CycleFigures figures;
    private final SourceProgress progress;

    public RealisationReports(CycleFigures figures, SourceProgress progress) {
        this.figures = figures;
        this.progress = progress;
    }

    // One snapshot for the figures and the data version and offsets read with them (SourceProgress), so a kept
    // file's offsets are exactly those of its data even while events are applied meanwhile.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PkhReport stages(ReportingAccess.Scope scope, String programmeText, String yearText) {
        Request request = request(scope, programmeText, yearText, PKH);
        List<StageRow> rows = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        long sp2dKpm = 0;
        long sp2dRupiah = 0;
        long realisedKpm = 0;
        long realisedRupiah = 0;
        int without = 0;
        for (CycleFigures.Round round : figures.rounds(request.programme(), request.year())) {
            Long kpm = round.realisedKpm() != null ? round.realisedKpm() : round.paidKpm();
            Long rupiah = round.realisedRupiah() != null ? round.realisedRupiah() : round.paidRupiah();
            String source = round.realisedKpm() != null ? REPORTED : round.paidKpm() != null ? PAYMENT_LISTS : null;
            rows.add(new StageRow(rows.size() + 1, round.label(), round.kind(), round.periodStart(), round.periodEnd(),
                    round.sp2dKpm(), round.sp2dRupiah(), kpm, rupiah, source, share(rupiah, round.sp2dRupiah()),
                    round.paidKpm(), round.paidRupiah(), round.unpaidKpm(), round.cycleEventId(),
                    round.paymentsEventId()));
            findings.addAll(check(round, kpm, rupiah));
            sp2dKpm += round.sp2dKpm();
            sp2dRupiah += round.sp2dRupiah();
            if (kpm == null) {
                without++;
            } else {
                realisedKpm += kpm;
                realisedRupiah += rupiah;
            }
        }
        List<String> notes = new ArrayList<>();
        if (rows.isEmpty()) {
            notes.add("Belum ada tahap penyaluran " + request.programme() + " tahun " + request.year()
                    + " yang diterbitkan welfare-service.");
        } else {
            notes.add("% nominal = nominal realisasi / nominal SP2D x 100, dua desimal, dibulatkan setengah ke atas; "
                    + "baris Jumlah: jumlah nominal seluruh tahap. Jumlah KPM menghitung satu KPM sekali per tahap "
                    + "(KPM-tahap).");
            if (without > 0) {
                notes.add(without + " tahap belum ada realisasinya; dijumlahkan dengan SP2D-nya saja.");
            }
            if (rows.stream().anyMatch(r -> PAYMENT_LISTS.equals(r.realisationSource()))) {
                notes.add("Realisasi bertanda daftar bayar: jumlah daftar pembayaran per KPM, karena realisasi tahap "
                        + "itu tidak dilaporkan.");
            }
        }
        if (!findings.isEmpty()) {
            notes.add(findings.size() + " temuan: angka yang diterbitkan tidak sesuai satu sama lain; lihat Temuan. "
                    + "Angka ditampilkan apa adanya, tidak dikoreksi.");
        }
        Total total = new Total(rows.size(), sp2dKpm, sp2dRupiah, realisedKpm, realisedRupiah, without,
                rows.isEmpty() ? null : share(realisedRupiah, sp2dRupiah));
        return new PkhReport(request.programme(), request.year(), String.valueOf(request.year()),
                "Tahun " + request.year(), LocalDate.of(request.year(), 1, 1), LocalDate.of(request.year(), 12, 31),
                !rows.isEmpty(), rows, total, findings, notes, progress.of(TOPICS));
    }

    // One snapshot for the figures and the data version and offsets read with them (SourceProgress), so a kept
    // file's offsets are exactly those of its data even while events are applied meanwhile.
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MonthlyReport monthly(ReportingAccess.Scope scope, String programmeText, String yearText) {
        Request request = request(scope, programmeText, yearText, SEMBAKO);
        List<CycleFigures.Round> rounds = figures.rounds(request.programme(), request.year());
        List<MonthRow> months = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate first = LocalDate.of(request.year(), m, 1);
            LocalDate last = first.plusMonths(1).minusDays(1);
            List<CycleFigures.Round> covering = rounds.stream()
                    .filter(r -> !r.periodStart().isAfter(last) && !r.periodEnd().isBefore(first)).toList();
            String name = ReportWorkbook.MONTHS.get(m - 1);
            if (covering.isEmpty()) {
                months.add(new MonthRow(m, name, false, null, null, null, null, null, null, List.of()));
                continue;
            }
            long sp2dKpm = 0;
            long sp2dRupiah = 0;
            Long realisedKpm = 0L;
            Long realisedRupiah = 0L;
            java.util.SortedSet<String> sources = new java.util.TreeSet<>();
            for (CycleFigures.Round r : covering) {
                sp2dKpm += r.sp2dKpm();
                sp2dRupiah += r.sp2dRupiah();
                Long kpm = r.realisedKpm() != null ? r.realisedKpm() : r.paidKpm();
                Long rupiah = r.realisedRupiah() != null ? r.realisedRupiah() : r.paidRupiah();
                sources.add(r.realisedKpm() != null ? REPORTED : r.paidKpm() != null ? PAYMENT_LISTS : "-");
                realisedKpm = kpm == null || realisedKpm == null ? null : realisedKpm + kpm;
                realisedRupiah = rupiah == null || realisedRupiah == null ? null : realisedRupiah + rupiah;
                if (m == r.periodStart().getMonthValue() || (m == 1 && r.periodStart().getYear() < request.year())) {
                    findings.addAll(check(r, kpm, rupiah));
                }
            }
            String labels = String.join(" + ", covering.stream().map(CycleFigures.Round::label).toList());
            if (covering.size() > 1) {
                findings.add(new Finding("BEBERAPA_PENYALURAN_SEBULAN", labels, name + " " + request.year()
                        + " dicakup " + covering.size() + " penyaluran (" + labels + "); KPM-nya dijumlahkan."));
            }
            months.add(new MonthRow(m, name, true, labels, sp2dKpm, realisedKpm,
                    sources.size() == 1 ? sources.first() : String.join("+", sources), sp2dRupiah, realisedRupiah,
                    covering.stream().map(CycleFigures.Round::cycleEventId).toList()));
        }
        List<String> notes = new ArrayList<>();
        long withRound = months.stream().filter(MonthRow::hasRound).count();
        if (withRound == 0) {
            notes.add("Belum ada penyaluran " + request.programme() + " tahun " + request.year()
                    + " yang diterbitkan welfare-service.");
        } else if (withRound < 12) {
            notes.add((12 - withRound) + " bulan tanpa penyaluran yang diterbitkan ditandai \"tidak ada penyaluran\", "
                    + "bukan nol.");
        }
        notes.add("KPM per bulan: penyaluran yang periodenya mencakup bulan itu; realisasi yang dilaporkan, atau "
                + "jumlah daftar pembayaran per KPM bila tidak dilaporkan.");
        return new MonthlyReport(request.programme(), request.year(), String.valueOf(request.year()),
                "Tahun " + request.year(), LocalDate.of(request.year(), 1, 1), LocalDate.of(request.year(), 12, 31),
                withRound > 0, months, findings, notes, progress.of(TOPICS));
    }

    private record Request(String programme, int year) {
    }

    /** City-level data: a regional caller is refused before anything is read; then the parameters, then the programme. */
    private Request request(ReportingAccess.Scope scope, String programmeText, String yearText, String fallback) {
        if (scope.region().isPresent()) {
            throw ReportingProblems.OUTSIDE_REGION.refuse("Laporan realisasi program adalah laporan tingkat kota; "
                    + "wilayah kerja Anda tidak mencakupnya.");
        }
        List<Violation> violations = new ArrayList<>();
        String yearValue = yearText == null ? "" : yearText.trim();
        if (!YEAR.matcher(yearValue).matches() || Integer.parseInt(yearValue) < 2000
                || Integer.parseInt(yearValue) > 2100) {
            violations.add(Violation.field("/tahun", "Tahun wajib berupa angka 2000-2100."));
        }
        String programme = programmeText == null || programmeText.isBlank() ? fallback
                : programmeText.trim().toUpperCase(Locale.ROOT);
        if (!PROGRAMME.matcher(programme).matches()) {
            violations.add(Violation.field("/program", "Kode program '" + programmeText + "' tidak sah (mis. PKH, "
                    + "SEMBAKO)."));
        }
        if (!violations.isEmpty()) {
            throw ReportingProblems.PARAMETER_INVALID.refuse("Parameter laporan realisasi tidak sah.", violations);
        }
        if (!KNOWN.contains(programme) && !figures.knows(programme)) {
            throw ReportingProblems.PROGRAMME_UNKNOWN.refuse("Program " + programme + " tidak dikenal: belum pernah "
                    + "ada penyaluran yang diterbitkan untuknya.");
        }
        return new Request(programme, Integer.parseInt(yearValue));
    }

    /** What does not add up in one round's published figures. */
    static List<Finding> check(CycleFigures.Round round, Long realisedKpm, Long realisedRupiah) {
        List<Finding> findings = new ArrayList<>();
        String stage = round.label();
        String where = round.kind().equals("BULAN") ? stage : "Tahap " + stage;
        if (realisedKpm != null && realisedKpm > round.sp2dKpm()) {
            findings.add(new Finding("REALISASI_KPM_MELEBIHI_SP2D", stage, where + ": realisasi " + count(realisedKpm)
                    + " KPM melebihi SP2D " + count(round.sp2dKpm()) + " KPM."));
        }
        if (realisedRupiah != null && realisedRupiah > round.sp2dRupiah()) {
            StringBuilder text = new StringBuilder(where + ": nominal realisasi Rp " + count(realisedRupiah)
                    + " melebihi nominal SP2D Rp " + count(round.sp2dRupiah()) + " ("
                    + percent(share(realisedRupiah, round.sp2dRupiah())) + ").");
            if (round.sp2dKpm() > 0 && realisedKpm != null && realisedKpm > 0) {
                long sp2dEach = round.sp2dRupiah() / round.sp2dKpm();
                long realisedEach = realisedRupiah / realisedKpm;
                if (sp2dEach == 0 || realisedEach / Math.max(sp2dEach, 1) >= OUT_OF_PROPORTION) {
                    text.append(" SP2D Rp ").append(count(sp2dEach)).append(" per KPM berbanding realisasi Rp ")
                            .append(count(realisedEach)).append(" per KPM: nominal SP2D kemungkinan salah tulis "
                                    + "(angka nol hilang).");
                }
            }
            findings.add(new Finding("REALISASI_NOMINAL_MELEBIHI_SP2D", stage, text.toString()));
        }
        if (round.realisedKpm() != null && round.paidKpm() != null
                && (!round.realisedKpm().equals(round.paidKpm())
                || !Objects.equals(round.realisedRupiah(), round.paidRupiah()))) {
            findings.add(new Finding("REALISASI_BEDA_DAFTAR_BAYAR", stage, where + ": realisasi dilaporkan "
                    + count(round.realisedKpm()) + " KPM / Rp " + count(round.realisedRupiah())
                    + ", daftar pembayaran per KPM berjumlah " + count(round.paidKpm()) + " KPM / Rp "
                    + count(round.paidRupiah()) + "."));
        }
        return findings;
    }

    /** realised / sp2d x 100, 2 places, half up; null when either is unknown or SP2D is zero. */
    static BigDecimal share(Long realised, long sp2d) {
        return realised == null || sp2d == 0 ? null
                : BigDecimal.valueOf(realised).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(sp2d), 2, RoundingMode.HALF_UP);
    }

    private static String count(Long value) {
        return value == null ? "-" : new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(
                ReportWorkbook.INDONESIAN)).format(value);
    }

    private static String percent(BigDecimal value) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(ReportWorkbook.INDONESIAN))
                .format(value) + "%";
    }

    static Instant dataAsOf(List<SourceProgress.Source> sources) {
        return sources.stream().map(SourceProgress.Source::lastEventTime).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
    }
}
