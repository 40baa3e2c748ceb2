-- Why: the Laporan Kinerja Triwulan (seed 002) is laid out from performance-service's events only (issue 23): the
-- plan versions (to know which years a unit has a plan for), the agreed Perjanjian Kinerja revisions with their
-- items, and each quarterly realisation as its review steps published it, per content version, with the capaian and
-- budget absorption performance-service computed. Nothing here is recomputed; reporting lays it out and sums it.
-- All rm_perf_* tables are written by the package performancefigures only; opd_unit is reference data.

CREATE TABLE opd_unit (
    code text PRIMARY KEY,
    name text NOT NULL
);
COMMENT ON TABLE opd_unit IS 'The city''s OPDs that report performance, by the realm''s opd code (the same list performance-service''s unit table starts with); no event publishes units, so a unit a report names must be here or in wilayah, otherwise 404.';

INSERT INTO opd_unit (code, name) VALUES
    ('bappeda', 'Badan Perencanaan Pembangunan Daerah'),
    ('dinsos', 'Dinas Sosial'),
    ('disnakertrans', 'Dinas Tenaga Kerja dan Transmigrasi'),
    ('disdukcapil', 'Dinas Kependudukan dan Pencatatan Sipil'),
    ('diskominfo', 'Dinas Komunikasi dan Informatika'),
    ('inspektorat', 'Inspektorat');

CREATE TABLE rm_perf_plan_version (
    plan_id      uuid        NOT NULL,
    version      integer     NOT NULL,
    unit_code    text        NOT NULL,
    title        text        NOT NULL,
    start_year   integer     NOT NULL,
    end_year     integer     NOT NULL,
    published_at timestamptz NOT NULL,
    event_id     uuid        NOT NULL,
    PRIMARY KEY (plan_id, version)
);
CREATE INDEX rm_perf_plan_version_unit ON rm_perf_plan_version (unit_code);
COMMENT ON TABLE rm_perf_plan_version IS 'Read model: Renstra plan versions (performance.plan-version.published); only what a report needs to know whether a year lies inside a unit''s plan.';

CREATE TABLE rm_perf_agreement (
    agreement_id   uuid        NOT NULL,
    revision       integer     NOT NULL,
    unit_code      text        NOT NULL,
    year           integer     NOT NULL,
    position       text        NOT NULL,
    position_title text        NOT NULL,
    reason         text,
    agreed_at      timestamptz NOT NULL,
    event_id       uuid        NOT NULL,
    PRIMARY KEY (agreement_id, revision)
);
CREATE INDEX rm_perf_agreement_unit_year ON rm_perf_agreement (unit_code, year);
COMMENT ON TABLE rm_perf_agreement IS 'Read model: agreed Perjanjian Kinerja revisions (performance.agreement.agreed); a revision is frozen once agreed, so a redelivery or replay changes nothing.';
COMMENT ON COLUMN rm_perf_agreement.position IS 'HEAD, ESELON_III or ESELON_IV, as performance-service names the position that signed.';

CREATE TABLE rm_perf_agreement_item (
    agreement_id         uuid    NOT NULL,
    revision             integer NOT NULL,
    item                 integer NOT NULL,
    sasaran              text    NOT NULL,
    indicator            text    NOT NULL,
    unit_of_measure      text    NOT NULL,
    direction            text,
    target               numeric,
    target_max           numeric,
    budget               bigint,
    renstra_indicator_id uuid,
    PRIMARY KEY (agreement_id, revision, item),
    FOREIGN KEY (agreement_id, revision) REFERENCES rm_perf_agreement (agreement_id, revision)
);
COMMENT ON TABLE rm_perf_agreement_item IS 'Items of an agreed Perjanjian Kinerja revision as published; item is the position realisations name.';
COMMENT ON COLUMN rm_perf_agreement_item.target IS 'Yearly target as the event''s plain decimal string (lower bound of a range).';
COMMENT ON COLUMN rm_perf_agreement_item.budget IS 'Pagu of the item in rupiah, null when the item has none.';

