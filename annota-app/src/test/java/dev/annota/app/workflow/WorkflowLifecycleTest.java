package dev.annota.app.workflow;

import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import static dev.annota.app.workflow.Team.PROJECT;
import static dev.annota.app.workflow.Team.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.ForbiddenException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.workflow.Comment;
import dev.annota.store.workflow.CommentKind;
import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.JobFilter;
import dev.annota.store.workflow.JobState;
import dev.annota.store.workflow.ProgressCounts;
import dev.annota.store.workflow.Stage;
import dev.annota.store.workflow.Task;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowLifecycleTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    static List<Annotation> box(double x) {
        return List.of(BoxAnnotation.of(LabelId.of(1), new PixelBox(x, 1, 2, 3)));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void with_overlap_one_the_job_annotates_the_image_set_and_goes_to_done(Dialect dialect) {
        try (Team t = new Team(dialect)) {
            String img = t.images(1, 1).get(0);
            AssignmentReport report = t.assign.assign(as("boss"), PROJECT, List.of(img),
                    new Assignment.RoundRobin(List.of("ana")));
            assertEquals(1, report.assigned().size());
            Job job = t.workflow.claimNext(as("ana"), PROJECT).orElseThrow();
            assertEquals(JobState.IN_PROGRESS, job.state());
            assertEquals(1, t.annotations.save(as("ana"), job.id(), 0, box(5)));
            assertEquals(box(5), new AnnotationSets(t.db).get(img).annotations(), "the job's set IS the image's set");
            assertEquals(Stage.REVIEW, t.workflow.submit(as("ana"), job.id()).stage());
            Job review = t.workflow.claimReview(as("rev"), PROJECT).orElseThrow();
            assertEquals(job.id(), review.id());
            Job accepted = t.workflow.accept(as("rev"), job.id(), CommentInput.none());
            assertEquals(JobState.ACCEPTED, accepted.state());
            assertEquals(Stage.DONE, accepted.stage());
            assertEquals(Stage.DONE, t.workflow.taskOfImage(as("ana"), img).stage());
            assertEquals(Optional.empty(), t.workflow.claimNext(as("ana"), PROJECT));
            assertEquals(Optional.empty(), t.workflow.claimReview(as("rev"), PROJECT));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void with_overlap_two_each_annotator_keeps_a_separate_set_and_all_must_be_accepted(Dialect dialect) {
        try (Team t = new Team(dialect)) {
            String img = t.images(1, 2).get(0);
            Job a = t.workflow.claimNext(as("ana"), PROJECT).orElseThrow();
            Job b = t.workflow.claimNext(as("ben"), PROJECT).orElseThrow();
            assertEquals(img, a.imageId());
            assertEquals(img, b.imageId());
            assertEquals(Optional.empty(), t.workflow.claimNext(as("cai"), PROJECT), "both slots are taken");
            t.annotations.save(as("ana"), a.id(), 0, box(1));
            t.annotations.save(as("ben"), b.id(), 0, box(2));
            assertEquals(box(1), t.annotations.get(as("rev"), a.id()).annotations());
            assertEquals(box(2), t.annotations.get(as("rev"), b.id()).annotations());
            assertEquals(0, new AnnotationSets(t.db).get(img).version(), "the image's own set is untouched");
            assertEquals(Stage.ANNOTATE, t.workflow.submit(as("ana"), a.id()).stage());
            assertEquals(Optional.empty(), t.workflow.claimReview(as("rev"), PROJECT), "review waits for every annotator");
            assertEquals(Stage.REVIEW, t.workflow.submit(as("ben"), b.id()).stage());
            t.workflow.claimReview(as("rev"), PROJECT).orElseThrow();
            t.workflow.claimReview(as("rev2"), PROJECT).orElseThrow();
            Job first = t.workflow.accept(as("rev"), t.workflow.listJobs(as("rev"), JobFilter.all(PROJECT).withState(JobState.SUBMITTED),
                    Optional.empty(), 10).jobs().stream().filter(j -> j.reviewer().equals(Optional.of("rev"))).findFirst()
                    .orElseThrow().id(), CommentInput.of("fine"));
            assertEquals(Stage.REVIEW, first.stage(), "one of two accepted");
            Job second = t.workflow.listJobs(as("rev2"), JobFilter.all(PROJECT).withState(JobState.SUBMITTED),
                    Optional.empty(), 10).jobs().get(0);
            assertEquals(Stage.DONE, t.workflow.accept(as("rev2"), second.id(), CommentInput.none()).stage());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_rejected_job_returns_to_its_annotator_with_the_comment(Dialect dialect) {
        try (Team t = new Team(dialect)) {
            t.images(2, 2);
            Job a = t.workflow.claimNext(as("ana"), PROJECT).orElseThrow();
            t.annotations.save(as("ana"), a.id(), 0, box(1));
            t.workflow.submit(as("ana"), a.id());
            Job b = t.workflow.claimNext(as("ben"), PROJECT).orElseThrow();
            t.workflow.submit(as("ben"), b.id());
            t.workflow.claimReview(as("rev"), PROJECT).orElseThrow();
            Job rejected = t.workflow.reject(as("rev"), a.id(), new CommentInput("the box misses the tail",
                    Optional.of(0), Optional.of(new PixelBox(0, 0, 10, 10))));
            assertEquals(JobState.REJECTED, rejected.state());
            assertEquals(Stage.ANNOTATE, rejected.stage());
            assertEquals(Optional.of("ana"), rejected.assignee());
            Job back = t.workflow.claimNext(as("ana"), PROJECT).orElseThrow();
            assertEquals(a.id(), back.id(), "ana gets her rejected job before any new one");
            assertEquals(JobState.IN_PROGRESS, back.state());
            List<Comment> comments = t.workflow.comments(as("ana"), a.id());
            assertEquals(1, comments.size());
            assertEquals(CommentKind.REJECT, comments.get(0).kind());
            assertEquals("the box misses the tail", comments.get(0).body());
            assertEquals(Optional.of("rev"), comments.get(0).author());
            assertEquals(Optional.of(0), comments.get(0).annotationIndex());
            assertEquals(Optional.of(new PixelBox(0, 0, 10, 10)), comments.get(0).region());
            assertEquals(2, t.annotations.save(as("ana"), a.id(), 1, box(3)));
            assertEquals(JobState.SUBMITTED, t.workflow.submit(as("ana"), a.id()).state());
            assertEquals(Stage.REVIEW, t.workflow.accept(as("rev"), a.id(), CommentInput.none()).stage(),
                    "the image waits for ben's job to be reviewed");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_manager_reopens_a_done_task_and_its_jobs_go_back_to_their_annotators(Dialect dialect) {
        try (Team t = new Team(dialect)) {
            String img = t.images(1, 1).get(0);
            Job job = t.workflow.claimNext(as("ana"), PROJECT).orElseThrow();
            t.workflow.submit(as("ana"), job.id());
            t.workflow.accept(as("rev"), job.id(), CommentInput.none());
            Task done = t.workflow.taskOfImage(as("boss"), img);
            assertThrows(ForbiddenException.class, () -> t.workflow.reopen(as("rev"), done.id(), "wrong class"));
            Task reopened = t.workflow.reopen(as("boss"), done.id(), "the schema changed: relabel the cats");
            assertEquals(Stage.ANNOTATE, reopened.stage());
            Job back = t.workflow.job(as("ana"), job.id());
            assertEquals(JobState.IN_PROGRESS, back.state());
            assertEquals(Optional.of("ana"), back.assignee());
            assertEquals(Optional.empty(), back.reviewer());
            assertEquals(job.id(), t.workflow.claimNext(as("ana"), PROJECT).orElseThrow().id());
            assertEquals(List.of(CommentKind.ACCEPT, CommentKind.REOPEN),
                    t.workflow.comments(as("boss"), job.id()).stream().map(Comment::kind).toList());
            t.workflow.submit(as("ana"), job.id());
            assertEquals(Stage.DONE, t.workflow.accept(as("rev"), job.id(), CommentInput.none()).stage());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void progress_counts_stages_states_and_each_users_work(Dialect dialect) {
        try (Team t = new Team(dialect)) {
            t.images(4, 1);
            t.assign.assign(as("boss"), PROJECT, t.workflow.listJobs(as("boss"), JobFilter.all(PROJECT), Optional.empty(), 10)
                    .jobs().stream().map(Job::imageId).toList(), new Assignment.RoundRobin(List.of("ana", "ben")));
            Job a1 = t.workflow.claimNext(as("ana"), PROJECT).orElseThrow();
            t.workflow.submit(as("ana"), a1.id());
            t.workflow.accept(as("rev"), a1.id(), CommentInput.none());
            Job b1 = t.workflow.claimNext(as("ben"), PROJECT).orElseThrow();
            t.workflow.submit(as("ben"), b1.id());
            t.workflow.reject(as("rev"), b1.id(), CommentInput.of("too loose"));
            Job a2 = t.workflow.claimNext(as("ana"), PROJECT).orElseThrow();
            t.workflow.submit(as("ana"), a2.id());
            ProgressCounts p = t.workflow.progress(as("ana"), PROJECT);
            assertEquals(4, p.tasks());
            assertEquals(1, p.tasksByStage().get(Stage.DONE));
            assertEquals(1, p.tasksByStage().get(Stage.REVIEW));
            assertEquals(2, p.tasksByStage().get(Stage.ANNOTATE));
            assertEquals(1, p.jobsByState().get(JobState.NEW));
            assertEquals(1, p.jobsByState().get(JobState.REJECTED));
            assertEquals(0, p.unassignedJobs());
            ProgressCounts.UserCounts ana = p.users().stream().filter(u -> u.userId().equals("ana")).findFirst().orElseThrow();
            assertEquals(1, ana.jobsByState().get(JobState.ACCEPTED));
            assertEquals(1, ana.jobsByState().get(JobState.SUBMITTED));
            ProgressCounts.UserCounts ben = p.users().stream().filter(u -> u.userId().equals("ben")).findFirst().orElseThrow();
            assertEquals(1, ben.jobsByState().get(JobState.REJECTED));
            assertEquals(1, ben.jobsByState().get(JobState.NEW));
            ProgressCounts.UserCounts rev = p.users().stream().filter(u -> u.userId().equals("rev")).findFirst().orElseThrow();
            assertEquals(1, rev.accepted());
            assertEquals(1, rev.rejected());
            assertThrows(ForbiddenException.class, () -> t.workflow.progress(as("eve"), PROJECT));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void eight_annotators_claiming_through_the_use_case_get_distinct_jobs(Dialect dialect) throws Exception {
        try (Team t = new Team(dialect)) {
            t.images(10, 1);
            for (int i = 0; i < 8; i++) {
                t.roles.put("w" + i, ProjectRole.ANNOTATOR);
                String id = "w" + i;
                t.db.jdbi().useHandle(h -> h.execute("INSERT INTO users (id, username, password_hash, role, created_at) "
                        + "VALUES (?, ?, 'x', 'user', 0)", id, id));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Optional<Job>>> got = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Actor w = as("w" + i);
                got.add(pool.submit(() -> {
                    go.await();
                    return t.workflow.claimNext(w, PROJECT);
                }));
            }
            go.countDown();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var f : got) {
                assertTrue(ids.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS).orElseThrow().id()));
            }
            pool.shutdown();
            assertEquals(8, ids.size());
        }
    }
}
