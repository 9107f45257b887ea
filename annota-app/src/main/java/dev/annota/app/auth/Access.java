package dev.annota.app.auth;

import dev.annota.core.error.ForbiddenException;
import dev.annota.store.Database;
import dev.annota.store.auth.MembershipStore;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The permission checks every use case calls with the {@link Actor} of the request. Admins pass every check;
 * everyone else needs the right role in the project. A failed check is a {@link ForbiddenException}.
 */
public final class Access {
    private final MembershipLookup memberships;

    public Access(MembershipLookup memberships) {
        this.memberships = Objects.requireNonNull(memberships, "memberships");
    }

    /** Checks against the {@code project_members} table of {@code db}. */
    public static Access of(Database db) {
        MembershipStore store = new MembershipStore(db);
        return new Access((projectId, userId) -> store.role(projectId, userId).map(r -> ProjectRole.parse("role", r)));
    }

    public MembershipLookup memberships() {
        return memberships;
    }

    /** Passes only for admins. */
    public void requireAdmin(Actor actor) {
        if (!actor.isAdmin()) {
            throw new ForbiddenException("only an admin may do this; " + actor.username() + " is not an admin");
        }
    }

    /**
     * Passes for admins and for members of the project with one of {@code roles} (any role when none is
     * given); returns the member's role (empty for an admin who is not a member).
     */
    public Optional<ProjectRole> requireProjectRole(Actor actor, String projectId, ProjectRole... roles) {
        Optional<ProjectRole> role = memberships.roleOf(projectId, actor.userId());
        if (actor.isAdmin()) {
            return role;
        }
        if (role.isEmpty()) {
            throw new ForbiddenException(actor.username() + " is not a member of project " + projectId);
        }
        if (roles.length > 0 && Arrays.stream(roles).noneMatch(r -> r == role.get())) {
            throw new ForbiddenException("this needs the role " + names(roles) + " in project " + projectId + "; "
                    + actor.username() + " is " + role.get().wireName());
        }
        return role;
    }

    /** The actor's role in a project, without any check. */
    public Optional<ProjectRole> roleIn(Actor actor, String projectId) {
        return memberships.roleOf(projectId, actor.userId());
    }

    private static String names(ProjectRole... roles) {
        return String.join(" or ", Arrays.stream(roles).map(ProjectRole::wireName).toList());
    }
}