CREATE TABLE rm_perf_realisation (
    realisation_id     uuid        PRIMARY KEY,
    unit_code          text        NOT NULL,
    year               integer     NOT NULL,
    quarter            integer     NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    agreement_id       uuid        NOT NULL,
    agreement_revision integer     NOT NULL,
    status             text        NOT NULL,
    version            integer     NOT NULL,
    approved_version   integer,
    due_date           date        NOT NULL,
    submitted_at       timestamptz,
    working_days_late  integer,
    reason             text,
    checklist          text[]      NOT NULL,
    occurred_at        timestamptz NOT NULL,
    event_type         text        NOT NULL,
    event_id           uuid        NOT NULL
);
CREATE INDEX rm_perf_realisation_period ON rm_perf_realisation (unit_code, year, quarter);
COMMENT ON TABLE rm_perf_realisation IS 'Read model: each quarterly realisation as its latest review step left it (submitted, returned, approved, re-opened); a step older than the one held (a re-driven dead letter) changes nothing.';
COMMENT ON COLUMN rm_perf_realisation.checklist IS 'The superior''s checklist of the latest step (seed 002 Tanggapan Atasan Langsung), REPORT_TO_FIX etc.; empty unless returned.';
COMMENT ON COLUMN rm_perf_realisation.approved_version IS 'Content version last approved; a report shows it, not a later re-opened draft.';

CREATE TABLE rm_perf_realisation_version (
    realisation_id     uuid        NOT NULL REFERENCES rm_perf_realisation (realisation_id),
    version            integer     NOT NULL,
    agreement_revision integer     NOT NULL,
    obstacles          text,
    follow_up          text,
    occurred_at        timestamptz NOT NULL,
    event_id           uuid        NOT NULL,
    PRIMARY KEY (realisation_id, version)
);
COMMENT ON TABLE rm_perf_realisation_version IS 'Read model: a realisation''s content per version as the newest step of that version published it (a returned draft is edited in place, so its next submission replaces the content).';
COMMENT ON COLUMN rm_perf_realisation_version.event_id IS 'The event the content came from, for tracing a report''s figure to its source.';

CREATE TABLE rm_perf_realisation_entry (
    realisation_id       uuid    NOT NULL,
    version              integer NOT NULL,
    item                 integer NOT NULL,
    indicator            text    NOT NULL,
    unit_of_measure      text    NOT NULL,
    value                numeric,
    target               numeric,
    target_max           numeric,
    budget               bigint,
    budget_realised      bigint,
    budget_absorption    numeric,
    capaian              numeric,
    year_to_date_value   numeric,
    year_to_date_capaian numeric,
    PRIMARY KEY (realisation_id, version, item),
    FOREIGN KEY (realisation_id, version) REFERENCES rm_perf_realisation_version (realisation_id, version)
);
COMMENT ON TABLE rm_perf_realisation_entry IS 'Read model: figures of one agreement item in one content version, exactly as performance-service published them.';
COMMENT ON COLUMN rm_perf_realisation_entry.capaian IS 'Capaian of the quarter''s value against the yearly target (%, performance-service''s), null without a ratio.';
COMMENT ON COLUMN rm_perf_realisation_entry.budget_absorption IS 'Budget realised against the item''s budget (%, performance-service''s); null without a budget or from an event older than the field.';

CREATE TABLE rm_perf_realisation_step (
    event_id       uuid        PRIMARY KEY,
    realisation_id uuid        NOT NULL,
    event_type     text        NOT NULL,
    status         text        NOT NULL,
    version        integer     NOT NULL,
    reason         text,
    checklist      text[]      NOT NULL,
    occurred_at    timestamptz NOT NULL
);
CREATE INDEX rm_perf_realisation_step_realisation ON rm_perf_realisation_step (realisation_id, occurred_at);
COMMENT ON TABLE rm_perf_realisation_step IS 'Read model: every review step of a realisation (the review history a report prints and an auditor traces).';
