package db.migration;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a file of {@code reference/} for the migrations that load it, after checking that its header is the one the
 * migration was written for. Not a migration itself (Flyway runs only classes that implement JavaMigration).
 */
final class ReferenceCsv {

    private ReferenceCsv() {
    }

    static List<CSVRecord> read(String file, String... header) throws Exception {
        try (Reader in = new InputStreamReader(Objects.requireNonNull(
                ReferenceCsv.class.getResourceAsStream("/reference/" + file), file), StandardCharsets.UTF_8)) {
            var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
            if (!parser.getHeaderNames().equals(List.of(header))) {
                throw new IllegalStateException("unexpected header in " + file + ": " + parser.getHeaderNames());
            }
            return parser.getRecords();
        }
    }
}
