package org.kesra.reporting.population;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The registered households and persons per kelurahan, from household.events only (tables {@code rm_household} and
 * {@code rm_person}, written only here). Keeps ids and places, never NIKs or names: a recap counts, it does not list.
 * Each change is applied only if its event is not older than the row (a re-driven dead letter may come after a
 * later event of the same card).
 */
@Service
public class Population {

    /** Registered households and persons of one kelurahan, now. */
    public record Count(String kelurahanCode, long households, long persons) {
    }

    private final JdbcClient jdbc;

    public Population(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void household(UUID householdId, String kelurahanCode, Instant at) {
        jdbc.sql("""
                INSERT INTO rm_household AS h (household_id, kelurahan_code, registered_at, updated_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (household_id) DO UPDATE SET kelurahan_code = EXCLUDED.kelurahan_code,
                    updated_at = EXCLUDED.updated_at
                WHERE h.updated_at <= EXCLUDED.updated_at""")
                .params(householdId, kelurahanCode, Timestamp.from(at), Timestamp.from(at)).update();
    }

    void person(UUID personId, UUID householdId, String kelurahanCode, String status, Instant at) {
        jdbc.sql("""
                INSERT INTO rm_person AS p (person_id, household_id, kelurahan_code, status, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (person_id) DO UPDATE SET household_id = EXCLUDED.household_id,
                    kelurahan_code = EXCLUDED.kelurahan_code, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
                WHERE p.updated_at <= EXCLUDED.updated_at""")
                .params(personId, householdId, kelurahanCode, status, Timestamp.from(at)).update();
    }

    /** A household moved (or its kelurahan was corrected): its members that still live on the card move with it. */
    void householdMoved(UUID householdId, String kelurahanCode, Instant at) {
        jdbc.sql("UPDATE rm_household SET kelurahan_code = ?, updated_at = ? WHERE household_id = ? AND updated_at <= ?")
                .params(kelurahanCode, Timestamp.from(at), householdId, Timestamp.from(at)).update();
        jdbc.sql("""
                UPDATE rm_person SET kelurahan_code = ?, updated_at = ?
                WHERE household_id = ? AND status = 'TERDAFTAR' AND updated_at <= ?""")
                .params(kelurahanCode, Timestamp.from(at), householdId, Timestamp.from(at)).update();
    }

    /** A person's status changed without a new place (left the card, died, moved out of the city). */
    void status(UUID personId, String status, boolean leavesHousehold, Instant at) {
        jdbc.sql("""
                UPDATE rm_person SET status = ?, updated_at = ?,
                    household_id = CASE WHEN ? THEN NULL ELSE household_id END
                WHERE person_id = ? AND updated_at <= ?""")
                .params(status, Timestamp.from(at), leavesHousehold, personId, Timestamp.from(at)).update();
    }

    /** Registered households and persons per kelurahan of the given ones (a kelurahan without any is absent). */
    public Map<String, Count> counts(List<String> kelurahanCodes) {
        return jdbc.sql("""
                SELECT k.code,
                       (SELECT count(*) FROM rm_household h WHERE h.kelurahan_code = k.code),
                       (SELECT count(*) FROM rm_person p WHERE p.kelurahan_code = k.code AND p.status = 'TERDAFTAR')
                FROM unnest(CAST(:codes AS text[])) AS k(code)""")
                .param("codes", kelurahanCodes.toArray(String[]::new))
                .query((rs, n) -> new Count(rs.getString(1), rs.getLong(2), rs.getLong(3))).list().stream()
                .collect(Collectors.toMap(Count::kelurahanCode, c -> c));
    }
}
