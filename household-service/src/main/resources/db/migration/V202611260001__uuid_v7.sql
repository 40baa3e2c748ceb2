-- Why: an import inserts up to a million persons and hundreds of thousands of households in one statement each.
-- With random (v4) ids every row lands on a random page of the primary key and of the indexes and foreign-key
-- checks that follow the id (person.household_id, change_history.entity_id), and each touched page is written
-- whole to the WAL after a checkpoint. A v7 id (RFC 9562: 48 bits of milliseconds, then random bits) keeps ids
-- unique and unguessable enough (74 random bits) while each statement's rows go to the right edge of those
-- indexes: the persons step of a 1,000,000-person import measured 45 s with random ids and 27 s with ordered ids
-- inserted in NIK order (docs/benchmarks.md). PostgreSQL 18 has uuidv7(); 15 and 16 are still supported here.
-- The ids of single registrations stay v4 (UUID.randomUUID in the service): both kinds are plain uuids.
CREATE FUNCTION uuid_v7() RETURNS uuid
    LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
    -- The first 6 bytes of a random uuid replaced by the Unix time in ms; version nibble 0100 -> 0111.
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
               PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
               FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid
$$;
