-- Payments per KPM and round: what each enrolled family (or person) was paid in one stage or month, or why not.
-- Why per KPM and not only the round's totals: figures per kelurahan (the indicator events' realised rupiah) and
-- the check of the bank's reported realisation against the sum of its own rows need them. Why these rules:
-- * one row per round and enrolment (the primary key), so a list recorded twice is a conflict, not a double count;
-- * a paid row carries its rupiah, an unpaid row a reason from the same list as the round's gap reasons and no
--   rupiah; the CHECK keeps a row from being both;
-- * kelurahan_code is where the enrolment was when the payment was recorded: a later move does not move the money.
CREATE TABLE benefit_payment (
    cycle_id       uuid        NOT NULL REFERENCES benefit_cycle (id),
    enrolment_id   uuid        NOT NULL REFERENCES enrolment (id),
    kelurahan_code text        NOT NULL,
    status         text        NOT NULL CHECK (status IN ('DIBAYAR', 'TIDAK_DIBAYAR')),
    rupiah         bigint      NOT NULL CHECK (rupiah >= 0),
    reason         text CHECK (reason IN ('GAGAL_BUKA_REKENING_KOLEKTIF', 'DATA_TIDAK_PADAN_DUKCAPIL', 'MENINGGAL',
                                          'PINDAH', 'MAMPU', 'LAINNYA')),
    note           text,
    recorded_by    text        NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (cycle_id, enrolment_id),
    CHECK ((status = 'DIBAYAR' AND rupiah > 0 AND reason IS NULL)
        OR (status = 'TIDAK_DIBAYAR' AND rupiah = 0 AND reason IS NOT NULL))
);
CREATE INDEX benefit_payment_kelurahan ON benefit_payment (kelurahan_code, cycle_id);
