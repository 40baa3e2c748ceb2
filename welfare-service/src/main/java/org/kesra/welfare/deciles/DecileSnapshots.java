package org.kesra.welfare.deciles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kesra.platform.web.Violation;
import org.kesra.sheets.SheetRow;
import org.kesra.sheets.SheetSource;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.catalogue.ProgrammeCatalogue;
import org.kesra.welfare.residents.ResidentProjection;
import org.kesra.welfare.uploads.UploadedSheets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarterly DTSEN decile lists, kept as snapshots, and the eligibility they decide: a programme's rule
 * {@code DESIL_MAKS} (PKH 4, Sembako 5, effective-dated in the catalogue) against the family's decile in the newest
 * list that had begun by the date asked. A list is all or nothing: any bad row and nothing is stored.
 */
@Service
public class DecileSnapshots {

    // Checked on every row of a city-wide list: compiled once.
    private static final java.util.regex.Pattern KK = java.util.regex.Pattern.compile("[0-9]{16}");
    private static final java.util.regex.Pattern DECILE = java.util.regex.Pattern.compile("10|[1-9]");

    static final int MAX_PROBLEMS = 200;
    private static final List<String> COLUMNS = List.of("no_kk", "desil");

    private final JdbcClient jdbc;
    private final ResidentProjection residents;
    private final ProgrammeCatalogue catalogue;

