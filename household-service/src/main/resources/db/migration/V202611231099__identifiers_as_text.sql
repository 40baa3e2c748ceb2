-- NIK and KK numbers become text (their CHECKs keep them at exactly 16 digits). As char(16) (bpchar), a lookup with
-- a text or varchar parameter, which is what JDBC sends, compares as text and cannot use the unique index: every
-- NIK lookup read the whole person table. Found by the NIK lookup benchmark (docs/benchmarks.md).
ALTER TABLE person ALTER COLUMN nik TYPE text;
ALTER TABLE household ALTER COLUMN kk_number TYPE text;
