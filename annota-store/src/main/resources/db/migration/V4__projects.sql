-- Projects part: the label schema of a project is edited with optimistic concurrency; every saved schema
-- edit increments schema_version, and an edit based on an older version is refused.
ALTER TABLE projects ADD COLUMN schema_version BIGINT NOT NULL DEFAULT 0;
