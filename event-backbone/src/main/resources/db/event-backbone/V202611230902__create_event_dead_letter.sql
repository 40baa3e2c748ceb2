-- Dead letters: events this service could not process after bounded retries. They travel on a dead-letter
-- topic (the durable record, with the reason and original coordinates in headers); this table is the operator's
-- view of that topic, from which an event is re-driven after a fix or discarded with a reason.
CREATE TABLE event_dead_letter (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dlt_topic         text        NOT NULL,
    dlt_partition     int         NOT NULL,
    dlt_offset        bigint      NOT NULL,
    event_id          text,
    event_type        text,
    original_topic    text        NOT NULL,
    original_partition int,
    original_offset   bigint,
    message_key       text,
    headers           jsonb       NOT NULL,
    payload           bytea,
    reason            text        NOT NULL,
    failed_at         timestamptz NOT NULL,
    status            text        NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'REDRIVEN', 'DISCARDED')),
    attempts          int         NOT NULL DEFAULT 0,
    last_error        text,
    resolved_at       timestamptz,
    resolved_by       text,
    resolution_note   text,
    UNIQUE (dlt_topic, dlt_partition, dlt_offset)
);

CREATE INDEX event_dead_letter_status ON event_dead_letter (status, id);

COMMENT ON COLUMN event_dead_letter.reason IS 'Why processing failed: exception class and message from the kafka_dlt-exception-* headers.';
COMMENT ON COLUMN event_dead_letter.attempts IS 'Re-drive attempts by operators; a failed attempt keeps the row NEW with last_error set.';
