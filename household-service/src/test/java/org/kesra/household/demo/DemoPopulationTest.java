package org.kesra.household.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kesra.household.registry.Nik;
import org.kesra.household.registry.Sex;

/** The demo population matches the seed figures where they exist and the registry's rules everywhere. */
class DemoPopulationTest {

    private static final String REJOMULYO = "18.72.05.1001";
    private static String text;
    private static List<CSVRecord> rows;

    @BeforeAll
    static void generate() throws IOException {
        StringWriter out = new StringWriter();
        DemoPopulation.Summary summary = new DemoPopulation().write(out, 1.0);
        text = out.toString();
        rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))
                .getRecords();
        assertThat(summary.persons()).isEqualTo(rows.size());
    }

    @Test
    void aboutAHundredSeventyThousandPersonsInFiftyThousandHouseholdsOverTwentyTwoKelurahan() {
        assertThat(rows).hasSize(170_000);
        assertThat(rows.stream().map(r -> r.get("kk_number")).distinct().count()).isEqualTo(50_000);
        assertThat(rows.stream().map(r -> r.get("kelurahan_code")).distinct().count()).isEqualTo(22);
    }

    @Test
    void rejomulyoHasTheFiguresOfSeed000() {
        List<CSVRecord> rejomulyo = rows.stream().filter(r -> r.get("kelurahan_code").equals(REJOMULYO)).toList();
        assertThat(rejomulyo).hasSize(5_542);
        assertThat(rejomulyo.stream().filter(r -> r.get("sex").equals("L")).count()).isEqualTo(2_823);
        assertThat(rejomulyo.stream().filter(r -> r.get("sex").equals("P")).count()).isEqualTo(2_719);
        assertThat(rejomulyo.stream().map(r -> r.get("kk_number")).distinct().count()).isEqualTo(1_817);
        assertThat(rejomulyo.stream().map(r -> r.get("rw")).distinct().count()).isLessThanOrEqualTo(7);
    }

    @Test
    void rejomulyosEducationIsExactlyTabel22() {
        Map<String, int[]> byEducation = new HashMap<>();
        rows.stream().filter(r -> r.get("kelurahan_code").equals(REJOMULYO)).forEach(r -> byEducation
                .computeIfAbsent(r.get("education"), k -> new int[2])[r.get("sex").equals("L") ? 0 : 1]++);
        assertThat(byEducation.get("SD")).containsExactly(718, 656);
        assertThat(byEducation.get("SLTP")).containsExactly(552, 528);
        assertThat(byEducation.get("SLTA")).containsExactly(592, 647);
        assertThat(byEducation.get("DIPLOMA")).containsExactly(69, 75);
        assertThat(byEducation.get("SARJANA")).containsExactly(93, 113);
        assertThat(byEducation.get("PONDOK_PESANTREN")).containsExactly(130, 139);
        assertThat(byEducation.get("MADRASAH")).containsExactly(72, 45);
        assertThat(byEducation).doesNotContainKey("PENDIDIKAN_KEAGAMAAN");
        assertThat(byEducation.get("SLB")).containsExactly(20, 6);
        assertThat(byEducation.get("KURSUS")).containsExactly(82, 47);
        assertThat(byEducation.get("LAINNYA")).containsExactly(495, 463);
    }

    @Test
    void everyNikIsValidUniqueAndAgreesWithBirthDateAndSexAndEveryCardHasOneHead() {
        Set<String> niks = new HashSet<>();
        Map<String, Integer> heads = new HashMap<>();
        for (CSVRecord r : rows) {
            String nik = r.get("nik");
            assertThat(Nik.problems(nik)).as(nik).isEmpty();
            assertThat(Nik.disagreements(nik, LocalDate.parse(r.get("birth_date")), Sex.valueOf(r.get("sex")))).isEmpty();
            assertThat(niks.add(nik)).as("unique " + nik).isTrue();
            assertThat(Nik.isValidKk(r.get("kk_number"))).isTrue();
            if (r.get("relationship").equals("KEPALA_KELUARGA")) {
                heads.merge(r.get("kk_number"), 1, Integer::sum);
            }
        }
        assertThat(heads).hasSize(50_000);
        assertThat(heads.values()).containsOnly(1);
    }

    @Test
    void theSameFileEveryTime() throws IOException {
        StringWriter again = new StringWriter();
        new DemoPopulation().write(again, 1.0);
        assertThat(again.toString()).isEqualTo(text);
    }
}
