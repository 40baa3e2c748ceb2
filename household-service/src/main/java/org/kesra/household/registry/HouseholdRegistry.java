package org.kesra.household.registry;

import static org.kesra.household.registry.Problem.at;
import static org.kesra.household.registry.Versions.requireVersion;
import static org.kesra.platform.refusal.PlatformProblems.invalid;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.kesra.contracts.household.FieldChange;
import org.kesra.household.HouseholdProblems;
import org.kesra.household.authorization.RegistryScope;
import org.kesra.household.accesslog.PersonalDataAccessLog;
import org.kesra.household.registry.ChangeHistory.Entity;
import org.kesra.platform.web.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry's use cases. Each runs in one transaction: validate the input, lock the household or person, check
 * the caller's region and the version they read, apply the rules, then write the rows, the change history and the
 * event together. Nothing is half-written: a refusal rolls everything back.
 */
@Service
public class HouseholdRegistry {

    /** A household with all its members, living or not. */
    public record Household(HouseholdRecord household, List<PersonRecord> members) {
    }

    public record MoveMember(UUID toHouseholdId, HouseholdInput newHousehold, String relationship, String reason) {
    }

    public record Relocation(String kelurahanCode, String rw, String rt, String address, BigDecimal latitude,
                             BigDecimal longitude, String newKkNumber, String reason) {
    }

    /** Command: record a person's death on a date (requests: {@code registry.web.DeathRequest}). */
    public record Death(LocalDate dateOfDeath, String reason) {
    }

    /** Command: record a person's move out of the city (requests: {@code registry.web.MoveAwayRequest}). */
    public record MoveAway(LocalDate movedOn, String destination, String reason) {
    }

    public record HeadChange(UUID personId, String formerHeadRelationship, String reason) {
    }

    private final RegistryStore store;
    private final RegistryValidator validator;
    private final ChangeHistory history;
    private final RegistryEvents events;
    private final Clock clock;
    private final PersonalDataAccessLog accessLog;

    public HouseholdRegistry(RegistryStore store, RegistryValidator validator, ChangeHistory history,
                             RegistryEvents events, Clock clock, PersonalDataAccessLog accessLog) {
        this.accessLog = accessLog;
        this.store = store;
        this.validator = validator;
        this.history = history;
        this.events = events;
        this.clock = clock;
    }

    // ---- reads ----

    @Transactional(readOnly = true)
    public Household household(RegistryScope scope, UUID id) {
        HouseholdRecord household = visibleHousehold(scope, id, false);
        return new Household(household, store.members(id));
    }

    @Transactional(readOnly = true)
    public PersonRecord person(RegistryScope scope, UUID id) {
        return visiblePerson(scope, id, false);
    }

    // ---- registration ----

