-- Verifikasi dan validasi (verivali): a recipient list as Dinas Sosial receives it, every row matched against the
-- resident copy and classified (padan / tidak padan with a reason, eligible or not by decile), then decided by a
-- verifier with a reason. Rows are kept as they came (a malformed NIK is a finding, not a reason to refuse the
-- list), so the matching runs as set queries over the batch; pg_trgm gives the name tolerance.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Upper case letters and single spaces: "Siti  Aminah," and "SITI AMINAH" compare equal before trigrams are taken.
CREATE FUNCTION person_name_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT btrim(regexp_replace(regexp_replace(upper(coalesce(name, '')), '[^A-Z ]', ' ', 'g'), ' +', ' ', 'g'))
$$;

CREATE INDEX resident_birth_kelurahan ON resident (birth_date, kelurahan_code);

CREATE TABLE verivali_batch (
    id             uuid PRIMARY KEY,
    programme_code text        NOT NULL REFERENCES programme (code),
    file_name      text        NOT NULL,
    file_sha256    text        NOT NULL,
    row_count      int         NOT NULL,
    uploaded_by    text        NOT NULL,
    uploaded_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE verivali_row (
    batch_id         uuid    NOT NULL REFERENCES verivali_batch (id) ON DELETE CASCADE,
    row_no           int     NOT NULL,
    nik              text    NOT NULL,
    name             text    NOT NULL,
    birth_date       date,
    kelurahan_code   text,
    person_id        uuid,
    match_status     text CHECK (match_status IN ('PADAN', 'TIDAK_PADAN')),
    reason           text CHECK (reason IN ('NIK_TIDAK_VALID', 'NIK_TIDAK_DIKENAL', 'NIK_BERBEDA', 'NAMA_BERBEDA',
                                            'ALAMAT_BERBEDA', 'MENINGGAL', 'PINDAH_KELUAR_KOTA', 'TERCANTUM_GANDA')),
    decile           smallint,
    eligible         boolean,
    decision         text CHECK (decision IN ('DITERIMA', 'DITOLAK')),
    decision_reason  text,
    decided_by       text,
    decided_at       timestamptz,
    PRIMARY KEY (batch_id, row_no)
);
