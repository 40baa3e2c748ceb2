-- Why: the Renstra progress matrix (seed 001 Tabel 6.1) prints each indicator's kondisi awal (year 0 of the plan),
-- which performance-service now publishes as the optional v1 field `baseline` of each plan indicator. Kept exactly as
-- published; null when the plan gives none or the event is older than the field (a read-model rebuild fills it for
-- plan versions applied before this migration). Written by the package performancefigures only.

ALTER TABLE rm_perf_plan_indicator ADD COLUMN baseline numeric;
COMMENT ON COLUMN rm_perf_plan_indicator.baseline IS 'Kondisi awal (year 0 of the plan) as published in performance.plan-version.published; null when none was given or the event predates the field.';
