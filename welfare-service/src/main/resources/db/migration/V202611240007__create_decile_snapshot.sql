-- DTSEN welfare deciles (1 = poorest tenth, 10 = richest) per family, as the national data centre publishes them
-- each quarter. welfare-service does not compute deciles: it keeps each quarter's list as an immutable snapshot
-- (a second upload for the same quarter is refused) so that an eligibility answer can always say which list it read.
CREATE TABLE decile_import (
    id          uuid PRIMARY KEY,
    period      text        NOT NULL UNIQUE CHECK (period ~ '^[0-9]{4}-Q[1-4]$'),
    period_from date        NOT NULL,
    file_sha256 text        NOT NULL,
    row_count   int         NOT NULL,
    imported_by text        NOT NULL,
    imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE decile_snapshot (
    period    text     NOT NULL REFERENCES decile_import (period),
    kk_number text     NOT NULL CHECK (kk_number ~ '^[0-9]{16}$'),
    decile    smallint NOT NULL CHECK (decile BETWEEN 1 AND 10),
    PRIMARY KEY (period, kk_number)
);
CREATE INDEX decile_snapshot_kk ON decile_snapshot (kk_number);
