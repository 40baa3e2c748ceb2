package org.kesra.household.registry;

import java.sql.Timestamp;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's bulk writer: registers the valid rows an import staged ({@code household_import_row}, the importing
 * package's table, read here as this writer's input) as households and persons with their history, set-based in the
 * import's transaction. The registry stays the one package that writes {@code household}, {@code person} and their
 * {@code change_history}; the import calls these steps in order and publishes the events from
 * {@link #forEachRegisteredMember}.
 */
@Component
public class ImportedRegistrations {

    private static final String HEAD = Relationship.KEPALA_KELUARGA.name();

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    public ImportedRegistrations(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2_000);
    }

    /**
     * One household per staged card, its columns taken from the head's row (chosen by sorting only the key columns:
     * 35 MB at 1,000,000 persons; whole rows spilled 250 MB to disk). Ids are time-ordered (uuid_v7, see its
     * migration), so the rows of one import go to the right edge of every index that follows the id.
     */
    public long households(UUID importId, String actor, Timestamp now) {
        return jdbc.sql("""
                INSERT INTO household (id, kk_number, kelurahan_code, rw, rt, address, latitude, longitude,
                    house_ownership, floor_area_m2, floor_material, wall_material, roof_material, water_source,
                    sanitation, lighting, cooking_fuel, assets, income_band, import_id, created_at, created_by,
                    updated_at, updated_by)
                SELECT uuid_v7(), kk_number, kelurahan_code, rw, rt, address, latitude, longitude,
                    house_ownership, floor_area_m2, floor_material, wall_material, roof_material, water_source,
                    sanitation, lighting, cooking_fuel, assets, income_band, import_id, ?, ?, ?, ?
                FROM household_import_row
                WHERE import_id = ? AND valid AND row_number IN (
                    SELECT DISTINCT ON (kk_number) row_number FROM household_import_row
                    WHERE import_id = ? AND valid ORDER BY kk_number, relationship <> ?, row_number)""")
                .params(now, actor, now, actor, importId, importId, HEAD).update();
    }

    /**
     * The staged persons, in NIK order: the unique NIK index is then filled left to right like the id indexes (this
     * insert alone, 1,000,000 persons, both foreign keys: 45 s with random ids in file order, 27 s; stack.md 35).
     */
    public long persons(UUID importId, String actor, Timestamp now) {
        return jdbc.sql("""
                INSERT INTO person (id, nik, name, name_key, birth_place, birth_date, sex, household_id,
                    kelurahan_code, relationship, marital_status, education, occupation, disability,
                    severe_disability, chronic_illness, pregnant, nik_flags, import_id, created_at, created_by,
                    updated_at, updated_by)
                SELECT uuid_v7(), s.nik, s.name, s.name_key, s.birth_place, s.birth_date, s.sex, h.id,
                    h.kelurahan_code, s.relationship, s.marital_status, s.education, s.occupation, s.disability,
                    s.severe_disability, s.chronic_illness, s.pregnant, s.nik_flags, s.import_id, ?, ?, ?, ?
                FROM household_import_row s
                JOIN household h ON h.import_id = s.import_id AND h.kk_number = s.kk_number AND h.status = 'AKTIF'
                WHERE s.import_id = ? AND s.valid
                ORDER BY s.nik""")
                .params(now, actor, now, actor, importId).update();
    }

    /** Fresh statistics after a bulk insert that may have doubled the table: the next steps join it. */
    public void analyzeHouseholds() {
        jdbc.sql("ANALYZE household").update();
    }

    public void analyzePersons() {
        jdbc.sql("ANALYZE person").update();
    }

    /** The "registered" history entry of every household and person the import created. */
    public void history(UUID importId, String actor, String reason, Timestamp now) {
        jdbc.sql("""
                INSERT INTO change_history (entity, entity_id, action, changed_at, changed_by, reason, after)
                SELECT 'HOUSEHOLD', h.id, 'TERDAFTAR', ?, ?, ?, jsonb_build_object(
                    'kelurahanCode', h.kelurahan_code, 'rw', h.rw, 'rt', h.rt, 'address', h.address,
                    'latitude', h.latitude, 'longitude', h.longitude, 'kkNumber', h.kk_number, 'dasawismaId', null,
                    'houseOwnership', h.house_ownership, 'floorAreaM2', h.floor_area_m2,
                    'floorMaterial', h.floor_material, 'wallMaterial', h.wall_material, 'roofMaterial', h.roof_material,
                    'waterSource', h.water_source, 'sanitation', h.sanitation, 'lighting', h.lighting,
                    'cookingFuel', h.cooking_fuel, 'assets', to_jsonb(h.assets), 'incomeBand', h.income_band)
                FROM household h WHERE h.import_id = ?""")
                .params(now, actor, reason, importId).update();
        jdbc.sql("""
                INSERT INTO change_history (entity, entity_id, action, changed_at, changed_by, reason, after)
                SELECT 'PERSON', p.id, 'TERDAFTAR', ?, ?, ?, jsonb_build_object(
                    'nik', p.nik, 'name', p.name, 'birthPlace', p.birth_place, 'birthDate', p.birth_date, 'sex', p.sex,
                    'relationship', p.relationship, 'maritalStatus', p.marital_status, 'education', p.education,
                    'occupation', p.occupation, 'disability', p.disability, 'severeDisability', p.severe_disability,
                    'chronicIllness', p.chronic_illness, 'pregnant', p.pregnant, 'nikFlags', to_jsonb(p.nik_flags),
                    'householdId', p.household_id)
                FROM person p WHERE p.import_id = ?""")
                .params(now, actor, reason, importId).update();
    }

    /** The members of the households an import created, card by card (head first), streamed for the events. */
    public void forEachRegisteredMember(UUID importId, RowCallbackHandler member) {
        streaming.query("""
                SELECT h.id AS household_id, h.kk_number, h.kelurahan_code, h.rw, h.rt, p.id, p.nik, p.name,
                       p.birth_date, p.sex, p.relationship, p.marital_status, p.education, p.occupation, p.disability,
                       p.severe_disability, p.pregnant
                FROM household h JOIN person p ON p.household_id = h.id
                WHERE h.import_id = ?
                ORDER BY h.id, p.relationship <> 'KEPALA_KELUARGA', p.nik""", member, importId);
    }
}
