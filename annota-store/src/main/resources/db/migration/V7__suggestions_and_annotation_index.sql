-- Model suggestions and the annotation index (part "suggestions and listing filters" of issue 5).
-- Portable SQL for SQLite and PostgreSQL, as V1: application-made text ids, epoch-millisecond times.

-- a model's predictions for an image, kept apart from the human annotation set: one row per suggested
-- annotation (so each has a stable id to accept or reject, and its confidence is an indexed column); a new
-- upload for (image, model) replaces every earlier row of that pair in one transaction
CREATE TABLE suggestions (
    id              TEXT PRIMARY KEY,
    image_id        TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    model_name      TEXT NOT NULL,
    model_version   TEXT NOT NULL,
    position        INTEGER NOT NULL,
    annotation_json TEXT NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    created_at      BIGINT NOT NULL
);
CREATE INDEX suggestions_by_image ON suggestions (image_id, model_name, position);
CREATE INDEX suggestions_by_confidence ON suggestions (image_id, confidence);

-- the annotation index, written in the transaction of every annotation-set save: one row per image ever saved
CREATE TABLE image_annotation_stats (
    image_id         TEXT PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE,
    annotation_count INTEGER NOT NULL,
    last_author      TEXT,
    updated_at       BIGINT NOT NULL
);

-- the classes present in each image's current set, with how many annotations use each
CREATE TABLE image_labels (
    image_id         TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    label_id         INTEGER NOT NULL,
    annotation_count INTEGER NOT NULL,
    PRIMARY KEY (image_id, label_id)
);
CREATE INDEX image_labels_by_label ON image_labels (label_id, image_id);

-- every user who saved a version of an image's annotation set (also filled from the history below)
CREATE TABLE image_annotators (
    image_id TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    user_id  TEXT NOT NULL,
    saves    INTEGER NOT NULL,
    last_at  BIGINT NOT NULL,
    PRIMARY KEY (image_id, user_id)
);
CREATE INDEX image_annotators_by_user ON image_annotators (user_id, image_id);

-- per image with suggestions: how many, and their lowest and highest confidence (no row: none)
CREATE TABLE image_suggestion_stats (
    image_id         TEXT PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE,
    suggestion_count INTEGER NOT NULL,
    min_confidence   DOUBLE PRECISION NOT NULL,
    max_confidence   DOUBLE PRECISION NOT NULL,
    updated_at       BIGINT NOT NULL
);

-- named per-image scores for sorting (today "uncertainty"; active learning adds more); listing sorts by
-- (score_value, image_id) with keyset pagination on the last index
CREATE TABLE image_scores (
    image_id    TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    project_id  TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    score_name  TEXT NOT NULL,
    score_value DOUBLE PRECISION NOT NULL,
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (image_id, score_name)
);
CREATE INDEX image_scores_by_value ON image_scores (project_id, score_name, score_value, image_id);

-- the annotator filter also matches the assignees of an image's workflow jobs
CREATE INDEX workflow_jobs_by_image ON workflow_jobs (image_id, assignee);

-- backfill what plain SQL can: the authors of saved versions. Counts and classes live inside the JSON, so
-- AnnotationIndex.rebuildMissing (run when the server starts) indexes the sets saved before this migration.
INSERT INTO image_annotators (image_id, user_id, saves, last_at)
SELECT image_id, author, COUNT(*), MAX(created_at) FROM annotation_history WHERE author IS NOT NULL GROUP BY image_id, author;
