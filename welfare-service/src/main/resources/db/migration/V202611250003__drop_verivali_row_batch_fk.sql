-- verivali_row is written by one statement only (Verivali.classify's INSERT ... SELECT), in the transaction that
-- inserts its batch and with that batch's id, and batches are never deleted; the foreign key's per-row check cost
-- 0.6-1.0 s of the 4-5 s a 200,000-row list takes to classify (docs/benchmarks.md), for a guarantee the one writer
-- already gives. The primary key (batch_id, row_no) stays.
ALTER TABLE verivali_row DROP CONSTRAINT verivali_row_batch_id_fkey;
