-- Why: a Renstra (5-year strategic plan of one unit) is a tree tujuan > sasaran > program > kegiatan > sub-kegiatan
-- whose nodes carry indicators with a target (and an indicative budget) per year. Reports name the plan version they
-- were measured against, so a revision never overwrites: it is a new version whose whole tree is stored again, and
-- every earlier version stays readable as it was. One plan per unit and period: the exclusion constraint keeps two
-- plans of one unit from covering the same year, whatever the order of concurrent requests.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE renstra_plan (
    id              uuid PRIMARY KEY,
    unit_code       text        NOT NULL REFERENCES unit (code),
    start_year      integer     NOT NULL CHECK (start_year BETWEEN 2000 AND 2100),
    end_year        integer     NOT NULL,
    current_version integer     NOT NULL CHECK (current_version >= 1),
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    CHECK (end_year >= start_year AND end_year - start_year <= 5),
    CONSTRAINT renstra_plan_one_per_unit_and_year EXCLUDE USING gist (
        unit_code WITH =, int4range(start_year, end_year, '[]') WITH &&)
);
CREATE INDEX renstra_plan_by_unit ON renstra_plan (unit_code, start_year DESC, id);
COMMENT ON TABLE renstra_plan IS 'One Renstra of one unit for one period; its content lives in versions (renstra_version).';
COMMENT ON COLUMN renstra_plan.current_version IS 'The newest version; a revision must name it (If-Match) or is refused as stale.';
COMMENT ON COLUMN renstra_plan.end_year IS 'Last year of the period, inclusive (2021-2026: six yearly targets).';

CREATE TABLE renstra_version (
    plan_id    uuid        NOT NULL REFERENCES renstra_plan (id),
    version    integer     NOT NULL CHECK (version >= 1),
    title      text        NOT NULL,
    reason     text,
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    PRIMARY KEY (plan_id, version),
    CHECK ((version = 1) = (reason IS NULL))
);
COMMENT ON TABLE renstra_version IS 'Immutable versions of a plan; a revision adds one, never changes one.';
COMMENT ON COLUMN renstra_version.reason IS 'Why the plan was revised; none for the first version.';
COMMENT ON COLUMN renstra_version.created_by IS 'User name from the token of the planner who stored the version.';

CREATE TABLE renstra_node (
    id        uuid    PRIMARY KEY,
    plan_id   uuid    NOT NULL,
    version   integer NOT NULL,
    parent_id uuid    REFERENCES renstra_node (id),
    level     text    NOT NULL CHECK (level IN ('TUJUAN', 'SASARAN', 'PROGRAM', 'KEGIATAN', 'SUB_KEGIATAN')),
    position  integer NOT NULL,
    code      text,
    name      text    NOT NULL,
    FOREIGN KEY (plan_id, version) REFERENCES renstra_version (plan_id, version),
    CHECK ((level IN ('TUJUAN', 'SASARAN')) = (code IS NULL)),
    CHECK ((level = 'TUJUAN') = (parent_id IS NULL)),
    CONSTRAINT renstra_node_code_once UNIQUE (plan_id, version, code)
);
CREATE INDEX renstra_node_by_version ON renstra_node (plan_id, version, position);
COMMENT ON TABLE renstra_node IS 'Nodes of one plan version: tujuan > sasaran > program > kegiatan > sub-kegiatan.';
COMMENT ON COLUMN renstra_node.code IS 'National nomenclature code, normalised (sub-kegiatan always 4 digits: 1.06.04.2.01.0001); only program, kegiatan, sub-kegiatan.';
COMMENT ON COLUMN renstra_node.position IS 'Order among its siblings, as the plan lists them.';

CREATE TABLE renstra_indicator (
    id                     uuid    PRIMARY KEY,
    node_id                uuid    NOT NULL REFERENCES renstra_node (id),
    position               integer NOT NULL,
    name                   text    NOT NULL,
    unit_of_measure        text    NOT NULL,
    direction              text    NOT NULL CHECK (direction IN ('HIGHER', 'LOWER', 'RANGE')),
    kind                   text    NOT NULL CHECK (kind IN ('PERCENTAGE', 'COUNT', 'INDEX', 'RUPIAH', 'MONTHS')),
    numerator_definition   text,
    denominator_definition text,
    aggregation            text    NOT NULL CHECK (aggregation IN ('SUM', 'LAST', 'AVERAGE', 'RATIO')),
    source                 text    NOT NULL CHECK (source IN ('ENTERED', 'REGISTER')),
    baseline               numeric,
    CHECK (kind <> 'PERCENTAGE' OR (numerator_definition IS NOT NULL AND denominator_definition IS NOT NULL)),
    CHECK (aggregation <> 'RATIO' OR kind = 'PERCENTAGE')
);
CREATE INDEX renstra_indicator_by_node ON renstra_indicator (node_id, position);
COMMENT ON TABLE renstra_indicator IS 'Performance indicators of a plan node (per version: a revision stores them again).';
COMMENT ON COLUMN renstra_indicator.direction IS 'HIGHER or LOWER is better, or RANGE: decides how capaian is computed (capaian package).';
COMMENT ON COLUMN renstra_indicator.aggregation IS 'How the quarters of a year combine: SUM, LAST value, AVERAGE, or RATIO of summed numerator and denominator.';
COMMENT ON COLUMN renstra_indicator.source IS 'ENTERED by staff, or computed from a register (welfare-service events).';
COMMENT ON COLUMN renstra_indicator.baseline IS 'Kondisi awal (year 0); unknown in some plans (printed as "-").';

CREATE TABLE renstra_target (
    indicator_id uuid    NOT NULL REFERENCES renstra_indicator (id),
    year         integer NOT NULL,
    target       numeric NOT NULL,
    target_upper numeric,
    budget       bigint  CHECK (budget >= 0),
    PRIMARY KEY (indicator_id, year),
    CHECK (target_upper IS NULL OR target_upper >= target)
);
COMMENT ON TABLE renstra_target IS 'Target and indicative budget of an indicator for each year of the plan period.';
COMMENT ON COLUMN renstra_target.target IS 'The target; for a RANGE indicator its lower bound.';
COMMENT ON COLUMN renstra_target.target_upper IS 'Upper bound of a RANGE target; NULL for other directions.';
COMMENT ON COLUMN renstra_target.budget IS 'Indicative budget (pendanaan indikatif) in rupiah; NULL where the plan gives none.';
