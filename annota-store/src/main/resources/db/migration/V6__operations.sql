-- Long-running server operations (issue 5): exports, asynchronous imports, later pre-labelling.
-- Portable SQL for SQLite and PostgreSQL: application-made text ids, epoch-millisecond times, 0/1 booleans.

-- state: queued -> running -> succeeded | failed | cancelled; done/total: progress of the current phase;
-- result_path: the result file, relative to the data folder; request_json: the parameters (so a resumable kind
-- can start again after a restart); cancel_requested: 1 once someone asked to cancel it
CREATE TABLE operations (
    id               TEXT PRIMARY KEY,
    project_id       TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,
    state            TEXT NOT NULL,
    phase            TEXT NOT NULL,
    done             BIGINT NOT NULL,
    total            BIGINT NOT NULL,
    message          TEXT NOT NULL,
    request_json     TEXT NOT NULL,
    result_path      TEXT,
    result_json      TEXT,
    cancel_requested INTEGER NOT NULL,
    created_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    started_at       BIGINT,
    finished_at      BIGINT
);
CREATE INDEX operations_by_project ON operations (project_id, created_at, id);
CREATE INDEX operations_by_state ON operations (state);
