-- Why: performance-service now publishes each realisation entry's efficiency (seed 002 Tabel 3.2's "Efisiensi":
-- quarter capaian minus budget absorption, percentage points; its decision 0004). The quarterly report lays it out
-- as published instead of leaving the column empty; older events have none (NULL).
ALTER TABLE rm_perf_realisation_entry ADD COLUMN efficiency numeric;

COMMENT ON COLUMN rm_perf_realisation_entry.efficiency IS
    'Efisiensi as performance-service published it: quarter capaian minus budget absorption, percentage points; NULL without both or from events older than the field';
