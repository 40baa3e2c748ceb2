-- Why: performance-service publishes realisation of historical quarters (before the first year of its holiday
-- calendar, entered from signed documents such as seed 004's LAKIP 2021/2022) without a due date. The read model keeps
-- what the event says; a quarter without a due date is never kept by the after-deadline scheduler.
ALTER TABLE rm_perf_realisation ALTER COLUMN due_date DROP NOT NULL;
COMMENT ON COLUMN rm_perf_realisation.due_date IS 'Due date as published; NULL for a historical quarter (entered from signed documents, no deadline applies).';
