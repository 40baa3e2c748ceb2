-- Why: issue 23 item 5, traceability. For any figure of a performance report an auditor asks which submission, which
-- revision and approval, and which events it came from. The read model already names the event that last wrote a
-- content version; it now also keeps where every performance event was read (topic, partition, offset, CloudEvents
-- time), who took each review step (the step's actor, published by performance-service within v1), and the figures
-- each review step carried, so the history of a figure (submitted, returned, re-submitted, approved, re-opened) is
-- kept, not only its last value. Written by the package performancefigures only, in the handler's inbox
-- transaction (a redelivered event adds nothing); rebuilt with the other rm_perf_* tables, and a replay reads the
-- same records at the same offsets, so a rebuild gives the same trace. Events applied before this migration get
-- their positions and step figures from a read-model rebuild.

CREATE TABLE rm_perf_event (
    event_id        uuid        PRIMARY KEY,
    event_type      text        NOT NULL,
    aggregate_id    uuid        NOT NULL,
    unit_code       text        NOT NULL,
    topic           text,
    kafka_partition integer,
    kafka_offset    bigint,
    event_time      timestamptz
);
CREATE INDEX rm_perf_event_aggregate ON rm_perf_event (aggregate_id);
COMMENT ON TABLE rm_perf_event IS 'Read model: every performance event applied (plan version, agreement, realisation step) with where it was read, so a report''s figure can be traced to the Kafka record it came from.';
COMMENT ON COLUMN rm_perf_event.aggregate_id IS 'The Kafka key: plan id, agreement id or realisation id.';
COMMENT ON COLUMN rm_perf_event.kafka_offset IS 'Offset of the record in its topic partition; null only for an event that did not come from a topic.';
COMMENT ON COLUMN rm_perf_event.event_time IS 'The CloudEvents time of the event (when performance-service published it); the payload''s occurredAt is in the step.';

ALTER TABLE rm_perf_realisation_step ADD COLUMN actor text;
COMMENT ON COLUMN rm_perf_realisation_step.actor IS 'Who took the step as performance-service published it (submitter, approver, the editor who re-opened it, or the service itself); null from events older than the field.';

CREATE TABLE rm_perf_step_entry (
    event_id             uuid    NOT NULL REFERENCES rm_perf_realisation_step (event_id),
    item                 integer NOT NULL,
    value                numeric,
    target               numeric,
    target_max           numeric,
    budget               bigint,
    budget_realised      bigint,
    budget_absorption    numeric,
    capaian              numeric,
    year_to_date_value   numeric,
    year_to_date_capaian numeric,
    PRIMARY KEY (event_id, item)
);
COMMENT ON TABLE rm_perf_step_entry IS 'Read model: the figures of each agreement item exactly as one review step''s event carried them; the history of a figure across its submissions, returns, approvals and re-openings.';
COMMENT ON COLUMN rm_perf_step_entry.item IS 'The agreement item (position in the Perjanjian Kinerja) the figures are of.';
