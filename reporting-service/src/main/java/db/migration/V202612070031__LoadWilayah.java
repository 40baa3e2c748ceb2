package db.migration;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the city's kecamatan and kelurahan from {@code reference/wilayah-kota-metro.csv} (the shared reference file,
 * copied unchanged from welfare-service): reports name regions by code and must tell an unknown one (404) from one
 * without data (an empty, valid report). No service publishes regions as events, so this is reference data.
 */
public class V202612070031__LoadWilayah extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/reference/wilayah-kota-metro.csv")), StandardCharsets.UTF_8);
             PreparedStatement insert = context.getConnection().prepareStatement(
                     "INSERT INTO wilayah (code, name, level, parent_code) VALUES (?, ?, ?, ?)")) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            if (!parser.getHeaderNames().equals(List.of("code", "name", "level", "parent_code"))) {
                throw new IllegalStateException("unexpected header in wilayah-kota-metro.csv: " + parser.getHeaderNames());
            }
            for (CSVRecord row : parser) {
                String level = row.get("level");
                if ("kecamatan".equals(level) || "kelurahan".equals(level)) {
                    insert.setString(1, row.get("code"));
                    insert.setString(2, row.get("name"));
                    insert.setString(3, level);
                    insert.setString(4, row.get("parent_code"));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
