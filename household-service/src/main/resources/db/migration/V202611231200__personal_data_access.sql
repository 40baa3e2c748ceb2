-- Why: UU 27/2022 (PDP) and ARCHITECTURE.md require that each read of one person's full record is traceable (who,
-- when, which person, which endpoint, declared purpose). Kept in its own table, apart from application logs, and
-- append-only: no API edits it and the trigger refuses updates and deletes even from the service's own role.
CREATE TABLE personal_data_access (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accessed_at  timestamptz NOT NULL DEFAULT now(),
    actor        text        NOT NULL,
    client_id    text,
    person_id    uuid,
    household_id uuid,
    endpoint     text        NOT NULL,
    purpose      text,
    request_id   text,
    CHECK (person_id IS NOT NULL OR household_id IS NOT NULL)
);
CREATE INDEX personal_data_access_person ON personal_data_access (person_id, accessed_at);
CREATE INDEX personal_data_access_household ON personal_data_access (household_id, accessed_at);
CREATE INDEX personal_data_access_actor ON personal_data_access (actor, accessed_at);

CREATE FUNCTION personal_data_access_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'personal_data_access is append-only';
END $$;
CREATE TRIGGER personal_data_access_append_only BEFORE UPDATE OR DELETE ON personal_data_access
    FOR EACH ROW EXECUTE FUNCTION personal_data_access_is_append_only();
