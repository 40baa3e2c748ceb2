-- Why: the PKH realisation report (seed 001 Tabel 2.1) and the BPNT/Sembako monthly KPM series (issue 23) are laid
-- out from welfare-service's payment-round events: welfare.benefit-cycle.opened (SP2D and the realisation reported
-- with the round) and welfare.benefit-payments.recorded (the round's per-KPM payment totals after each list). The two
-- are kept in separate tables, joined when a report is read, so neither depends on the order they arrive in.

CREATE TABLE rm_benefit_cycle (
    programme       text   NOT NULL,
    year            integer NOT NULL,
    label           text   NOT NULL,
    cycle_id        uuid   NOT NULL,
    kind            text   NOT NULL,
    period_start    date   NOT NULL,
    period_end      date   NOT NULL,
    sp2d_kpm        bigint NOT NULL,
    sp2d_rupiah     bigint NOT NULL,
    realised_kpm    bigint,
    realised_rupiah bigint,
    opened_at       timestamptz NOT NULL,
    event_id        uuid   NOT NULL,
    PRIMARY KEY (programme, year, label)
);
COMMENT ON TABLE rm_benefit_cycle IS 'Payment rounds (tahap/bulan) of welfare programmes as welfare.benefit-cycle.opened published them, one per programme, year and label as in welfare-service (a later-opened round of the same key replaces the row: a round is never changed, so that only happens when a welfare database was recreated). Written only by package cyclefigures.';
COMMENT ON COLUMN rm_benefit_cycle.opened_at IS 'When welfare-service recorded the round (from the event, not the clock): the newer of two rounds with one key wins.';
COMMENT ON COLUMN rm_benefit_cycle.cycle_id IS 'welfare-service''s id of the round (the events'' key).';
COMMENT ON COLUMN rm_benefit_cycle.label IS 'Tahap or month as the office names it (1, 4.1 SATURASI, APRIL).';
COMMENT ON COLUMN rm_benefit_cycle.kind IS 'TAHAP, BULAN or SATURASI.';
COMMENT ON COLUMN rm_benefit_cycle.sp2d_kpm IS 'KPM ordered for payment (SP2D).';
COMMENT ON COLUMN rm_benefit_cycle.sp2d_rupiah IS 'Rupiah ordered for payment (SP2D).';
COMMENT ON COLUMN rm_benefit_cycle.realised_kpm IS 'KPM paid as reported with the round; null when not reported.';
COMMENT ON COLUMN rm_benefit_cycle.realised_rupiah IS 'Rupiah paid as reported with the round; null when not reported.';
COMMENT ON COLUMN rm_benefit_cycle.event_id IS 'The welfare.benefit-cycle.opened event the row came from.';

CREATE TABLE rm_benefit_payment_totals (
    cycle_id    uuid PRIMARY KEY,
    paid_kpm    bigint NOT NULL,
    paid_rupiah bigint NOT NULL,
    unpaid_kpm  bigint NOT NULL,
    row_count   bigint NOT NULL,
    event_id    uuid   NOT NULL
);
COMMENT ON TABLE rm_benefit_payment_totals IS 'Per round, the totals of its per-KPM payment lists as the latest welfare.benefit-payments.recorded published them (the one with the most rows). Written only by package cyclefigures.';
COMMENT ON COLUMN rm_benefit_payment_totals.paid_kpm IS 'KPM listed as paid (DIBAYAR).';
COMMENT ON COLUMN rm_benefit_payment_totals.paid_rupiah IS 'Rupiah listed as paid.';
COMMENT ON COLUMN rm_benefit_payment_totals.unpaid_kpm IS 'KPM listed as not paid, with a reason.';
COMMENT ON COLUMN rm_benefit_payment_totals.row_count IS 'Payment rows of the round; grows with every list, so a late older event is recognised and ignored.';
COMMENT ON COLUMN rm_benefit_payment_totals.event_id IS 'The welfare.benefit-payments.recorded event the totals came from.';
