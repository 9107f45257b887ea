package dev.annota.app.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.JobAssignment;
import dev.annota.store.workflow.JobState;
import dev.annota.store.workflow.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssignmentPlannerTest {
    static Job job(String image, int slot, Optional<String> assignee) {
        return new Job(image + "/" + slot, "t-" + image, "p", image, slot, JobState.NEW, assignee, Optional.empty(),
                Stage.ANNOTATE, 2, Instant.EPOCH, Instant.EPOCH, Optional.empty());
    }

    @Test
    void round_robin_skips_a_user_who_already_holds_a_job_of_the_image() {
        List<Job> jobs = List.of(job("a", 0, Optional.of("ana")), job("a", 1, Optional.empty()),
                job("b", 0, Optional.empty()), job("b", 1, Optional.empty()));
        assertEquals(List.of(new JobAssignment("a/1", "ben"), new JobAssignment("b/0", "ana"), new JobAssignment("b/1", "ben")),
                AssignmentPlanner.plan(jobs, new Assignment.RoundRobin(List.of("ana", "ben"))));
    }

    @Test
    void round_robin_leaves_a_job_open_when_every_user_holds_one_of_that_image() {
        List<Job> jobs = List.of(job("a", 0, Optional.empty()), job("a", 1, Optional.empty()));
        assertEquals(List.of(new JobAssignment("a/0", "ana")),
                AssignmentPlanner.plan(jobs, new Assignment.RoundRobin(List.of("ana"))));
    }
}
