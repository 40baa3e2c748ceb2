package db.migration;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Loads Kota Metro's PKH expansion rounds 2016-2021 ({@code reference/pkh-expansion-kota-metro.csv}, Tabel 2.2). */
public class V202611240011__LoadPkhExpansion extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                getClass().getResourceAsStream("/reference/pkh-expansion-kota-metro.csv")), StandardCharsets.UTF_8);
             PreparedStatement insert = context.getConnection().prepareStatement("""
                     INSERT INTO expansion_round (id, programme_code, year, label, kind, candidates, eligible,
                                                  not_eligible, note, recorded_by)
                     VALUES (?, 'PKH', ?, ?, ?, ?, ?, ?, ?, 'migrasi:seed-001-tabel-2.2')""")) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            if (!parser.getHeaderNames().equals(List.of("year", "label", "kind", "candidates", "eligible",
                    "not_eligible", "note"))) {
                throw new IllegalStateException("unexpected header in pkh-expansion-kota-metro.csv");
            }
            for (CSVRecord row : parser) {
                insert.setObject(1, UUID.nameUUIDFromBytes(("PKH:" + row.get("year") + ":" + row.get("label"))
                        .getBytes(StandardCharsets.UTF_8)));
                insert.setInt(2, Integer.parseInt(row.get("year")));
                insert.setString(3, row.get("label"));
                insert.setString(4, row.get("kind"));
                integer(insert, 5, row.get("candidates"));
                insert.setInt(6, Integer.parseInt(row.get("eligible")));
                integer(insert, 7, row.get("not_eligible"));
                insert.setString(8, row.get("note").isBlank() ? "seed 001 Tabel 2.2" : "seed 001 Tabel 2.2: "
                        + row.get("note"));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void integer(PreparedStatement insert, int index, String value) throws Exception {
        if (value.isBlank()) {
            insert.setNull(index, Types.INTEGER);
        } else {
            insert.setInt(index, Integer.parseInt(value));
        }
    }
}
