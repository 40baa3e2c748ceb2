-- Why: the registry's lists are walked by keyset (issue 19 item 5): each page continues after the last row's sort
-- key, which costs the same on the last page as on the first only when an index holds the list's order. The
-- household list is ordered by region and KK (kelurahan, RW, RT, KK number, id) and the person list by name and id,
-- within the caller's region or a named kelurahan. The new indexes start with the old ones' columns
-- (household_region, person_region), which they replace, so every lookup those served is still served.
-- The import problem report had no unique key: two equal problems of one row would share a place in the order,
-- so it gets an insertion number as the order's last key.
DROP INDEX household_region;
CREATE INDEX household_list_order ON household (kelurahan_code, rw, rt, kk_number, id);

DROP INDEX person_region;
CREATE INDEX person_region_name ON person (kelurahan_code, name, id);
CREATE INDEX person_name ON person (name, id);

ALTER TABLE household_import_problem ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
COMMENT ON COLUMN household_import_problem.seq IS 'Insertion number: the last key of the report''s order (row, column, message, seq), so a cursor names one problem.';
