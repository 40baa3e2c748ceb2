package org.kesra.welfare.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The PKH component rule on the amounts of reference/pkh-components.csv and the age and cap rules of
 * reference/programme-parameters.csv and pkh-age-rules.csv, as the catalogue loads them.
 */
class PkhComponentRulesTest {

    private static final LocalDate ON = LocalDate.of(2024, 6, 30);
    private static final Map<String, Long> PER_TAHAP = new HashMap<>();
    private static final Map<String, Long> PER_YEAR = new HashMap<>();
    private static final Map<String, Long> RULES = new HashMap<>();

    static {
        for (String[] row : csv("reference/pkh-components.csv")) {
            PER_YEAR.put(row[0], Long.parseLong(row[1]));
            PER_TAHAP.put(row[0], Long.parseLong(row[2]));
        }
        for (String file : List.of("reference/programme-parameters.csv", "reference/pkh-age-rules.csv")) {
            for (String[] row : csv(file)) {
                if (row[0].equals("PKH")) {
                    RULES.put(row[1], Long.parseLong(row[3]));
                }
            }
        }
    }

    @Test
    void theReferenceAmountsAndRulesAreTheOnesTheTableStates() {
        assertThat(PER_TAHAP).containsExactlyInAnyOrderEntriesOf(Map.of("IBU_HAMIL", 750_000L, "ANAK_USIA_DINI",
                750_000L, "SD", 225_000L, "SMP", 375_000L, "SMA", 500_000L, "DISABILITAS_BERAT", 600_000L,
                "LANJUT_USIA", 600_000L));
        assertThat(PER_YEAR).containsEntry("SD", 900_000L).containsEntry("LANJUT_USIA", 2_400_000L);
        assertThat(RULES).containsEntry("MAKS_KOMPONEN_PER_KELUARGA", 4L).containsEntry("MAKS_IBU_HAMIL", 2L)
                .containsEntry("MAKS_ANAK_USIA_DINI", 2L).containsEntry("USIA_LANJUT_USIA_MIN", 70L);
    }

    @Test
    void agesStandForSchoolLevelsAtEachBoundary() {
        Map<Integer, String> expected = new java.util.LinkedHashMap<>();
        expected.put(6, "ANAK_USIA_DINI");
        expected.put(7, "SD");
        expected.put(12, "SD");
        expected.put(13, "SMP");
        expected.put(15, "SMP");
        expected.put(16, "SMA");
        expected.put(18, "SMA");
        expected.put(70, "LANJUT_USIA");
        expected.forEach((age, component) -> {
            PkhComponentRules.Tally tally = count(member(age, false, false));
            assertThat(tally.components()).as("age " + age).extracting(PkhComponents.Component::component)
                    .containsExactly(component);
            assertThat(tally.rupiahPerTahap()).as("age " + age).isEqualTo(PER_TAHAP.get(component));
        });
        for (int age : List.of(19, 40, 69)) {
            assertThat(count(member(age, false, false)).components()).as("age " + age).isEmpty();
        }
    }

    @Test
    void aPersonCountsOnceForTheirHighestComponent() {
        PkhComponentRules.Tally tally = count(member(30, true, true), member(75, false, true));

        // Pregnancy (750,000) over disability (600,000); disability and old age are worth the same, and the first
        // the rule names (disability) is the one shown.
        assertThat(tally.components()).extracting(PkhComponents.Component::component, PkhComponents.Component::age)
                .containsExactly(tuple("IBU_HAMIL", 30), tuple("DISABILITAS_BERAT", 75));
        assertThat(tally.counted()).isEqualTo(2);
        assertThat(tally.rupiahPerTahap()).isEqualTo(750_000 + 600_000);
        assertThat(tally.rupiahPerYear()).isEqualTo(3_000_000 + 2_400_000);
    }

    @Test
    void atMostTwoYoungChildrenCountAndTheThirdIsNamedAsOverTheCap() {
        PkhComponentRules.Tally tally = count(member(1, false, false), member(3, false, false),
                member(5, false, false));

        assertThat(tally.counted()).isEqualTo(2);
        assertThat(tally.rupiahPerTahap()).isEqualTo(1_500_000);
        PkhComponents.Component left = tally.components().get(2);
        assertThat(left.age()).isEqualTo(5);
        assertThat(left.counted()).isFalse();
        assertThat(left.note()).isEqualTo("Melebihi batas 2 orang untuk komponen ANAK_USIA_DINI.");
    }

    @Test
    void aFamilyCountsAtMostFourComponentsAndTheLowestAreLeftOut() {
        PkhComponentRules.Tally tally = count(member(8, false, false), member(10, false, false),
                member(14, false, false), member(17, false, false), member(72, false, false),
                member(30, true, false));

        assertThat(tally.familyCap()).isEqualTo(4);
        assertThat(tally.counted()).isEqualTo(4);
        assertThat(tally.components()).filteredOn(PkhComponents.Component::counted)
                .extracting(PkhComponents.Component::component)
                .containsExactly("IBU_HAMIL", "LANJUT_USIA", "SMA", "SMP");
        assertThat(tally.components()).filteredOn(c -> !c.counted()).extracting(PkhComponents.Component::note)
                .containsOnly("Melebihi batas 4 komponen per keluarga.").hasSize(2);
        assertThat(tally.rupiahPerTahap()).isEqualTo(750_000 + 600_000 + 500_000 + 375_000);
    }

    @Test
    void aMemberNotYetBornOnTheDateBringsNothing() {
        PkhComponentRules.Member unborn = new PkhComponentRules.Member(UUID.randomUUID(), "Bayi", ON.plusDays(1),
                false, false);
        assertThat(PkhComponentRules.count(List.of(unborn), ON, PER_TAHAP, PER_YEAR, RULES::get).components())
                .isEmpty();
    }

    private static PkhComponentRules.Tally count(PkhComponentRules.Member... members) {
        return PkhComponentRules.count(List.of(members), ON, PER_TAHAP, PER_YEAR, RULES::get);
    }

    private static PkhComponentRules.Member member(int age, boolean pregnant, boolean severeDisability) {
        return new PkhComponentRules.Member(UUID.randomUUID(), "Anggota " + age, ON.minusYears(age).minusDays(1),
                pregnant, severeDisability);
    }

    private static List<String[]> csv(String resource) {
        try (InputStream in = PkhComponentRulesTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split(",", -1)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
