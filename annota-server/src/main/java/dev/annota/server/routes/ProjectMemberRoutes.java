package dev.annota.server.routes;

import dev.annota.app.auth.ProjectMembers;
import dev.annota.app.auth.ProjectRole;
import dev.annota.server.Api;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;

/** Who works on a project: members see the list; managers and admins change it. */
public final class ProjectMemberRoutes implements RouteGroup {
    /** The role to give. */
    public record MemberRequest(String role) {
        public MemberRequest {
            Require.present("role", role, "one of manager, annotator, reviewer");
        }
    }

    /** A member in responses. */
    public record MemberView(String projectId, String userId, String username, String role, String addedAt) {
        static MemberView of(ProjectMembers.Member m) {
            return new MemberView(m.projectId(), m.userId(), m.username(), m.role().wireName(), m.addedAt().toString());
        }
    }

    private final ProjectMembers members;

    public ProjectMemberRoutes(ServerContext ctx) {
        this.members = ctx.auth().members();
    }

    @Override
    public void register(Api api) {
        String one = "/projects/{projectId}/members/{userId}";
        api.add(Route.get("/projects/{projectId}/members", "The members of a project").tag("members")
                .roles("admin", "manager", "annotator", "reviewer").returnsList(MemberView.class),
                call -> call.respond(members.list(call.actor(), call.path("projectId")).stream().map(MemberView::of).toList()));
        api.add(Route.get(one, "One member of a project").tag("members").roles("admin", "manager", "annotator", "reviewer")
                .returns(MemberView.class),
                call -> call.respond(MemberView.of(members.get(call.actor(), call.path("projectId"), call.path("userId")))));
        api.add(Route.put(one, "Add a member or change their role (201 when added)").tag("members").roles("admin", "manager")
                .accepts(MemberRequest.class).returns(MemberView.class), call -> {
            ProjectRole role = ProjectRole.parse("role", call.body(MemberRequest.class).role());
            ProjectMembers.Put put = members.put(call.actor(), call.path("projectId"), call.path("userId"), role);
            call.respond(put.created() ? 201 : 200, MemberView.of(put.member()));
        });
        api.add(Route.delete(one, "Remove a member").tag("members").roles("admin", "manager"), call -> {
            members.remove(call.actor(), call.path("projectId"), call.path("userId"));
            call.noContent();
        });
    }
}
