package dev.annota.app.projects;

import java.util.Optional;
import java.util.Set;

/**
 * The memberships this part needs to read: a user's role in a project, and the projects a user belongs to.
 * Implemented over the memberships table by the part that owns it; tests use small lambdas or maps.
 */
public interface MembershipLookup {
    /** A user's role in one project. */
    enum Role {
        MANAGER, ANNOTATOR, REVIEWER
    }

    /** The role of {@code userId} in {@code projectId}; empty when the user is not a member. */
    Optional<Role> role(String projectId, String userId);

    /** The ids of the projects {@code userId} is a member of, in any role. */
    Set<String> projectIds(String userId);

    /** Nobody is a member of anything (only administrators can do anything). */
    static MembershipLookup none() {
        return new MembershipLookup() {
            @Override
            public Optional<Role> role(String projectId, String userId) {
                return Optional.empty();
            }

            @Override
            public Set<String> projectIds(String userId) {
                return Set.of();
            }
        };
    }
}
