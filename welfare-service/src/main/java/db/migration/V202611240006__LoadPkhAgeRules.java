package db.migration;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Loads the school-age rules of PKH components ({@code reference/pkh-age-rules.csv}) as programme parameters. */
public class V202611240006__LoadPkhAgeRules extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/reference/pkh-age-rules.csv")), StandardCharsets.UTF_8);
             PreparedStatement insert = context.getConnection().prepareStatement("""
                     INSERT INTO programme_parameter (programme_code, name, valid_from, value, source, recorded_by)
                     VALUES (?, ?, ?, ?, ?, 'migrasi:referensi')""")) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            if (!parser.getHeaderNames().equals(List.of("programme", "name", "valid_from", "value", "source"))) {
                throw new IllegalStateException("unexpected header in pkh-age-rules.csv: " + parser.getHeaderNames());
            }
            for (CSVRecord row : parser) {
                insert.setString(1, row.get("programme"));
                insert.setString(2, row.get("name"));
                insert.setDate(3, Date.valueOf(LocalDate.parse(row.get("valid_from"))));
                insert.setLong(4, Long.parseLong(row.get("value")));
                insert.setString(5, row.get("source"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
