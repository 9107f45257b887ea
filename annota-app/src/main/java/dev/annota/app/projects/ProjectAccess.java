package dev.annota.app.projects;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.core.error.ForbiddenException;
import java.util.Objects;

/**
 * The access rules of this part, over {@link Access}: administrators may do everything; a project's managers
 * manage it (name, guidelines, label schema, deletion); any member may read it; only administrators create
 * projects. A refusal is a {@link ForbiddenException} that says what was attempted and why it was refused.
 */
final class ProjectAccess {
    private final Access access;

    ProjectAccess(Access access) {
        this.access = Objects.requireNonNull(access, "access");
    }

    void requireAdmin(Actor actor, String action) {
        try {
            access.requireAdmin(actor);
        } catch (ForbiddenException e) {
            throw new ForbiddenException(actor.username() + " may not " + action + " (administrators only)", e);
        }
    }

    void requireMember(Actor actor, String projectId, String action) {
        try {
            access.requireProjectRole(actor, projectId);
        } catch (ForbiddenException e) {
            throw new ForbiddenException("may not " + action + ": " + e.getMessage(), e);
        }
    }

    void requireManager(Actor actor, String projectId, String action) {
        try {
            access.requireProjectRole(actor, projectId, ProjectRole.MANAGER);
        } catch (ForbiddenException e) {
            throw new ForbiddenException("may not " + action + ": " + e.getMessage(), e);
        }
    }
}
