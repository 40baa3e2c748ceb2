package org.kesra.reporting.population;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.kesra.reporting.rebuild.BatchedWrites;
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

    /** Where a rebuild's poll keeps this model's held-back writes. */
    private static final Object BATCH = new Object();

    private final JdbcClient jdbc;

    public Population(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void household(UUID householdId, String kelurahanCode, Instant at) {
        Batch batch = batch();
        if (batch != null) {
            batch.round(householdId, null).households.add(new String[] {householdId.toString(), kelurahanCode,
                at.toString()});
            return;
        }
        jdbc.sql("""
                INSERT INTO rm_household AS h (household_id, kelurahan_code, registered_at, updated_at)
                VALUES (?, ?, ?, ?)
                ON CONFLICT (household_id) DO UPDATE SET kelurahan_code = EXCLUDED.kelurahan_code,
                    updated_at = EXCLUDED.updated_at
                WHERE h.updated_at <= EXCLUDED.updated_at""")
                .params(householdId, kelurahanCode, Timestamp.from(at), Timestamp.from(at)).update();
    }

    void person(UUID personId, UUID householdId, String kelurahanCode, String status, Instant at) {
        Batch batch = batch();
        if (batch != null) {
            batch.round(null, personId).persons.add(new String[] {personId.toString(),
                householdId == null ? null : householdId.toString(), kelurahanCode, status, at.toString()});
            return;
        }
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
        Batch batch = batch();
        if (batch != null) {
            batch.barrier(() -> moveNow(householdId, kelurahanCode, at));
            return;
        }
        moveNow(householdId, kelurahanCode, at);
    }

    private void moveNow(UUID householdId, String kelurahanCode, Instant at) {
        // One statement, one round trip (a rebuild meets every move there was); the two tables do not interfere.
        jdbc.sql("""
                WITH household AS (
                    UPDATE rm_household SET kelurahan_code = :place, updated_at = :at
                    WHERE household_id = :household AND updated_at <= :at
                    RETURNING 1)
                UPDATE rm_person SET kelurahan_code = :place, updated_at = :at
                WHERE household_id = :household AND status = 'TERDAFTAR' AND updated_at <= :at""")
                .param("place", kelurahanCode).param("at", Timestamp.from(at)).param("household", householdId)
                .update();
    }

    /** A person's status changed without a new place (left the card, died, moved out of the city). */
    void status(UUID personId, String status, boolean leavesHousehold, Instant at) {
        Batch batch = batch();
        if (batch != null) {
            batch.round(null, personId).statuses.add(new String[] {personId.toString(), status,
                Boolean.toString(leavesHousehold), at.toString()});
            return;
        }
        jdbc.sql("""
                UPDATE rm_person SET status = ?, updated_at = ?,
                    household_id = CASE WHEN ? THEN NULL ELSE household_id END
                WHERE person_id = ? AND updated_at <= ?""")
                .params(status, Timestamp.from(at), leavesHousehold, personId, Timestamp.from(at)).update();
    }

    /** The rebuild's batch of the current transaction, or null when writing at once (the live consumers). */
    private Batch batch() {
        return BatchedWrites.buffer(BATCH, Batch::new);
    }

    /**
     * The writes of a rebuild's poll, held back and made before it commits, with the same statements' effect as one
     * at a time in event order. They are cut into rounds in which no household and no person is written twice: within a
     * round the writes touch different rows, so their order does not matter and each kind is one statement over
     * arrays (the same guards on {@code updated_at}); a row written again starts the next round. A household's move
     * (which changes all its members) runs alone, in its place between the rounds.
     */
    private final class Batch implements BatchedWrites.Buffer {

        private final List<Runnable> steps = new ArrayList<>();
        private Round round;

        Round round(UUID householdId, UUID personId) {
            if (round == null || householdId != null && round.householdIds.contains(householdId)
                    || personId != null && round.personIds.contains(personId)) {
                round = new Round();
                steps.add(round);
            }
            if (householdId != null) {
                round.householdIds.add(householdId);
            }
            if (personId != null) {
                round.personIds.add(personId);
            }
            return round;
        }

        void barrier(Runnable write) {
            round = null;
            steps.add(write);
        }

        @Override
        public void flush() {
            steps.forEach(Runnable::run);
            steps.clear();
            round = null;
        }
    }

    private final class Round implements Runnable {

        final Set<UUID> householdIds = new HashSet<>();
        final Set<UUID> personIds = new HashSet<>();
        final List<String[]> households = new ArrayList<>();
        final List<String[]> persons = new ArrayList<>();
        final List<String[]> statuses = new ArrayList<>();

        /** One statement (one round trip) for the round: its rows are distinct, so the parts do not interfere. */
        @Override
        public void run() {
            jdbc.sql("""
                    WITH households AS (
                        INSERT INTO rm_household AS h (household_id, kelurahan_code, registered_at, updated_at)
                        SELECT id, place, at, at
                        FROM unnest(CAST(:hIds AS uuid[]), CAST(:hPlaces AS text[]), CAST(:hAts AS timestamptz[]))
                             AS r(id, place, at)
                        ON CONFLICT (household_id) DO UPDATE SET kelurahan_code = EXCLUDED.kelurahan_code,
                            updated_at = EXCLUDED.updated_at
                        WHERE h.updated_at <= EXCLUDED.updated_at
                        RETURNING 1),
                    persons AS (
                        INSERT INTO rm_person AS p (person_id, household_id, kelurahan_code, status, updated_at)
                        SELECT * FROM unnest(CAST(:pIds AS uuid[]), CAST(:pHouseholds AS uuid[]),
                                             CAST(:pPlaces AS text[]), CAST(:pStatuses AS text[]),
                                             CAST(:pAts AS timestamptz[]))
                        ON CONFLICT (person_id) DO UPDATE SET household_id = EXCLUDED.household_id,
                            kelurahan_code = EXCLUDED.kelurahan_code, status = EXCLUDED.status,
                            updated_at = EXCLUDED.updated_at
                        WHERE p.updated_at <= EXCLUDED.updated_at
                        RETURNING 1)
                    UPDATE rm_person AS p SET status = c.status, updated_at = c.at,
                        household_id = CASE WHEN c.leaves THEN NULL ELSE p.household_id END
                    FROM unnest(CAST(:sIds AS uuid[]), CAST(:sStatuses AS text[]), CAST(:sLeaves AS boolean[]),
                                CAST(:sAts AS timestamptz[])) AS c(id, status, leaves, at)
                    WHERE p.person_id = c.id AND p.updated_at <= c.at""")
                    .param("hIds", column(households, 0)).param("hPlaces", column(households, 1))
                    .param("hAts", column(households, 2))
                    .param("pIds", column(persons, 0)).param("pHouseholds", column(persons, 1))
                    .param("pPlaces", column(persons, 2)).param("pStatuses", column(persons, 3))
                    .param("pAts", column(persons, 4))
                    .param("sIds", column(statuses, 0)).param("sStatuses", column(statuses, 1))
                    .param("sLeaves", column(statuses, 2)).param("sAts", column(statuses, 3)).update();
        }
    }

    private static String[] column(List<String[]> rows, int index) {
        String[] column = new String[rows.size()];
        for (int i = 0; i < column.length; i++) {
            column[i] = rows.get(i)[index];
        }
        return column;
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
