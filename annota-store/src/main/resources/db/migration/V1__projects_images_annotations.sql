-- One schema for SQLite and PostgreSQL: application-made text ids, epoch-millisecond times, JSON as text.

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE projects (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL UNIQUE,
    guidelines  TEXT NOT NULL,
    schema_json TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);

CREATE TABLE images (
    id            TEXT PRIMARY KEY,
    project_id    TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    sha256        TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    width         INTEGER NOT NULL,
    height        INTEGER NOT NULL,
    format        TEXT NOT NULL,
    orientation   INTEGER NOT NULL,
    phash         BIGINT NOT NULL,
    source_path   TEXT,
    split         TEXT NOT NULL,
    metadata_json TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    UNIQUE (project_id, sha256)
);
CREATE INDEX images_by_project ON images (project_id, created_at, id);

-- the current annotation set of each image; version 0 means none was ever saved
CREATE TABLE annotation_sets (
    image_id         TEXT PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE,
    version          BIGINT NOT NULL,
    annotations_json TEXT NOT NULL,
    updated_at       BIGINT NOT NULL,
    updated_by       TEXT,
    source           TEXT NOT NULL
);

-- every version ever saved, so any one can be restored
CREATE TABLE annotation_history (
    image_id         TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    version          BIGINT NOT NULL,
    annotations_json TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    author           TEXT,
    source           TEXT NOT NULL,
    PRIMARY KEY (image_id, version)
);

CREATE TABLE audit_log (
    id         TEXT PRIMARY KEY,
    at         BIGINT NOT NULL,
    user_id    TEXT,
    action     TEXT NOT NULL,
    target     TEXT NOT NULL,
    detail     TEXT NOT NULL
);
CREATE INDEX audit_by_time ON audit_log (at);