    @Transactional
    public Household register(RegistryScope scope, HouseholdInput input, List<PersonInput> memberInputs) {
        scope.requireWrite();
        List<Violation> violations = new ArrayList<>();
        RegistryValidator.Validated<HouseholdData> household = validator.household(input);
        violations.addAll(at("", household.problems()));
        List<PersonData> members = new ArrayList<>();
        if (memberInputs == null || memberInputs.isEmpty()) {
            violations.add(Violation.field("/members", "rumah tangga harus memiliki minimal satu anggota"));
        } else {
            for (int i = 0; i < memberInputs.size(); i++) {
                RegistryValidator.Validated<PersonData> member = validator.person(memberInputs.get(i), true);
                violations.addAll(at("/members/" + i, member.problems()));
                members.add(member.value());
            }
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        HouseholdData data = household.value();
        scope.requireWritableKelurahan(data.kelurahanCode());
        requireOneHead(members);
        requireDistinctNiks(members);
        requireDasawisma(data);
        requireUnregistered(members);
        requireFreeKk(data.kkNumber(), null, "/kkNumber");

        Instant now = now();
        UUID householdId = UUID.randomUUID();
        try {
            store.ensureRwRt(data.kelurahanCode(), data.rw(), data.rt(), scope.actor());
            store.insertHousehold(householdId, data, scope.actor(), now, null);
            for (PersonData member : members) {
                UUID personId = UUID.randomUUID();
                store.insertPerson(personId, member, householdId, data.kelurahanCode(), scope.actor(), now, null);
                history.record(Entity.PERSON, personId, "TERDAFTAR", null, fields(member), null, scope.actor(), now);
            }
        } catch (DuplicateKeyException raced) {
            throw HouseholdProblems.ALREADY_REGISTERED.refuse("NIK atau nomor KK ini baru saja didaftarkan oleh pengguna lain.", List.of());
        }
        Household created = new Household(store.household(householdId, false).orElseThrow(), store.members(householdId));
        history.record(Entity.HOUSEHOLD, householdId, "TERDAFTAR", null, fields(data), null, scope.actor(), now);
        events.householdRegistered(created.household(), created.members(), "API", now);
        return created;
    }

    // ---- members ----

    @Transactional
    public Household addMember(RegistryScope scope, UUID householdId, String ifMatch, PersonInput input, String reason) {
        HouseholdRecord household = writableHousehold(scope, householdId, ifMatch);
        RegistryValidator.Validated<PersonData> member = validator.person(input, true);
        if (!member.valid()) {
            throw invalid(at("", member.problems()));
        }
        PersonData data = member.value();
        List<PersonRecord> members = store.members(householdId);
        if (data.relationship() == Relationship.KEPALA_KELUARGA && members.stream().anyMatch(p -> p.living() && p.isHead())) {
            throw HouseholdProblems.HEAD_EXISTS.refuse("Rumah tangga ini sudah memiliki kepala keluarga. Ganti kepala keluarga lebih dulu.",
                    List.of(Violation.field("/relationship", "hanya satu kepala keluarga per KK")));
        }
        store.personByNik(data.nik()).ifPresent(existing -> {
            accessLog.registeredNikRevealed(List.of(data.nik()), "POST /api/v1/households/{id}/members");
            throw HouseholdProblems.NIK_REGISTERED.refuse("NIK " + scope.nik(data.nik()) + " sudah terdaftar" + (existing.householdId() == null
                            ? " tanpa KK." : " pada KK lain.") + " Seseorang hanya boleh tercatat pada satu KK;"
                            + " gunakan pindah anggota.", List.of(Violation.field("/nik", "NIK sudah terdaftar")));
        });
        Instant now = now();
        UUID personId = UUID.randomUUID();
        store.insertPerson(personId, data, householdId, household.data().kelurahanCode(), scope.actor(), now, null);
        store.touchHousehold(householdId, scope.actor(), now);
        PersonRecord person = store.person(personId, false).orElseThrow();
        history.record(Entity.PERSON, personId, "TERDAFTAR", null, fields(data), reason, scope.actor(), now);
        history.record(Entity.HOUSEHOLD, householdId, "ANGGOTA_DITAMBAH", null, Map.of("personId", personId), reason,
                scope.actor(), now);
        events.memberAdded(household, person, now);
        return new Household(store.household(householdId, false).orElseThrow(), store.members(householdId));
    }

    @Transactional
    public Household removeMember(RegistryScope scope, UUID householdId, UUID personId, String ifMatch, String reason) {
        requireReason(reason);
        HouseholdRecord household = writableHousehold(scope, householdId, ifMatch);
        PersonRecord person = member(householdId, personId);
        List<PersonRecord> members = store.members(householdId);
        requireHeadCanLeave(person, members);
        Instant now = now();
        PersonRecord removed = new PersonRecord(person.id(), person.data(), null, person.kelurahanCode(),
                person.lifeStatus(), person.lifeStatusDate(), person.movedTo(), person.version(), now, scope.actor());
        store.updatePerson(removed, scope.actor(), now);
        dissolveIfEmpty(household, members, personId, scope, now, reason);
        history.record(Entity.PERSON, personId, "DIKELUARKAN_DARI_KK", Map.of("householdId", householdId),
                java.util.Collections.singletonMap("householdId", null), reason, scope.actor(), now);
        history.record(Entity.HOUSEHOLD, householdId, "ANGGOTA_DIKELUARKAN", Map.of("personId", personId), null, reason,
                scope.actor(), now);
        events.memberRemoved(household, person, reason, now);
        return new Household(store.household(householdId, false).orElseThrow(), store.members(householdId));
    }

    /** Moves a member to another card, or founds a new card with them as head (pecah KK). */
    @Transactional
    public Household moveMember(RegistryScope scope, UUID householdId, UUID personId, String ifMatch, MoveMember move) {
        requireReason(move.reason());
        if ((move.toHouseholdId() == null) == (move.newHousehold() == null)) {
            throw invalid(List.of(Violation.field("/toHouseholdId",
                    "isi salah satu: toHouseholdId (KK tujuan yang sudah ada) atau newHousehold (KK baru)")));
        }
        HouseholdRecord from = writableHousehold(scope, householdId, ifMatch);
        PersonRecord person = member(householdId, personId);
        if (!person.living()) {
            throw HouseholdProblems.MEMBER_INACTIVE.refuse("Hanya anggota yang masih tinggal di kota dapat dipindah.",
                    List.of());
        }
        List<PersonRecord> fromMembers = store.members(householdId);
        requireHeadCanLeave(person, fromMembers);
        Instant now = now();
        HouseholdRecord to;
        Relationship relationship;
        boolean created = move.newHousehold() != null;
        if (created) {
            RegistryValidator.Validated<HouseholdData> target = validator.household(move.newHousehold());
            if (!target.valid()) {
                throw invalid(at("/newHousehold", target.problems()));
            }
            scope.requireWritableKelurahan(target.value().kelurahanCode());
            requireDasawisma(target.value());
            requireFreeKk(target.value().kkNumber(), null, "/newHousehold/kkNumber");
            UUID newId = UUID.randomUUID();
            store.ensureRwRt(target.value().kelurahanCode(), target.value().rw(), target.value().rt(), scope.actor());
            store.insertHousehold(newId, target.value(), scope.actor(), now, null);
            history.record(Entity.HOUSEHOLD, newId, "TERDAFTAR_PECAH_KK", null, fields(target.value()), move.reason(),
                    scope.actor(), now);
            to = store.household(newId, true).orElseThrow();
            relationship = Relationship.KEPALA_KELUARGA;
        } else {
            to = visibleHousehold(scope, move.toHouseholdId(), true);
            scope.requireWritableKelurahan(to.data().kelurahanCode());
            if (!to.active() || to.id().equals(householdId)) {
                throw HouseholdProblems.TARGET_HOUSEHOLD_UNUSABLE.refuse("KK tujuan sudah bubar atau sama dengan KK asal.", List.of());
            }
            relationship = move.relationship() == null ? null : RegistryValidator.parseRelationship(move.relationship());
            if (relationship == null) {
                throw invalid(List.of(Violation.field("/relationship",
                        "hubungan dalam keluarga pada KK tujuan wajib diisi dengan kode yang sah")));
            }
            if (relationship == Relationship.KEPALA_KELUARGA
                    && store.members(to.id()).stream().anyMatch(p -> p.living() && p.isHead())) {
                throw HouseholdProblems.HEAD_EXISTS.refuse("KK tujuan sudah memiliki kepala keluarga.",
                        List.of(Violation.field("/relationship", "hanya satu kepala keluarga per KK")));
            }
        }
        PersonData data = withRelationship(person.data(), relationship);
        PersonRecord moved = new PersonRecord(person.id(), data, to.id(), to.data().kelurahanCode(), person.lifeStatus(),
                person.lifeStatusDate(), person.movedTo(), person.version(), now, scope.actor());
        store.updatePerson(moved, scope.actor(), now);
        store.touchHousehold(to.id(), scope.actor(), now);
        dissolveIfEmpty(from, fromMembers, personId, scope, now, move.reason());
        history.record(Entity.PERSON, personId, "PINDAH_KK",
                Map.of("householdId", householdId, "relationship", name(person.data().relationship())),
                Map.of("householdId", to.id(), "relationship", relationship.name()), move.reason(), scope.actor(), now);
        history.record(Entity.HOUSEHOLD, householdId, "ANGGOTA_PINDAH_KELUAR", Map.of("personId", personId),
                Map.of("toHouseholdId", to.id()), move.reason(), scope.actor(), now);
        history.record(Entity.HOUSEHOLD, to.id(), "ANGGOTA_PINDAH_MASUK", Map.of("fromHouseholdId", householdId),
                Map.of("personId", personId), move.reason(), scope.actor(), now);
        events.memberMoved(householdId, to, moved, created, move.reason(), now);
        return new Household(store.household(to.id(), false).orElseThrow(), store.members(to.id()));
    }

    @Transactional
    public Household changeHead(RegistryScope scope, UUID householdId, String ifMatch, HeadChange change) {
        requireReason(change.reason());
        HouseholdRecord household = writableHousehold(scope, householdId, ifMatch);
        PersonRecord newHead = member(householdId, change.personId());
        if (!newHead.living() || newHead.isHead()) {
            throw HouseholdProblems.NOT_ELIGIBLE_AS_HEAD.refuse("Kepala keluarga baru harus anggota yang masih tinggal di kota dan belum menjadi kepala keluarga.",
                    List.of(Violation.field("/personId", "anggota tidak memenuhi syarat")));
        }
        Instant now = now();
        PersonRecord formerHead = store.members(householdId).stream().filter(p -> p.living() && p.isHead()).findFirst()
                .orElse(null);
        if (formerHead != null) {
            Relationship former = change.formerHeadRelationship() == null ? null
                    : RegistryValidator.parseRelationship(change.formerHeadRelationship());
            if (former == null || former == Relationship.KEPALA_KELUARGA) {
                throw invalid(List.of(Violation.field("/formerHeadRelationship",
                        "hubungan baru kepala keluarga lama wajib diisi (misalnya SUAMI, ORANG_TUA)")));
            }
            correctRelationship(formerHead, former, change.reason(), scope, now);
        }
        correctRelationship(newHead, Relationship.KEPALA_KELUARGA, change.reason(), scope, now);
        store.touchHousehold(householdId, scope.actor(), now);
        history.record(Entity.HOUSEHOLD, householdId, "KEPALA_KELUARGA_DIGANTI",
                formerHead == null ? null : Map.of("headPersonId", formerHead.id()),
                Map.of("headPersonId", newHead.id()), change.reason(), scope.actor(), now);
        return new Household(store.household(householdId, false).orElseThrow(), store.members(householdId));
    }

    // ---- the household's place ----

    @Transactional
    public Household relocate(RegistryScope scope, UUID householdId, String ifMatch, Relocation relocation) {
        requireReason(relocation.reason());
        HouseholdRecord before = writableHousehold(scope, householdId, ifMatch);
        HouseholdData old = before.data();
        String kk = relocation.newKkNumber() == null || relocation.newKkNumber().isBlank() ? old.kkNumber()
                : relocation.newKkNumber();
        HouseholdInput moved = new HouseholdInput(kk, relocation.kelurahanCode(), relocation.rw(), relocation.rt(), null,
                relocation.address(), relocation.latitude(), relocation.longitude(), old.houseOwnership(),
                old.floorAreaM2(), old.floorMaterial(), old.wallMaterial(), old.roofMaterial(), old.waterSource(),
                old.sanitation(), old.lighting(), old.cookingFuel(), old.assets(), old.incomeBand());
        RegistryValidator.Validated<HouseholdData> validated = validator.household(moved);
        if (!validated.valid()) {
            throw invalid(at("", validated.problems().stream()
                    .map(p -> p.field().equals("kkNumber") ? new Problem("newKkNumber", p.value(), p.message()) : p)
                    .toList()));
        }
        HouseholdData data = validated.value();
        scope.requireWritableKelurahan(data.kelurahanCode());
        if (!data.kelurahanCode().equals(old.kelurahanCode()) && data.kkNumber().equals(old.kkNumber())) {
            throw invalid(List.of(Violation.field("/newKkNumber",
                    "pindah ke kelurahan lain membawa nomor KK baru: isi newKkNumber")));
        }
        requireFreeKk(data.kkNumber(), householdId, "/newKkNumber");
        Instant now = now();
        store.ensureRwRt(data.kelurahanCode(), data.rw(), data.rt(), scope.actor());
        store.updateHousehold(householdId, data, before.status(), scope.actor(), now);
        if (!data.kelurahanCode().equals(old.kelurahanCode())) {
            store.moveMembersToKelurahan(householdId, data.kelurahanCode(), scope.actor(), now);
        }
        HouseholdRecord after = store.household(householdId, false).orElseThrow();
        Map<String, Object> beforeFields = place(old);
        Map<String, Object> afterFields = place(data);
        history.record(Entity.HOUSEHOLD, householdId, "PINDAH_ALAMAT", beforeFields, afterFields, relocation.reason(),
                scope.actor(), now);
        events.householdRelocated(before, after, relocation.reason(), now);
        return new Household(after, store.members(householdId));
    }

    // ---- life events ----

    @Transactional
    public PersonRecord recordDeath(RegistryScope scope, UUID personId, String ifMatch, Death death) {
        requireReason(death.reason());
        PersonRecord person = writablePerson(scope, personId, ifMatch);
        requireLivingOnDate(person, death.dateOfDeath(), "/dateOfDeath", "tanggal meninggal");
        Instant now = now();
        PersonRecord died = new PersonRecord(person.id(), person.data(), person.householdId(), person.kelurahanCode(),
                LifeStatus.MENINGGAL, death.dateOfDeath(), null, person.version(), now, scope.actor());
        store.updatePerson(died, scope.actor(), now);
        touchHouseholdOf(person, scope, now);
        history.record(Entity.PERSON, personId, "MENINGGAL", Map.of("lifeStatus", "HIDUP"),
                Map.of("lifeStatus", "MENINGGAL", "dateOfDeath", death.dateOfDeath().toString()), death.reason(),
                scope.actor(), now);
        events.personDied(died, death.reason(), now);
        return store.person(personId, false).orElseThrow();
    }

    @Transactional
    public PersonRecord recordMoveAway(RegistryScope scope, UUID personId, String ifMatch, MoveAway move) {
        requireReason(move.reason());
        if (move.destination() == null || move.destination().isBlank() || move.destination().length() > 200) {
            throw invalid(List.of(Violation.field("/destination", "tujuan pindah wajib diisi, paling panjang 200 karakter")));
        }
        PersonRecord person = writablePerson(scope, personId, ifMatch);
        requireLivingOnDate(person, move.movedOn(), "/movedOn", "tanggal pindah");
        Instant now = now();
        PersonRecord left = new PersonRecord(person.id(), person.data(), person.householdId(), person.kelurahanCode(),
                LifeStatus.PINDAH, move.movedOn(), move.destination().trim(), person.version(), now, scope.actor());
        store.updatePerson(left, scope.actor(), now);
        touchHouseholdOf(person, scope, now);
        history.record(Entity.PERSON, personId, "PINDAH_KELUAR_KOTA", Map.of("lifeStatus", "HIDUP"),
                Map.of("lifeStatus", "PINDAH", "movedOn", move.movedOn().toString(), "destination", left.movedTo()),
                move.reason(), scope.actor(), now);
        events.personMovedAway(left, move.reason(), now);
        return store.person(personId, false).orElseThrow();
    }

    // ---- corrections ----

    @Transactional
    public PersonRecord correctPerson(RegistryScope scope, UUID personId, String ifMatch, PersonCorrection c) {
        String reason = c.reason();
        PersonRecord person = writablePerson(scope, personId, ifMatch);
        PersonData old = person.data();
        PersonInput corrected = new PersonInput(c.nik().or(old.nik()), c.name().or(old.name()),
                c.birthPlace().or(old.birthPlace()), c.birthDate().or(old.birthDate()), c.sex().or(old.sex().name()),
                c.relationship().or(name(old.relationship())), c.maritalStatus().or(old.maritalStatus()),
                c.education().or(old.education()), c.occupation().or(old.occupation()),
                c.disability().or(old.disability()), c.severeDisability().or(old.severeDisability()),
                c.chronicIllness().or(old.chronicIllness()), c.pregnant().or(old.pregnant()));
        RegistryValidator.Validated<PersonData> validated = validator.person(corrected, person.householdId() != null);
        if (!validated.valid()) {
            throw invalid(at("", validated.problems()));
        }
        PersonData data = validated.value();
        Map<String, Object> before = fields(old);
        Map<String, Object> after = fields(data);
        List<FieldChange> changes = changes(before, after);
        if (changes.isEmpty()) {
            throw invalid(List.of(Violation.field("", "tidak ada kolom yang berubah")));
        }
        if (!data.nik().equals(old.nik()) && store.personByNik(data.nik()).isPresent()) {
            accessLog.registeredNikRevealed(List.of(data.nik()), "PATCH /api/v1/persons/{id}");
            throw HouseholdProblems.NIK_REGISTERED.refuse("NIK baru sudah dipakai penduduk lain.",
                    List.of(Violation.field("/nik", "NIK sudah terdaftar")));
        }
        Instant now = now();
        try {
            store.updatePerson(new PersonRecord(person.id(), data, person.householdId(), person.kelurahanCode(),
                    person.lifeStatus(), person.lifeStatusDate(), person.movedTo(), person.version(), now, scope.actor()),
                    scope.actor(), now);
        } catch (DuplicateKeyException twoHeads) {
            throw HouseholdProblems.HEAD_EXISTS.refuse("KK ini sudah memiliki kepala keluarga; gunakan ganti kepala keluarga.",
                    List.of(Violation.field("/relationship", "hanya satu kepala keluarga per KK")));
        }
        touchHouseholdOf(person, scope, now);
        history.record(Entity.PERSON, personId, "DIKOREKSI", changed(before, changes), changed(after, changes),
                reason, scope.actor(), now);
        PersonRecord stored = store.person(personId, false).orElseThrow();
        events.personCorrected(stored, changes, reason, now);
        return stored;
    }

    @Transactional
    public Household correctHousehold(RegistryScope scope, UUID householdId, String ifMatch, HouseholdCorrection c) {
        String reason = c.reason();
        HouseholdRecord household = writableHousehold(scope, householdId, ifMatch);
        HouseholdData old = household.data();
        HouseholdInput corrected = new HouseholdInput(c.kkNumber().or(old.kkNumber()), old.kelurahanCode(),
                c.rw().or(old.rw()), c.rt().or(old.rt()), c.dasawismaId().or(old.dasawismaId()),
                c.address().or(old.address()), c.latitude().or(old.latitude()), c.longitude().or(old.longitude()),
                c.houseOwnership().or(old.houseOwnership()), c.floorAreaM2().or(old.floorAreaM2()),
                c.floorMaterial().or(old.floorMaterial()), c.wallMaterial().or(old.wallMaterial()),
                c.roofMaterial().or(old.roofMaterial()), c.waterSource().or(old.waterSource()),
                c.sanitation().or(old.sanitation()), c.lighting().or(old.lighting()),
                c.cookingFuel().or(old.cookingFuel()), c.assets().or(old.assets()), c.incomeBand().or(old.incomeBand()));
        RegistryValidator.Validated<HouseholdData> validated = validator.household(corrected);
        if (!validated.valid()) {
            throw invalid(at("", validated.problems()));
        }
        HouseholdData data = validated.value();
        requireDasawisma(data);
        requireFreeKk(data.kkNumber(), householdId, "/kkNumber");
        Map<String, Object> before = fields(old);
        Map<String, Object> after = fields(data);
        List<FieldChange> changes = changes(before, after);
        if (changes.isEmpty()) {
            throw invalid(List.of(Violation.field("", "tidak ada kolom yang berubah")));
        }
        Instant now = now();
        store.ensureRwRt(data.kelurahanCode(), data.rw(), data.rt(), scope.actor());
        store.updateHousehold(householdId, data, household.status(), scope.actor(), now);
        HouseholdRecord stored = store.household(householdId, false).orElseThrow();
        history.record(Entity.HOUSEHOLD, householdId, "DIKOREKSI", changed(before, changes),
                changed(after, changes), reason, scope.actor(), now);
        events.householdCorrected(stored, changes, reason, now);
        return new Household(stored, store.members(householdId));
    }

    // ---- rules ----

    private HouseholdRecord visibleHousehold(RegistryScope scope, UUID id, boolean lock) {
        return store.household(id, lock).filter(h -> scope.covers(h.data().kelurahanCode()))
                .orElseThrow(() -> HouseholdProblems.HOUSEHOLD_NOT_FOUND.refuse(
                        "Tidak ada rumah tangga " + id + " di wilayah Anda."));
    }

    private PersonRecord visiblePerson(RegistryScope scope, UUID id, boolean lock) {
        return store.person(id, lock).filter(p -> scope.covers(p.kelurahanCode()))
                .orElseThrow(() -> HouseholdProblems.PERSON_NOT_FOUND.refuse(
                        "Tidak ada penduduk " + id + " di wilayah Anda."));
    }

    private HouseholdRecord writableHousehold(RegistryScope scope, UUID id, String ifMatch) {
        scope.requireWrite();
        HouseholdRecord household = visibleHousehold(scope, id, true);
        scope.requireWritableKelurahan(household.data().kelurahanCode());
        requireVersion(ifMatch, household.version());
        if (!household.active()) {
            throw HouseholdProblems.KK_DISSOLVED.refuse("KK ini sudah tidak aktif; perubahan tidak dapat dicatat.",
                    List.of());
        }
        return household;
    }

    private PersonRecord writablePerson(RegistryScope scope, UUID id, String ifMatch) {
        scope.requireWrite();
        PersonRecord person = visiblePerson(scope, id, true);
        scope.requireWritableKelurahan(person.kelurahanCode());
        requireVersion(ifMatch, person.version());
        return person;
    }

    private PersonRecord member(UUID householdId, UUID personId) {
        return store.person(personId, true).filter(p -> householdId.equals(p.householdId()))
                .orElseThrow(() -> HouseholdProblems.PERSON_NOT_FOUND.refuse("Tidak ada penduduk " + personId
                        + " di wilayah Anda."));
    }

    private static void requireOneHead(List<PersonData> members) {
        long heads = members.stream().filter(m -> m.relationship() == Relationship.KEPALA_KELUARGA).count();
        if (heads != 1) {
            throw HouseholdProblems.HEAD_NOT_ONE.refuse(
                    "Satu KK harus memiliki tepat satu kepala keluarga; data ini memiliki " + heads + ".",
                    List.of(Violation.field("/members", "tepat satu anggota dengan hubungan KEPALA_KELUARGA")));
        }
    }

    private static void requireDistinctNiks(List<PersonData> members) {
        Map<String, Integer> seen = new HashMap<>();
        List<Violation> duplicates = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            Integer first = seen.putIfAbsent(members.get(i).nik(), i);
            if (first != null) {
                duplicates.add(Violation.field("/members/" + i + "/nik", "NIK sama dengan anggota ke-" + (first + 1)));
            }
        }
        if (!duplicates.isEmpty()) {
            throw invalid(duplicates);
        }
    }

