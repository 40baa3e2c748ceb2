-- Why: a Perjanjian Kinerja is the yearly agreement of one position of a unit (the head to the mayor, an eselon III or
-- IV official to their superior) on indicators, targets and budget. Once AGREED it is frozen: a change is a new
-- revision with a reason, and every earlier revision stays readable as agreed, since reports quote the agreement in
-- force. A DRAFT revision may be edited in place until it is agreed.
CREATE TABLE agreement (
    id               uuid        PRIMARY KEY,
    unit_code        text        NOT NULL REFERENCES unit (code),
    year             integer     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    position         text        NOT NULL CHECK (position IN ('HEAD', 'ESELON_III', 'ESELON_IV')),
    position_title   text        NOT NULL,
    current_revision integer     NOT NULL CHECK (current_revision >= 1),
    created_at       timestamptz NOT NULL,
    created_by       text        NOT NULL
);
CREATE UNIQUE INDEX agreement_once_per_position ON agreement (unit_code, year, position, lower(position_title));
COMMENT ON TABLE agreement IS 'Perjanjian Kinerja of one position of a unit for one year; content in agreement_revision.';
COMMENT ON COLUMN agreement.position IS 'HEAD: head of unit to the mayor; ESELON_III / ESELON_IV: to their superior.';
COMMENT ON COLUMN agreement.position_title IS 'The position as the document names it (Kepala Seksi Pemerintahan); several eselon IV per unit.';
COMMENT ON COLUMN agreement.current_revision IS 'Newest revision; changes and the agreement name it (If-Match).';

CREATE TABLE agreement_revision (
    agreement_id uuid        NOT NULL REFERENCES agreement (id),
    revision     integer     NOT NULL CHECK (revision >= 1),
    status       text        NOT NULL CHECK (status IN ('DRAFT', 'AGREED')),
    reason       text,
    created_at   timestamptz NOT NULL,
    created_by   text        NOT NULL,
    agreed_at    timestamptz,
    agreed_by    text,
    PRIMARY KEY (agreement_id, revision),
    CHECK ((revision = 1) = (reason IS NULL)),
    CHECK ((status = 'AGREED') = (agreed_at IS NOT NULL AND agreed_by IS NOT NULL))
);
COMMENT ON TABLE agreement_revision IS 'Revisions of an agreement; an AGREED revision is never changed again.';
COMMENT ON COLUMN agreement_revision.reason IS 'Why an agreed agreement was changed; none for the first revision.';

CREATE TABLE agreement_item (
    agreement_id    uuid    NOT NULL,
    revision        integer NOT NULL,
    position        integer NOT NULL,
    sasaran         text    NOT NULL,
    indicator       text    NOT NULL,
    unit_of_measure text    NOT NULL,
    direction       text    NOT NULL CHECK (direction IN ('HIGHER', 'LOWER', 'RANGE')),
    target          numeric NOT NULL,
    target_upper    numeric,
    budget          bigint  CHECK (budget >= 0),
    renstra_indicator_id uuid,
    PRIMARY KEY (agreement_id, revision, position),
    FOREIGN KEY (agreement_id, revision) REFERENCES agreement_revision (agreement_id, revision),
    CHECK ((direction = 'RANGE') = (target_upper IS NOT NULL)),
    CHECK (target_upper IS NULL OR target_upper >= target)
);
COMMENT ON TABLE agreement_item IS 'Indicators of one agreement revision with their yearly target and budget.';
COMMENT ON COLUMN agreement_item.renstra_indicator_id IS 'The Renstra indicator (of the unit, of a plan covering the year) the item takes over, if any.';
COMMENT ON COLUMN agreement_item.budget IS 'Budget (pagu) in rupiah for the item; NULL when the agreement names none.';
