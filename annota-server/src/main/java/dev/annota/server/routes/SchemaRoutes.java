package dev.annota.server.routes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.projects.EditSchema;
import dev.annota.app.projects.ManageProjects;
import dev.annota.app.projects.SchemaEdit;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.server.routes.ProjectViews.ClassRequest;
import dev.annota.server.routes.ProjectViews.SchemaChangeView;
import dev.annota.server.routes.ProjectViews.SchemaView;
import dev.annota.store.AnnotationSets;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.ProjectAnnotationScan;
import dev.annota.store.projects.Projects;
import java.util.List;

/**
 * A project's label schema: members read it (its version is the ETag); managers add, change and delete
 * classes. Every edit names the version it is based on; a stale one is a 409 carrying the current schema.
 * Changes that affect annotations need an explicit {@code on_use} choice, else a 409 with the counts.
 */
final class SchemaRoutes implements RouteGroup {
    private final ManageProjects manage;
    private final EditSchema edit;

    SchemaRoutes(ServerContext ctx, ManageProjects manage) {
        this.manage = manage;
        this.edit = new EditSchema(new Projects(ctx.db()), new AnnotationSets(ctx.db()), new ProjectAnnotationScan(ctx.db()),
                ctx.access(), ctx.auth().audit());
    }

    @Override
    public void register(Api api) {
        String classes = "/projects/{projectId}/schema/classes";
        api.add(Route.get("/projects/{projectId}/schema", "A project's label schema and its version (also the ETag)")
                .tag("schema").roles("admin", "manager", "annotator", "reviewer").returns(SchemaView.class), call -> {
            Project p = manage.get(call.actor(), call.path("projectId"));
            call.ctx().header("ETag", ProjectViews.etag(p.schemaVersion()));
            call.respond(SchemaView.of(p));
        });
        api.add(Route.post(classes, "Add a class (the class JSON without id, and schema_version or If-Match)").tag("schema")
                .roles("admin", "manager").accepts(ClassRequest.class).returns(SchemaChangeView.class).status(201), call -> {
            ObjectNode body = SchemaRequests.body(call, List.of("schema_version"));
            long version = SchemaRequests.expectedVersion(call, SchemaRequests.bodyVersion(body));
            respond(call, edit.addClass(call.actor(), call.path("projectId"), version, SchemaRequests.draft(body)));
        });
        api.add(Route.patch(classes + "/{classId}", "Rename a class or change its colour, kinds, attributes or skeleton; "
                + "on_use says what happens to annotations the change makes invalid").tag("schema").roles("admin", "manager")
                .accepts(ClassRequest.class).returns(SchemaChangeView.class), call -> {
            ObjectNode body = SchemaRequests.body(call, List.of("schema_version", "on_use", "reassign_to"));
            long version = SchemaRequests.expectedVersion(call, SchemaRequests.bodyVersion(body));
            respond(call, edit.patchClass(call.actor(), call.path("projectId"), version, SchemaRequests.classId(call),
                    SchemaRequests.patch(body), SchemaRequests.choice(body)));
        });
        api.add(Route.delete(classes + "/{classId}", "Delete a class; in use, it needs ?on_use=delete_annotations or "
                + "?on_use=reassign_to&reassign_to=ID").tag("schema").roles("admin", "manager").returns(SchemaChangeView.class)
                .status(200), call -> {
            long version = SchemaRequests.expectedVersion(call, SchemaRequests.queryVersion(call));
            respond(call, edit.deleteClass(call.actor(), call.path("projectId"), version, SchemaRequests.classId(call),
                    SchemaRequests.choice(call)));
        });
    }

    private static void respond(Call call, SchemaEdit e) {
        call.ctx().header("ETag", ProjectViews.etag(e.project().schemaVersion()));
        call.respond(SchemaChangeView.of(e));
    }
}
