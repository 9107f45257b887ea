package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running server with project {@code p1} and its people, for the workflow API tests: each person a user of the
 * same name (password {@code password-NAME}), signed in. Images are rows written straight into the table (image
 * upload belongs to another area); tasks and everything after go through HTTP.
 */
final class WorkflowTeam implements AutoCloseable {
    static final String PROJECT = "p1";
    /** A box annotation of label 1 in Annota's annotation JSON. */
    static final String BOX = "{\"kind\":\"box\",\"label\":1,\"box\":[10,10,20,20]}";
    final TestServer server;
    final Http admin;
    final Map<String, String> ids = new HashMap<>();
    final Map<String, Http> clients = new HashMap<>();
    private int images;

    /** {@code members}: user name → project role; {@code others}: users who are not members. */
    WorkflowTeam(Dialect dialect, Map<String, String> members, List<String> others) {
        server = TestServer.start(dialect);
        server.createProject(PROJECT);
        admin = server.admin();
        ids.put("admin", server.db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM users WHERE username = 'admin'")
                .mapTo(String.class).one()));
        clients.put("admin", admin);
        clients.put("anonymous", server.anonymous());
        members.forEach((name, role) -> {
            add(name);
            Http.Response r = admin.put("/projects/" + PROJECT + "/members/" + ids.get(name), "{\"role\":\"" + role + "\"}");
            assertEquals(201, r.status(), r.text());
        });
        others.forEach(this::add);
    }

    private void add(String name) {
        ids.put(name, server.createUser(name, "password-" + name, "user"));
        clients.put(name, server.login(name, "password-" + name));
    }

    Http as(String name) {
        return clients.get(name);
    }

    String id(String name) {
        return ids.get(name);
    }

    /** {@code n} new image rows of a project, named {@code PROJECT-img-i}. */
    List<String> images(String projectId, int n) {
        List<String> out = new ArrayList<>();
        server.db.jdbi().useHandle(h -> {
            for (int i = 0; i < n; i++) {
                String id = projectId + "-img-" + images++;
                h.execute("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, phash, "
                        + "source_path, split, metadata_json, created_at) VALUES (?, ?, ?, ?, 100, 80, 'png', 1, 0, NULL, "
                        + "'default', '{}', ?)", id, projectId, "sha-" + id, id + ".png", images);
                out.add(id);
            }
        });
        return out;
    }

    /** {@code n} images of p1 with tasks of {@code overlap} jobs, made by the admin over HTTP. */
    List<String> imagesWithTasks(int n, int overlap) {
        List<String> out = images(PROJECT, n);
        Http.Response r = admin.post("/projects/" + PROJECT + "/workflow/tasks", "{\"image_ids\":" + json(out)
                + ",\"overlap\":" + overlap + "}");
        assertEquals(200, r.status(), r.text());
        assertEquals(n, r.json().get("created").asInt(), r.text());
        return out;
    }

    /** The jobs of an image, in slot order. */
    List<JsonNode> jobsOf(String imageId) {
        Http.Response r = admin.get("/projects/" + PROJECT + "/jobs?image=" + imageId);
        assertEquals(200, r.status(), r.text());
        List<JsonNode> out = new ArrayList<>();
        r.json().get("items").forEach(out::add);
        return out;
    }

    static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString().replace(" ", "");
    }

    @Override
    public void close() {
        server.close();
    }
}
