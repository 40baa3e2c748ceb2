-- Why: an import's counters must add up and say what happened to every row. A row with a problem found across rows
-- or against the registry was counted valid, and the valid rows that partial mode holds back with their card were
-- neither counted nor reported. From now on rows_read = rows_valid + rows_with_problems and
-- rows_valid = persons_created + rows_skipped.
ALTER TABLE household_import ADD COLUMN rows_skipped bigint NOT NULL DEFAULT 0;
COMMENT ON COLUMN household_import.rows_valid IS 'Rows without any problem of their own (cells, across rows, against the registry): rows_read = rows_valid + rows_with_problems.';
COMMENT ON COLUMN household_import.rows_skipped IS 'Valid rows not saved: in mode SEBAGIAN the rest of a card with a bad row (each reported with the rows that caused it), in a rejected file every valid row. rows_valid = persons_created + rows_skipped.';
