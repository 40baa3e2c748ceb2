-- Idempotent consumption: the id of every processed event is recorded in the same transaction as its effect,
-- so a redelivered event (after a crash before the offset commit, a rebalance, a relay retry) changes nothing.
CREATE TABLE event_inbox (
    event_id     uuid        PRIMARY KEY,
    event_type   text        NOT NULL,
    topic        text        NOT NULL,
    kafka_partition int      NOT NULL,
    kafka_offset bigint      NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX event_inbox_processed_at ON event_inbox (processed_at);

COMMENT ON TABLE event_inbox IS 'Events this service has processed; rows older than the retention (default 30 days, beyond Kafka''s) are purged.';
