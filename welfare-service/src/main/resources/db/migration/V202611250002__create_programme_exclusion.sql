-- Some programmes may not go to a family that already is a KPM of another (national rules such as cash aid meant
-- only for families outside PKH and Sembako). Which programme excludes which is a rule of the catalogue and, like
-- its amounts, data with a start date, never an overwrite: a later row with excluded = false lifts the exclusion.
-- Verivali marks a listed person whose family is an active KPM of an excluded programme (PROGRAM_BERTENTANGAN), and
-- an enrolment into the excluding programme is refused. The seed documents name no such pair among the programmes
-- loaded here (PKH families also receive Sembako), so the table starts empty and is filled through the API.
CREATE TABLE programme_exclusion (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    programme_code text        NOT NULL REFERENCES programme (code),
    excluded_code  text        NOT NULL REFERENCES programme (code),
    valid_from     date        NOT NULL,
    excluded       boolean     NOT NULL,
    source         text        NOT NULL,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (programme_code <> excluded_code),
    UNIQUE (programme_code, excluded_code, valid_from)
);

ALTER TABLE verivali_row DROP CONSTRAINT verivali_row_reason_check;
ALTER TABLE verivali_row ADD CONSTRAINT verivali_row_reason_check CHECK (reason IN (
    'NIK_TIDAK_VALID', 'NIK_TIDAK_DIKENAL', 'NIK_BERBEDA', 'NAMA_BERBEDA', 'ALAMAT_BERBEDA', 'MENINGGAL',
    'PINDAH_KELUAR_KOTA', 'TERCANTUM_GANDA', 'PROGRAM_BERTENTANGAN'));
