-- Why: the LAKIP (seed 004 Bab III) compares a year's IKU with the plan's final target and lays the budget out per
-- program and kegiatan, so the read model of performance.events now keeps each published plan version's indicators
-- (with the program and kegiatan they hang under, from the event's node and ancestors) and their yearly targets and
-- indicative budgets, exactly as published. Written by the package performancefigures only; rebuilt with the other
-- rm_perf_* tables. Plan versions applied before this migration get their indicators from a read-model rebuild.

CREATE TABLE rm_perf_plan_indicator (
    plan_id         uuid    NOT NULL,
    version         integer NOT NULL,
    indicator_id    uuid    NOT NULL,
    position        integer NOT NULL,
    node_level      text    NOT NULL,
    node_code       text,
    node_name       text    NOT NULL,
    name            text    NOT NULL,
    unit_of_measure text    NOT NULL,
    direction       text    NOT NULL,
    program_code    text,
    program_name    text,
    kegiatan_code   text,
    kegiatan_name   text,
    PRIMARY KEY (plan_id, version, indicator_id),
    FOREIGN KEY (plan_id, version) REFERENCES rm_perf_plan_version (plan_id, version)
);
COMMENT ON TABLE rm_perf_plan_indicator IS 'Read model: the indicators of a published Renstra version (performance.plan-version.published), with the node carrying each; a plan version is immutable, so a redelivery or replay changes nothing.';
COMMENT ON COLUMN rm_perf_plan_indicator.position IS 'Order of the indicator in the event (the plan tree depth first), the order a report lists them in.';
COMMENT ON COLUMN rm_perf_plan_indicator.program_code IS 'The program the indicator''s node is or hangs under (from the node or its published ancestors); null above program level or from an event older than the ancestors field.';
COMMENT ON COLUMN rm_perf_plan_indicator.kegiatan_code IS 'The kegiatan the indicator''s node is or hangs under; null above kegiatan level or without published ancestors.';

CREATE TABLE rm_perf_plan_target (
    plan_id      uuid    NOT NULL,
    version      integer NOT NULL,
    indicator_id uuid    NOT NULL,
    year         integer NOT NULL,
    target       numeric,
    target_max   numeric,
    budget       bigint,
    PRIMARY KEY (plan_id, version, indicator_id, year),
    FOREIGN KEY (plan_id, version, indicator_id) REFERENCES rm_perf_plan_indicator (plan_id, version, indicator_id)
);
COMMENT ON TABLE rm_perf_plan_target IS 'Read model: a plan indicator''s target and indicative budget per year as published; the plan''s end year gives the final target a LAKIP compares with.';
COMMENT ON COLUMN rm_perf_plan_target.budget IS 'Indicative budget of the year in rupiah, null when the plan gives none.';

-- The rating of each capaian as performance-service labels it (added to its realisation events within v1): the LAKIP
-- prints the year's rating beside the capaian instead of banding the figure again here.
ALTER TABLE rm_perf_realisation_entry ADD COLUMN rating text, ADD COLUMN year_to_date_rating text;
COMMENT ON COLUMN rm_perf_realisation_entry.rating IS 'Rating band label of the quarter''s capaian as published (performance-service''s labels), null without a ratio or from an event older than the field.';
COMMENT ON COLUMN rm_perf_realisation_entry.year_to_date_rating IS 'Rating band label of the year-to-date capaian as published; in the fourth quarter the year''s rating.';
