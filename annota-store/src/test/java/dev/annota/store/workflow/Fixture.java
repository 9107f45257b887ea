package dev.annota.store.workflow;

import dev.annota.store.Database;
import java.util.ArrayList;
import java.util.List;

/** Rows a workflow test needs, written straight into the V1 tables: a project, its images and some users. */
final class Fixture {
    private Fixture() {
    }

    static String project(Database db, String id) {
        db.jdbi().useHandle(h -> h.execute("INSERT INTO projects (id, name, name_key, guidelines, schema_json, created_at, "
                + "updated_at) VALUES (?, ?, ?, '', '{}', 0, 0)", id, "Project " + id, id));
        return id;
    }

    /** {@code n} images of a project, named {@code <project>-img-<i>}. */
    static List<String> images(Database db, String projectId, int n) {
        List<String> ids = new ArrayList<>();
        db.jdbi().useHandle(h -> {
            for (int i = 0; i < n; i++) {
                String id = projectId + "-img-" + i;
                h.execute("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, phash, "
                        + "source_path, split, metadata_json, created_at) VALUES (?, ?, ?, ?, 100, 80, 'png', 1, 0, NULL, "
                        + "'default', '{}', ?)", id, projectId, "sha-" + id, id + ".png", i);
                ids.add(id);
            }
        });
        return ids;
    }

    static void users(Database db, String... ids) {
        db.jdbi().useHandle(h -> {
            for (String id : ids) {
                h.execute("INSERT INTO users (id, username, password_hash, role, created_at) VALUES (?, ?, 'x', 'user', 0)",
                        id, id);
            }
        });
    }
}
