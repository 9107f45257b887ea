package dev.annota.store.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobAnnotationsTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    static List<Annotation> box(double x) {
        return List.of(BoxAnnotation.of(LabelId.of(1), new PixelBox(x, 1, 2, 3)));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void each_job_of_an_image_keeps_its_own_versioned_set(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            String img = Fixture.images(db, p, 1).get(0);
            new WorkflowTasks(db).ensureTasks(p, List.of(img), 2);
            List<Job> jobs = new WorkflowJobs(db).ofImages(p, List.of(img));
            JobAnnotations sets = new JobAnnotations(db);
            assertEquals(0, sets.get(jobs.get(0).id()).version());
            assertEquals(1, sets.save(jobs.get(0).id(), 0, box(1), Optional.of("ana"), "human"));
            assertEquals(2, sets.save(jobs.get(0).id(), 1, box(2), Optional.of("ana"), "human"));
            assertEquals(1, sets.save(jobs.get(1).id(), 0, box(9), Optional.of("ben"), "human"));
            assertEquals(box(2), sets.get(jobs.get(0).id()).annotations());
            assertEquals(box(9), sets.get(jobs.get(1).id()).annotations());
            assertEquals(List.of(2L, 1L), sets.history(jobs.get(0).id()).stream().map(AnnotationSets.Version::version).toList());
            assertEquals(Optional.of(box(1)), sets.version(jobs.get(0).id(), 1));
            assertEquals(0, new AnnotationSets(db).get(img).version(), "the image's own set is untouched");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_stale_save_gets_the_current_set_and_writes_nothing(Dialect dialect) {
        try (Database db = TestDatabases.open(dialect)) {
            String p = Fixture.project(db, "p");
            String img = Fixture.images(db, p, 1).get(0);
            new WorkflowTasks(db).ensureTasks(p, List.of(img), 2);
            String job = new WorkflowJobs(db).ofImages(p, List.of(img)).get(0).id();
            JobAnnotations sets = new JobAnnotations(db);
            sets.save(job, 0, box(1), Optional.of("ana"), "human");
            JobVersionConflict c = assertThrows(JobVersionConflict.class,
                    () -> sets.save(job, 0, box(5), Optional.of("ana"), "human"));
            assertEquals(1, c.current().version());
            assertEquals(box(1), c.current().annotations());
            assertThrows(JobVersionConflict.class, () -> sets.save(job, 7, box(5), Optional.of("ana"), "human"));
            assertEquals(1, sets.history(job).size());
            assertThrows(NotFoundException.class, () -> sets.save("nope", 0, box(1), Optional.empty(), "human"));
        }
    }
}
