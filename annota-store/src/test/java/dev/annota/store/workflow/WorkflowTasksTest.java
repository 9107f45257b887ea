package dev.annota.store.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ConflictException;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WorkflowTasksTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void ensure_tasks_makes_one_task_with_k_new_unassigned_jobs_per_image_once(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            List<String> imgs = Fixture.images(db, p, 3);
            WorkflowTasks tasks = new WorkflowTasks(db);
            assertEquals(new EnsureTasksResult(2, 0), tasks.ensureTasks(p, imgs.subList(0, 2), 2));
            assertEquals(new EnsureTasksResult(1, 2), tasks.ensureTasks(p, imgs, 3));
            Task first = tasks.ofImage(imgs.get(0));
            assertEquals(Stage.ANNOTATE, first.stage());
            assertEquals(2, first.overlap(), "an existing task keeps its overlap");
            assertFalse(first.gold());
            List<Job> jobs = new WorkflowJobs(db).ofTask(first.id());
            assertEquals(List.of(0, 1), jobs.stream().map(Job::slot).toList());
            assertTrue(jobs.stream().allMatch(j -> j.state() == JobState.NEW && j.assignee().isEmpty()));
            assertEquals(3, new WorkflowJobs(db).ofTask(tasks.ofImage(imgs.get(2)).id()).size());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void ensure_tasks_with_an_image_of_another_project_creates_nothing(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            String q = Fixture.project(db, "q");
            List<String> mine = Fixture.images(db, p, 2);
            List<String> theirs = Fixture.images(db, q, 1);
            WorkflowTasks tasks = new WorkflowTasks(db);
            NotFoundException e = assertThrows(NotFoundException.class,
                    () -> tasks.ensureTasks(p, List.of(mine.get(0), theirs.get(0), mine.get(1)), 1));
            assertTrue(e.getMessage().contains(theirs.get(0)) && e.getMessage().contains("project p"), e.getMessage());
            assertEquals(0, new WorkflowCounts(db).of(p).tasks());
            assertThrows(ValidationException.class, () -> tasks.ensureTasks(p, mine, 0));
            assertThrows(ValidationException.class, () -> tasks.ensureTasks(p, mine, WorkflowTasks.MAX_OVERLAP + 1));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_gold_task_references_a_saved_version_of_the_image_annotations(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            String img = Fixture.images(db, p, 1).get(0);
            WorkflowTasks tasks = new WorkflowTasks(db);
            tasks.ensureTasks(p, List.of(img), 1);
            NotFoundException missing = assertThrows(NotFoundException.class, () -> tasks.markGold(img, 1));
            assertTrue(missing.getMessage().contains("version 1"), missing.getMessage());
            new AnnotationSets(db).save(img, 0, List.of(), Optional.of("expert"), "human");
            Task gold = tasks.markGold(img, 1);
            assertTrue(gold.gold());
            assertEquals(Optional.of(1L), gold.goldVersion());
            assertFalse(tasks.clearGold(img).gold());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void only_a_done_task_can_be_reopened(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            String img = Fixture.images(db, p, 1).get(0);
            WorkflowTasks tasks = new WorkflowTasks(db);
            tasks.ensureTasks(p, List.of(img), 1);
            Task t = tasks.ofImage(img);
            ConflictException e = assertThrows(ConflictException.class, () -> tasks.reopen(t.id(), "boss", "again"));
            assertTrue(e.getMessage().contains("stage annotate") && e.getMessage().contains(img), e.getMessage());
            assertThrows(NotFoundException.class, () -> tasks.reopen("nope", "boss", "again"));
        }
    }
}
