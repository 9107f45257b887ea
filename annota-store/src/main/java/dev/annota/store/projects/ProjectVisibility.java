package dev.annota.store.projects;

import java.util.Set;

/**
 * Which projects a listing may show: {@link All} (an administrator) or {@link Only} the given project ids
 * (the projects a user is a member of, found by the caller).
 */
public sealed interface ProjectVisibility {
    /** Every project. */
    record All() implements ProjectVisibility {
    }

    /** Only these project ids; ids of projects that do not exist are ignored. */
    record Only(Set<String> projectIds) implements ProjectVisibility {
        public Only {
            projectIds = Set.copyOf(projectIds);
        }
    }

    static ProjectVisibility all() {
        return new All();
    }

    static ProjectVisibility only(Set<String> projectIds) {
        return new Only(projectIds);
    }

    default boolean shows(String projectId) {
        return this instanceof All || ((Only) this).projectIds().contains(projectId);
    }
}
