-- Annotation workflow (issue 5): a task per image, k annotation jobs per task (overlap), review with comments.
-- Portable SQL for SQLite and PostgreSQL: application-made text ids, epoch-millisecond times, 0/1 booleans.

-- one task per image; stage is derived from its jobs (annotate -> review -> done) and stored for queries
CREATE TABLE workflow_tasks (
    id           TEXT PRIMARY KEY,
    project_id   TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    image_id     TEXT NOT NULL UNIQUE REFERENCES images (id) ON DELETE CASCADE,
    stage        TEXT NOT NULL,
    overlap      INTEGER NOT NULL,
    position     BIGINT NOT NULL,
    gold         INTEGER NOT NULL,
    gold_version BIGINT,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX workflow_tasks_by_project ON workflow_tasks (project_id, stage, position);

-- k jobs per task, slot 0..k-1; a user holds at most one job of a task (NULLs, the open pool, are distinct)
CREATE TABLE workflow_jobs (
    id           TEXT PRIMARY KEY,
    task_id      TEXT NOT NULL REFERENCES workflow_tasks (id) ON DELETE CASCADE,
    project_id   TEXT NOT NULL,
    image_id     TEXT NOT NULL,
    slot         INTEGER NOT NULL,
    state        TEXT NOT NULL,
    assignee     TEXT REFERENCES users (id) ON DELETE SET NULL,
    reviewer     TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL,
    submitted_at BIGINT,
    UNIQUE (task_id, slot),
    UNIQUE (task_id, assignee)
);
CREATE INDEX workflow_jobs_by_project ON workflow_jobs (project_id, state);
CREATE INDEX workflow_jobs_by_assignee ON workflow_jobs (assignee, state);

-- review decisions and remarks on a job, optionally pointing at one annotation (index) or a region [x,y,w,h]
CREATE TABLE workflow_comments (
    id               TEXT PRIMARY KEY,
    job_id           TEXT NOT NULL REFERENCES workflow_jobs (id) ON DELETE CASCADE,
    kind             TEXT NOT NULL,
    author           TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at       BIGINT NOT NULL,
    body             TEXT NOT NULL,
    annotation_index INTEGER,
    region_json      TEXT
);
CREATE INDEX workflow_comments_by_job ON workflow_comments (job_id, created_at);

-- per-job annotation sets for tasks with overlap > 1 (overlap 1 uses annotation_sets of the image);
-- same rules as annotation_sets: version 0 is "never saved", every version kept in the history
CREATE TABLE job_annotations (
    job_id           TEXT PRIMARY KEY REFERENCES workflow_jobs (id) ON DELETE CASCADE,
    version          BIGINT NOT NULL,
    annotations_json TEXT NOT NULL,
    updated_at       BIGINT NOT NULL,
    updated_by       TEXT,
    source           TEXT NOT NULL
);

CREATE TABLE job_annotation_history (
    job_id           TEXT NOT NULL REFERENCES workflow_jobs (id) ON DELETE CASCADE,
    version          BIGINT NOT NULL,
    annotations_json TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    author           TEXT,
    source           TEXT NOT NULL,
    PRIMARY KEY (job_id, version)
);
