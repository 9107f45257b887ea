-- The model registry and pre-labelling (issue 7, part "models and pre-labelling").
-- Portable SQL for SQLite and PostgreSQL, as V1: application-made text ids, epoch-millisecond times, TEXT for JSON.

-- a registered ONNX model: the file is copied into the data folder under its sha256 (file_path is relative to
-- the data folder); descriptor_json is the model.json it runs with ({"preset": NAME} for a built-in preset);
-- labels_json the model's class names in output order; (name, version) names it in suggestions
CREATE TABLE models (
    id              TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    version         TEXT NOT NULL,
    task            TEXT NOT NULL,
    descriptor_json TEXT NOT NULL,
    onnx_sha256     TEXT NOT NULL,
    file_path       TEXT NOT NULL,
    labels_json     TEXT NOT NULL,
    created_by      TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at      BIGINT NOT NULL,
    UNIQUE (name, version)
);

-- a model used in a project: label_map_json maps model label indices to the project's class ids
-- ({"12": 3, ...}); labels not in it are dropped when the model's predictions are stored
CREATE TABLE project_models (
    project_id     TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    model_id       TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    label_map_json TEXT NOT NULL,
    created_by     TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at     BIGINT NOT NULL,
    PRIMARY KEY (project_id, model_id)
);

-- images a model version has already been run on (by a pre-labelling job), whether or not it found anything:
-- a resumed job skips them; written right after the suggestions of the same batch
CREATE TABLE model_runs (
    image_id      TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    model_name    TEXT NOT NULL,
    model_version TEXT NOT NULL,
    done_at       BIGINT NOT NULL,
    PRIMARY KEY (model_name, model_version, image_id)
);
