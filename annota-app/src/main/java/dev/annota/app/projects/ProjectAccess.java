package dev.annota.app.projects;

import dev.annota.core.error.ForbiddenException;
import java.util.Objects;
import java.util.Optional;

/**
 * The access rules of this part: administrators may do everything; a project's managers manage it (name,
 * guidelines, label schema, deletion); any member may read it. Creating projects is for administrators.
 */
final class ProjectAccess {
    private final MembershipLookup members;

    ProjectAccess(MembershipLookup members) {
        this.members = Objects.requireNonNull(members, "members");
    }

    void requireAdmin(Actor actor, String action) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("user " + actor.userId() + " may not " + action + " (administrators only)");
        }
    }

    void requireMember(Actor actor, String projectId, String action) {
        if (!actor.isAdmin() && role(actor, projectId).isEmpty()) {
            throw new ForbiddenException("user " + actor.userId() + " may not " + action + " of project " + projectId
                    + " (not a member)");
        }
    }

    void requireManager(Actor actor, String projectId, String action) {
        if (!actor.isAdmin() && role(actor, projectId).filter(r -> r == MembershipLookup.Role.MANAGER).isEmpty()) {
            throw new ForbiddenException("user " + actor.userId() + " may not " + action + " of project " + projectId
                    + " (needs the manager role in the project)");
        }
    }

    MembershipLookup members() {
        return members;
    }

    private Optional<MembershipLookup.Role> role(Actor actor, String projectId) {
        return members.role(projectId, actor.userId());
    }
}
