package dev.annota.store.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of jobs in task order, and the cursor of the next page when there is one. */
public record JobPage(List<Job> jobs, Optional<String> next) {
    public JobPage {
        jobs = List.copyOf(jobs);
        Objects.requireNonNull(next, "next");
    }
}
