package dev.annota.app.auth;

import java.util.Optional;

/** Finds a user's role in a project; empty when the user is not a member. */
@FunctionalInterface
public interface MembershipLookup {
    Optional<ProjectRole> roleOf(String projectId, String userId);
}
