package org.kesra.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CSV row's number is its line in the file, so a problem said "row 5" is found on line 5. */
class CsvSourceTest {

    @TempDir
    Path dir;

    @Test
    void rowNumbersAreTheFilesLinesAlsoAfterBlankLines() throws Exception {
        Path file = dir.resolve("renstra.csv");
        Files.writeString(file, "Kode;Indikator\n1.06.02;PSKS\n\n\n1.06.02.2.02;Izin\n1.06.02.2.03;PSKS dilatih",
                StandardCharsets.UTF_8);
        List<Long> numbers = new ArrayList<>();
        try (SheetSource source = SheetFiles.open(file, SheetFiles.CSV)) {
            assertThat(source.header()).containsExactly("Kode", "Indikator");
            source.rows().forEachRemaining(row -> numbers.add(row.number()));
        }
        assertThat(numbers).containsExactly(2L, 5L, 6L);
    }

    @Test
    void withoutBlankLinesTheRowNumberIsTheRecordsAsBefore() throws Exception {
        Path file = dir.resolve("kader.csv");
        Files.writeString(file, "nik,nama\n1872051503160001,Ana\n1872051503160002,Budi\n", StandardCharsets.UTF_8);
        List<Long> numbers = new ArrayList<>();
        try (SheetSource source = SheetFiles.open(file, SheetFiles.CSV)) {
            source.rows().forEachRemaining(row -> numbers.add(row.number()));
        }
        assertThat(numbers).containsExactly(2L, 3L);
    }
}
