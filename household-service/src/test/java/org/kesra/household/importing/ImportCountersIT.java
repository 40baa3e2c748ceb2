package org.kesra.household.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What an import says it did with each row: the counters add up in both modes ({@code rowsRead = rowsValid +
 * rowsWithProblems}, {@code rowsValid = personsCreated + rowsSkipped}) and every row that was not saved is in the
 * problem report with the reason.
 */
class ImportCountersIT extends ImportApiIntegrationBase {

    @Test
    void aRowRefusedAgainstTheRegistryIsNotCountedValid() {
        JsonNode existing = registered(OPERATOR, household(MULYOJATI, List.of(
                person("Sudah Ada", LocalDate.of(1981, 3, 3), "L", "KEPALA_KELUARGA"))));
        String registeredNik = existing.path("members").get(0).path("nik").asString();
        String kk = kk();
        List<String> rows = new ArrayList<>(family(kk, MULYOJATI, "Hitung"));
        rows.add(row(kk, MULYOJATI, "4", registeredNik, "Sudah Ada", LocalDate.of(1981, 3, 3), "L", "ANAK"));

        JsonNode done = imported(OPERATOR, csv(HEADER, rows), null);

        assertThat(done.path("status").asString()).isEqualTo("DITOLAK");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(4);
        assertThat(done.path("rowsWithProblems").asLong()).isEqualTo(1);
        assertThat(done.path("rowsValid").asLong()).isEqualTo(3);
        assertThat(done.path("personsCreated").asLong()).isZero();
        assertThat(done.path("rowsSkipped").asLong()).as("a rejected file holds back its valid rows").isEqualTo(3);
    }

    @Test
    void rowsRefusedAcrossRowsAreNotCountedValidEither() {
        String twice = nik(LocalDate.of(1992, 2, 2), "L");
        List<String> rows = new ArrayList<>(family(kk(), MULYOJATI, "Kembar"));
        rows.add(row(kk(), MULYOJATI, "1", twice, "Satu Nik", LocalDate.of(1992, 2, 2), "L", "KEPALA_KELUARGA"));
        rows.add(row(kk(), MULYOJATI, "1", twice, "Satu Nik Lagi", LocalDate.of(1992, 2, 2), "L", "KEPALA_KELUARGA"));
        rows.add(row(kk(), "18.72.09.9999", "1", nik(LocalDate.of(1982, 2, 2), "L"), "Salah Kelurahan",
                LocalDate.of(1982, 2, 2), "L", "KEPALA_KELUARGA"));

        JsonNode done = imported(OPERATOR, csv(HEADER, rows), null);

        assertThat(done.path("status").asString()).isEqualTo("DITOLAK");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(6);
        assertThat(done.path("rowsWithProblems").asLong()).isEqualTo(3);
        assertThat(done.path("rowsValid").asLong()).isEqualTo(3);
        assertThat(done.path("rowsValid").asLong() + done.path("rowsWithProblems").asLong())
                .isEqualTo(done.path("rowsRead").asLong());
    }

    @Test
    void partialModeReportsEveryRowItHoldsBackWithTheRowThatCausedIt() {
        String broken = kk();
        String clean = kk();
        List<String> rows = new ArrayList<>(family(broken, MULYOJATI, "Empat"));                            // rows 2-4
        // Day 72 is no date, for a woman (day + 40) or a man.
        rows.add(row(broken, MULYOJATI, "4", "1872037203120" + String.format("%03d", (int) (Math.random() * 1000)),
                "Anak Salah", LocalDate.of(2012, 3, 1), "P", "ANAK"));                                    // row 5
        rows.addAll(family(clean, MULYOJATI, "Tiga"));                                                    // rows 6-8

        JsonNode done = imported(OPERATOR, csv(HEADER, rows), "mode=SEBAGIAN");

        assertThat(done.path("status").asString()).isEqualTo("SELESAI");
        assertThat(done.path("rowsRead").asLong()).isEqualTo(7);
        assertThat(done.path("rowsWithProblems").asLong()).isEqualTo(1);
        assertThat(done.path("personsCreated").asLong()).isEqualTo(3);
        assertThat(done.path("rowsSkipped").asLong()).isEqualTo(3);
        assertThat(done.path("rowsValid").asLong()).isEqualTo(6);
        assertThat(done.path("personsCreated").asLong() + done.path("rowsWithProblems").asLong()
                + done.path("rowsSkipped").asLong()).isEqualTo(done.path("rowsRead").asLong());

        List<JsonNode> problems = problems(OPERATOR, done.path("id").asString());
        assertThat(problems.stream().map(p -> p.path("rowNumber").asLong()).distinct().toList())
                .containsExactlyInAnyOrder(2L, 3L, 4L, 5L);
        assertThat(problems).anyMatch(p -> p.path("rowNumber").asLong() == 5 && "nik".equals(p.path("column").asString()));
        for (long skipped = 2; skipped <= 4; skipped++) {
            long row = skipped;
            JsonNode report = problems.stream().filter(p -> p.path("rowNumber").asLong() == row).findFirst()
                    .orElseThrow();
            assertThat(report.path("message").asString()).startsWith("dilewati").contains("KK " + broken)
                    .contains("baris 5");
        }
    }
}
