-- Why: performance-service publishes each unit's consistency findings for a year (performance.unit-findings.published,
-- a snapshot replacing the earlier list) so that reports list them as that service computed them (seed 002's
-- 22.90.000 against 22.900.000; 5.995.000 in one table, 5.955.000 in another) instead of re-running its checks here.
CREATE TABLE rm_perf_unit_findings (
    unit_code   text        NOT NULL,
    year        integer     NOT NULL,
    occurred_at timestamptz NOT NULL,
    event_id    uuid        NOT NULL,
    PRIMARY KEY (unit_code, year)
);

CREATE TABLE rm_perf_unit_finding (
    unit_code  text    NOT NULL,
    year       integer NOT NULL,
    finding_no integer NOT NULL,
    code       text    NOT NULL,
    check_kind text    NOT NULL,
    message    text    NOT NULL,
    quarter    integer,
    PRIMARY KEY (unit_code, year, finding_no),
    FOREIGN KEY (unit_code, year) REFERENCES rm_perf_unit_findings ON DELETE CASCADE
);

CREATE TABLE rm_perf_unit_finding_place (
    unit_code  text    NOT NULL,
    year       integer NOT NULL,
    finding_no integer NOT NULL,
    place_no   integer NOT NULL,
    document   text    NOT NULL,
    href       text,
    pointer    text,
    label      text,
    value      text,
    PRIMARY KEY (unit_code, year, finding_no, place_no),
    FOREIGN KEY (unit_code, year, finding_no) REFERENCES rm_perf_unit_finding ON DELETE CASCADE
);

COMMENT ON TABLE rm_perf_unit_findings IS
    'Newest published findings snapshot per unit and year (performance.unit-findings.published): which event it came from';
COMMENT ON TABLE rm_perf_unit_finding IS
    'One consistency finding of a unit and year as performance-service published it (code PF-CEK-..., its message)';
COMMENT ON COLUMN rm_perf_unit_finding.quarter IS 'Quarter of the realisation concerned; NULL for plan and agreement findings';
COMMENT ON TABLE rm_perf_unit_finding_place IS
    'A place a finding names: document kind, its API path at performance-service, JSON pointer, label and figure as stated';
