-- Consensus of overlapping annotations (issue 9, quality): the last merge of each image's k job annotation sets,
-- with its provenance and whether its disagreements wait for review. Gold images and overlap are kept by the
-- workflow (V5: workflow_tasks.gold / gold_version / overlap). Portable SQL for SQLite and PostgreSQL, as V1.
CREATE TABLE consensus_results (
    image_id           TEXT PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE,
    project_id         TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    -- the version of the image's annotation set that the merge wrote (source 'consensus')
    annotation_version BIGINT NOT NULL,
    annotators         INTEGER NOT NULL,
    agreement          DOUBLE PRECISION NOT NULL,
    disagreements      INTEGER NOT NULL,
    needs_review       INTEGER NOT NULL,
    -- settings, the merged jobs with their versions, and the disputed items (JSON)
    details_json       TEXT NOT NULL,
    computed_at        BIGINT NOT NULL,
    computed_by        TEXT REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX consensus_results_by_project ON consensus_results (project_id, needs_review, agreement);
