-- Why: UU 27/2022 (PDP) and issue 20: every answer that carries a full NIK is traceable (who, when, which NIKs,
-- which endpoint, declared purpose). verification_access covers the agency API only; this table mirrors
-- household-service's personal_data_access for the staff answers (enrolments, reviews, PPKS, PSKS, payments,
-- musyawarah proposals, verivali, eligibility). Append-only: no API edits it and a trigger refuses updates and
-- deletes even from the service's own role.
CREATE TABLE personal_data_access (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accessed_at timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    client_id   text,
    niks        text[]      NOT NULL,
    status      smallint    NOT NULL DEFAULT 200,
    endpoint    text        NOT NULL,
    purpose     text,
    request_id  text
);
COMMENT ON COLUMN personal_data_access.niks IS 'The NIKs the answer showed in full, or the NIK asked about';
COMMENT ON COLUMN personal_data_access.status IS 'HTTP status of the answer (200 shown; 404 asked about an unknown NIK)';
COMMENT ON COLUMN personal_data_access.endpoint IS 'Method and path pattern, never the path itself (it may carry a NIK)';
CREATE INDEX personal_data_access_niks ON personal_data_access USING gin (niks);
CREATE INDEX personal_data_access_actor ON personal_data_access (actor, accessed_at);

CREATE FUNCTION personal_data_access_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'personal_data_access is append-only';
END $$;
CREATE TRIGGER personal_data_access_append_only BEFORE UPDATE OR DELETE ON personal_data_access
    FOR EACH ROW EXECUTE FUNCTION personal_data_access_is_append_only();
