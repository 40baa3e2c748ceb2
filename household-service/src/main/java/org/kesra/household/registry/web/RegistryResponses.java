package org.kesra.household.registry.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.registry.HouseholdData;
import org.kesra.household.registry.HouseholdRegistry;
import org.kesra.household.registry.PersonData;
import org.kesra.household.registry.PersonRecord;
import org.kesra.household.registry.Versions;
import org.kesra.household.search.RegistrySearch;
import org.springframework.http.ResponseEntity;

/**
 * What the registry API answers, by reader: the roles that read the full NIK get the whole record; the others
 * (monitoring, audit) a restricted one with NIK and KK masked and without the fields that would undo the masking or
 * that their work does not need (docs/personal-data.md, checked by PersonalDataViewIT).
 */
final class RegistryResponses {

    private RegistryResponses() {
    }

    /** A person as one reader may see it. */
    sealed interface PersonView permits PersonResponse, MaskedPersonResponse {

        String nik();
    }

    /** A household as one reader may see it. */
    sealed interface HouseholdView permits HouseholdResponse, MaskedHouseholdResponse {
    }

    record PersonResponse(UUID id, String nik, String name, String birthPlace, LocalDate birthDate, int birthYear,
                          String sex, String relationship, String maritalStatus, String education, String occupation,
                          String disability, boolean severeDisability, String chronicIllness, boolean pregnant,
                          UUID householdId, String kelurahanCode, String lifeStatus, LocalDate lifeStatusDate,
                          String movedTo, List<String> nikFlags, int version) implements PersonView {
    }

    /** Without birth date, birth place and health fields; the NIK masked ({@link RegistryScope#nik}). */
    record MaskedPersonResponse(UUID id, String nik, String name, int birthYear, String sex, String relationship,
                                String maritalStatus, String education, String occupation, UUID householdId,
                                String kelurahanCode, String lifeStatus, LocalDate lifeStatusDate, String movedTo,
                                List<String> nikFlags, int version) implements PersonView {
    }

    record HouseholdResponse(UUID id, String kkNumber, String kelurahanCode, String rw, String rt, UUID dasawismaId,
                             String address, BigDecimal latitude, BigDecimal longitude, String houseOwnership,
                             Integer floorAreaM2, String floorMaterial, String wallMaterial, String roofMaterial,
                             String waterSource, String sanitation, String lighting, String cookingFuel,
                             List<String> assets, String incomeBand, String status, int version,
                             List<PersonResponse> members) implements HouseholdView {
    }

    /** Without coordinates; the KK number masked; members restricted. */
    record MaskedHouseholdResponse(UUID id, String kkNumber, String kelurahanCode, String rw, String rt,
                                   UUID dasawismaId, String address, String houseOwnership, Integer floorAreaM2,
                                   String floorMaterial, String wallMaterial, String roofMaterial, String waterSource,
                                   String sanitation, String lighting, String cookingFuel, List<String> assets,
                                   String incomeBand, String status, int version,
                                   List<MaskedPersonResponse> members) implements HouseholdView {
    }

    static PersonView person(PersonRecord p, RegistryScope scope) {
        return scope.seesFullNik() ? full(p) : masked(p, scope);
    }

    private static PersonResponse full(PersonRecord p) {
        PersonData d = p.data();
        return new PersonResponse(p.id(), d.nik(), d.name(), d.birthPlace(), d.birthDate(), d.birthDate().getYear(),
                d.sex().name(), d.relationship() == null ? null : d.relationship().name(), d.maritalStatus(),
                d.education(), d.occupation(), d.disability(), d.severeDisability(), d.chronicIllness(), d.pregnant(),
                p.householdId(), p.kelurahanCode(), p.lifeStatus().name(), p.lifeStatusDate(), p.movedTo(),
                d.nikFlags().stream().map(Enum::name).sorted().toList(), p.version());
    }

    private static MaskedPersonResponse masked(PersonRecord p, RegistryScope scope) {
        PersonData d = p.data();
        return new MaskedPersonResponse(p.id(), scope.nik(d.nik()), d.name(), d.birthDate().getYear(), d.sex().name(),
                d.relationship() == null ? null : d.relationship().name(), d.maritalStatus(), d.education(),
                d.occupation(), p.householdId(), p.kelurahanCode(), p.lifeStatus().name(), p.lifeStatusDate(),
                p.movedTo(), d.nikFlags().stream().map(Enum::name).sorted().toList(), p.version());
    }

    static HouseholdView household(HouseholdRegistry.Household h, RegistryScope scope) {
        HouseholdData d = h.household().data();
        if (!scope.seesFullNik()) {
            return new MaskedHouseholdResponse(h.household().id(), scope.kk(d.kkNumber()), d.kelurahanCode(), d.rw(),
                    d.rt(), d.dasawismaId(), d.address(), d.houseOwnership(), d.floorAreaM2(), d.floorMaterial(),
                    d.wallMaterial(), d.roofMaterial(), d.waterSource(), d.sanitation(), d.lighting(),
                    d.cookingFuel(), d.assets(), d.incomeBand(), h.household().status(), h.household().version(),
                    h.members().stream().map(m -> masked(m, scope)).toList());
        }
        return new HouseholdResponse(h.household().id(), d.kkNumber(), d.kelurahanCode(), d.rw(), d.rt(),
                d.dasawismaId(), d.address(), d.latitude(), d.longitude(), d.houseOwnership(), d.floorAreaM2(),
                d.floorMaterial(), d.wallMaterial(), d.roofMaterial(), d.waterSource(), d.sanitation(), d.lighting(),
                d.cookingFuel(), d.assets(), d.incomeBand(), h.household().status(), h.household().version(),
                h.members().stream().map(RegistryResponses::full).toList());
    }

    /** A search hit as one reader may see it: NIK masked and no birth date for a masked reader. */
    static RegistrySearch.PersonSummary person(RegistrySearch.PersonSummary p, RegistryScope scope) {
        return scope.seesFullNik() ? p : new RegistrySearch.PersonSummary(p.id(), scope.nik(p.nik()), p.name(), null,
                p.birthYear(), p.sex(), p.relationship(), p.kelurahanCode(), p.householdId(), p.lifeStatus(),
                p.nikFlags());
    }

    /** A household hit as one reader may see it: the KK number masked for a masked reader. */
    static RegistrySearch.HouseholdSummary household(RegistrySearch.HouseholdSummary h, RegistryScope scope) {
        return scope.seesFullNik() ? h : new RegistrySearch.HouseholdSummary(h.id(), scope.kk(h.kkNumber()),
                h.kelurahanCode(), h.rw(), h.rt(), h.address(), h.headName(), h.livingMembers(), h.status(),
                h.version());
    }

    /** A person's answer with the ETag of its version. */
    static ResponseEntity<PersonView> ok(PersonView view, int version) {
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(view);
    }

    /** A household's answer with the ETag of its version. */
    static ResponseEntity<HouseholdView> ok(HouseholdView view, int version) {
        return ResponseEntity.ok().eTag(Versions.etag(version)).body(view);
    }

    /** The NIKs an answer shows in full (none to a masked reader): what the access log records. */
    static List<String> fullNiks(HouseholdView household) {
        return household instanceof HouseholdResponse full
                ? full.members().stream().map(PersonResponse::nik).toList() : List.of();
    }

    static List<String> fullNiks(PersonView person) {
        return person instanceof PersonResponse full ? List.of(full.nik()) : List.of();
    }
}
