-- The household registry: regions (wilayah) down to RT and dasawisma, households (KK) and persons (NIK), and the
-- change history that every operation writes. Kelurahan codes are Kemendagri codes (18.72.05.1001); a province-wide
-- deployment partitions household and person by kelurahan_code (ARCHITECTURE.md, scale path).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE wilayah (
    code        text PRIMARY KEY,
    name        text NOT NULL,
    level       text NOT NULL CHECK (level IN ('provinsi', 'kota', 'kecamatan', 'kelurahan')),
    parent_code text REFERENCES wilayah (code)
);
COMMENT ON TABLE wilayah IS 'Kemendagri region tree, loaded from reference/wilayah-kota-metro.csv by migration.';

CREATE TABLE rukun_warga (
    kelurahan_code text NOT NULL REFERENCES wilayah (code),
    rw             char(3) NOT NULL CHECK (rw ~ '^[0-9]{3}$'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL,
    PRIMARY KEY (kelurahan_code, rw)
);

CREATE TABLE rukun_tetangga (
    kelurahan_code text NOT NULL,
    rw             char(3) NOT NULL,
    rt             char(3) NOT NULL CHECK (rt ~ '^[0-9]{3}$'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL,
    PRIMARY KEY (kelurahan_code, rw, rt),
    FOREIGN KEY (kelurahan_code, rw) REFERENCES rukun_warga (kelurahan_code, rw)
);
COMMENT ON TABLE rukun_tetangga IS 'RT of a kelurahan; a household registered in an RT not yet listed adds it (source of truth is the field).';

CREATE TABLE dasawisma (
    id             uuid PRIMARY KEY,
    kelurahan_code text NOT NULL,
    rw             char(3) NOT NULL,
    rt             char(3) NOT NULL,
    name           text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    created_by     text NOT NULL,
    UNIQUE (kelurahan_code, name),
    FOREIGN KEY (kelurahan_code, rw, rt) REFERENCES rukun_tetangga (kelurahan_code, rw, rt)
);
COMMENT ON TABLE dasawisma IS 'PKK dasawisma group: about ten neighbouring households whose cadre collects their data.';

CREATE TABLE household (
    id             uuid PRIMARY KEY,
    kk_number      char(16) NOT NULL CHECK (kk_number ~ '^[0-9]{16}$'),
    kelurahan_code text NOT NULL REFERENCES wilayah (code),
    rw             char(3) NOT NULL,
    rt             char(3) NOT NULL,
    dasawisma_id   uuid REFERENCES dasawisma (id),
    address        text,
    latitude       numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
    longitude      numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
    house_ownership text,
    floor_area_m2  integer CHECK (floor_area_m2 BETWEEN 1 AND 10000),
    floor_material text,
    wall_material  text,
    roof_material  text,
    water_source   text,
    sanitation     text,
    lighting       text,
    cooking_fuel   text,
    assets         text[] NOT NULL DEFAULT '{}',
    income_band    text,
    status         text NOT NULL DEFAULT 'AKTIF' CHECK (status IN ('AKTIF', 'BUBAR')),
    version        integer NOT NULL DEFAULT 0,
    import_id      uuid,
    created_at     timestamptz NOT NULL,
    created_by     text NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     text NOT NULL,
    FOREIGN KEY (kelurahan_code, rw, rt) REFERENCES rukun_tetangga (kelurahan_code, rw, rt)
);
CREATE UNIQUE INDEX household_kk_number_active ON household (kk_number) WHERE status = 'AKTIF';
CREATE INDEX household_region ON household (kelurahan_code, rw, rt);
COMMENT ON COLUMN household.version IS 'Optimistic concurrency: the ETag; every change of the household or its members increments it.';
COMMENT ON COLUMN household.status IS 'BUBAR: the card was dissolved (all members moved away, died or left for other cards).';

CREATE TABLE person (
    id                uuid PRIMARY KEY,
    nik               char(16) NOT NULL UNIQUE CHECK (nik ~ '^[0-9]{16}$'),
    name              text NOT NULL,
    name_key          text NOT NULL,
    birth_place       text,
    birth_date        date NOT NULL,
    sex               char(1) NOT NULL CHECK (sex IN ('L', 'P')),
    household_id      uuid REFERENCES household (id),
    kelurahan_code    text NOT NULL REFERENCES wilayah (code),
    relationship      text,
    marital_status    text,
    education         text,
    occupation        text,
    disability        text NOT NULL DEFAULT 'TIDAK',
    severe_disability boolean NOT NULL DEFAULT false,
    chronic_illness   text,
    pregnant          boolean NOT NULL DEFAULT false,
    life_status       text NOT NULL DEFAULT 'HIDUP' CHECK (life_status IN ('HIDUP', 'MENINGGAL', 'PINDAH')),
    life_status_date  date,
    moved_to          text,
    nik_flags         text[] NOT NULL DEFAULT '{}',
    version           integer NOT NULL DEFAULT 0,
    import_id         uuid,
    created_at        timestamptz NOT NULL,
    created_by        text NOT NULL,
    updated_at        timestamptz NOT NULL,
    updated_by        text NOT NULL
);
-- One head per household among the living members: a dead head makes room for a new one.
CREATE UNIQUE INDEX person_one_head_per_household ON person (household_id)
    WHERE relationship = 'KEPALA_KELUARGA' AND life_status = 'HIDUP';
CREATE INDEX person_household ON person (household_id);
CREATE INDEX person_region ON person (kelurahan_code);
CREATE INDEX person_name_key_trgm ON person USING gin (name_key gin_trgm_ops);
COMMENT ON COLUMN person.name_key IS 'Name normalised for search: upper case, letters only, old spellings (oe, dj, tj) and common variants mapped, no spaces.';
COMMENT ON COLUMN person.kelurahan_code IS 'Kelurahan of the current (or last) household: the region scope of the record.';
COMMENT ON COLUMN person.nik_flags IS 'Kept for review, never rejected: NIK date part disagrees with birth date (TANGGAL_LAHIR_TIDAK_SESUAI) or sex (JENIS_KELAMIN_TIDAK_SESUAI).';
COMMENT ON COLUMN person.household_id IS 'The one household the person belongs to now; null after removal from a card.';

CREATE TABLE change_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    entity      text NOT NULL CHECK (entity IN ('HOUSEHOLD', 'PERSON')),
    entity_id   uuid NOT NULL,
    action      text NOT NULL,
    changed_at  timestamptz NOT NULL,
    changed_by  text NOT NULL,
    reason      text,
    request_id  text,
    before      jsonb,
    after       jsonb
);
CREATE INDEX change_history_entity ON change_history (entity, entity_id, id);
COMMENT ON TABLE change_history IS 'Who changed what, when, why: before and after of the changed fields. Written in the transaction of the change.';
