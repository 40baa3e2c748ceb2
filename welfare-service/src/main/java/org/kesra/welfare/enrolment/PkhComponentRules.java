package org.kesra.welfare.enrolment;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The PKH component rule itself, without the database: which component each living member brings on a date (ages
 * stand for school levels), each person once for their highest component, then the caps per component (pregnancies,
 * young children) and per family, which leave the lowest amounts out. The amounts and the age and cap rules are
 * catalogue data, given by the caller.
 */
final class PkhComponentRules {

    /** A living member of the family as the resident copy knows them. */
    record Member(UUID personId, String name, LocalDate birthDate, boolean pregnant, boolean severeDisability) {
    }

    /** The components in order (counted ones first by amount), and what they add up to. */
    record Tally(List<PkhComponents.Component> components, int counted, int familyCap, long rupiahPerTahap,
                 long rupiahPerYear) {
    }

    private PkhComponentRules() {
    }

    /**
     * @param perTahap rupiah per tahap of each component in force on {@code date}
     * @param perYear  rupiah per year of each component (0 when absent)
     * @param rules    the age limits and caps in force ({@code USIA_SD_MIN}, {@code MAKS_KOMPONEN_PER_KELUARGA}, ...)
     */
    static Tally count(List<Member> members, LocalDate date, Map<String, Long> perTahap, Map<String, Long> perYear,
                       Function<String, Long> rules) {
        List<PkhComponents.Component> candidates = new ArrayList<>();
        for (Member member : members) {
            if (member.birthDate() == null || member.birthDate().isAfter(date)) {
                continue;
            }
            int age = Period.between(member.birthDate(), date).getYears();
            List<String> qualifies = new ArrayList<>();
            if (member.pregnant()) {
                qualifies.add("IBU_HAMIL");
            }
            if (age <= rules.apply("USIA_ANAK_USIA_DINI_MAKS")) {
                qualifies.add("ANAK_USIA_DINI");
            } else if (age >= rules.apply("USIA_SD_MIN") && age <= rules.apply("USIA_SD_MAKS")) {
                qualifies.add("SD");
            } else if (age > rules.apply("USIA_SD_MAKS") && age <= rules.apply("USIA_SMP_MAKS")) {
                qualifies.add("SMP");
            } else if (age > rules.apply("USIA_SMP_MAKS") && age <= rules.apply("USIA_SMA_MAKS")) {
                qualifies.add("SMA");
            }
            if (member.severeDisability()) {
                qualifies.add("DISABILITAS_BERAT");
            }
            if (age >= rules.apply("USIA_LANJUT_USIA_MIN")) {
                qualifies.add("LANJUT_USIA");
            }
            // A person counts once, for the component worth most.
            qualifies.stream().filter(perTahap::containsKey)
                    .max(Comparator.comparingLong(perTahap::get))
                    .ifPresent(component -> candidates.add(new PkhComponents.Component(component, member.personId(), member.name(),
                            age, perTahap.get(component), perYear.getOrDefault(component, 0L), true, null)));
        }
        candidates.sort(Comparator.comparingLong(PkhComponents.Component::rupiahPerTahap).reversed()
                .thenComparingInt(PkhComponents.Component::age));

        Map<String, Long> componentCaps = Map.of("IBU_HAMIL", rules.apply("MAKS_IBU_HAMIL"),
                "ANAK_USIA_DINI", rules.apply("MAKS_ANAK_USIA_DINI"));
        int familyCap = rules.apply("MAKS_KOMPONEN_PER_KELUARGA").intValue();
        Map<String, Integer> used = new HashMap<>();
        List<PkhComponents.Component> result = new ArrayList<>();
        int counted = 0;
        long tahap = 0;
        long year = 0;
        for (PkhComponents.Component candidate : candidates) {
            Long cap = componentCaps.get(candidate.component());
            String note = null;
            if (cap != null && used.getOrDefault(candidate.component(), 0) >= cap) {
                note = "Melebihi batas " + cap + " orang untuk komponen " + candidate.component() + ".";
            } else if (counted >= familyCap) {
                note = "Melebihi batas " + familyCap + " komponen per keluarga.";
            }
            if (note == null) {
                used.merge(candidate.component(), 1, Integer::sum);
                counted++;
                tahap += candidate.rupiahPerTahap();
                year += candidate.rupiahPerYear();
                result.add(candidate);
            } else {
                result.add(new PkhComponents.Component(candidate.component(), candidate.personId(), candidate.name(),
                        candidate.age(), candidate.rupiahPerTahap(), candidate.rupiahPerYear(), false, note));
            }
        }
        return new Tally(result, counted, familyCap, tahap, year);
    }
}
