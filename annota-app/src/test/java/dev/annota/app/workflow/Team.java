package dev.annota.app.workflow;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.GlobalRole;
import dev.annota.app.auth.MembershipLookup;
import dev.annota.app.auth.ProjectRole;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test project with its people, on a fresh database: rows written straight into the V1 tables, memberships in
 * a map (one role per user, as in the project_members table). Manager {@code boss}, annotators {@code ana}, {@code ben}, {@code cai}, reviewers {@code rev},
 * {@code rev2}, and {@code eve} who is not a member.
 */
final class Team implements AutoCloseable {
    static final String PROJECT = "p";
    final Database db;
    final Map<String, ProjectRole> roles = new HashMap<>();
    final Workflow workflow;
    final AssignJobs assign;
    final JobAnnotationsService annotations;

    Team(Dialect dialect) {
        db = TestDatabases.open(dialect);
        roles.put("boss", ProjectRole.MANAGER);
        for (String a : List.of("ana", "ben", "cai")) {
            roles.put(a, ProjectRole.ANNOTATOR);
        }
        roles.put("rev", ProjectRole.REVIEWER);
        roles.put("rev2", ProjectRole.REVIEWER);
        MembershipLookup lookup = (project, user) -> PROJECT.equals(project)
                ? Optional.ofNullable(roles.get(user)) : Optional.empty();
        Access members = new Access(lookup);
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO projects (id, name, name_key, guidelines, schema_json, created_at, updated_at) "
                    + "VALUES (?, 'P', 'p', '', ?, 0, 0)", PROJECT,
                    dev.annota.store.json.LabelSchemaJson.write(dev.annota.core.schema.LabelSchema.of("object", "other")));
            for (String u : List.of("boss", "ana", "ben", "cai", "rev", "rev2", "eve")) {
                h.execute("INSERT INTO users (id, username, password_hash, role, created_at) VALUES (?, ?, 'x', 'user', 0)", u, u);
            }
        });
        workflow = new Workflow(db, members);
        assign = new AssignJobs(db, members);
        annotations = new JobAnnotationsService(db, members);
    }

    /** {@code n} new images with tasks of the given overlap. */
    List<String> images(int n, int overlap) {
        List<String> ids = new ArrayList<>();
        db.jdbi().useHandle(h -> {
            int start = h.createQuery("SELECT COUNT(*) FROM images").mapTo(Integer.class).one();
            for (int i = start; i < start + n; i++) {
                String id = "img-" + i;
                h.execute("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, phash, "
                        + "source_path, split, metadata_json, created_at) VALUES (?, ?, ?, ?, 100, 80, 'png', 1, 0, NULL, "
                        + "'default', '{}', ?)", id, PROJECT, "sha-" + id, id + ".png", i);
                ids.add(id);
            }
        });
        workflow.ensureTasks(as("boss"), PROJECT, ids, overlap);
        return ids;
    }

    static Actor as(String user) {
        return new Actor(user, user, GlobalRole.USER);
    }

    @Override
    public void close() {
        db.close();
    }
}
