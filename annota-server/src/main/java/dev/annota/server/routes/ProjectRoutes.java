package dev.annota.server.routes;

import dev.annota.app.projects.ManageProjects;
import dev.annota.app.projects.ManageProjects.NewProject;
import dev.annota.app.projects.ManageProjects.ProjectChanges;
import dev.annota.core.schema.LabelSchema;
import dev.annota.server.Api;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.server.routes.ProjectViews.NewProjectRequest;
import dev.annota.server.routes.ProjectViews.ProjectPatch;
import dev.annota.server.routes.ProjectViews.ProjectSummaryView;
import dev.annota.server.routes.ProjectViews.ProjectView;
import java.util.Optional;

/**
 * Projects: admins create them (the creator becomes a manager), members read them, managers rename them,
 * rewrite their guidelines and delete them. Registers the label-schema routes ({@link SchemaRoutes}) too.
 */
public final class ProjectRoutes implements RouteGroup {
    private final ManageProjects manage;
    private final SchemaRoutes schema;

    public ProjectRoutes(ServerContext ctx) {
        this.manage = ManageProjects.of(ctx.db(), ctx.auth());
        this.schema = new SchemaRoutes(ctx, manage);
    }

    @Override
    public void register(Api api) {
        String one = "/projects/{projectId}";
        api.add(Route.post("/projects", "Create a project; the creator becomes its manager").tag("projects").roles("admin")
                .accepts(NewProjectRequest.class).returns(ProjectView.class).status(201), call -> {
            NewProjectRequest r = call.body(NewProjectRequest.class);
            LabelSchema schema = SchemaRequests.newSchema(r.schema(), "/schema");
            ProjectView created = ProjectView.of(manage.create(call.actor(),
                    new NewProject(r.name(), Optional.ofNullable(r.guidelines()).orElse(""), schema)));
            call.ctx().header("Location", Api.PREFIX + "/projects/" + created.id());
            call.respond(created);
        });
        api.add(Route.get("/projects", "The projects the caller is a member of (admins: all)").tag("projects")
                .roles("any signed-in user").returnsList(ProjectSummaryView.class),
                call -> call.respond(manage.list(call.actor()).stream().map(ProjectSummaryView::of).toList()));
        api.add(Route.get(one, "A project with its guidelines and label schema").tag("projects")
                .roles("admin", "manager", "annotator", "reviewer").returns(ProjectView.class),
                call -> call.respond(ProjectView.of(manage.get(call.actor(), call.path("projectId")))));
        api.add(Route.patch(one, "Rename a project and/or replace its guidelines (Markdown)").tag("projects")
                .roles("admin", "manager").accepts(ProjectPatch.class).returns(ProjectView.class), call -> {
            ProjectPatch p = call.body(ProjectPatch.class);
            ProjectChanges changes = new ProjectChanges(Optional.ofNullable(p.name()), Optional.ofNullable(p.guidelines()));
            call.respond(ProjectView.of(manage.update(call.actor(), call.path("projectId"), changes)));
        });
        api.add(Route.delete(one, "Delete a project with its images, annotations and history").tag("projects")
                .roles("admin", "manager"), call -> {
            manage.delete(call.actor(), call.path("projectId"));
            call.noContent();
        });
        schema.register(api);
    }
}
