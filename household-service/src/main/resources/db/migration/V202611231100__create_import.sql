-- Bulk import of the cadres' spreadsheets: mapping profiles (their headers onto the canonical columns), import jobs
-- with their progress, the row-level problem report, the staging rows that pass validation, and the queue of likely
-- duplicates (same name, birth date and kelurahan under another NIK) for a human to decide.
CREATE TABLE import_profile (
    name        text PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9-]{1,49}$'),
    description text,
    columns     jsonb NOT NULL,
    created_by  text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON COLUMN import_profile.columns IS 'Map from a spreadsheet header (as written by the cadres) to a canonical column name.';

CREATE TABLE household_import (
    id                 uuid PRIMARY KEY,
    file_name          text NOT NULL,
    file_sha256        char(64) NOT NULL,
    file_size          bigint NOT NULL,
    format             text NOT NULL CHECK (format IN ('CSV', 'XLSX')),
    encoding           text,
    delimiter          text,
    profile_name       text REFERENCES import_profile (name),
    mode               text NOT NULL CHECK (mode IN ('SEMUA_ATAU_TIDAK', 'SEBAGIAN')),
    status             text NOT NULL CHECK (status IN ('ANTRE', 'MEMERIKSA', 'MENERAPKAN', 'SELESAI', 'DITOLAK', 'GAGAL')),
    phase_progress     numeric(5, 2) NOT NULL DEFAULT 0,
    rows_read          bigint NOT NULL DEFAULT 0,
    rows_valid         bigint NOT NULL DEFAULT 0,
    rows_with_problems bigint NOT NULL DEFAULT 0,
    households_created bigint NOT NULL DEFAULT 0,
    persons_created    bigint NOT NULL DEFAULT 0,
    review_items       bigint NOT NULL DEFAULT 0,
    failure            text,
    idempotency_key    text UNIQUE,
    region_prefix      text NOT NULL,
    created_by         text NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    heartbeat_at       timestamptz NOT NULL DEFAULT now(),
    started_at         timestamptz,
    finished_at        timestamptz
);
-- The same file applies once: a second upload of a completed file points at the first import.
CREATE UNIQUE INDEX household_import_file_once ON household_import (file_sha256) WHERE status = 'SELESAI';
COMMENT ON COLUMN household_import.mode IS 'SEMUA_ATAU_TIDAK (default): any problem rejects the whole file. SEBAGIAN: households whose rows are all valid are applied.';
COMMENT ON COLUMN household_import.heartbeat_at IS 'Touched every minute by the instance holding the job: a job whose instance died is failed by any other after five minutes.';
COMMENT ON COLUMN household_import.phase_progress IS 'Percent of the current phase done (bytes read while checking).';

CREATE TABLE household_import_problem (
    import_id  uuid NOT NULL REFERENCES household_import (id) ON DELETE CASCADE,
    row_number bigint NOT NULL,
    kk_number  text,
    column_name text,
    value      text,
    message    text NOT NULL
);
CREATE INDEX household_import_problem_import ON household_import_problem (import_id, row_number);
COMMENT ON COLUMN household_import_problem.row_number IS 'Row of the file as the user sees it: the header is row 1.';
COMMENT ON COLUMN household_import_problem.kk_number IS 'KK the row claims, when readable: in partial mode a problem holds back the whole card.';

CREATE UNLOGGED TABLE household_import_row (
    import_id         uuid NOT NULL,
    row_number        bigint NOT NULL,
    valid             boolean NOT NULL DEFAULT true,
    kk_number         text NOT NULL,
    kelurahan_code    text NOT NULL,
    rw                char(3) NOT NULL,
    rt                char(3) NOT NULL,
    address           text,
    latitude          numeric(9, 6),
    longitude         numeric(9, 6),
    house_ownership   text,
    floor_area_m2     integer,
    floor_material    text,
    wall_material     text,
    roof_material     text,
    water_source      text,
    sanitation        text,
    lighting          text,
    cooking_fuel      text,
    assets            text[] NOT NULL,
    income_band       text,
    nik               text NOT NULL,
    name              text NOT NULL,
    name_key          text NOT NULL,
    birth_place       text,
    birth_date        date NOT NULL,
    sex               char(1) NOT NULL,
    relationship      text NOT NULL,
    marital_status    text,
    education         text,
    occupation        text,
    disability        text NOT NULL,
    severe_disability boolean NOT NULL,
    chronic_illness   text,
    pregnant          boolean NOT NULL,
    nik_flags         text[] NOT NULL
);
CREATE INDEX household_import_row_import ON household_import_row (import_id, kk_number, row_number);
COMMENT ON TABLE household_import_row IS 'Rows of an import that passed the row checks, while the set checks run. Unlogged: scratch data, rebuilt from the file if lost; deleted when the import ends.';

CREATE TABLE duplicate_review (
    id                uuid PRIMARY KEY,
    import_id         uuid REFERENCES household_import (id),
    row_number        bigint,
    nik               text NOT NULL,
    name              text NOT NULL,
    birth_date        date NOT NULL,
    kelurahan_code    text NOT NULL,
    other_nik         text NOT NULL,
    other_person_id   uuid,
    other_row_number  bigint,
    status            text NOT NULL DEFAULT 'TERBUKA' CHECK (status IN ('TERBUKA', 'ORANG_SAMA', 'ORANG_BERBEDA')),
    decided_by        text,
    decided_at        timestamptz,
    decision_reason   text,
    created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX duplicate_review_open ON duplicate_review (kelurahan_code, status);
COMMENT ON TABLE duplicate_review IS 'Same name key, birth date and kelurahan under two NIKs: probably one person recorded twice. Imported anyway; a human decides.';

-- Likely duplicates are found by birth date and name key; a plain b-tree keeps that join cheap during imports.
CREATE INDEX person_birth_date_name_key ON person (birth_date, name_key);
