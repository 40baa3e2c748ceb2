package org.kesra.household.registry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.kesra.household.wilayah.RegionUnits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the household and person tables. Every update increments the row's version. */
@Repository
public class RegistryStore {

    static final String HOUSEHOLD_COLUMNS = """
            id, kk_number, kelurahan_code, rw, rt, dasawisma_id, address, latitude, longitude, house_ownership,
            floor_area_m2, floor_material, wall_material, roof_material, water_source, sanitation, lighting,
            cooking_fuel, assets, income_band, status, version, updated_at, updated_by""";
    static final String PERSON_COLUMNS = """
            id, nik, name, name_key, birth_place, birth_date, sex, relationship, marital_status, education, occupation,
            disability, severe_disability, chronic_illness, pregnant, nik_flags, household_id, kelurahan_code,
            life_status, life_status_date, moved_to, version, updated_at, updated_by""";

    private final JdbcClient jdbc;
    private final RegionUnits regionUnits;

    public RegistryStore(JdbcClient jdbc, RegionUnits regionUnits) {
        this.jdbc = jdbc;
        this.regionUnits = regionUnits;
    }

    public Optional<HouseholdRecord> household(UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT " + HOUSEHOLD_COLUMNS + " FROM household WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))
                .param(id).query(RegistryStore::household).optional();
    }

    public List<PersonRecord> members(UUID householdId) {
        return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person WHERE household_id = ? ORDER BY "
                        + "CASE relationship WHEN 'KEPALA_KELUARGA' THEN 0 WHEN 'SUAMI' THEN 1 WHEN 'ISTRI' THEN 1 ELSE 2 END, birth_date, id")
                .param(householdId).query(RegistryStore::person).list();
    }

    public Optional<PersonRecord> person(UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""))
                .param(id).query(RegistryStore::person).optional();
    }

    public Optional<PersonRecord> personByNik(String nik) {
        return jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM person WHERE nik = ?").param(nik)
                .query(RegistryStore::person).optional();
    }

    /** Which of these NIKs are registered already. */
    public Set<String> registeredNiks(Collection<String> niks) {
        if (niks.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT nik FROM person WHERE nik = ANY(?)")
                .param(niks.toArray(String[]::new)).query(String.class).list());
    }

    public boolean activeKkExists(String kkNumber, UUID except) {
        return jdbc.sql("SELECT count(*) FROM household WHERE kk_number = ? AND status = 'AKTIF' AND id <> ?")
                .params(kkNumber, except == null ? new UUID(0, 0) : except).query(Long.class).single() > 0;
    }

    public boolean dasawismaIn(UUID dasawismaId, String kelurahanCode) {
        return jdbc.sql("SELECT count(*) FROM dasawisma WHERE id = ? AND kelurahan_code = ?")
                .params(dasawismaId, kelurahanCode).query(Long.class).single() > 0;
    }

    /** RW and RT are field facts: a household in an RT not listed yet adds it. */
    public void ensureRwRt(String kelurahanCode, String rw, String rt, String actor) {
        regionUnits.ensure(kelurahanCode, rw, rt, actor);
    }

    public void insertHousehold(UUID id, HouseholdData h, String actor, Instant now, UUID importId) {
        jdbc.sql("""
                INSERT INTO household (id, kk_number, kelurahan_code, rw, rt, dasawisma_id, address, latitude, longitude,
                    house_ownership, floor_area_m2, floor_material, wall_material, roof_material, water_source, sanitation,
                    lighting, cooking_fuel, assets, income_band, import_id, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, h.kkNumber(), h.kelurahanCode(), h.rw(), h.rt(), h.dasawismaId(), h.address(), h.latitude(),
                        h.longitude(), h.houseOwnership(), h.floorAreaM2(), h.floorMaterial(), h.wallMaterial(),
                        h.roofMaterial(), h.waterSource(), h.sanitation(), h.lighting(), h.cookingFuel(),
                        h.assets().toArray(String[]::new), h.incomeBand(), importId, Timestamp.from(now), actor,
                        Timestamp.from(now), actor)
                .update();
    }

    public void updateHousehold(UUID id, HouseholdData h, String status, String actor, Instant now) {
        jdbc.sql("""
                UPDATE household SET kk_number = ?, kelurahan_code = ?, rw = ?, rt = ?, dasawisma_id = ?, address = ?,
                    latitude = ?, longitude = ?, house_ownership = ?, floor_area_m2 = ?, floor_material = ?,
                    wall_material = ?, roof_material = ?, water_source = ?, sanitation = ?, lighting = ?, cooking_fuel = ?,
                    assets = ?, income_band = ?, status = ?, version = version + 1, updated_at = ?, updated_by = ?
                WHERE id = ?""")
                .params(h.kkNumber(), h.kelurahanCode(), h.rw(), h.rt(), h.dasawismaId(), h.address(), h.latitude(),
                        h.longitude(), h.houseOwnership(), h.floorAreaM2(), h.floorMaterial(), h.wallMaterial(),
                        h.roofMaterial(), h.waterSource(), h.sanitation(), h.lighting(), h.cookingFuel(),
                        h.assets().toArray(String[]::new), h.incomeBand(), status, Timestamp.from(now), actor, id)
                .update();
    }

    /** A change to the household's members: the household's version (ETag) moves with it. */
    public void touchHousehold(UUID id, String actor, Instant now) {
        jdbc.sql("UPDATE household SET version = version + 1, updated_at = ?, updated_by = ? WHERE id = ?")
                .params(Timestamp.from(now), actor, id).update();
    }

    public void insertPerson(UUID id, PersonData p, UUID householdId, String kelurahanCode, String actor, Instant now,
                             UUID importId) {
        jdbc.sql("""
                INSERT INTO person (id, nik, name, name_key, birth_place, birth_date, sex, relationship, marital_status,
                    education, occupation, disability, severe_disability, chronic_illness, pregnant, nik_flags,
                    household_id, kelurahan_code, import_id, created_at, created_by, updated_at, updated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, p.nik(), p.name(), p.nameKey(), p.birthPlace(), p.birthDate(), p.sex().name(),
                        p.relationship() == null ? null : p.relationship().name(), p.maritalStatus(), p.education(),
                        p.occupation(), p.disability(), p.severeDisability(), p.chronicIllness(), p.pregnant(),
                        flags(p.nikFlags()), householdId, kelurahanCode, importId, Timestamp.from(now), actor,
                        Timestamp.from(now), actor)
                .update();
    }

    public void updatePerson(PersonRecord p, String actor, Instant now) {
        PersonData d = p.data();
        jdbc.sql("""
                UPDATE person SET nik = ?, name = ?, name_key = ?, birth_place = ?, birth_date = ?, sex = ?,
                    relationship = ?, marital_status = ?, education = ?, occupation = ?, disability = ?,
                    severe_disability = ?, chronic_illness = ?, pregnant = ?, nik_flags = ?, household_id = ?,
                    kelurahan_code = ?, life_status = ?, life_status_date = ?, moved_to = ?, version = version + 1,
                    updated_at = ?, updated_by = ?
                WHERE id = ?""")
                .params(d.nik(), d.name(), d.nameKey(), d.birthPlace(), d.birthDate(), d.sex().name(),
                        d.relationship() == null ? null : d.relationship().name(), d.maritalStatus(), d.education(),
                        d.occupation(), d.disability(), d.severeDisability(), d.chronicIllness(), d.pregnant(),
                        flags(d.nikFlags()), p.householdId(), p.kelurahanCode(), p.lifeStatus().name(),
                        p.lifeStatusDate(), p.movedTo(), Timestamp.from(now), actor, p.id())
                .update();
    }

    public void moveMembersToKelurahan(UUID householdId, String kelurahanCode, String actor, Instant now) {
        jdbc.sql("UPDATE person SET kelurahan_code = ?, version = version + 1, updated_at = ?, updated_by = ? "
                        + "WHERE household_id = ?")
                .params(kelurahanCode, Timestamp.from(now), actor, householdId).update();
    }

    private static String[] flags(Set<Nik.Flag> flags) {
        return flags.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    static HouseholdRecord household(ResultSet rs, int row) throws SQLException {
        HouseholdData data = new HouseholdData(rs.getString("kk_number"), rs.getString("kelurahan_code"),
                rs.getString("rw"), rs.getString("rt"), rs.getObject("dasawisma_id", UUID.class), rs.getString("address"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("house_ownership"),
                (Integer) rs.getObject("floor_area_m2"), rs.getString("floor_material"), rs.getString("wall_material"),
                rs.getString("roof_material"), rs.getString("water_source"), rs.getString("sanitation"),
                rs.getString("lighting"), rs.getString("cooking_fuel"), strings(rs.getArray("assets")),
                rs.getString("income_band"));
        return new HouseholdRecord(rs.getObject("id", UUID.class), data, rs.getString("status"), rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    static PersonRecord person(ResultSet rs, int row) throws SQLException {
        Set<Nik.Flag> flags = EnumSet.noneOf(Nik.Flag.class);
        strings(rs.getArray("nik_flags")).forEach(f -> flags.add(Nik.Flag.valueOf(f)));
        String relationship = rs.getString("relationship");
        PersonData data = new PersonData(rs.getString("nik"), rs.getString("name"), rs.getString("name_key"),
                rs.getString("birth_place"), rs.getObject("birth_date", LocalDate.class), Sex.valueOf(rs.getString("sex")),
                relationship == null ? null : Relationship.valueOf(relationship), rs.getString("marital_status"),
                rs.getString("education"), rs.getString("occupation"), rs.getString("disability"),
                rs.getBoolean("severe_disability"), rs.getString("chronic_illness"), rs.getBoolean("pregnant"), flags);
        return new PersonRecord(rs.getObject("id", UUID.class), data, rs.getObject("household_id", UUID.class),
                rs.getString("kelurahan_code"), LifeStatus.valueOf(rs.getString("life_status")),
                rs.getObject("life_status_date", LocalDate.class), rs.getString("moved_to"), rs.getInt("version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
