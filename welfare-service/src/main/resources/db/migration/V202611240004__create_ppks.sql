-- The PPKS register: a person in need of social welfare services (by NIK), with one or more of the 26 categories,
-- where and when found, and the services given until the case is closed. The IKU "Persentase PPKS yang ditangani"
-- is computed from it, so "ditangani" is not a flag someone sets but the existence of a recorded service.
-- kelurahan holds the city's kelurahan codes (shared reference, copied unchanged) so that a case's region is checked
-- here without asking household-service.
CREATE TABLE kelurahan (
    code           text PRIMARY KEY,
    name           text NOT NULL,
    kecamatan_code text NOT NULL
);

CREATE TABLE ppks_case (
    id             uuid PRIMARY KEY,
    nik            text        NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
    person_id      uuid,
    name           text        NOT NULL,
    kelurahan_code text        NOT NULL REFERENCES kelurahan (code),
    found_on       date        NOT NULL,
    found_at       text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('TERDATA', 'DITANGANI', 'DITUTUP')),
    closed_on      date,
    close_reason   text,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    version        int         NOT NULL DEFAULT 0
);
CREATE INDEX ppks_case_nik ON ppks_case (nik);
CREATE INDEX ppks_case_region ON ppks_case (kelurahan_code, found_on);

CREATE TABLE ppks_case_category (
    case_id     uuid NOT NULL REFERENCES ppks_case (id) ON DELETE CASCADE,
    category_no int  NOT NULL REFERENCES ppks_category (no),
    PRIMARY KEY (case_id, category_no)
);

CREATE TABLE ppks_service (
    id          uuid PRIMARY KEY,
    case_id     uuid        NOT NULL REFERENCES ppks_case (id),
    served_on   date        NOT NULL,
    kind        text        NOT NULL,
    provider    text        NOT NULL,
    note        text,
    recorded_by text        NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX ppks_service_case ON ppks_service (case_id, served_on);

-- PSKS: the city's social-welfare potential and resources (social workers, TKSK, Karang Taruna, LKS, ...): persons
-- (with NIK) or organisations (without), per kelurahan, active until deactivated with a reason.
CREATE TABLE psks_entry (
    id                uuid PRIMARY KEY,
    category_no       int         NOT NULL REFERENCES psks_category (no),
    kind              text        NOT NULL CHECK (kind IN ('ORANG', 'LEMBAGA')),
    name              text        NOT NULL,
    nik               text        CHECK (nik ~ '^[0-9]{16}$'),
    kelurahan_code    text        NOT NULL REFERENCES kelurahan (code),
    active_since      date        NOT NULL,
    status            text        NOT NULL DEFAULT 'AKTIF' CHECK (status IN ('AKTIF', 'NONAKTIF')),
    deactivated_on    date,
    deactivate_reason text,
    recorded_by       text        NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((kind = 'ORANG') = (nik IS NOT NULL))
);
CREATE INDEX psks_entry_region ON psks_entry (kelurahan_code, category_no);
