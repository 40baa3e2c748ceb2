-- Transactional outbox: a service writes its events here in the same transaction as the state change they
-- describe, and the relay publishes them to Kafka afterwards. No dual writes: an event exists iff its change does.
CREATE TABLE event_outbox (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      uuid        NOT NULL,
    topic         text        NOT NULL,
    message_key   text        NOT NULL,
    slot          smallint    NOT NULL,
    event_type    text        NOT NULL,
    event_version int         NOT NULL,
    subject       text,
    occurred_at   timestamptz NOT NULL,
    payload       bytea       NOT NULL,
    trace_parent  text,
    trace_state   text,
    created_at    timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE event_outbox IS 'Events not yet published to Kafka; the relay deletes a row once the broker acknowledged it.';
-- Deliberately only the primary key: every index is paid twice per event (insert and delete). The relay reads in id
-- order (the primary key) filtering its locked slots; event ids are generated unique (UUIDv7) and need no index here.
COMMENT ON COLUMN event_outbox.id IS 'Publication order within a slot. Events of one aggregate get increasing ids because the state change locks the aggregate row before the event is written.';
COMMENT ON COLUMN event_outbox.message_key IS 'Kafka record key: the aggregate id, so one aggregate''s events stay in one partition, in order.';
COMMENT ON COLUMN event_outbox.slot IS 'hash(message_key) mod 16. A relay publishes a slot only while holding its transaction advisory lock, so two relay instances never publish the same key concurrently.';
COMMENT ON COLUMN event_outbox.payload IS 'CloudEvents data: the JSON payload, already checked against its schema.';
COMMENT ON COLUMN event_outbox.trace_parent IS 'W3C traceparent of the request that caused the event, carried into the Kafka headers.';
