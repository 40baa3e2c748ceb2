-- Test-only: the effect of the benchmark's consuming service, one row per event.
CREATE TABLE bench_effect (
    event_id    uuid   PRIMARY KEY,
    aggregate   text   NOT NULL,
    sequence    bigint NOT NULL,
    latency_us  bigint NOT NULL
);
