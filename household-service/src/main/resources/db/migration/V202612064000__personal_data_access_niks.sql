-- Why: the access log must cover every answer that carries a full NIK (issue 20): searches by NIK or by household,
-- the change histories and refused attempts as well as the full-record reads. Such an answer may name no single
-- person or household (a search for a NIK that is not registered, a registration refused because a NIK is already
-- registered elsewhere), so the log names the NIKs it revealed and how the attempt ended, and the rule that every
-- row names a person or a household goes. The table stays append-only (the trigger is unchanged).
ALTER TABLE personal_data_access
    ADD COLUMN niks   text[]   NOT NULL DEFAULT '{}',
    ADD COLUMN status smallint NOT NULL DEFAULT 200,
    DROP CONSTRAINT personal_data_access_check;

COMMENT ON COLUMN personal_data_access.niks IS
    'The NIKs the answer showed in full, or the NIK an attempt asked for or revealed (a refused registration); '
    'empty when the caller sees NIKs masked';
COMMENT ON COLUMN personal_data_access.status IS
    'The HTTP status of the answer: 200 shown, 403/404 refused (nothing shown), 409 a refusal that revealed that a '
    'NIK is registered';

CREATE INDEX personal_data_access_niks ON personal_data_access USING gin (niks);
