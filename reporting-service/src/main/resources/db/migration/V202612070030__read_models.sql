-- Why: reporting-service lays out the agencies' reports from the other services' events only (issue 23), never from
-- their databases or APIs. These are its first read models, for the PPKS and programme recap: the city's regions
-- (reference data, loaded by the next migration), the registered households and persons as household.events tell
-- them, welfare-service's published kelurahan figures (welfare.kelurahan-indicators.published), and how far each
-- source topic has been applied, so that every answer can say which data it reflects.

CREATE TABLE wilayah (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    level       text NOT NULL CHECK (level IN ('kecamatan', 'kelurahan')),
    parent_code text NOT NULL
);
COMMENT ON TABLE wilayah IS 'The city''s kecamatan and kelurahan (reference/wilayah-kota-metro.csv, the same file welfare-service loads); a region a report names must be here, otherwise 404.';
COMMENT ON COLUMN wilayah.parent_code IS 'The kecamatan of a kelurahan, the city (18.72) of a kecamatan.';

CREATE TABLE rm_household (
    household_id   uuid PRIMARY KEY,
    kelurahan_code text NOT NULL,
    registered_at  timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL
);
CREATE INDEX rm_household_kelurahan ON rm_household (kelurahan_code);
COMMENT ON TABLE rm_household IS 'Read model: households (KK) registered in household-service, from household.events; no personal data is kept, only where the card is.';
COMMENT ON COLUMN rm_household.kelurahan_code IS 'Where the household lives now (moved by household.household.relocated and household.household.corrected).';
COMMENT ON COLUMN rm_household.updated_at IS 'Time of the household event that last changed this row (the event''s time, not the time it was applied).';

CREATE TABLE rm_person (
    person_id      uuid PRIMARY KEY,
    household_id   uuid,
    kelurahan_code text NOT NULL,
    status         text NOT NULL CHECK (status IN ('TERDAFTAR', 'KELUAR_KK', 'MENINGGAL', 'PINDAH')),
    updated_at     timestamptz NOT NULL
);
CREATE INDEX rm_person_kelurahan ON rm_person (kelurahan_code) WHERE status = 'TERDAFTAR';
CREATE INDEX rm_person_household ON rm_person (household_id);
COMMENT ON TABLE rm_person IS 'Read model: persons of the registry, from household.events; only ids, where they live and whether they still count as registered (no NIK, no name).';
COMMENT ON COLUMN rm_person.status IS 'TERDAFTAR (counts as a registered person), KELUAR_KK (taken off a card without joining another), MENINGGAL or PINDAH (moved out of the city), as the last household event said.';

CREATE TABLE rm_kelurahan_figures (
    kelurahan_code text NOT NULL,
    period_from    date NOT NULL,
    period_to      date NOT NULL,
    ppks_terdata   bigint NOT NULL,
    ppks_ditangani bigint NOT NULL,
    published_at   timestamptz NOT NULL,
    event_id       uuid NOT NULL,
    PRIMARY KEY (kelurahan_code, period_from, period_to)
);
COMMENT ON TABLE rm_kelurahan_figures IS 'Read model: welfare-service''s published PPKS figures per kelurahan and period (welfare.kelurahan-indicators.published); a later publication of the same kelurahan and period replaces an earlier one, an older one arriving late is ignored.';
COMMENT ON COLUMN rm_kelurahan_figures.ppks_terdata IS 'PPKS found in the period, as welfare-service counted them (not recomputed here).';
COMMENT ON COLUMN rm_kelurahan_figures.ppks_ditangani IS 'Of those, served by the end of the period, as welfare-service counted them.';
COMMENT ON COLUMN rm_kelurahan_figures.event_id IS 'The event the figures came from, for tracing a report''s figure to its source.';

CREATE TABLE rm_programme_kpm (
    kelurahan_code  text NOT NULL,
    period_from     date NOT NULL,
    period_to       date NOT NULL,
    programme       text NOT NULL,
    kpm             bigint NOT NULL,
    realised_rupiah bigint,
    PRIMARY KEY (kelurahan_code, period_from, period_to, programme),
    FOREIGN KEY (kelurahan_code, period_from, period_to)
        REFERENCES rm_kelurahan_figures (kelurahan_code, period_from, period_to) ON DELETE CASCADE
);
COMMENT ON TABLE rm_programme_kpm IS 'Read model: KPM per programme of a kelurahan and period from the same publication as rm_kelurahan_figures (replaced with it).';
COMMENT ON COLUMN rm_programme_kpm.realised_rupiah IS 'Rupiah paid in the programme''s rounds begun in the period; null when welfare-service had no payment list for it ("not known", not zero).';

CREATE TABLE source_progress (
    topic           text PRIMARY KEY,
    events_applied  bigint NOT NULL DEFAULT 0,
    last_event_id   uuid,
    last_event_type text,
    last_event_time timestamptz,
    last_applied_at timestamptz
);
COMMENT ON TABLE source_progress IS 'How far each source topic has been applied to the read models: written in the same transaction as each event''s effect, so it never claims more than the models hold. A report shows it as its data version and lag.';
COMMENT ON COLUMN source_progress.events_applied IS 'Business events of the topic applied (redeliveries absorbed by the inbox and events without a handler are not counted).';
COMMENT ON COLUMN source_progress.last_event_time IS 'The latest event time (CloudEvents time) among the applied events: the data is complete up to about this moment.';
