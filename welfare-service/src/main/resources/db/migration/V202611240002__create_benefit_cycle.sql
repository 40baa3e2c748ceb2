-- A benefit cycle is one payment round of a programme (a PKH stage, a month of 2020, a saturation round; a Sembako
-- month): what was ordered (SP2D: families and rupiah) and what was paid (realisasi), with the reasons for the
-- difference. These totals are what Dinas Sosial reports (seed 001 Tabel 2.1). The CHECKs repeat the API's rules so
-- that no path (API, loader, SQL console) stores a realisation above its SP2D.
ALTER TABLE programme ADD COLUMN started_on date;

CREATE TABLE benefit_cycle (
    id              uuid PRIMARY KEY,
    programme_code  text        NOT NULL REFERENCES programme (code),
    year            int         NOT NULL,
    label           text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('TAHAP', 'BULAN', 'SATURASI')),
    period_start    date        NOT NULL,
    period_end      date        NOT NULL,
    sp2d_kpm        int         NOT NULL CHECK (sp2d_kpm >= 0),
    sp2d_rupiah     bigint      NOT NULL CHECK (sp2d_rupiah >= 0),
    realised_kpm    int         CHECK (realised_kpm >= 0 AND realised_kpm <= sp2d_kpm),
    realised_rupiah bigint      CHECK (realised_rupiah >= 0 AND realised_rupiah <= sp2d_rupiah),
    note            text,
    recorded_by     text        NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (period_end >= period_start),
    CHECK (extract(year FROM period_start) = year),
    UNIQUE (programme_code, year, label)
);

CREATE TABLE benefit_cycle_gap (
    cycle_id uuid   NOT NULL REFERENCES benefit_cycle (id) ON DELETE CASCADE,
    reason   text   NOT NULL CHECK (reason IN ('GAGAL_BUKA_REKENING_KOLEKTIF', 'DATA_TIDAK_PADAN_DUKCAPIL',
                                               'MENINGGAL', 'PINDAH', 'MAMPU', 'LAINNYA')),
    kpm      int    NOT NULL CHECK (kpm > 0),
    rupiah   bigint NOT NULL CHECK (rupiah >= 0),
    note     text,
    PRIMARY KEY (cycle_id, reason)
);
