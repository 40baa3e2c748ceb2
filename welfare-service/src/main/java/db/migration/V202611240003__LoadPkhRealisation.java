package db.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Sets when each programme began ({@code reference/programme-starts.csv}) and loads Kota Metro's PKH realisation
 * 2016-2021 per stage ({@code reference/pkh-realisation-kota-metro.csv}, seed 001 Tabel 2.1) as benefit cycles:
 * the city's own record, read back through the API like any cycle entered later. The table's CHECKs apply (a
 * realisation above its SP2D would stop the migration); the one typo in the seed is corrected in the file, which
 * says so.
 */
public class V202611240003__LoadPkhRealisation extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement update = context.getConnection().prepareStatement(
                "UPDATE programme SET started_on = ? WHERE code = ?")) {
            for (CSVRecord row : ReferenceCsv.read("programme-starts.csv", "code", "started_on", "source")) {
                update.setDate(1, Date.valueOf(LocalDate.parse(row.get("started_on"))));
                update.setString(2, row.get("code"));
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("programme-starts.csv names an unknown programme " + row.get("code"));
                }
            }
        }
        try (PreparedStatement insert = context.getConnection().prepareStatement("""
                INSERT INTO benefit_cycle (id, programme_code, year, label, kind, period_start, period_end, sp2d_kpm,
                                           sp2d_rupiah, realised_kpm, realised_rupiah, note, recorded_by)
                VALUES (?, 'PKH', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'migrasi:seed-001-tabel-2.1')""")) {
            for (CSVRecord row : ReferenceCsv.read("pkh-realisation-kota-metro.csv",
                    "year", "label", "kind", "period_start",
                    "period_end", "sp2d_kpm", "sp2d_rupiah", "realised_kpm", "realised_rupiah", "note")) {
                insert.setObject(1, UUID.nameUUIDFromBytes(("PKH:" + row.get("year") + ":" + row.get("label"))
                        .getBytes(StandardCharsets.UTF_8)));
                insert.setInt(2, Integer.parseInt(row.get("year")));
                insert.setString(3, row.get("label"));
                insert.setString(4, row.get("kind"));
                insert.setDate(5, Date.valueOf(LocalDate.parse(row.get("period_start"))));
                insert.setDate(6, Date.valueOf(LocalDate.parse(row.get("period_end"))));
                insert.setInt(7, Integer.parseInt(row.get("sp2d_kpm")));
                insert.setLong(8, Long.parseLong(row.get("sp2d_rupiah")));
                insert.setInt(9, Integer.parseInt(row.get("realised_kpm")));
                insert.setLong(10, Long.parseLong(row.get("realised_rupiah")));
                insert.setString(11, row.get("note").isBlank() ? "seed 001 Tabel 2.1" : "seed 001 Tabel 2.1: "
                        + row.get("note"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
