-- Why: staff of a unit report every quarter, per indicator of the Perjanjian Kinerja revision in force, what was
-- realised (value, or numerator and denominator), the budget realised and a narrative, and a superior reviews it
-- (DRAFT -> SUBMITTED -> RETURNED / APPROVED). An edit after approval re-opens the review but the approved content must
-- stay readable as approved, so content is kept per version (realisation_version, realisation_entry) and never
-- overwritten once approved; every transition is kept in realisation_transition for the audit.
CREATE TABLE realisation (
    id                 uuid        PRIMARY KEY,
    unit_code          text        NOT NULL REFERENCES unit (code),
    year               integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    quarter            integer     NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    agreement_id       uuid        NOT NULL REFERENCES agreement (id),
    agreement_revision integer     NOT NULL,
    status             text        NOT NULL CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED')),
    current_version    integer     NOT NULL CHECK (current_version >= 1),
    approved_version   integer,
    etag               integer     NOT NULL CHECK (etag >= 1),
    due_date           date        NOT NULL,
    first_submitted_at timestamptz,
    first_submitted_by text,
    working_days_late  integer     CHECK (working_days_late >= 0),
    created_at         timestamptz NOT NULL,
    created_by         text        NOT NULL,
    FOREIGN KEY (agreement_id, agreement_revision) REFERENCES agreement_revision (agreement_id, revision)
);
CREATE UNIQUE INDEX realisation_once_per_quarter ON realisation (agreement_id, year, quarter);
CREATE INDEX realisation_by_unit ON realisation (unit_code, year, quarter);
COMMENT ON TABLE realisation IS 'Quarterly realisation of one unit against one Perjanjian Kinerja revision, with its review status.';
COMMENT ON COLUMN realisation.etag IS 'Bumped by every change and transition; clients name it in If-Match.';
COMMENT ON COLUMN realisation.approved_version IS 'The content version last approved; stays readable after an edit re-opens the review.';
COMMENT ON COLUMN realisation.working_days_late IS 'Working days after the due date of the first submission (0 on time); late is accepted and flagged.';

CREATE TABLE realisation_version (
    realisation_id uuid        NOT NULL REFERENCES realisation (id),
    version        integer     NOT NULL CHECK (version >= 1),
    obstacles      text,
    follow_up      text,
    reason         text,
    created_at     timestamptz NOT NULL,
    created_by     text        NOT NULL,
    approved_at    timestamptz,
    approved_by    text,
    PRIMARY KEY (realisation_id, version),
    CHECK ((version = 1) = (reason IS NULL))
);
COMMENT ON TABLE realisation_version IS 'Content versions of a realisation; a new one only when approved content is edited.';
COMMENT ON COLUMN realisation_version.reason IS 'Why approved content was edited (re-opening the review).';

CREATE TABLE realisation_entry (
    realisation_id  uuid    NOT NULL,
    version         integer NOT NULL,
    item            integer NOT NULL,
    value           numeric,
    numerator       numeric,
    denominator     numeric,
    budget_realised bigint  CHECK (budget_realised >= 0),
    note            text,
    PRIMARY KEY (realisation_id, version, item),
    FOREIGN KEY (realisation_id, version) REFERENCES realisation_version (realisation_id, version),
    CHECK (value IS NOT NULL OR (numerator IS NOT NULL AND denominator IS NOT NULL)),
    CHECK (denominator IS NULL OR denominator > 0)
);
COMMENT ON TABLE realisation_entry IS 'Realisation of one agreement item (by its position) in one content version.';
COMMENT ON COLUMN realisation_entry.value IS 'The realised value; for a percentage given as parts, numerator / denominator x 100 (2 places, half-up).';

CREATE TABLE realisation_transition (
    realisation_id uuid        NOT NULL REFERENCES realisation (id),
    seq            integer     NOT NULL,
    at             timestamptz NOT NULL,
    by_user        text        NOT NULL,
    from_status    text,
    to_status      text        NOT NULL,
    version        integer     NOT NULL,
    reason         text,
    checklist      text[],
    PRIMARY KEY (realisation_id, seq)
);
COMMENT ON TABLE realisation_transition IS 'Audit of every status change of a realisation: who, when, from, to, why.';
COMMENT ON COLUMN realisation_transition.checklist IS 'On a return: the superior''s checklist (seed 002 Tanggapan Atasan Langsung).';
