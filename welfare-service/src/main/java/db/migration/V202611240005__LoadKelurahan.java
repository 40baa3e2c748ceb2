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

/** Loads the city's kelurahan from {@code reference/wilayah-kota-metro.csv} (shared reference, copied unchanged). */
public class V202611240005__LoadKelurahan extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/reference/wilayah-kota-metro.csv")), StandardCharsets.UTF_8);
             PreparedStatement insert = context.getConnection().prepareStatement(
                     "INSERT INTO kelurahan (code, name, kecamatan_code) VALUES (?, ?, ?)")) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            if (!parser.getHeaderNames().equals(List.of("code", "name", "level", "parent_code"))) {
                throw new IllegalStateException("unexpected header in wilayah-kota-metro.csv: " + parser.getHeaderNames());
            }
            for (CSVRecord row : parser) {
                if ("kelurahan".equals(row.get("level"))) {
                    insert.setString(1, row.get("code"));
                    insert.setString(2, row.get("name"));
                    insert.setString(3, row.get("parent_code"));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
