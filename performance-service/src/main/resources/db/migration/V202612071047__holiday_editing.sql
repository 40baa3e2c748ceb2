-- Why: the calendar of national holidays and cuti bersama is decreed every year (SKB of three ministers), after the
-- code is released; a year's quarterly deadlines cannot be counted until its holidays are loaded (the fourth
-- quarter of 2026 already falls due in January 2027). A platform admin now loads or corrects a year through the API;
-- each change is kept with who made it, why, and the list before and after, because a changed calendar changes
-- deadlines that units are judged by.
ALTER TABLE holiday ADD COLUMN name text;
COMMENT ON COLUMN holiday.name IS 'The holiday as the decree names it (e.g. Tahun Baru Masehi); empty for rows loaded before names were kept.';

CREATE TABLE holiday_change (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    year integer NOT NULL,
    changed_by text NOT NULL,
    changed_at timestamptz NOT NULL,
    reason text NOT NULL,
    days_before jsonb NOT NULL,
    days_after jsonb NOT NULL
);
CREATE INDEX holiday_change_year ON holiday_change (year, id);
COMMENT ON TABLE holiday_change IS 'Audit of every replacement of one year''s holiday list through the API: who, when, why, before and after.';
COMMENT ON COLUMN holiday_change.days_before IS 'The year''s rows before the change, as [{date, kind, name}].';
COMMENT ON COLUMN holiday_change.days_after IS 'The year''s rows after the change, as [{date, kind, name}].';