    private void requireUnregistered(List<PersonData> members) {
        Set<String> registered = store.registeredNiks(members.stream().map(PersonData::nik).toList());
        if (!registered.isEmpty()) {
            // The refusal tells the caller that these NIKs exist, possibly outside their region: an access to them.
            accessLog.registeredNikRevealed(registered, "POST /api/v1/households");
            List<Violation> violations = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                if (registered.contains(members.get(i).nik())) {
                    violations.add(Violation.field("/members/" + i + "/nik",
                            "NIK sudah terdaftar; seseorang hanya boleh tercatat pada satu KK"));
                }
            }
            throw HouseholdProblems.NIK_REGISTERED.refuse(registered.size() + " NIK sudah terdaftar di kota ini. Gunakan pindah anggota untuk memindahkan"
                            + " penduduk yang sudah terdaftar.", violations);
        }
    }

    private void requireFreeKk(String kkNumber, UUID except, String pointer) {
        if (store.activeKkExists(kkNumber, except)) {
            throw HouseholdProblems.KK_REGISTERED.refuse("Nomor KK " + kkNumber
                    + " sudah dipakai rumah tangga aktif lain.", List.of(Violation.field(pointer, "nomor KK sudah terdaftar")));
        }
    }

    private void requireDasawisma(HouseholdData data) {
        if (data.dasawismaId() != null && !store.dasawismaIn(data.dasawismaId(), data.kelurahanCode())) {
            throw invalid(List.of(Violation.field("/dasawismaId", "kelompok dasawisma tidak ada di kelurahan ini")));
        }
    }

    private static void requireHeadCanLeave(PersonRecord person, List<PersonRecord> members) {
        boolean othersLiving = members.stream().anyMatch(p -> p.living() && !p.id().equals(person.id()));
        if (person.living() && person.isHead() && othersLiving) {
            throw HouseholdProblems.HEAD_CANNOT_LEAVE.refuse("Tetapkan kepala keluarga baru lebih dulu (ganti kepala keluarga), lalu ulangi.", List.of());
        }
    }

    private void requireLivingOnDate(PersonRecord person, LocalDate date, String pointer, String what) {
        if (!person.living()) {
            throw HouseholdProblems.LIFE_STATUS_UNCHANGED.refuse("Penduduk ini sudah tercatat "
                    + (person.lifeStatus() == LifeStatus.MENINGGAL ? "meninggal" : "pindah keluar kota") + ".", List.of());
        }
        if (date == null || date.isAfter(LocalDate.now(clock)) || date.isBefore(person.data().birthDate())) {
            throw invalid(List.of(Violation.field(pointer, what + " wajib diisi, tidak di masa depan dan tidak sebelum"
                    + " tanggal lahir")));
        }
    }

    private void dissolveIfEmpty(HouseholdRecord household, List<PersonRecord> members, UUID leaving, RegistryScope scope,
                                 Instant now, String reason) {
        boolean anyoneLeft = members.stream().anyMatch(p -> p.living() && !p.id().equals(leaving));
        if (anyoneLeft) {
            store.touchHousehold(household.id(), scope.actor(), now);
        } else {
            store.updateHousehold(household.id(), household.data(), "BUBAR", scope.actor(), now);
            history.record(Entity.HOUSEHOLD, household.id(), "BUBAR", Map.of("status", "AKTIF"),
                    Map.of("status", "BUBAR"), reason, scope.actor(), now);
        }
    }

    private void touchHouseholdOf(PersonRecord person, RegistryScope scope, Instant now) {
        if (person.householdId() != null) {
            store.touchHousehold(person.householdId(), scope.actor(), now);
        }
    }

    private void correctRelationship(PersonRecord person, Relationship relationship, String reason, RegistryScope scope,
                                     Instant now) {
        PersonData data = withRelationship(person.data(), relationship);
        store.updatePerson(new PersonRecord(person.id(), data, person.householdId(), person.kelurahanCode(),
                person.lifeStatus(), person.lifeStatusDate(), person.movedTo(), person.version(), now, scope.actor()),
                scope.actor(), now);
        List<FieldChange> changes = List.of(new FieldChange("relationship", name(person.data().relationship()),
                relationship.name()));
        history.record(Entity.PERSON, person.id(), "DIKOREKSI", Map.of("relationship", name(person.data().relationship())),
                Map.of("relationship", relationship.name()), reason, scope.actor(), now);
        events.personCorrected(store.person(person.id(), false).orElseThrow(), changes, reason, now);
    }

    private static PersonData withRelationship(PersonData d, Relationship relationship) {
        return new PersonData(d.nik(), d.name(), d.nameKey(), d.birthPlace(), d.birthDate(), d.sex(), relationship,
                d.maritalStatus(), d.education(), d.occupation(), d.disability(), d.severeDisability(),
                d.chronicIllness(), d.pregnant(), d.nikFlags());
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw invalid(List.of(Violation.field("/reason", "alasan wajib diisi, paling panjang 500 karakter")));
        }
    }

    // ---- field maps for history and events ----

    static Map<String, Object> fields(PersonData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nik", d.nik());
        m.put("name", d.name());
        m.put("birthPlace", d.birthPlace());
        m.put("birthDate", d.birthDate().toString());
        m.put("sex", d.sex().name());
        m.put("relationship", name(d.relationship()));
        m.put("maritalStatus", d.maritalStatus());
        m.put("education", d.education());
        m.put("occupation", d.occupation());
        m.put("disability", d.disability());
        m.put("severeDisability", d.severeDisability());
        m.put("chronicIllness", d.chronicIllness());
        m.put("pregnant", d.pregnant());
        m.put("nikFlags", d.nikFlags().stream().map(Enum::name).sorted().toList());
        return m;
    }

    static Map<String, Object> fields(HouseholdData d) {
        Map<String, Object> m = place(d);
        m.put("kkNumber", d.kkNumber());
        m.put("dasawismaId", d.dasawismaId() == null ? null : d.dasawismaId().toString());
        m.put("houseOwnership", d.houseOwnership());
        m.put("floorAreaM2", d.floorAreaM2());
        m.put("floorMaterial", d.floorMaterial());
        m.put("wallMaterial", d.wallMaterial());
        m.put("roofMaterial", d.roofMaterial());
        m.put("waterSource", d.waterSource());
        m.put("sanitation", d.sanitation());
        m.put("lighting", d.lighting());
        m.put("cookingFuel", d.cookingFuel());
        m.put("assets", d.assets());
        m.put("incomeBand", d.incomeBand());
        return m;
    }

    private static Map<String, Object> place(HouseholdData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kkNumber", d.kkNumber());
        m.put("kelurahanCode", d.kelurahanCode());
        m.put("rw", d.rw());
        m.put("rt", d.rt());
        m.put("address", d.address());
        m.put("latitude", d.latitude() == null ? null : d.latitude().toPlainString());
        m.put("longitude", d.longitude() == null ? null : d.longitude().toPlainString());
        return m;
    }

    private static List<FieldChange> changes(Map<String, Object> before, Map<String, Object> after) {
        List<FieldChange> changes = new ArrayList<>();
        for (String field : after.keySet()) {
            if (!Objects.equals(before.get(field), after.get(field))) {
                changes.add(new FieldChange(field, asText(before.get(field)), asText(after.get(field))));
            }
        }
        return changes;
    }

    private static Map<String, Object> changed(Map<String, Object> values, List<FieldChange> changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        changes.forEach(c -> m.put(c.field(), values.get(c.field())));
        return m;
    }

    private static String asText(Object value) {
        return value == null ? null : value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                : value.toString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
