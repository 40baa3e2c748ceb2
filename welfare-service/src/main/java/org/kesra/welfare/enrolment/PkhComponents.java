package org.kesra.welfare.enrolment;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kesra.platform.refusal.Refusal;
import org.kesra.welfare.WelfareProblems;
import org.kesra.welfare.catalogue.ProgrammeCatalogue;
import org.kesra.welfare.residents.ResidentProjection;
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

    private final Enrolments enrolments;
    private final ProgrammeCatalogue catalogue;
    private final ResidentProjection residents;

    public PkhComponents(Enrolments enrolments, ProgrammeCatalogue catalogue, ResidentProjection residents) {
        this.enrolments = enrolments;
        this.catalogue = catalogue;
        this.residents = residents;
    }

    public record Component(String component, UUID personId, String name, int age, long rupiahPerTahap,
                            long rupiahPerYear, boolean counted, String note) {
    }

    public record Result(UUID enrolmentId, UUID householdId, LocalDate date, List<Component> components,
                         int counted, int familyCap, long rupiahPerTahap, long rupiahPerYear) {
    }

    public Result forEnrolment(UUID enrolmentId, LocalDate date) {
        Enrolments.Enrolment enrolment = enrolments.find(enrolmentId).orElseThrow(() -> WelfareProblems.ENROLMENT_NOT_FOUND.refuse(
                "Kepesertaan " + enrolmentId + " tidak ditemukan."));
        if (!"PKH".equals(enrolment.programme())) {
            throw WelfareProblems.NOT_PKH.refuse(
                    "Komponen hanya ada pada kepesertaan PKH; ini kepesertaan " + enrolment.programme() + ".");
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
            throw WelfareProblems.AMOUNT_MISSING.refuse(
                    "Nilai komponen PKH yang berlaku pada " + date + " belum tercatat di katalog.");
        }
        List<PkhComponentRules.Member> members = residents.livingMembers(householdId).stream()
                .filter(member -> !member.personId().equals(leaving))
                .map(m -> new PkhComponentRules.Member(m.personId(), m.name(), m.birthDate(), m.pregnant(),
                        m.severeDisability()))
                .toList();

        PkhComponentRules.Tally tally = PkhComponentRules.count(members, date, perTahap, perYear, rules);
        return new Result(enrolmentId, householdId, date, tally.components(), tally.counted(), tally.familyCap(),
                tally.rupiahPerTahap(), tally.rupiahPerYear());
    }

    private long rule(String name, LocalDate date) {
        return catalogue.parameter("PKH", name, date).orElseThrow(() -> WelfareProblems.RULE_MISSING.refuse(
                "Aturan PKH " + name + " yang berlaku pada " + date + " belum tercatat di katalog."));
    }
}
