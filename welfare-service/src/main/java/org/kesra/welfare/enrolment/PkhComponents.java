package org.kesra.welfare.enrolment;

import org.kesra.platform.refusal.Refusal;
import org.kesra.welfare.WelfareProblems;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kesra.welfare.catalogue.ProgrammeCatalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The PKH components of an enrolled family on a date, computed from its living members as the registry knows them
 * now, with the amounts and rules in force on that date: a pregnant woman, young children, school-age children by
 * level, severe disability, the elderly. Each person counts once (for their highest component); the caps per
 * component and per family (parameters, not constants) leave the lowest amounts out. Computed when asked, so a new
 * member or a birthday crossing a school level shows at once; nothing is stored that could go stale.
 */
@Service
public class PkhComponents {

    private final JdbcClient jdbc;
    private final Enrolments enrolments;
    private final ProgrammeCatalogue catalogue;

    public PkhComponents(JdbcClient jdbc, Enrolments enrolments, ProgrammeCatalogue catalogue) {
        this.jdbc = jdbc;
        this.enrolments = enrolments;
        this.catalogue = catalogue;
    }

    public record Component(String component, UUID personId, String name, int age, long rupiahPerTahap,
                            long rupiahPerYear, boolean counted, String note) {
    }

    public record Result(UUID enrolmentId, UUID householdId, LocalDate date, List<Component> components,
                         int counted, int familyCap, long rupiahPerTahap, long rupiahPerYear) {
    }

    private record Member(UUID personId, String name, LocalDate birthDate, boolean pregnant,
                          boolean severeDisability) {
    }

    public Result forEnrolment(UUID enrolmentId, LocalDate date) {
        Enrolments.Enrolment enrolment = enrolments.find(enrolmentId).orElseThrow(() -> WelfareProblems.ENROLMENT_NOT_FOUND.refuse("Kepesertaan " + enrolmentId + " tidak ditemukan."));
        if (!"PKH".equals(enrolment.programme())) {
            throw WelfareProblems.NOT_PKH.refuse("Komponen hanya ada pada kepesertaan PKH; ini kepesertaan " + enrolment.programme() + ".");
        }
        return compute(enrolmentId, enrolment.householdId(), date, null);
    }

    /**
     * What the family's PKH components come to per tahap on a date, counting its living members as the registry knows
     * them now, without {@code leaving} when it is given: a review compares the two to show what a death or a member
     * leaving changes. Empty when the catalogue has no amounts or rules in force on the date.
     */
    public Optional<Long> familyPerTahap(UUID householdId, LocalDate date, UUID leaving) {
        try {
            return Optional.of(compute(null, householdId, date, leaving).rupiahPerTahap());
        } catch (Refusal e) {
            if (e.type() == WelfareProblems.AMOUNT_MISSING || e.type() == WelfareProblems.RULE_MISSING) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Result compute(UUID enrolmentId, UUID householdId, LocalDate date, UUID leaving) {
        // Each rule is read once per computation, not once per member: this also runs in an event handler.
        Map<String, Long> ruleValues = new HashMap<>();
        java.util.function.Function<String, Long> rules = name -> ruleValues.computeIfAbsent(name,
                n -> rule(n, date));
        Map<String, Long> perTahap = new HashMap<>();
        Map<String, Long> perYear = new HashMap<>();
        for (ProgrammeCatalogue.Amount amount : catalogue.inForce("PKH", date).amounts()) {
            if ("TAHAP".equals(amount.per())) {
                perTahap.put(amount.component(), amount.rupiah());
            } else if ("TAHUN".equals(amount.per())) {
                perYear.put(amount.component(), amount.rupiah());
            }
        }
        if (perTahap.isEmpty()) {
            throw WelfareProblems.AMOUNT_MISSING.refuse("Nilai komponen PKH yang berlaku pada " + date + " belum tercatat di katalog.");
        }
        List<Member> members = jdbc.sql("""
                SELECT person_id, name, birth_date, pregnant, severe_disability FROM resident
                WHERE household_id = ? AND life_status = 'HIDUP' ORDER BY birth_date, person_id""")
                .param(householdId).query(Member.class).list()
                .stream().filter(member -> !member.personId().equals(leaving)).toList();

        List<Component> candidates = new ArrayList<>();
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
                    .ifPresent(component -> candidates.add(new Component(component, member.personId(), member.name(),
                            age, perTahap.get(component), perYear.getOrDefault(component, 0L), true, null)));
        }
        candidates.sort(Comparator.comparingLong(Component::rupiahPerTahap).reversed()
                .thenComparingInt(Component::age));

        Map<String, Long> componentCaps = Map.of("IBU_HAMIL", rules.apply("MAKS_IBU_HAMIL"),
                "ANAK_USIA_DINI", rules.apply("MAKS_ANAK_USIA_DINI"));
        int familyCap = rules.apply("MAKS_KOMPONEN_PER_KELUARGA").intValue();
        Map<String, Integer> used = new HashMap<>();
        List<Component> result = new ArrayList<>();
        int counted = 0;
        long tahap = 0;
        long year = 0;
        for (Component candidate : candidates) {
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
                result.add(new Component(candidate.component(), candidate.personId(), candidate.name(),
                        candidate.age(), candidate.rupiahPerTahap(), candidate.rupiahPerYear(), false, note));
            }
        }
        return new Result(enrolmentId, householdId, date, result, counted, familyCap, tahap, year);
    }

    private long rule(String name, LocalDate date) {
        return catalogue.parameter("PKH", name, date).orElseThrow(() -> WelfareProblems.RULE_MISSING.refuse("Aturan PKH " + name + " yang berlaku pada " + date + " belum tercatat di katalog."));
    }
}
