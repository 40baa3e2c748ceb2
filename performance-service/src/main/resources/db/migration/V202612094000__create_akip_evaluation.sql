-- Why: the unit predicate of SAKIP (AA..D, PermenPANRB 88/2021) is the predicate of the evaluator's (Inspektorat's)
-- AKIP evaluation score, not of any capaian the service computes; the score is therefore recorded, one per unit and
-- year, by the evaluator, and every replacement is kept (who, when, before, after) because a predicate is quoted in
-- LAKIP and the mayor's reports long after it was given.
CREATE TABLE akip_evaluation (
    unit_code   text          NOT NULL REFERENCES unit (code),
    year        integer       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    score       numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
    evaluator   text          NOT NULL,
    reason      text,
    recorded_at timestamptz   NOT NULL,
    recorded_by text          NOT NULL,
    PRIMARY KEY (unit_code, year)
);
COMMENT ON TABLE akip_evaluation IS 'AKIP evaluation of a unit for a year (PermenPANRB 88/2021): the evaluator''s score 0-100, from which the predicate AA..D is derived on read (capaian.AkipPredicate); written only by package akip.';
COMMENT ON COLUMN akip_evaluation.score IS 'Evaluation score 0-100, 2 decimals; predicate bounds are exclusive (90 is A, 90.01 is AA).';
COMMENT ON COLUMN akip_evaluation.evaluator IS 'Who evaluated, as the evaluation report names it (e.g. Inspektorat Kota Metro).';
COMMENT ON COLUMN akip_evaluation.reason IS 'Why the score was recorded or replaced (e.g. the evaluation report''s number).';
COMMENT ON COLUMN akip_evaluation.recorded_by IS 'User (token name) who recorded the current score.';

CREATE TABLE akip_evaluation_change (
    id         bigserial   PRIMARY KEY,
    unit_code  text        NOT NULL REFERENCES unit (code),
    year       integer     NOT NULL,
    changed_at timestamptz NOT NULL,
    changed_by text        NOT NULL,
    before     jsonb,
    after      jsonb       NOT NULL
);
CREATE INDEX akip_evaluation_change_unit_year ON akip_evaluation_change (unit_code, year, id);
COMMENT ON TABLE akip_evaluation_change IS 'Audit of every recording or replacement of an AKIP evaluation: who, when, the evaluation before (NULL for the first) and after.';
