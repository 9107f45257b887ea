-- Image embeddings (issue 7, "embeddings and similarity"). Portable SQL for SQLite and PostgreSQL, as V1.
-- One feature vector per (image, embedding model): float32 little-endian bytes. BYTEA is PostgreSQL's binary
-- type; SQLite accepts the type name (NUMERIC affinity, which stores a blob value unchanged), so the same
-- column holds the raw bytes on both (4 bytes a value: 2,048 bytes for 512 values; base64 TEXT would be 2,732).
-- project_id is the image's project, kept here so a project's vectors load from one index.
CREATE TABLE image_embeddings (
    image_id   TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    model_key  TEXT NOT NULL,
    project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    dim        INTEGER NOT NULL,
    vector     BYTEA NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (image_id, model_key)
);
CREATE INDEX image_embeddings_by_project ON image_embeddings (project_id, model_key, image_id);
