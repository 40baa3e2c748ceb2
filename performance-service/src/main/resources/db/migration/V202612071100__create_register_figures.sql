-- Why: an indicator whose source is a register (issue 22 item 7: "Persentase PPKS yang ditangani", KPM per programme
-- per kelurahan) is not entered by staff but computed from welfare-service's welfare.kelurahan-indicators.published
-- events. The indicator names which published figure it takes; the figures are kept as received per kelurahan and
-- period (a later publication of the same period replaces the earlier one), and a realisation entry of such an
-- indicator carries the computed value with the publication it came from. Staff may annotate it (note) but never set
-- it, so its value may be absent until welfare publishes, and a share over no PPKS found has parts 0/0 and no value.
ALTER TABLE renstra_indicator
    ADD COLUMN register_measure   text CHECK (register_measure IN ('PPKS_HANDLED_SHARE', 'PPKS_FOUND', 'PPKS_HANDLED', 'KPM')),
    ADD COLUMN register_programme text,
    ADD CONSTRAINT renstra_indicator_register_measure_only_for_register
        CHECK (register_measure IS NULL OR source = 'REGISTER'),
    ADD CONSTRAINT renstra_indicator_kpm_names_programme
        CHECK ((register_measure = 'KPM') = (register_programme IS NOT NULL));
COMMENT ON COLUMN renstra_indicator.register_measure IS 'For source REGISTER: which of welfare-service''s published kelurahan figures the indicator takes (PPKS handled share, PPKS found, PPKS handled, KPM of a programme).';
COMMENT ON COLUMN renstra_indicator.register_programme IS 'The welfare programme code (PKH, BPNT, ...) whose KPM a KPM indicator counts.';

CREATE TABLE register_figure (
    kelurahan_code text        NOT NULL REFERENCES unit (code),
    period_from    date        NOT NULL,
    period_to      date        NOT NULL,
    ppks_terdata   bigint      NOT NULL CHECK (ppks_terdata >= 0),
    ppks_ditangani bigint      NOT NULL CHECK (ppks_ditangani >= 0),
    published_at   timestamptz NOT NULL,
    event_id       uuid        NOT NULL,
    PRIMARY KEY (kelurahan_code, period_from, period_to),
    CHECK (period_to >= period_from),
    CHECK (ppks_ditangani <= ppks_terdata)
);
COMMENT ON TABLE register_figure IS 'welfare-service''s newest published PPKS figures per kelurahan and period (welfare.kelurahan-indicators.published).';
COMMENT ON COLUMN register_figure.ppks_terdata IS 'PPKS found in the period.';
COMMENT ON COLUMN register_figure.ppks_ditangani IS 'PPKS found in the period and served by its end.';
COMMENT ON COLUMN register_figure.published_at IS 'When welfare-service published it; an older publication arriving later is ignored.';
COMMENT ON COLUMN register_figure.event_id IS 'The event the figures came from.';

CREATE TABLE register_programme_kpm (
    kelurahan_code text   NOT NULL,
    period_from    date   NOT NULL,
    period_to      date   NOT NULL,
    programme      text   NOT NULL,
    kpm            bigint NOT NULL CHECK (kpm >= 0),
    PRIMARY KEY (kelurahan_code, period_from, period_to, programme),
    FOREIGN KEY (kelurahan_code, period_from, period_to)
        REFERENCES register_figure (kelurahan_code, period_from, period_to)
);
COMMENT ON TABLE register_programme_kpm IS 'KPM per programme of one publication in register_figure (replaced with it).';
COMMENT ON COLUMN register_programme_kpm.kpm IS 'Beneficiaries with an enrolment of the programme running in the period (a family once).';

ALTER TABLE realisation_entry
    ADD COLUMN from_register         boolean NOT NULL DEFAULT false,
    ADD COLUMN register_published_at timestamptz,
    DROP CONSTRAINT realisation_entry_check,
    DROP CONSTRAINT realisation_entry_denominator_check,
    ADD CONSTRAINT realisation_entry_has_value
        CHECK (value IS NOT NULL OR (numerator IS NOT NULL AND denominator IS NOT NULL) OR from_register),
    ADD CONSTRAINT realisation_entry_denominator_positive
        CHECK (denominator IS NULL OR denominator > 0 OR from_register),
    ADD CONSTRAINT realisation_entry_register_published
        CHECK (register_published_at IS NULL OR from_register);
COMMENT ON COLUMN realisation_entry.from_register IS 'The value is computed from welfare-service''s figures (a REGISTER indicator), never entered; note is the submitter''s annotation.';
COMMENT ON COLUMN realisation_entry.register_published_at IS 'The newest welfare publication the value was computed from; NULL while none has arrived for the quarter.';
