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
 * Loads the BPNT / Sembako months that seed 001 states in its text ({@code reference/sembako-realisation-kota-metro.csv})
 * as benefit cycles. The seed gives one count of families per month, so SP2D and realisation are that count; the
 * rupiah is the count times the Sembako index in force that month, taken from the catalogue already loaded (the index
 * is data with its own history, so it is not retyped in the file). The other months exist only as diagrams in the
 * seed and are entered through the API.
 */
public class V202611250001__LoadSembakoRealisation extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (PreparedStatement insert = context.getConnection().prepareStatement("""
                INSERT INTO benefit_cycle (id, programme_code, year, label, kind, period_start, period_end, sp2d_kpm,
                                           sp2d_rupiah, realised_kpm, realised_rupiah, note, recorded_by)
                SELECT ?, 'SEMBAKO', ?, ?, 'BULAN', ?, ?, ?, index.rupiah * ?, ?, index.rupiah * ?, ?,
                       'migrasi:seed-001-bsp-sembako'
                FROM (SELECT rupiah FROM programme_amount
                      WHERE programme_code = 'SEMBAKO' AND component = 'INDEKS' AND per = 'BULAN' AND valid_from <= ?
                      ORDER BY valid_from DESC LIMIT 1) index""")) {
            for (CSVRecord row : ReferenceCsv.read("sembako-realisation-kota-metro.csv",
                    "year", "label", "period_start", "period_end", "kpm", "note")) {
                LocalDate start = LocalDate.parse(row.get("period_start"));
                int kpm = Integer.parseInt(row.get("kpm"));
                insert.setObject(1, UUID.nameUUIDFromBytes(("SEMBAKO:" + row.get("year") + ":" + row.get("label"))
                        .getBytes(StandardCharsets.UTF_8)));
                insert.setInt(2, Integer.parseInt(row.get("year")));
                insert.setString(3, row.get("label"));
                insert.setDate(4, Date.valueOf(start));
                insert.setDate(5, Date.valueOf(LocalDate.parse(row.get("period_end"))));
                insert.setInt(6, kpm);
                insert.setLong(7, kpm);
                insert.setInt(8, kpm);
                insert.setLong(9, kpm);
                insert.setString(10, "seed 001 Bab II (BSP Sembako): " + row.get("note"));
                insert.setDate(11, Date.valueOf(start));
                // No index in force that month would insert nothing: a wrong file must stop the migration.
                if (insert.executeUpdate() != 1) {
                    throw new IllegalStateException("no Sembako index in force on " + start);
                }
            }
        }
    }
}
