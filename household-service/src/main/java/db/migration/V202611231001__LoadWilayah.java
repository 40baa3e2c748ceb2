package db.migration;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Loads the Kemendagri region codes from {@code reference/wilayah-kota-metro.csv} (copied unchanged from the shared
 * reference data): the codes are data, never typed into code or SQL.
 */
public class V202611231001__LoadWilayah extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/reference/wilayah-kota-metro.csv");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
             PreparedStatement insert = context.getConnection().prepareStatement(
                     "INSERT INTO wilayah (code, name, level, parent_code) VALUES (?, ?, ?, ?)")) {
            String header = lines.readLine();
            if (!"code,name,level,parent_code".equals(header)) {
                throw new IllegalStateException("unexpected header in wilayah-kota-metro.csv: " + header);
            }
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                insert.setString(1, fields[0]);
                insert.setString(2, fields[1]);
                insert.setString(3, fields[2]);
                insert.setString(4, fields[3].isEmpty() ? null : fields[3]);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
