-- Why: a quarterly report comes with evidence (attendance lists, photos, spreadsheets). The files are kept with the
-- realisation content version they were attached to, with their SHA-256 so a reviewer or auditor can tell that the
-- file read is the file uploaded. Size and type are limited by the service (5 MiB; PDF, PNG, JPEG, XLSX by content).
-- Stored in the database for now: a few files per unit and quarter; object storage is a later, separate decision.
CREATE TABLE realisation_evidence (
    id             uuid        PRIMARY KEY,
    realisation_id uuid        NOT NULL REFERENCES realisation (id),
    version        integer     NOT NULL,
    file_name      text        NOT NULL,
    content_type   text        NOT NULL,
    size_bytes     bigint      NOT NULL CHECK (size_bytes > 0),
    sha256         text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    content        bytea       NOT NULL,
    uploaded_at    timestamptz NOT NULL,
    uploaded_by    text        NOT NULL,
    FOREIGN KEY (realisation_id, version) REFERENCES realisation_version (realisation_id, version),
    CHECK (octet_length(content) = size_bytes)
);
CREATE INDEX realisation_evidence_by_realisation ON realisation_evidence (realisation_id, uploaded_at);
COMMENT ON TABLE realisation_evidence IS 'Evidence files of a realisation, attached to the content version current at upload.';
COMMENT ON COLUMN realisation_evidence.sha256 IS 'SHA-256 of the content, lower-case hex; answered with every download.';
COMMENT ON COLUMN realisation_evidence.content_type IS 'Type detected from the content (not the one the client declared).';
