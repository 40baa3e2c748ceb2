package db.migration;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the programme catalogue from {@code reference/} (the shared reference tables, copied unchanged, and
 * welfare-service's own programme files; see its README): amounts and rules are data with a start date, never typed
 * into code. Later changes are new versions through the API.
 */
public class V202611240001__LoadProgrammeCatalogue extends BaseJavaMigration {

    private static final String LOADED_BY = "migrasi:referensi";

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO programme (code, name, unit, source) VALUES (?, ?, ?, ?)")) {
            for (CSVRecord row : ReferenceCsv.read("programmes.csv", "code", "name", "unit", "source")) {
                insert.setString(1, row.get("code"));
                insert.setString(2, row.get("name"));
                insert.setString(3, row.get("unit"));
                insert.setString(4, row.get("source"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO programme_amount (programme_code, component, funding, per, valid_from, rupiah, source,
                                              recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (CSVRecord row : ReferenceCsv.read("pkh-components.csv",
                    "component", "rupiah_per_year", "rupiah_per_tahap",
                    "valid_from", "note")) {
                String source = "reference pkh-components.csv: " + row.get("note");
                amount(insert, "PKH", row.get("component"), "APBN", "TAHUN", row.get("valid_from"),
                        row.get("rupiah_per_year"), source);
                amount(insert, "PKH", row.get("component"), "APBN", "TAHAP", row.get("valid_from"),
                        row.get("rupiah_per_tahap"), source);
            }
            for (CSVRecord row : ReferenceCsv.read("sembako-index.csv",
                    "valid_from", "rupiah_per_kpm_per_month", "programme",
                    "source")) {
                amount(insert, "SEMBAKO", "INDEKS", "APBN", "BULAN", row.get("valid_from"),
                        row.get("rupiah_per_kpm_per_month"), "reference sembako-index.csv (" + row.get("programme")
                                + "): " + row.get("source"));
            }
            for (CSVRecord row : ReferenceCsv.read("kube-funding.csv",
                    "valid_from", "funding", "rupiah_per_group", "source")) {
                amount(insert, "KUBE", "BANTUAN_USAHA", row.get("funding"), "KELOMPOK", row.get("valid_from"),
                        row.get("rupiah_per_group"), row.get("source"));
            }
            insert.executeBatch();
        }
        try (PreparedStatement insert = db.prepareStatement("""
                INSERT INTO programme_parameter (programme_code, name, valid_from, value, source, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (CSVRecord row : ReferenceCsv.read("programme-parameters.csv",
                    "programme", "name", "valid_from", "value",
                    "source")) {
                insert.setString(1, row.get("programme"));
                insert.setString(2, row.get("name"));
                insert.setDate(3, Date.valueOf(LocalDate.parse(row.get("valid_from"))));
                insert.setLong(4, Long.parseLong(row.get("value")));
                insert.setString(5, row.get("source"));
                insert.setString(6, LOADED_BY);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        categories(db, "ppks_category", "ppks-categories.csv");
        categories(db, "psks_category", "psks-categories.csv");
    }

    private static void amount(PreparedStatement insert, String programme, String component, String funding,
                               String per, String validFrom, String rupiah, String source) throws Exception {
        insert.setString(1, programme);
        insert.setString(2, component);
        insert.setString(3, funding);
        insert.setString(4, per);
        insert.setDate(5, Date.valueOf(LocalDate.parse(validFrom)));
        insert.setLong(6, Long.parseLong(rupiah));
        insert.setString(7, source);
        insert.setString(8, LOADED_BY);
        insert.addBatch();
    }

    private static void categories(Connection db, String table, String file) throws Exception {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO " + table + " (no, abbrev, name) VALUES (?, ?, ?)")) {
            for (CSVRecord row : ReferenceCsv.read(file, "no", "abbrev", "name")) {
                insert.setInt(1, Integer.parseInt(row.get("no")));
                insert.setString(2, row.get("abbrev"));
                insert.setString(3, row.get("name"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
