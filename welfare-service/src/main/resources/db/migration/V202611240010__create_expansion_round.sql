-- PKH expansion (perluasan), update (pemutakhiran) and validation rounds: how many candidate families (CKPM) were
-- checked and how many turned out eligible or not (seed 001 Tabel 2.2). Where all three are known they must add up;
-- the seed's yearly totals are computed from the rows, never stored.
CREATE TABLE expansion_round (
    id             uuid PRIMARY KEY,
    programme_code text        NOT NULL REFERENCES programme (code),
    year           int         NOT NULL,
    label          text        NOT NULL,
    kind           text        NOT NULL CHECK (kind IN ('PERLUASAN', 'PEMUTAKHIRAN', 'VALIDASI')),
    candidates     int         CHECK (candidates >= 0),
    eligible       int         NOT NULL CHECK (eligible >= 0),
    not_eligible   int         CHECK (not_eligible >= 0),
    note           text,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    CHECK (candidates IS NULL OR not_eligible IS NULL OR candidates = eligible + not_eligible),
    UNIQUE (programme_code, year, label)
);
