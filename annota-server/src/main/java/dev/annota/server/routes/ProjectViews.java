package dev.annota.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.app.projects.SchemaEdit;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.json.LabelSchemaJson;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.ProjectSummary;

/** The JSON shapes of projects and label schemas in requests and responses. */
public final class ProjectViews {
    private ProjectViews() {
    }

    /** A new project: a name, optional guidelines (Markdown) and an optional label schema. */
    public record NewProjectRequest(String name, String guidelines, JsonNode schema) {
        public NewProjectRequest {
            Require.present("name", name, "a project name");
        }
    }

    /** Changes to a project: absent fields stay as they are. */
    public record ProjectPatch(String name, String guidelines) {
    }

    /** A project with its guidelines and schema. */
    public record ProjectView(String id, String name, String guidelines, JsonNode schema, long schemaVersion,
                              String createdAt, String updatedAt) {
        static ProjectView of(Project p) {
            return new ProjectView(p.id(), p.name(), p.guidelines(), schemaNode(p.schema()), p.schemaVersion(),
                    p.createdAt().toString(), p.updatedAt().toString());
        }
    }

    /** A project in a list. */
    public record ProjectSummaryView(String id, String name, long schemaVersion, String createdAt, String updatedAt) {
        static ProjectSummaryView of(ProjectSummary p) {
            return new ProjectSummaryView(p.id(), p.name(), p.schemaVersion(), p.createdAt().toString(), p.updatedAt().toString());
        }
    }

    /** A project's label schema and its version (also sent as the ETag). */
    public record SchemaView(long schemaVersion, JsonNode schema) {
        static SchemaView of(Project p) {
            return new SchemaView(p.schemaVersion(), schemaNode(p.schema()));
        }
    }

    /** The schema after an edit, and how many annotations on how many images the edit rewrote. */
    public record SchemaChangeView(long schemaVersion, JsonNode schema, int annotationsChanged, int imagesChanged) {
        static SchemaChangeView of(SchemaEdit e) {
            return new SchemaChangeView(e.project().schemaVersion(), schemaNode(e.project().schema()), e.annotationsChanged(),
                    e.imagesChanged());
        }
    }

    /**
     * A class to add (the class JSON without id) or the parts of a class to change, with the schema version
     * the edit is based on and, for changes, what to do with annotations it affects. Documentation only: the
     * handlers read the body as a tree, to tell an absent field from a null one.
     */
    public record ClassRequest(Long schemaVersion, String name, String colour, java.util.List<String> kinds,
                               java.util.List<JsonNode> attributes, JsonNode skeleton, String onUse) {
    }

    static JsonNode schemaNode(LabelSchema schema) {
        return LabelSchemaJson.toNode(schema);
    }

    /** The ETag of a schema version: the version in quotes. */
    static String etag(long schemaVersion) {
        return "\"" + schemaVersion + "\"";
    }
}
