-- Event probes are synthetic events an operator sends to prove the event path end to end; each consuming
-- service records their arrival here, with the trace id that travelled with them.
CREATE TABLE event_probe_receipt (
    event_id       uuid        PRIMARY KEY,
    probe_id       uuid        NOT NULL,
    sequence       bigint      NOT NULL,
    source_service text        NOT NULL,
    sent_at        timestamptz NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    trace_id       text,
    arrival        bigint GENERATED ALWAYS AS IDENTITY
);

CREATE INDEX event_probe_receipt_probe ON event_probe_receipt (probe_id, arrival);

COMMENT ON COLUMN event_probe_receipt.arrival IS 'Order of processing in this service: per probe it must follow sequence (the ordering guarantee).';
