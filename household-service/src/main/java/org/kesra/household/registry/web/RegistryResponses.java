package org.kesra.household.registry.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.kesra.household.access.RegistryScope;
import org.kesra.household.registry.HouseholdData;
import org.kesra.household.registry.HouseholdRegistry;
import org.kesra.household.registry.PersonData;
import org.kesra.household.registry.PersonRecord;

/** What the registry API answers; NIKs as the caller may read them. */
final class RegistryResponses {

    private RegistryResponses() {
    }

    record PersonResponse(UUID id, String nik, String name, String birthPlace, LocalDate birthDate, String sex,
                          String relationship, String maritalStatus, String education, String occupation,
                          String disability, boolean severeDisability, String chronicIllness, boolean pregnant,
                          UUID householdId, String kelurahanCode, String lifeStatus, LocalDate lifeStatusDate,
                          String movedTo, List<String> nikFlags, int version) {
    }

    record HouseholdResponse(UUID id, String kkNumber, String kelurahanCode, String rw, String rt, UUID dasawismaId,
                             String address, BigDecimal latitude, BigDecimal longitude, String houseOwnership,
                             Integer floorAreaM2, String floorMaterial, String wallMaterial, String roofMaterial,
                             String waterSource, String sanitation, String lighting, String cookingFuel,
                             List<String> assets, String incomeBand, String status, int version,
                             List<PersonResponse> members) {
    }

    static PersonResponse person(PersonRecord p, RegistryScope scope) {
        PersonData d = p.data();
        return new PersonResponse(p.id(), scope.nik(d.nik()), d.name(), d.birthPlace(), d.birthDate(), d.sex().name(),
                d.relationship() == null ? null : d.relationship().name(), d.maritalStatus(), d.education(),
                d.occupation(), d.disability(), d.severeDisability(), d.chronicIllness(), d.pregnant(), p.householdId(),
                p.kelurahanCode(), p.lifeStatus().name(), p.lifeStatusDate(), p.movedTo(),
                d.nikFlags().stream().map(Enum::name).sorted().toList(), p.version());
    }

    static HouseholdResponse household(HouseholdRegistry.Household h, RegistryScope scope) {
        HouseholdData d = h.household().data();
        return new HouseholdResponse(h.household().id(), d.kkNumber(), d.kelurahanCode(), d.rw(), d.rt(),
                d.dasawismaId(), d.address(), d.latitude(), d.longitude(), d.houseOwnership(), d.floorAreaM2(),
                d.floorMaterial(), d.wallMaterial(), d.roofMaterial(), d.waterSource(), d.sanitation(), d.lighting(),
                d.cookingFuel(), d.assets(), d.incomeBand(), h.household().status(), h.household().version(),
                h.members().stream().map(m -> person(m, scope)).toList());
    }
}
