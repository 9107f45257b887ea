package dev.annota.app.workflow;

import dev.annota.core.error.ForbiddenException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who may do what in the workflow: managers (and admins) manage tasks and assignment; annotators (and managers)
 * annotate; reviewers (and managers) review; every member may read. A refusal names the user, the project, the
 * action and the role it needs.
 */
final class WorkflowAccess {
    private final MembershipLookup members;

    WorkflowAccess(MembershipLookup members) {
        this.members = members;
    }

    void manager(Actor actor, String projectId, String action) {
        require(actor, projectId, action, EnumSet.of(ProjectRole.MANAGER), "a manager");
    }

    void annotator(Actor actor, String projectId, String action) {
        require(actor, projectId, action, EnumSet.of(ProjectRole.MANAGER, ProjectRole.ANNOTATOR), "an annotator");
    }

    void reviewer(Actor actor, String projectId, String action) {
        require(actor, projectId, action, EnumSet.of(ProjectRole.MANAGER, ProjectRole.REVIEWER), "a reviewer");
    }

    void member(Actor actor, String projectId, String action) {
        require(actor, projectId, action, EnumSet.allOf(ProjectRole.class), "a member");
    }

    boolean isManager(Actor actor, String projectId) {
        return actor.admin() || members.roles(projectId, actor.userId()).contains(ProjectRole.MANAGER);
    }

    /** Whether {@code userId} may hold annotation jobs in the project. */
    boolean canAnnotate(String projectId, String userId) {
        Set<ProjectRole> roles = members.roles(projectId, userId);
        return roles.contains(ProjectRole.ANNOTATOR) || roles.contains(ProjectRole.MANAGER);
    }

    private void require(Actor actor, String projectId, String action, Set<ProjectRole> allowed, String needed) {
        if (actor.admin()) {
            return;
        }
        Set<ProjectRole> roles = members.roles(projectId, actor.userId());
        if (roles.stream().noneMatch(allowed::contains)) {
            throw new ForbiddenException("user " + actor.userId() + " cannot " + action + " in project " + projectId
                    + ": that needs " + needed + " of the project");
        }
    }
}
