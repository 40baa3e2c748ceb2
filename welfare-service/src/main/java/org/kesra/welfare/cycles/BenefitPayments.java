package org.kesra.welfare.cycles;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.kesra.contracts.EventCatalog;
import org.kesra.contracts.welfare.BenefitPaymentsRecorded;
import org.kesra.events.outbox.EventPublisher;
import org.kesra.events.outbox.OutgoingEvent;
import org.kesra.platform.refusal.Refusal;
import org.kesra.platform.web.PageResponse;
import org.kesra.platform.web.Violation;
import org.kesra.sheets.SheetRow;
import org.kesra.sheets.SheetSource;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.uploads.UploadedSheets;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each KPM was paid in one round (tahap or bulan), or why not: the bank's distribution list, one row per NIK.
 * Rules: every NIK is an enrolled KPM of the programme in the round's period (for a family programme any member's
 * NIK names the family); a family once per round; a paid row has whole, positive rupiah, an unpaid row a reason and
 * no rupiah; all rows of the round together never above the round's SP2D (KPM and rupiah). A list is stored whole
 * or not at all. The summary per kelurahan sets the rows' sums beside the round's reported realisation, so totals
 * that do not add up show.
 */
@Service
public class BenefitPayments {

    static final int MAX_ROWS = 20_000;
    private static final java.util.regex.Pattern NIK = java.util.regex.Pattern.compile("[0-9]{16}");
    /** "Rp 750.000", "Rp. 750.000", "rp750000": the prefix the bank's files put before the amount. */
    private static final java.util.regex.Pattern RUPIAH_PREFIX = java.util.regex.Pattern.compile("(?i)^rp\\.?\\s*");
    private static final java.util.regex.Pattern THOUSANDS = java.util.regex.Pattern.compile("[0-9]{1,3}(\\.[0-9]{3})+");

    private final JdbcClient jdbc;
    private final EventPublisher events;

