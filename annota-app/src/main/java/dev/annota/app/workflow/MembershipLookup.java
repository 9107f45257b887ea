package dev.annota.app.workflow;

import java.util.Set;

/**
 * The workflow's view of project membership: the roles a user has in a project (empty when not a member). The
 * projects/auth part supplies the implementation; tests use a map.
 */
@FunctionalInterface
public interface MembershipLookup {
    Set<ProjectRole> roles(String projectId, String userId);
}
