-- Why: reporting-service's read models can be rebuilt from scratch by replaying the source topics (issue 23) while
-- the serving models keep answering; operators start a rebuild and follow it. This table records each rebuild and its
-- progress. It is not part of a generation of the models (it stays in public across swaps), and its partial unique
-- index lets only one rebuild run at a time across every instance of the service.
CREATE TABLE read_model_rebuild (
    id               uuid PRIMARY KEY,
    state            text NOT NULL CHECK (state IN ('RUNNING', 'COMPLETED', 'FAILED', 'ABANDONED')),
    requested_by     text NOT NULL,
    instance         text NOT NULL,
    read_models      text[] NOT NULL,
    replay_from      text NOT NULL,
    started_at       timestamptz NOT NULL,
    heartbeat_at     timestamptz NOT NULL,
    finished_at      timestamptz,
    events_applied   bigint NOT NULL DEFAULT 0,
    events_duplicate bigint NOT NULL DEFAULT 0,
    events_skipped   bigint NOT NULL DEFAULT 0,
    topics           jsonb,
    error            text
);
CREATE UNIQUE INDEX read_model_rebuild_one_running ON read_model_rebuild ((true)) WHERE state = 'RUNNING';

COMMENT ON TABLE read_model_rebuild IS 'Rebuilds of the read models by replaying the source topics: who asked, where the replay stands, how it ended. Written only by the rebuild package.';
COMMENT ON COLUMN read_model_rebuild.state IS 'RUNNING; COMPLETED (the rebuilt models serve); FAILED (the previous models still serve, error says why); ABANDONED (the instance running it stopped reporting for longer than kesra.reporting.rebuild.stale-after).';
COMMENT ON COLUMN read_model_rebuild.requested_by IS 'The operator''s token subject (an id, not a name), or at-start for the start-up option.';
COMMENT ON COLUMN read_model_rebuild.instance IS 'The service instance (pid@host) that runs the replay.';
COMMENT ON COLUMN read_model_rebuild.replay_from IS 'Where the replay began: earliest, an instant, or topic:partition=offset list (kesra.reporting.rebuild.replay-from).';
COMMENT ON COLUMN read_model_rebuild.heartbeat_at IS 'Last progress report of the running instance (about every second).';
COMMENT ON COLUMN read_model_rebuild.events_skipped IS 'Events skipped as the live consumer skipped them: unreadable, or dead-lettered and not re-driven.';
COMMENT ON COLUMN read_model_rebuild.topics IS 'Per source topic and partition: replay start, replay position, the live consumer group''s committed offset and the topic end (Kafka offsets: the next to read).';