    public BenefitPayments(JdbcClient jdbc, EventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public record PaymentInput(String nik, String status, BigDecimal rupiah, String reason, String note) {
    }

    public record PaymentList(List<PaymentInput> payments) {
    }

    public record Recorded(UUID cycleId, int recorded, long paidKpm, long paidRupiah, long unpaidKpm) {
    }

    public record Payment(UUID enrolmentId, String nik, String kelurahanCode, String status, long rupiah,
                          String reason, String note, String recordedBy) {
    }

    public record KelurahanSum(String kelurahanCode, String kelurahan, long paidKpm, long paidRupiah,
                               long unpaidKpm, Map<String, Long> unpaidByReason) {
    }

    /**
     * The rows' totals beside the round's own figures: {@code matchesRealisation} is false when the bank reported a
     * realisation that its rows do not add up to (null while either is missing).
     */
    public record Summary(String programme, int year, String label, long sp2dKpm, long sp2dRupiah, Long realisedKpm,
                          Long realisedRupiah, long paidKpm, long paidRupiah, long unpaidKpm,
                          Boolean matchesRealisation, List<KelurahanSum> kelurahan) {
    }

    private record Round(UUID id, String programme, int year, String label, LocalDate periodStart,
                         LocalDate periodEnd, long sp2dKpm, long sp2dRupiah, Long realisedKpm, Long realisedRupiah) {
    }

    private record Match(int rowIndex, UUID enrolmentId, String kelurahanCode) {
    }

    /**
     * Where the rows came from, so that every problem names its place as the user sees it: a JSON pointer into the
     * request body, or the uploaded file's row and column.
     */
    private interface Origin {

        /** A problem with one field of one entry; {@code field} is the JSON name, null for the whole entry. */
        Violation at(int index, String field, String message);

        /** A problem with the list as a whole. */
        Violation whole(String message);

        /** How a message refers to another entry: "/payments/0" or "baris 2". */
        String name(int index);
    }

    private static final Origin JSON_BODY = new Origin() {
        @Override
        public Violation at(int index, String field, String message) {
            return Violation.field(name(index) + (field == null ? "" : "/" + field), message);
        }

        @Override
        public Violation whole(String message) {
            return Violation.field("/payments", message);
        }

        @Override
        public String name(int index) {
            return "/payments/" + index;
        }
    };

    /** The bank's spreadsheet: entry i is the file's row {@code lines.get(i)}, columns by their Indonesian names. */
    private record FileRows(List<PaymentInput> rows, List<Long> lines) implements Origin {

        @Override
        public Violation at(int index, String field, String message) {
            PaymentInput row = rows.get(index);
            return switch (field == null ? "" : field) {
                case "nik" -> Violation.cell(lines.get(index), "nik", row.nik(), message);
                case "status" -> Violation.cell(lines.get(index), "status", row.status(), message);
                case "rupiah" -> Violation.cell(lines.get(index), "rupiah",
                        row.rupiah() == null ? null : row.rupiah().toPlainString(), message);
                case "reason" -> Violation.cell(lines.get(index), "alasan", row.reason(), message);
                default -> Violation.cell(lines.get(index), null, null, message);
            };
        }

        @Override
        public Violation whole(String message) {
            return Violation.field("/file", message);
        }

        @Override
        public String name(int index) {
            return "baris " + lines.get(index);
        }
    }

    @Transactional
    public Recorded record(String programme, int year, String label, PaymentList list, String actor) {
        return record(programme, year, label, list == null || list.payments() == null ? List.of() : list.payments(),
                JSON_BODY, actor);
    }

    private Recorded record(String programme, int year, String label, List<PaymentInput> rows, Origin origin,
                            String actor) {
        Round round = round(programme, year, label, true);
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw invalid(List.of(origin.whole(rows.isEmpty()
                    ? "Daftar pembayaran kosong." : "Paling banyak " + MAX_ROWS + " baris per kiriman.")));
        }
        List<Violation> problems = new ArrayList<>();
        long[] amounts = new long[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            PaymentInput row = rows.get(i);
            if (row == null) {
                problems.add(origin.at(i, null, "Baris kosong: setiap baris berisi nik, status dan nominal atau alasan."));
                continue;
            }
            if (row.nik() == null || !NIK.matcher(row.nik()).matches()) {
                problems.add(origin.at(i, "nik", "NIK harus 16 digit angka."));
            }
            if ("DIBAYAR".equals(row.status())) {
                String wrong = paidRupiahProblem(row.rupiah());
                if (wrong == null) {
                    amounts[i] = row.rupiah().longValueExact();
                } else {
                    problems.add(origin.at(i, "rupiah", wrong));
                }
                if (row.reason() != null) {
                    problems.add(origin.at(i, "reason", "Baris yang dibayar tidak memakai alasan."));
                }
            } else if ("TIDAK_DIBAYAR".equals(row.status())) {
                if (row.rupiah() != null && row.rupiah().signum() != 0) {
                    problems.add(origin.at(i, "rupiah", "Baris yang tidak dibayar tidak bernominal."));
                }
                if (row.reason() == null || !BenefitCycles.GAP_REASONS.contains(row.reason())) {
                    problems.add(origin.at(i, "reason", "Alasan tidak dibayar harus salah satu dari "
                            + BenefitCycles.GAP_REASONS + "."));
                }
            } else {
                problems.add(origin.at(i, "status", "Status harus DIBAYAR atau TIDAK_DIBAYAR."));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        List<Match> matches = match(round, rows.stream().map(PaymentInput::nik).toList());
        Map<UUID, Integer> firstRow = new HashMap<>();
        for (Match match : matches) {
            if (match.enrolmentId() == null) {
                problems.add(origin.at(match.rowIndex(), "nik", "NIK ini bukan KPM " + programme
                        + " yang terdaftar pada periode " + round.periodStart() + " s.d. " + round.periodEnd() + "."));
            } else if (firstRow.putIfAbsent(match.enrolmentId(), match.rowIndex()) != null) {
                problems.add(origin.at(match.rowIndex(), "nik", "KPM yang sama (atau keluarganya) sudah disebut pada "
                        + origin.name(firstRow.get(match.enrolmentId())) + "."));
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        Set<UUID> recordedBefore = new HashSet<>(jdbc.sql("""
                SELECT enrolment_id FROM benefit_payment WHERE cycle_id = ? AND enrolment_id = ANY(?::uuid[])""")
                .params(round.id(), matches.stream().map(m -> m.enrolmentId().toString()).toArray(String[]::new))
                .query(UUID.class).list());
        List<Violation> conflicts = matches.stream().filter(m -> recordedBefore.contains(m.enrolmentId()))
                .map(m -> origin.at(m.rowIndex(), "nik", "Pembayaran KPM ini pada tahap/bulan ini sudah tercatat."))
                .toList();
        if (!conflicts.isEmpty()) {
            throw WelfareProblems.PAYMENTS_EXIST.refuse(
                    conflicts.size() + " baris sudah tercatat sebelumnya; tidak ada yang disimpan.", conflicts);
        }
        long newPaidKpm = 0;
        long newPaidRupiah = 0;
        for (int i = 0; i < rows.size(); i++) {
            if ("DIBAYAR".equals(rows.get(i).status())) {
                newPaidKpm++;
                newPaidRupiah = plus(newPaidRupiah, amounts[i]);
            }
        }
        long[] before = paidTotals(round.id());
        if (before[0] + newPaidKpm > round.sp2dKpm()) {
            problems.add(origin.whole("KPM dibayar menjadi " + (before[0] + newPaidKpm)
                    + ", melebihi SP2D " + round.sp2dKpm() + " KPM."));
        }
        if (plus(before[1], newPaidRupiah) > round.sp2dRupiah()) {
            problems.add(origin.whole("Nominal dibayar menjadi Rp " + plus(before[1], newPaidRupiah)
                    + ", melebihi SP2D Rp " + round.sp2dRupiah() + "."));
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        String[] enrolments = new String[rows.size()];
        String[] kelurahan = new String[rows.size()];
        String[] statuses = new String[rows.size()];
        Long[] rupiah = new Long[rows.size()];
        String[] reasons = new String[rows.size()];
        String[] notes = new String[rows.size()];
        for (Match match : matches) {
            int i = match.rowIndex();
            PaymentInput row = rows.get(i);
            enrolments[i] = match.enrolmentId().toString();
            kelurahan[i] = match.kelurahanCode();
            statuses[i] = row.status();
            rupiah[i] = amounts[i];
            reasons[i] = row.reason();
            notes[i] = row.note() == null || row.note().isBlank() ? null : row.note().strip();
        }
        try {
            jdbc.sql("""
                    INSERT INTO benefit_payment (cycle_id, enrolment_id, kelurahan_code, status, rupiah, reason, note,
                                                 recorded_by)
                    SELECT ?, * , ? FROM unnest(?::uuid[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[])""")
                    .params(round.id(), actor, enrolments,
                            kelurahan, statuses, rupiah, reasons, notes)
                    .update();
        } catch (DuplicateKeyException e) {
            // Another list with the same KPM was stored between our check and this insert.
            throw WelfareProblems.PAYMENTS_EXIST.refuse(
                    "Sebagian KPM daftar ini baru saja dicatat oleh pengguna lain; tidak ada yang disimpan.");
        }
        // The round's totals after this list, so that reporting keeps the latest event and sums nothing itself.
        long[] after = paidTotals(round.id());
        long allRows = jdbc.sql("SELECT count(*) FROM benefit_payment WHERE cycle_id = ?").param(round.id())
                .query(Long.class).single();
        events.publish(new OutgoingEvent(EventCatalog.BENEFIT_PAYMENTS_RECORDED, round.id().toString(),
                round.programme(), new BenefitPaymentsRecorded(round.id(), round.programme(), round.year(),
                round.label(), after[0], after[1], allRows - after[0], allRows, Instant.now())));
        return new Recorded(round.id(), rows.size(), newPaidKpm, newPaidRupiah, rows.size() - newPaidKpm);
    }

    /**
     * The same list as the bank's spreadsheet (CSV or XLSX; columns nik, status, rupiah, alasan, catatan), with the
     * same rules; problems are reported by row and column of the file instead of JSON pointers. Rupiah may be
     * written with thousands dots ("750.000"), as Indonesian spreadsheets do.
     */
    @Transactional
    public Recorded recordFile(String programme, int year, String label, String fileName, Path file, String actor)
            throws IOException {
        round(programme, year, label, false); // 404 before reading a file for a round that does not exist
        List<PaymentInput> rows = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<Violation> problems = new ArrayList<>();
        try (SheetSource sheet = UploadedSheets.open(file, fileName)) {
            Map<String, Integer> columns = UploadedSheets.columns(sheet, List.of("nik", "status"), FILE_COLUMNS);
            for (Iterator<SheetRow> it = sheet.rows(); it.hasNext(); ) {
                SheetRow row = it.next();
                if (rows.size() == MAX_ROWS) {
                    throw invalid(List.of(Violation.cell(row.number(), "nik", null,
                            "Paling banyak " + MAX_ROWS + " baris per berkas.")));
                }
                String nik = row.text(columns.get("nik"));
                if (row.numericCells().contains(columns.get("nik"))) {
                    problems.add(Violation.cell(row.number(), "nik", nik,
                            "NIK tersimpan sebagai angka di Excel (digit terakhir hilang); simpan kolom ini sebagai teks."));
                }
                String amount = RUPIAH_PREFIX.matcher(row.text(columns.get("rupiah"))).replaceFirst("");
                BigDecimal rupiah = null;
                if (!amount.isEmpty()) {
                    String plain = THOUSANDS.matcher(amount).matches() ? amount.replace(".", "") : amount;
                    try {
                        rupiah = new BigDecimal(plain);
                    } catch (NumberFormatException e) {
                        problems.add(Violation.cell(row.number(), "rupiah", amount, "Nominal harus angka rupiah."));
                    }
                }
                String reason = row.text(columns.get("alasan"));
                String note = row.text(columns.get("catatan"));
                rows.add(new PaymentInput(nik, row.text(columns.get("status")).toUpperCase(java.util.Locale.ROOT),
                        rupiah, reason.isEmpty() ? null : reason.toUpperCase(java.util.Locale.ROOT),
                        note.isEmpty() ? null : note));
                lines.add(row.number());
            }
        }
        if (!problems.isEmpty()) {
            throw invalid(problems);
        }
        return record(programme, year, label, rows, new FileRows(rows, lines), actor);
    }

    static final List<String> FILE_COLUMNS = List.of("nik", "status", "rupiah", "alasan", "catatan");

    public PageResponse<Payment> list(String programme, int year, String label, String kelurahanCode, String status,
                                      int page, int size) {
        if (status != null && !"DIBAYAR".equals(status) && !"TIDAK_DIBAYAR".equals(status)) {
            throw WelfareProblems.PARAMETER_INVALID.refuse("Parameter status harus DIBAYAR atau TIDAK_DIBAYAR.",
                    List.of(Violation.field("status", "Status harus DIBAYAR atau TIDAK_DIBAYAR.")));
        }
        Round round = round(programme, year, label, false);
        String condition = "p.cycle_id = ? AND (CAST(? AS text) IS NULL OR p.kelurahan_code = ?)"
                + " AND (CAST(? AS text) IS NULL OR p.status = ?)";
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(round.id(), kelurahanCode, kelurahanCode, status,
                status));
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Payment> items = jdbc.sql("""
                SELECT p.enrolment_id, e.nik, p.kelurahan_code, p.status, p.rupiah, p.reason, p.note, p.recorded_by
                FROM benefit_payment p JOIN enrolment e ON e.id = p.enrolment_id""" + " WHERE " + condition
                        + " ORDER BY p.kelurahan_code, e.nik LIMIT ? OFFSET ?")
                .params(pageArgs).query(Payment.class).list();
        return PageResponse.of(items, page, size, () -> jdbc.sql("SELECT count(*) FROM benefit_payment p WHERE "
                + condition).params(args).query(Long.class).single());
    }

    public Summary summary(String programme, int year, String label) {
        Round round = round(programme, year, label, false);
        Map<String, Map<String, Long>> reasons = new HashMap<>();
        jdbc.sql("""
                SELECT kelurahan_code, reason, count(*) FROM benefit_payment
                WHERE cycle_id = ? AND status = 'TIDAK_DIBAYAR' GROUP BY kelurahan_code, reason ORDER BY reason""")
                .param(round.id())
                .query((rs, n) -> reasons.computeIfAbsent(rs.getString(1), k -> new java.util.LinkedHashMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        List<KelurahanSum> kelurahan = jdbc.sql("""
                SELECT p.kelurahan_code, k.name,
                       count(*) FILTER (WHERE p.status = 'DIBAYAR'), coalesce(sum(p.rupiah), 0),
                       count(*) FILTER (WHERE p.status = 'TIDAK_DIBAYAR')
                FROM benefit_payment p LEFT JOIN kelurahan k ON k.code = p.kelurahan_code
                WHERE p.cycle_id = ? GROUP BY p.kelurahan_code, k.name ORDER BY p.kelurahan_code""")
                .param(round.id())
                .query((rs, n) -> new KelurahanSum(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), reasons.getOrDefault(rs.getString(1), Map.of())))
                .list();
        long paidKpm = kelurahan.stream().mapToLong(KelurahanSum::paidKpm).sum();
        long paidRupiah = kelurahan.stream().mapToLong(KelurahanSum::paidRupiah).sum();
        long unpaidKpm = kelurahan.stream().mapToLong(KelurahanSum::unpaidKpm).sum();
        Boolean matches = round.realisedKpm() == null || round.realisedRupiah() == null || kelurahan.isEmpty() ? null
                : round.realisedKpm() == paidKpm && round.realisedRupiah() == paidRupiah;
        return new Summary(round.programme(), round.year(), round.label(), round.sp2dKpm(), round.sp2dRupiah(),
                round.realisedKpm(), round.realisedRupiah(), paidKpm, paidRupiah, unpaidKpm, matches, kelurahan);
    }

    /**
     * For each NIK, the enrolment of the programme running in the round's period: the KPM's own NIK first, else (a
     * family programme) the family of the household the NIK belongs to. Any resident row counts, living or not: the
     * bank's list describes a round already paid, and the member it names may have died or moved since. (The
     * verification API asks about today, so it names the family only by a living member; BeneficiaryVerification.)
     */
    private List<Match> match(Round round, List<String> niks) {
        return jdbc.sql("""
                SELECT i.n - 1 AS row_index, e.id AS enrolment_id, e.kelurahan_code
                FROM unnest(?::text[]) WITH ORDINALITY AS i(nik, n)
                LEFT JOIN LATERAL (
                    SELECT e.id, e.kelurahan_code FROM enrolment e JOIN programme p ON p.code = e.programme_code
                    WHERE e.programme_code = ? AND e.period_start <= ?
                      AND (e.period_end IS NULL OR e.period_end >= ?)
                      AND (e.nik = i.nik OR (p.unit = 'KELUARGA' AND e.household_id IN (
                           SELECT r.household_id FROM resident r WHERE r.nik = i.nik AND r.household_id IS NOT NULL)))
                    ORDER BY e.nik = i.nik DESC, e.period_start DESC LIMIT 1) e ON true
                ORDER BY i.n""")
                .params(niks.toArray(String[]::new), round.programme(), round.periodEnd(), round.periodStart())
                .query(Match.class).list();
    }

    private long[] paidTotals(UUID cycle) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status = 'DIBAYAR'), coalesce(sum(rupiah), 0) FROM benefit_payment
                WHERE cycle_id = ?""").param(cycle)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** The round, locked for this transaction when payments are added (their SP2D check must see all of them). */
    private Round round(String programme, int year, String label, boolean lock) {
        return jdbc.sql("""
                SELECT id, programme_code AS programme, year, label, period_start, period_end, sp2d_kpm::bigint,
                       sp2d_rupiah, realised_kpm::bigint, realised_rupiah
                FROM benefit_cycle WHERE programme_code = ? AND year = ? AND label = ?""" + (lock ? " FOR UPDATE" : ""))
                .params(programme, year, label == null ? null : label.trim().toUpperCase())
                .query(Round.class).optional()
                .orElseThrow(() -> WelfareProblems.CYCLE_NOT_FOUND.refuse(
                        "Penyaluran " + programme + " tahun " + year + " tahap/bulan " + label + " belum tercatat."));
    }

    /** What is wrong with a paid row's amount, or null when it is whole, positive rupiah that fits a long. */
    private static String paidRupiahProblem(BigDecimal value) {
        if (value == null) {
            return "Nominal yang dibayar wajib diisi.";
        } else if (value.signum() <= 0) {
            return "Nominal yang dibayar harus lebih dari 0.";
        } else if (value.stripTrailingZeros().scale() > 0) {
            return "Nominal harus bilangan bulat rupiah.";
        } else if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return "Nominal terlalu besar.";
        }
        return null;
    }

    /** Sums of rupiah that cannot wrap around: a total past the largest long is above any SP2D anyway. */
    private static long plus(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Refusal invalid(List<Violation> problems) {
        return WelfareProblems.PAYMENTS_INVALID.refuse(
                "Daftar pembayaran tidak dapat disimpan; tidak ada baris yang disimpan. Periksa baris yang disebutkan.",
                problems);
    }
}
