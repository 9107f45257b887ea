package dev.annota.app.workflow;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.core.error.ForbiddenException;
import java.util.Optional;

/**
 * Who may do what in the workflow, over the server-wide {@link Access} checks: managers (and admins) manage tasks
 * and assignment; annotators (and managers) annotate; reviewers (and managers) review; every member may read. A
 * refusal names the user, the action and the role it needs.
 */
final class WorkflowAccess {
    private final Access access;

    WorkflowAccess(Access access) {
        this.access = access;
    }

    void manager(Actor actor, String projectId, String action) {
        require(actor, projectId, action, ProjectRole.MANAGER);
    }

    void annotator(Actor actor, String projectId, String action) {
        require(actor, projectId, action, ProjectRole.MANAGER, ProjectRole.ANNOTATOR);
    }

    void reviewer(Actor actor, String projectId, String action) {
        require(actor, projectId, action, ProjectRole.MANAGER, ProjectRole.REVIEWER);
    }

    void member(Actor actor, String projectId, String action) {
        require(actor, projectId, action);
    }

    boolean isManager(Actor actor, String projectId) {
        return actor.isAdmin() || access.roleIn(actor, projectId).equals(Optional.of(ProjectRole.MANAGER));
    }

    /** Whether {@code userId} may hold annotation jobs in the project. */
    boolean canAnnotate(String projectId, String userId) {
        Optional<ProjectRole> role = access.memberships().roleOf(projectId, userId);
        return role.equals(Optional.of(ProjectRole.ANNOTATOR)) || role.equals(Optional.of(ProjectRole.MANAGER));
    }

    private void require(Actor actor, String projectId, String action, ProjectRole... roles) {
        try {
            access.requireProjectRole(actor, projectId, roles);
        } catch (ForbiddenException e) {
            throw new ForbiddenException("user " + actor.username() + " cannot " + action + ": " + e.getMessage(), e);
        }
    }
}
