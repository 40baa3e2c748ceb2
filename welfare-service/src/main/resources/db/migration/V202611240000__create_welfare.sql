-- welfare-service's own schema. Why each part looks the way it does:
-- * The catalogue is effective-dated: an amount or rule changes by a new row with a later valid_from, never by an
--   update, so a benefit of 2020 still reads the 2020 figure after the 2021 change (the Sembako index sources even
--   disagree on a date). The unique keys make a second version for the same start date a conflict, not a silent
--   overwrite.
-- * resident is this service's projection of household-service's persons, fed by its events: enrolment and the
--   verification API check NIKs here without calling another service (each service owns its data).
-- * An enrolment's "same beneficiary twice in a programme and period" rule is an exclusion constraint over the period
--   (btree_gist), so two concurrent requests cannot both pass a check-then-insert.
-- * verification_access is the personal-data access log (UU 27/2022): insert-only, a trigger refuses edits.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE programme (
    code   text PRIMARY KEY,
    name   text NOT NULL,
    unit   text NOT NULL CHECK (unit IN ('KELUARGA', 'KELOMPOK', 'ORANG')),
    source text NOT NULL
);

CREATE TABLE programme_amount (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_code text        NOT NULL REFERENCES programme (code),
    component      text        NOT NULL,
    funding        text        NOT NULL CHECK (funding IN ('APBN', 'APBD')),
    per            text        NOT NULL CHECK (per IN ('TAHUN', 'TAHAP', 'BULAN', 'KELOMPOK')),
    valid_from     date        NOT NULL,
    rupiah         bigint      NOT NULL CHECK (rupiah >= 0),
    source         text        NOT NULL,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (programme_code, component, funding, per, valid_from)
);

CREATE TABLE programme_parameter (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_code text        NOT NULL REFERENCES programme (code),
    name           text        NOT NULL,
    valid_from     date        NOT NULL,
    value          bigint      NOT NULL,
    source         text        NOT NULL,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (programme_code, name, valid_from)
);

CREATE TABLE ppks_category (
    no     int PRIMARY KEY,
    abbrev text NOT NULL UNIQUE,
    name   text NOT NULL
);

CREATE TABLE psks_category (
    no     int PRIMARY KEY,
    abbrev text NOT NULL UNIQUE,
    name   text NOT NULL
);

CREATE TABLE resident (
    person_id         uuid PRIMARY KEY,
    nik               text        NOT NULL,
    name              text        NOT NULL,
    birth_date        date,
    sex               text,
    household_id      uuid,
    kk_number         text,
    kelurahan_code    text,
    life_status       text        NOT NULL,
    severe_disability boolean     NOT NULL DEFAULT false,
    pregnant          boolean     NOT NULL DEFAULT false,
    updated_at        timestamptz NOT NULL
);
-- Not unique: the registry guarantees one person per NIK; the projection takes what it is told.
CREATE INDEX resident_nik ON resident (nik);
CREATE INDEX resident_household ON resident (household_id);

CREATE TABLE enrolment (
    id              uuid PRIMARY KEY,
    programme_code  text        NOT NULL REFERENCES programme (code),
    person_id       uuid        NOT NULL,
    nik             text        NOT NULL,
    household_id    uuid,
    -- the household for family programmes, the person otherwise: what may not be enrolled twice at once
    beneficiary_key uuid        NOT NULL,
    kelurahan_code  text        NOT NULL,
    period_start    date        NOT NULL,
    period_end      date,
    status          text        NOT NULL CHECK (status IN ('AKTIF', 'DITINJAU', 'BERAKHIR')),
    enrolled_by     text        NOT NULL,
    enrolled_at     timestamptz NOT NULL DEFAULT now(),
    end_reason      text,
    version         int         NOT NULL DEFAULT 0,
    CHECK (period_end IS NULL OR period_end >= period_start),
    CONSTRAINT enrolment_once_per_period EXCLUDE USING gist (
        programme_code WITH =, beneficiary_key WITH =, daterange(period_start, period_end, '[]') WITH &&)
);
CREATE INDEX enrolment_nik ON enrolment (nik);
CREATE INDEX enrolment_household ON enrolment (household_id);
CREATE INDEX enrolment_person ON enrolment (person_id);

CREATE TABLE enrolment_review (
    id              uuid PRIMARY KEY,
    enrolment_id    uuid        NOT NULL REFERENCES enrolment (id),
    reason          text        NOT NULL CHECK (reason IN ('MENINGGAL', 'PINDAH_KELUAR_KOTA')),
    event_date      date,
    source_event_id uuid        NOT NULL,
    opened_at       timestamptz NOT NULL DEFAULT now(),
    status          text        NOT NULL DEFAULT 'TERBUKA' CHECK (status IN ('TERBUKA', 'DIKONFIRMASI', 'DITOLAK')),
    decided_by      text,
    decision_reason text,
    decided_at      timestamptz,
    UNIQUE (enrolment_id, source_event_id)
);
CREATE INDEX enrolment_review_open ON enrolment_review (opened_at) WHERE status = 'TERBUKA';

CREATE TABLE verification_access (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    accessed_at timestamptz NOT NULL DEFAULT now(),
    client_id   text        NOT NULL,
    caller      text        NOT NULL,
    nik         text        NOT NULL,
    person_id   uuid,
    endpoint    text        NOT NULL,
    purpose     text,
    request_id  text
);
CREATE INDEX verification_access_at ON verification_access (accessed_at);
CREATE INDEX verification_access_nik ON verification_access (nik);

CREATE FUNCTION verification_access_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'verification_access is append-only';
END $$;
CREATE TRIGGER verification_access_append_only BEFORE UPDATE OR DELETE ON verification_access
    FOR EACH ROW EXECUTE FUNCTION verification_access_is_append_only();
