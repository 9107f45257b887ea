package dev.annota.store.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ConflictException;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowJobsTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void claim_next_gives_the_oldest_pool_job_and_never_two_jobs_of_one_image_to_a_user(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            List<String> imgs = Fixture.images(db, p, 2);
            Fixture.users(db, "ana", "ben");
            new WorkflowTasks(db).ensureTasks(p, imgs, 2);
            WorkflowJobs jobs = new WorkflowJobs(db);
            Job a1 = jobs.claimNext(p, "ana").orElseThrow();
            assertEquals(imgs.get(0), a1.imageId());
            assertEquals(JobState.IN_PROGRESS, a1.state());
            assertEquals(Optional.of("ana"), a1.assignee());
            assertEquals(a1, jobs.claimNext(p, "ana").orElseThrow(), "an unfinished job of mine comes back first");
            submit(jobs, a1);
            Job a2 = jobs.claimNext(p, "ana").orElseThrow();
            assertEquals(imgs.get(1), a2.imageId(), "not the second slot of an image ana already has");
            submit(jobs, a2);
            assertEquals(Optional.empty(), jobs.claimNext(p, "ana"));
            Job b1 = jobs.claimNext(p, "ben").orElseThrow();
            assertEquals(imgs.get(0), b1.imageId());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void eight_annotators_claiming_at_once_get_distinct_jobs(Dialect dialect) throws Exception {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            List<String> imgs = Fixture.images(db, p, 12);
            String[] users = {"u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7"};
            Fixture.users(db, users);
            new WorkflowTasks(db).ensureTasks(p, imgs, 2);
            WorkflowJobs jobs = new WorkflowJobs(db);
            List<List<Job>> perUser = race(users.length, u -> () -> {
                List<Job> mine = new ArrayList<>();
                for (Optional<Job> j = jobs.claimNext(p, users[u]); j.isPresent(); j = jobs.claimNext(p, users[u])) {
                    mine.add(j.get());
                    submit(jobs, j.get());
                }
                return mine;
            });
            Set<String> ids = new HashSet<>();
            for (int u = 0; u < users.length; u++) {
                Set<String> images = new HashSet<>();
                for (Job j : perUser.get(u)) {
                    assertTrue(ids.add(j.id()), "job " + j.id() + " was handed out twice");
                    assertTrue(images.add(j.imageId()), users[u] + " got two jobs of image " + j.imageId());
                    assertEquals(Optional.of(users[u]), jobs.require(j.id()).assignee());
                }
            }
            assertEquals(24, ids.size());
            assertEquals(0, new WorkflowCounts(db).of(p).jobsByState().get(JobState.NEW));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void eight_reviewers_claiming_at_once_get_distinct_jobs_and_never_their_own(Dialect dialect) throws Exception {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            List<String> imgs = Fixture.images(db, p, 16);
            String[] users = {"r0", "r1", "r2", "r3", "r4", "r5", "r6", "r7"};
            Fixture.users(db, users);
            Fixture.users(db, "a0", "a1");
            new WorkflowTasks(db).ensureTasks(p, imgs, 1);
            WorkflowJobs jobs = new WorkflowJobs(db);
            for (int i = 0; i < 16; i++) {
                submit(jobs, jobs.claimNext(p, i < 8 ? "a0" : "a1").orElseThrow());
            }
            List<List<Job>> perUser = race(users.length, u -> () -> {
                List<Job> mine = new ArrayList<>();
                for (int k = 0; k < 2; k++) {
                    Job j = jobs.claimReview(p, users[u]).orElseThrow();
                    mine.add(j);
                    decide(jobs, j, users[u], JobState.ACCEPTED);
                }
                return mine;
            });
            Set<String> ids = new HashSet<>();
            for (int u = 0; u < users.length; u++) {
                for (Job j : perUser.get(u)) {
                    assertTrue(ids.add(j.id()), "job " + j.id() + " was reviewed twice");
                    assertTrue(!j.isAssignedTo(users[u]), users[u] + " reviewed their own job");
                }
            }
            assertEquals(16, new WorkflowCounts(db).of(p).tasksByStage().get(Stage.DONE));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void nobody_gets_their_own_job_to_review(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            String img = Fixture.images(db, p, 1).get(0);
            Fixture.users(db, "ana", "rev");
            new WorkflowTasks(db).ensureTasks(p, List.of(img), 1);
            WorkflowJobs jobs = new WorkflowJobs(db);
            Job mine = submit(jobs, jobs.claimNext(p, "ana").orElseThrow());
            assertEquals(Optional.empty(), jobs.claimReview(p, "ana"));
            Job claimed = jobs.claimReview(p, "rev").orElseThrow();
            assertEquals(mine.id(), claimed.id());
            assertEquals(Optional.of("rev"), claimed.reviewer());
            assertEquals(claimed, jobs.claimReview(p, "rev").orElseThrow(), "a claimed review comes back unchanged");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void the_stage_follows_the_jobs_and_a_stale_change_is_refused(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            String img = Fixture.images(db, p, 1).get(0);
            Fixture.users(db, "ana", "ben", "rev");
            new WorkflowTasks(db).ensureTasks(p, List.of(img), 2);
            WorkflowJobs jobs = new WorkflowJobs(db);
            Job a = jobs.claimNext(p, "ana").orElseThrow();
            Job b = jobs.claimNext(p, "ben").orElseThrow();
            assertEquals(Stage.ANNOTATE, submit(jobs, a).stage());
            assertEquals(Optional.empty(), jobs.claimReview(p, "rev"), "nothing to review until every job is in");
            Job bSubmitted = submit(jobs, b);
            assertEquals(Stage.REVIEW, bSubmitted.stage());
            ConflictException stale = assertThrows(ConflictException.class, () -> submit(jobs, b));
            assertTrue(stale.getMessage().contains(b.id()) && stale.getMessage().contains("it is now submitted"),
                    stale.getMessage());
            Job rejected = decide(jobs, jobs.claimReview(p, "rev").orElseThrow(), "rev", JobState.REJECTED);
            assertEquals(Stage.ANNOTATE, rejected.stage());
            Job fixed = jobs.claimNext(p, rejected.assignee().orElseThrow()).orElseThrow();
            assertEquals(rejected.id(), fixed.id(), "a rejected job returns to its annotator");
            submit(jobs, fixed);
            decide(jobs, jobs.claimReview(p, "rev").orElseThrow(), "rev", JobState.ACCEPTED);
            Job last = decide(jobs, jobs.claimReview(p, "rev").orElseThrow(), "rev", JobState.ACCEPTED);
            assertEquals(Stage.DONE, last.stage());
            assertEquals(1, new WorkflowComments(db).of(rejected.id()).stream()
                    .filter(c -> c.kind() == CommentKind.REJECT).count());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void lists_jobs_by_filter_in_pages(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            List<String> imgs = Fixture.images(db, p, 5);
            Fixture.users(db, "ana");
            new WorkflowTasks(db).ensureTasks(p, imgs, 2);
            WorkflowJobs jobs = new WorkflowJobs(db);
            submit(jobs, jobs.claimNext(p, "ana").orElseThrow());
            jobs.claimNext(p, "ana");
            List<Job> all = new ArrayList<>();
            Optional<String> after = Optional.empty();
            do {
                JobPage page = jobs.list(JobFilter.all(p), after, 3);
                all.addAll(page.jobs());
                after = page.next();
            } while (after.isPresent());
            assertEquals(10, all.size());
            assertEquals(10, all.stream().map(Job::id).distinct().count());
            assertEquals(imgs.get(0), all.get(0).imageId());
            assertEquals(imgs.get(4), all.get(9).imageId());
            assertEquals(2, jobs.list(JobFilter.all(p).withAssignee("ana"), Optional.empty(), 100).jobs().size());
            assertEquals(8, jobs.list(JobFilter.all(p).unassigned(), Optional.empty(), 100).jobs().size());
            assertEquals(1, jobs.list(JobFilter.all(p).withState(JobState.SUBMITTED), Optional.empty(), 100).jobs().size());
            assertEquals(10, jobs.list(JobFilter.all(p).withStage(Stage.ANNOTATE), Optional.empty(), 100).jobs().size());
            assertEquals(2, jobs.list(JobFilter.all(p).withImage(imgs.get(3)), Optional.empty(), 100).jobs().size());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void assigning_skips_jobs_taken_meanwhile_and_second_jobs_of_an_image(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            String img = Fixture.images(db, p, 1).get(0);
            Fixture.users(db, "ana", "ben");
            new WorkflowTasks(db).ensureTasks(p, List.of(img), 2);
            WorkflowJobs jobs = new WorkflowJobs(db);
            List<Job> slots = jobs.ofImages(p, List.of(img));
            List<String> done = jobs.assignOpen(List.of(new JobAssignment(slots.get(0).id(), "ana"),
                    new JobAssignment(slots.get(1).id(), "ana")));
            assertEquals(List.of(slots.get(0).id()), done);
            assertEquals(List.of(), jobs.assignOpen(List.of(new JobAssignment(slots.get(0).id(), "ben"))));
            assertEquals(List.of(slots.get(1).id()), jobs.assignOpen(List.of(new JobAssignment(slots.get(1).id(), "ben"))));
            Job moved = jobs.reassign(slots.get(1).id(), JobState.NEW, Optional.of("ben"), Optional.empty());
            assertEquals(Optional.empty(), moved.assignee());
            assertThrows(ConflictException.class,
                    () -> jobs.reassign(slots.get(1).id(), JobState.NEW, Optional.empty(), Optional.of("ana")));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void progress_counts_tasks_jobs_and_each_users_share(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            List<String> imgs = Fixture.images(db, p, 3);
            Fixture.users(db, "ana", "rev");
            new WorkflowTasks(db).ensureTasks(p, imgs, 1);
            WorkflowJobs jobs = new WorkflowJobs(db);
            Job first = submit(jobs, jobs.claimNext(p, "ana").orElseThrow());
            decide(jobs, jobs.claimReview(p, "rev").orElseThrow(), "rev", JobState.ACCEPTED);
            submit(jobs, jobs.claimNext(p, "ana").orElseThrow());
            jobs.claimNext(p, "ana");
            ProgressCounts c = new WorkflowCounts(db).of(p);
            assertEquals(3, c.tasks());
            assertEquals(1, c.tasksByStage().get(Stage.DONE));
            assertEquals(1, c.tasksByStage().get(Stage.REVIEW));
            assertEquals(1, c.tasksByStage().get(Stage.ANNOTATE));
            assertEquals(0, c.unassignedJobs());
            assertEquals(List.of("ana", "rev"), c.users().stream().map(ProgressCounts.UserCounts::userId).toList());
            ProgressCounts.UserCounts ana = c.users().get(0);
            assertEquals(1, ana.jobsByState().get(JobState.ACCEPTED));
            assertEquals(1, ana.jobsByState().get(JobState.SUBMITTED));
            assertEquals(1, ana.jobsByState().get(JobState.IN_PROGRESS));
            assertEquals(1, c.users().get(1).accepted());
            assertEquals(0, c.users().get(1).rejected());
            assertTrue(first.submittedAt().isPresent());
        }
    }

    static Job submit(WorkflowJobs jobs, Job j) {
        return jobs.change(new JobChange(j.id(), j.state(), j.assignee(), JobState.SUBMITTED, Optional.empty(), Optional.empty()));
    }

    static Job decide(WorkflowJobs jobs, Job j, String reviewer, JobState decision) {
        CommentKind kind = decision == JobState.ACCEPTED ? CommentKind.ACCEPT : CommentKind.REJECT;
        return jobs.change(new JobChange(j.id(), JobState.SUBMITTED, j.assignee(), decision, Optional.of(reviewer),
                Optional.of(NewComment.of(kind, reviewer, decision == JobState.ACCEPTED ? "" : "box too loose"))));
    }

    interface Worker<T> {
        Callable<T> forUser(int user);
    }

    static <T> List<T> race(int threads, Worker<T> worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int u = 0; u < threads; u++) {
                Callable<T> c = worker.forUser(u);
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
