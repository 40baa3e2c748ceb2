-- Why: issue 23 item 4. Reports were rendered on each GET and not kept; an auditor must be able to fetch a file as
-- it was handed out, see from which data version it was made, regenerate it and compare SHA-256, and see who
-- downloaded it. The files are small (tens of kB), so they are kept in the row as bytea. Not part of a read-model
-- generation (these tables stay in public across rebuilds). Written only by the generation package.
CREATE TABLE report_generation (
    id              uuid PRIMARY KEY,
    report_type     text        NOT NULL CHECK (report_type IN ('quarterly', 'lakip', 'recap')),
    format          text        NOT NULL CHECK (format IN ('xlsx', 'pdf')),
    parameters      jsonb       NOT NULL,
    unit_code       text,
    scope_region    text,
    audience_region text,
    origin          text        NOT NULL CHECK (origin IN ('REQUEST', 'SCHEDULE')),
    trigger_key     text,
    requested_by    text        NOT NULL,
    requested_at    timestamptz NOT NULL,
    state           text        NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    started_at      timestamptz,
    finished_at     timestamptz,
    data_version    jsonb       NOT NULL,
    data_as_of      timestamptz,
    file_name       text,
    media_type      text,
    content         bytea,
    size_bytes      integer,
    sha256          text,
    problem_code    text,
    problem_detail  text,
    CHECK (state <> 'DONE' OR (content IS NOT NULL AND sha256 IS NOT NULL AND file_name IS NOT NULL))
);
CREATE INDEX report_generation_recent ON report_generation (requested_at DESC, id);
CREATE INDEX report_generation_unit ON report_generation (report_type, unit_code);
CREATE INDEX report_generation_open ON report_generation (state) WHERE state IN ('QUEUED', 'RUNNING');
-- One scheduled file per trigger and format, also when several instances run the schedule at once.
CREATE UNIQUE INDEX report_generation_scheduled_once ON report_generation (trigger_key, format)
    WHERE trigger_key IS NOT NULL;

COMMENT ON TABLE report_generation IS 'Every report file generated on request or by the schedule: parameters, requester, data version, the bytes and their SHA-256. Written only by the generation package.';
COMMENT ON COLUMN report_generation.report_type IS 'quarterly (Laporan Kinerja Triwulan), lakip, recap (Rekapitulasi PPKS).';
COMMENT ON COLUMN report_generation.parameters IS 'The report parameters as the report read them (unit, tahun, triwulan; period, kecamatan): the same parameters give the same report for the same data.';
COMMENT ON COLUMN report_generation.unit_code IS 'The unit (quarterly, lakip) or kecamatan (recap) the file is about, for the history filter; null for the whole city.';
COMMENT ON COLUMN report_generation.scope_region IS 'The requester''s region when the file was made (null: city-wide reader); a recap is cut to it, so a verification regenerates with it.';
COMMENT ON COLUMN report_generation.audience_region IS 'The narrowest region the file''s content lies in: a regional reader sees the file only if this lies within their region; null: city-wide readers only (OPD reports, the whole city).';
COMMENT ON COLUMN report_generation.origin IS 'REQUEST (POST /api/v1/reports/generations) or SCHEDULE (after a unit''s quarterly deadline).';
COMMENT ON COLUMN report_generation.trigger_key IS 'Scheduled files: the newest realisation event of the unit''s quarter that the file was made for (one file per such event and format).';
COMMENT ON COLUMN report_generation.requested_by IS 'Token subject of the requester (an id, never a name), or scheduler.';
COMMENT ON COLUMN report_generation.state IS 'QUEUED, RUNNING, DONE, FAILED (problem_code/problem_detail say why; RP-PEMBUATAN-TERPUTUS when an instance stopped before it finished).';
COMMENT ON COLUMN report_generation.data_version IS 'Per source topic the report read: events applied, newest event id, type and time (source_progress when the report was read), as the file prints it.';
COMMENT ON COLUMN report_generation.data_as_of IS 'Newest event time of the data version (the file''s document date).';
COMMENT ON COLUMN report_generation.content IS 'The file''s bytes (XLSX or PDF, reproducible: the same data gives the same bytes).';
COMMENT ON COLUMN report_generation.sha256 IS 'Lower-case hex SHA-256 of content.';

CREATE TABLE report_generation_download (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    generation_id uuid        NOT NULL REFERENCES report_generation (id),
    downloaded_by text        NOT NULL,
    roles         text[]      NOT NULL,
    downloaded_at timestamptz NOT NULL
);
CREATE INDEX report_generation_download_of ON report_generation_download (generation_id, downloaded_at);

COMMENT ON TABLE report_generation_download IS 'Every download of a kept report file: who and when. Read by auditors and platform admins. Written only by the generation package.';
COMMENT ON COLUMN report_generation_download.downloaded_by IS 'Token subject of the downloader (an id, never a name).';
COMMENT ON COLUMN report_generation_download.roles IS 'The downloader''s reading roles at the time (what allowed the download).';
