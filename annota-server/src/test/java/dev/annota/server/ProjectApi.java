package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.core.annotation.Annotation;
import dev.annota.store.AnnotationSets;
import java.util.List;
import java.util.Optional;

/** Helpers for the project tests: create projects and members through the API, images and annotations through the store. */
final class ProjectApi {
    /** Two classes: 1 Car (box, polygon) and 2 Bus (any kind). */
    static final String TWO_CLASSES = "{\"classes\":[{\"name\":\"Car\",\"kinds\":[\"box\",\"polygon\"]},{\"name\":\"Bus\"}]}";

    private ProjectApi() {
    }

    /** Creates a project as {@code admin} and returns its id. */
    static String create(Http admin, String name, String schemaJson) {
        Http.Response r = admin.post("/projects", "{\"name\":\"" + name + "\",\"guidelines\":\"# " + name + "\",\"schema\":"
                + schemaJson + "}");
        assertEquals(201, r.status(), r.text());
        return r.json().get("id").asText();
    }

    /** Makes {@code userId} a member of the project with {@code role}. */
    static void addMember(Http admin, String projectId, String userId, String role) {
        Http.Response r = admin.put("/projects/" + projectId + "/members/" + userId, "{\"role\":\"" + role + "\"}");
        assertEquals(201, r.status(), r.text());
    }

    /** Inserts an image row into the project and saves its first annotation set; returns the image id. */
    static String annotatedImage(TestServer t, String projectId, String imageId, List<Annotation> annotations) {
        t.db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, "
                        + "orientation, phash, source_path, split, metadata_json, created_at) VALUES (:id, :p, :sha, 'a.png', 100, 80, "
                        + "'png', 1, 0, NULL, 'default', '{}', 0)")
                .bind("id", imageId).bind("p", projectId).bind("sha", "sha-" + imageId).execute());
        new AnnotationSets(t.db).save(imageId, 0, annotations, Optional.of("someone"), "human");
        return imageId;
    }

    /** The current schema version of a project, read through the API. */
    static long version(Http admin, String projectId) {
        return admin.get("/projects/" + projectId + "/schema").json().get("schema_version").asLong();
    }
}