    public DecileSnapshots(JdbcClient jdbc, ResidentProjection residents, ProgrammeCatalogue catalogue) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.catalogue = catalogue;
    }

    public record ImportResult(UUID id, String period, LocalDate periodFrom, int rows, String fileSha256) {
    }

    public record ProgrammeEligibility(String programme, Long maxDecile, Boolean eligible, String reason) {
    }

    public record Eligibility(String nik, LocalDate date, String period, Integer decile,
                              List<ProgrammeEligibility> programmes) {
    }

    /** The quarter's list from a spooled upload (CSV or XLSX, columns no_kk and desil); all rows or none. */
    @Transactional
    public ImportResult importList(String period, String fileName, Path file, String hash, String actor)
            throws IOException {
        if (period == null || !period.matches("[0-9]{4}-Q[1-4]")) {
            throw WelfareProblems.PERIOD_INVALID.refuse("Periode ditulis TTTT-Qn, mis. 2025-Q3.");
        }
        if (jdbc.sql("SELECT count(*) FROM decile_import WHERE period = ?").param(period).query(Long.class).single() > 0) {
            throw WelfareProblems.DECILE_LIST_EXISTS.refuse(
                    "Daftar desil periode " + period + " sudah diunggah; daftar per periode tidak ditimpa.");
        }
        LocalDate from = LocalDate.of(Integer.parseInt(period.substring(0, 4)),
                (Integer.parseInt(period.substring(6)) - 1) * 3 + 1, 1);
        Map<String, Long> seen = new HashMap<>();
        List<Violation> problems = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        try (SheetSource sheet = UploadedSheets.open(file, fileName)) {
            Map<String, Integer> columns = UploadedSheets.columns(sheet, COLUMNS, COLUMNS);
            int kkColumn = columns.get("no_kk");
            int decileColumn = columns.get("desil");
            for (Iterator<SheetRow> it = sheet.rows(); it.hasNext(); ) {
                SheetRow record = it.next();
                long line = record.number();
                String kk = record.text(kkColumn);
                String decile = record.text(decileColumn);
                boolean ok = true;
                if (record.numericCells().contains(kkColumn)) {
                    // Excel keeps 15 significant digits of a number: a 16-digit KK typed as a number is already wrong.
                    problems.add(Violation.cell(line, "no_kk", kk,
                            "Nomor KK tersimpan sebagai angka di Excel (digit terakhir hilang); simpan kolom ini sebagai teks."));
                    ok = false;
                } else if (!KK.matcher(kk).matches()) {
                    problems.add(Violation.cell(line, "no_kk", kk, "Nomor KK harus 16 digit angka."));
                    ok = false;
                } else if (seen.containsKey(kk)) {
                    problems.add(Violation.cell(line, "no_kk", kk, "Nomor KK ini sudah ada di baris " + seen.get(kk) + "."));
                    ok = false;
                }
                if (!DECILE.matcher(decile).matches()) {
                    problems.add(Violation.cell(line, "desil", decile, "Desil harus bilangan bulat 1 sampai 10."));
                    ok = false;
                }
                if (ok) {
                    seen.put(kk, line);
                    rows.add(new Object[] {period, kk, Short.parseShort(decile)});
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    break;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw WelfareProblems.DECILE_LIST_INVALID.refuse(
                    "Daftar desil tidak disimpan: " + problems.size() + (problems.size() >= MAX_PROBLEMS ? "+" : "")
                            + " baris bermasalah. Perbaiki lalu unggah lagi.", problems);
        }
        if (rows.isEmpty()) {
            throw WelfareProblems.LIST_EMPTY.refuse("Berkas tidak berisi baris data.");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO decile_import (id, period, period_from, file_sha256, row_count, imported_by)
                VALUES (?, ?, ?, ?, ?, ?)""").params(id, period, from, hash, rows.size(), actor).update();
        for (int start = 0; start < rows.size(); start += 5_000) {
            List<Object[]> batch = rows.subList(start, Math.min(rows.size(), start + 5_000));
            jdbc.sql("INSERT INTO decile_snapshot (period, kk_number, decile) SELECT * FROM unnest(?::text[], ?::text[], ?::smallint[])")
                    .params(batch.stream().map(r -> r[0]).toArray(String[]::new),
                            batch.stream().map(r -> r[1]).toArray(String[]::new),
                            batch.stream().map(r -> r[2]).toArray(Short[]::new))
                    .update();
        }
        return new ImportResult(id, period, from, rows.size(), hash);
    }

    public Eligibility eligibility(String nik, LocalDate date) {
        ResidentProjection.Resident resident = residents.byNik(nik).orElseThrow(() -> WelfareProblems.NIK_NOT_REGISTERED.refuse(
                "NIK ini tidak ada dalam registri rumah tangga."));
        Optional<Map.Entry<String, Integer>> snapshot = resident.kkNumber() == null ? Optional.empty() : jdbc.sql("""
                SELECT s.period, s.decile FROM decile_snapshot s JOIN decile_import i ON i.period = s.period
                WHERE s.kk_number = ? AND i.period_from <= ? ORDER BY i.period_from DESC LIMIT 1""")
                .params(resident.kkNumber(), date)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).optional();
        List<ProgrammeEligibility> programmes = new ArrayList<>();
        for (ProgrammeCatalogue.Programme programme : catalogue.programmes()) {
            Optional<Long> max = catalogue.parameter(programme.code(), "DESIL_MAKS", date);
            if (max.isEmpty()) {
                continue;
            }
            programmes.add(judge(programme.code(), max.get(), snapshot.map(Map.Entry::getKey).orElse(null),
                    snapshot.map(Map.Entry::getValue).orElse(null)));
        }
        return new Eligibility(nik, date, snapshot.map(Map.Entry::getKey).orElse(null),
                snapshot.map(Map.Entry::getValue).orElse(null), programmes);
    }

    /**
     * The rule itself: a family is eligible for a programme when its decile in the list in force is at most the
     * programme's {@code DESIL_MAKS}; a family in no list is undecided ({@code eligible} null), not refused.
     */
    static ProgrammeEligibility judge(String programme, long maxDecile, String period, Integer decile) {
        if (decile == null) {
            return new ProgrammeEligibility(programme, maxDecile, null,
                    "Keluarga ini tidak ada dalam daftar desil yang berlaku; kelayakan belum dapat ditentukan.");
        }
        boolean eligible = decile <= maxDecile;
        return new ProgrammeEligibility(programme, maxDecile, eligible, "Desil " + decile
                + (eligible ? " termasuk" : " di luar") + " desil 1-" + maxDecile + " (daftar " + period + ").");
    }
}
