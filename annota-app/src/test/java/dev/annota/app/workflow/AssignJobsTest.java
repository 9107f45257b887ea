package dev.annota.app.workflow;

import static dev.annota.app.workflow.Team.PROJECT;
import static dev.annota.app.workflow.Team.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ForbiddenException;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.JobAssignment;
import dev.annota.store.workflow.JobFilter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AssignJobsTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void round_robin_with_overlap_gives_each_image_to_distinct_users_evenly(Dialect dialect) {
        try (Team t = new Team(dialect)) {
            List<String> imgs = t.images(6, 2);
            AssignmentReport r = t.assign.assign(as("boss"), PROJECT, imgs,
                    new Assignment.RoundRobin(List.of("ana", "ben", "cai")));
            assertEquals(12, r.assigned().size());
            assertEquals(0, r.leftOpen());
            Map<String, Integer> perUser = new HashMap<>();
            for (String img : imgs) {
                List<Job> jobs = t.workflow.listJobs(as("boss"), JobFilter.all(PROJECT).withImage(img), Optional.empty(), 10).jobs();
                Set<String> holders = new HashSet<>();
                jobs.forEach(j -> assertTrue(holders.add(j.assignee().orElseThrow()), "two jobs of " + img + " to one user"));
                holders.forEach(u -> perUser.merge(u, 1, Integer::sum));
            }
            assertEquals(Map.of("ana", 4, "ben", 4, "cai", 4), perUser);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void explicit_assignment_fills_open_jobs_and_refuses_too_many_or_unknown_users(Dialect dialect) {
        try (Team t = new Team(dialect)) {
            List<String> imgs = t.images(2, 2);
            Map<String, List<String>> wanted = new LinkedHashMap<>();
            wanted.put(imgs.get(0), List.of("ana", "ben"));
            wanted.put(imgs.get(1), List.of("cai"));
            AssignmentReport r = t.assign.assign(as("boss"), PROJECT, List.of(), new Assignment.Explicit(wanted));
            assertEquals(3, r.assigned().size());
            assertEquals(1, r.leftOpen());
            assertThrows(ValidationException.class, () -> t.assign.assign(as("boss"), PROJECT, List.of(),
                    new Assignment.Explicit(Map.of(imgs.get(0), List.of("cai")))), "image 0 has no open job left");
            assertThrows(ValidationException.class, () -> new Assignment.Explicit(Map.of(imgs.get(1), List.of("ana", "ana"))));
            assertThrows(ValidationException.class, () -> t.assign.assign(as("boss"), PROJECT, imgs,
                    new Assignment.RoundRobin(List.of("eve"))));
            assertThrows(NotFoundException.class, () -> t.assign.assign(as("boss"), PROJECT, List.of("nope"),
                    new Assignment.RoundRobin(List.of("ana"))));
            assertThrows(ForbiddenException.class, () -> t.assign.assign(as("ana"), PROJECT, imgs,
                    new Assignment.RoundRobin(List.of("ana"))));
            AssignmentReport rest = t.assign.assign(as("boss"), PROJECT, imgs, new Assignment.RoundRobin(List.of("cai", "ana")));
            assertEquals(List.of(new JobAssignment(rest.assigned().get(0).jobId(), "ana")), rest.assigned(),
                    "cai already holds a job of image 1");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void assigned_jobs_come_first_in_the_annotators_queue_and_the_pool_serves_the_rest(Dialect dialect) {
        try (Team t = new Team(dialect)) {
            List<String> imgs = t.images(3, 1);
            t.assign.assign(as("boss"), PROJECT, List.of(imgs.get(2)), new Assignment.RoundRobin(List.of("ben")));
            assertEquals(imgs.get(2), t.workflow.claimNext(as("ben"), PROJECT).orElseThrow().imageId());
            assertEquals(imgs.get(0), t.workflow.claimNext(as("ana"), PROJECT).orElseThrow().imageId());
            Job moved = t.workflow.reassign(as("boss"), t.workflow.claimNext(as("ben"), PROJECT).orElseThrow().id(),
                    Optional.empty());
            assertEquals(Optional.empty(), moved.assignee());
            assertEquals(moved.id(), t.workflow.claimNext(as("cai"), PROJECT).orElseThrow().id(),
                    "a job put back in the pool can be claimed");
        }
    }
}
