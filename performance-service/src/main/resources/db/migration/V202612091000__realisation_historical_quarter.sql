-- Why: realisation of a quarter before the first year of the holiday calendar (seed 004's 2021 and 2022, entered now
-- from the signed LAKIP) has no computable deadline, and a backfill years later is not "late". Such a row keeps
-- due_date and working_days_late NULL instead of being refused (decision docs/decisions/0005-historical-realisation.md).
ALTER TABLE realisation ALTER COLUMN due_date DROP NOT NULL;
COMMENT ON COLUMN realisation.due_date IS 'Due date of the quarter''s report (5 working days after its end); NULL for a historical quarter, one before the first year of the holiday calendar, entered from signed documents.';
