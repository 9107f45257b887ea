package dev.annota.app.workflow;

import dev.annota.app.auth.ProjectRole;
import static dev.annota.app.workflow.Team.PROJECT;
import static dev.annota.app.workflow.Team.as;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.ConflictException;
import dev.annota.core.error.ForbiddenException;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.JobState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refused action, on both databases: the exception type, and a message that names the job, its state and
 * the attempted action. The job belongs to {@code ana} (overlap 1) and is first brought to {@code state}.
 */
class IllegalTransitionsTest {
    interface Action {
        void run(Team t, Job job);
    }

    record Case(String name, JobState state, Action action, Class<? extends AnnotaException> expected,
                List<String> mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("accepting a job in progress", JobState.IN_PROGRESS,
                        (t, j) -> t.workflow.accept(as("rev"), j.id(), CommentInput.none()), ConflictException.class,
                        List.of("accept", "in_progress", "only a submitted job")),
                new Case("rejecting a new job", JobState.NEW,
                        (t, j) -> t.workflow.reject(as("rev"), j.id(), CommentInput.of("no")), ConflictException.class,
                        List.of("reject", "state new")),
                new Case("accepting an accepted job", JobState.ACCEPTED,
                        (t, j) -> t.workflow.accept(as("rev"), j.id(), CommentInput.none()), ConflictException.class,
                        List.of("accept", "state accepted")),
                new Case("submitting someone else's job", JobState.IN_PROGRESS,
                        (t, j) -> t.workflow.submit(as("ben"), j.id()), ForbiddenException.class,
                        List.of("ben", "submit", "assigned to ana", "state in_progress")),
                new Case("submitting a job not yet started", JobState.NEW,
                        (t, j) -> t.workflow.submit(as("ana"), j.id()), ConflictException.class,
                        List.of("submit", "state new", "start it first")),
                new Case("submitting a job twice", JobState.SUBMITTED,
                        (t, j) -> t.workflow.submit(as("ana"), j.id()), ConflictException.class,
                        List.of("submit", "state submitted")),
                new Case("reviewing one's own job", JobState.SUBMITTED,
                        (t, j) -> {
                            t.roles.put("ana", ProjectRole.REVIEWER);
                            t.workflow.accept(as("ana"), j.id(), CommentInput.none());
                        }, ForbiddenException.class, List.of("ana", "accept", "they annotated it", "state submitted")),
                new Case("an annotator accepting", JobState.SUBMITTED,
                        (t, j) -> t.workflow.accept(as("ben"), j.id(), CommentInput.none()), ForbiddenException.class,
                        List.of("ben", "accept", "the role manager or reviewer")),
                new Case("rejecting without a comment", JobState.SUBMITTED,
                        (t, j) -> t.workflow.reject(as("rev"), j.id(), CommentInput.of("  ")), ValidationException.class,
                        List.of("comment", "reject")),
                new Case("deciding a job another reviewer claimed", JobState.SUBMITTED,
                        (t, j) -> {
                            t.workflow.claimReview(as("rev2"), PROJECT).orElseThrow();
                            t.workflow.accept(as("rev"), j.id(), CommentInput.none());
                        }, ConflictException.class, List.of("accept", "rev2 is reviewing it")),
                new Case("reassigning a submitted job", JobState.SUBMITTED,
                        (t, j) -> t.workflow.reassign(as("boss"), j.id(), Optional.of("ben")), ConflictException.class,
                        List.of("reassign", "state submitted")),
                new Case("an annotator reassigning", JobState.IN_PROGRESS,
                        (t, j) -> t.workflow.reassign(as("ana"), j.id(), Optional.of("ben")), ForbiddenException.class,
                        List.of("ana", "reassign", "the role manager")),
                new Case("reassigning to a non-member", JobState.IN_PROGRESS,
                        (t, j) -> t.workflow.reassign(as("boss"), j.id(), Optional.of("eve")), ValidationException.class,
                        List.of("assignee", "eve")),
                new Case("starting someone else's job", JobState.NEW,
                        (t, j) -> t.workflow.start(as("ben"), j.id()), ForbiddenException.class,
                        List.of("ben", "start", "assigned to ana")),
                new Case("a reviewer claiming annotation work", JobState.NEW,
                        (t, j) -> t.workflow.claimNext(as("rev"), PROJECT), ForbiddenException.class,
                        List.of("rev", "claim annotation work", "the role manager or annotator")),
                new Case("reopening a task in review", JobState.SUBMITTED,
                        (t, j) -> t.workflow.reopen(as("boss"), j.taskId(), "again"), ConflictException.class,
                        List.of("reopen", "stage review", "only a done task")),
                new Case("editing the annotations of a submitted job", JobState.SUBMITTED,
                        (t, j) -> t.annotations.save(as("ana"), j.id(), 0, List.of()), ConflictException.class,
                        List.of("edit the annotations", "state submitted")),
                new Case("editing someone else's annotations", JobState.IN_PROGRESS,
                        (t, j) -> t.annotations.save(as("ben"), j.id(), 0, List.of()), ForbiddenException.class,
                        List.of("ben", "edit the annotations", "assigned to ana")));
    }

    static List<Arguments> dialectsAndCases() {
        List<Arguments> out = new ArrayList<>();
        for (Dialect d : TestDatabases.dialects().toList()) {
            for (Case c : cases()) {
                out.add(Arguments.of(d, c));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dialectsAndCases")
    void an_illegal_action_is_refused_with_a_message_naming_job_state_and_action(Dialect dialect, Case c) {
        try (Team t = new Team(dialect)) {
            t.images(1, 1);
            Job job = bring(t, c.state());
            AnnotaException e = assertThrows(c.expected(), () -> c.action().run(t, job));
            String message = e.getMessage();
            if (!c.name().contains("claiming annotation work") && !c.name().contains("reopening")
                    && !(e instanceof ValidationException)) {
                assertTrue(message.contains(job.id()), "names the job: " + message);
            }
            for (String part : c.mentions()) {
                assertTrue(message.contains(part), "mentions '" + part + "': " + message);
            }
            assertTrue(t.workflow.job(as("boss"), job.id()).state() == c.state(), "nothing changed");
        }
    }

    /** Ana's job (overlap 1) in the given state. */
    static Job bring(Team t, JobState state) {
        Job job = t.workflow.listJobs(as("boss"), dev.annota.store.workflow.JobFilter.all(PROJECT), Optional.empty(), 1)
                .jobs().get(0);
        t.assign.assign(as("boss"), PROJECT, List.of(job.imageId()), new Assignment.RoundRobin(List.of("ana")));
        if (state == JobState.NEW) {
            return t.workflow.job(as("boss"), job.id());
        }
        t.workflow.start(as("ana"), job.id());
        if (state == JobState.IN_PROGRESS) {
            return t.workflow.job(as("boss"), job.id());
        }
        t.workflow.submit(as("ana"), job.id());
        if (state == JobState.SUBMITTED) {
            return t.workflow.job(as("boss"), job.id());
        }
        if (state == JobState.ACCEPTED) {
            return t.workflow.accept(as("rev"), job.id(), CommentInput.none());
        }
        return t.workflow.reject(as("rev"), job.id(), CommentInput.of("redo"));
    }
}
