-- Images (part "images" of issue 5): import batches, searchable metadata, near-duplicate flags, listing indexes.
-- Portable SQL for SQLite and PostgreSQL, as V1.

-- one row per import; written in the same transaction as its images, so an import is all there or absent
CREATE TABLE image_imports (
    id              TEXT PRIMARY KEY,
    project_id      TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    source          TEXT NOT NULL,
    created_at      BIGINT NOT NULL,
    created_by      TEXT,
    images_added    INTEGER NOT NULL,
    duplicates      INTEGER NOT NULL,
    near_duplicates INTEGER NOT NULL,
    problems        INTEGER NOT NULL
);
CREATE INDEX image_imports_by_project ON image_imports (project_id, created_at);

-- the import an image came with (NULL for images added otherwise)
ALTER TABLE images ADD COLUMN import_id TEXT REFERENCES image_imports (id) ON DELETE SET NULL;
CREATE INDEX images_by_import ON images (import_id);

-- images.metadata_json split into rows, written with the image: filters on key = value stay portable SQL
CREATE TABLE image_metadata (
    image_id   TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    meta_key   TEXT NOT NULL,
    meta_value TEXT NOT NULL,
    PRIMARY KEY (image_id, meta_key)
);
CREATE INDEX image_metadata_by_value ON image_metadata (meta_key, meta_value, image_id);

-- an image whose perceptual hash is within the near-duplicate distance of an image imported before it (or
-- earlier in the same import): one row per flagged image, naming the nearest such image
CREATE TABLE image_near_duplicates (
    image_id   TEXT PRIMARY KEY REFERENCES images (id) ON DELETE CASCADE,
    nearest_id TEXT NOT NULL REFERENCES images (id) ON DELETE CASCADE,
    project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    distance   INTEGER NOT NULL
);
CREATE INDEX near_duplicates_by_nearest ON image_near_duplicates (nearest_id);
CREATE INDEX near_duplicates_by_project ON image_near_duplicates (project_id);

-- listing: keyset pagination per sort key (id breaks ties), and the garbage collector's lookup by hash
CREATE INDEX images_by_split ON images (project_id, split, created_at, id);
CREATE INDEX images_by_name ON images (project_id, file_name, id);
CREATE INDEX images_by_width ON images (project_id, width, id);
CREATE INDEX images_by_height ON images (project_id, height, id);
CREATE INDEX images_by_sha ON images (sha256);
