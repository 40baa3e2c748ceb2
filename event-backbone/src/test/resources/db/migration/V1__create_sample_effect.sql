-- Test-only: the observable effect of handling a SampleRecorded event, in processing order.
CREATE TABLE sample_effect (
    event_id  uuid   PRIMARY KEY,
    aggregate text   NOT NULL,
    sequence  bigint NOT NULL,
    instance  text   NOT NULL,
    trace_id  text,
    arrival   bigint GENERATED ALWAYS AS IDENTITY
);
