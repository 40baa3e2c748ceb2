package org.kesra.welfare.residents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.kesra.contracts.household.Member;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * welfare-service's copy of the persons in household-service's registry, kept from its events. It holds only what
 * enrolment, PKH components and the verification API need. An event older than what the row already shows (a
 * re-driven dead letter) does not overwrite it.
 */
@Component
public class ResidentProjection {

    private final JdbcClient jdbc;

    public ResidentProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void upsert(Member member, UUID householdId, String kkNumber, String kelurahanCode, Instant at) {
        jdbc.sql("""
                INSERT INTO resident (person_id, nik, name, birth_date, sex, household_id, kk_number, kelurahan_code,
                                      life_status, severe_disability, pregnant, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (person_id) DO UPDATE SET nik = excluded.nik, name = excluded.name,
                    birth_date = excluded.birth_date, sex = excluded.sex, household_id = excluded.household_id,
                    kk_number = excluded.kk_number, kelurahan_code = excluded.kelurahan_code,
                    life_status = excluded.life_status, severe_disability = excluded.severe_disability,
                    pregnant = excluded.pregnant, updated_at = excluded.updated_at
                WHERE resident.updated_at <= excluded.updated_at""")
                .params(member.personId(), member.nik(), member.name(), member.birthDate(), member.sex(), householdId,
                        kkNumber, kelurahanCode, member.lifeStatus(), member.severeDisability(), member.pregnant(),
                        Timestamp.from(at))
                .update();
    }

    public void moved(UUID personId, UUID householdId, String kkNumber, String kelurahanCode, Instant at) {
        jdbc.sql("""
                UPDATE resident SET household_id = ?, kk_number = ?, kelurahan_code = ?, updated_at = ?
                WHERE person_id = ? AND updated_at <= ?""")
                .params(householdId, kkNumber, kelurahanCode, Timestamp.from(at), personId, Timestamp.from(at))
                .update();
    }

    /**
     * A household's KK number and kelurahan as its newest event states them: a relocation, or a correction (a typo on
     * the card; DTSEN deciles are matched by KK number, so every member's row follows it).
     */
    public void householdChanged(UUID householdId, String kkNumber, String kelurahanCode, Instant at) {
        jdbc.sql("""
                UPDATE resident SET kk_number = ?, kelurahan_code = ?, updated_at = ?
                WHERE household_id = ? AND updated_at <= ?""")
                .params(kkNumber, kelurahanCode, Timestamp.from(at), householdId, Timestamp.from(at))
                .update();
    }

    public void lifeStatus(UUID personId, String lifeStatus, Instant at) {
        jdbc.sql("UPDATE resident SET life_status = ?, updated_at = ? WHERE person_id = ? AND updated_at <= ?")
                .params(lifeStatus, Timestamp.from(at), personId, Timestamp.from(at))
                .update();
    }

    public void removedFromHousehold(UUID personId, UUID householdId, Instant at) {
        jdbc.sql("""
                UPDATE resident SET household_id = NULL, kk_number = NULL, updated_at = ?
                WHERE person_id = ? AND household_id = ? AND updated_at <= ?""")
                .params(Timestamp.from(at), personId, householdId, Timestamp.from(at))
                .update();
    }

    /**
     * A corrected person: the fields this copy keeps take their new value (NIK, name, birth date, sex, pregnancy,
     * severe disability); others are not kept here. Enrolments and PPKS cases keep the NIK they were made with: a
     * changed NIK is for a verifier to look at, not to rewrite silently.
     */
    public void corrected(UUID personId, java.util.List<org.kesra.contracts.household.FieldChange> changes,
                          Instant at) {
        for (org.kesra.contracts.household.FieldChange change : changes) {
            String column = switch (change.field()) {
                case "nik" -> "nik";
                case "name" -> "name";
                case "birthDate" -> "birth_date";
                case "sex" -> "sex";
                case "pregnant" -> "pregnant";
                case "severeDisability" -> "severe_disability";
                default -> null;
            };
            if (column == null || (change.after() == null && !column.equals("birth_date"))) {
                continue;
            }
            Object value = switch (column) {
                case "birth_date" -> change.after() == null ? null : java.time.LocalDate.parse(change.after());
                case "pregnant", "severe_disability" -> Boolean.parseBoolean(change.after());
                default -> change.after();
            };
            // The column name comes from the switch above, never from the event.
            jdbc.sql("UPDATE resident SET " + column + " = ?, updated_at = ? WHERE person_id = ? AND updated_at <= ?")
                    .params(value, Timestamp.from(at), personId, Timestamp.from(at)).update();
        }
    }

    public record Resident(UUID personId, String nik, String name, java.time.LocalDate birthDate, String sex,
                           UUID householdId, String kkNumber, String kelurahanCode, String lifeStatus) {
    }

    public java.util.Optional<Resident> byNik(String nik) {
        return jdbc.sql("""
                SELECT person_id, nik, name, birth_date, sex, household_id, kk_number, kelurahan_code, life_status
                FROM resident WHERE nik = ? ORDER BY updated_at DESC LIMIT 1""")
                .param(nik).query(Resident.class).optional();
    }

    /** A living member of a household, with what the PKH components are decided on. */
    public record LivingMember(UUID personId, String name, java.time.LocalDate birthDate, boolean pregnant,
                               boolean severeDisability) {
    }

    /** The household's living members, oldest first. */
    public java.util.List<LivingMember> livingMembers(UUID householdId) {
        return jdbc.sql("""
                SELECT person_id, name, birth_date, pregnant, severe_disability FROM resident
                WHERE household_id = ? AND life_status = 'HIDUP' ORDER BY birth_date, person_id""")
                .param(householdId).query(LivingMember.class).list();
    }
}
