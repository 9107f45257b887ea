package dev.annota.app.prelabel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.app.Progress;
import dev.annota.app.auth.Access;
import dev.annota.app.models.ModelFixture;
import dev.annota.app.models.ProjectModelLinks;
import dev.annota.app.operations.OperationRunner;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.schema.LabelId;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.models.ModelRecord;
import dev.annota.store.operations.NewOperation;
import dev.annota.store.operations.Operation;
import dev.annota.store.operations.OperationState;
import dev.annota.store.suggestions.Suggestion;
import dev.annota.store.suggestions.Suggestions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PrelabelTest {
    static final List<String> PHOTOS = List.of("darknet_dog_bicycle_truck.jpg", "opencv_squirrel.jpg", "chelsea_cat.png", "coffee.png");

    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    /** Thrown from a batch to stop a job the way a killed process would: nothing records its end. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash");
        }
    }

    private static Prelabel prelabel(ModelFixture f, PrelabelSettings settings, java.util.function.IntConsumer afterBatch) {
        ProjectModelLinks links = new ProjectModelLinks(f.db, f.registry, Access.of(f.db));
        return new Prelabel(f.db, f.store, links, f.loaded, settings, afterBatch);
    }

    private static ModelRecord link(ModelFixture f, String folder, boolean everyLabelToDog) throws Exception {
        ModelRecord m = f.register(folder);
        Map<String, String> map = everyLabelToDog ? m.labels().stream().distinct().collect(Collectors.toMap(l -> l, l -> "dog", (a, b) -> a))
                : Map.of("truck", "car");
        new ProjectModelLinks(f.db, f.registry, Access.of(f.db)).link(f.admin, f.project, m.id(), map);
        return m;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void stores_the_detectors_boxes_as_suggestions_mapped_to_the_projects_classes(Dialect dialect) throws Exception {
        try (ModelFixture f = new ModelFixture(dialect)) {
            ModelRecord m = link(f, "yolox-nano", false);
            String dog = f.addImage(PHOTOS.get(0), 0);
            f.addImage(PHOTOS.get(1), 0);
            PrelabelReport r = prelabel(f, new PrelabelSettings(2, 4, 1), n -> { }).run(f.project,
                    PrelabelRequest.of(m.id()).withThreshold(0.5), ImageFilter.all(), Progress.NONE);
            assertEquals(2, r.processed());
            List<Suggestion> s = new Suggestions(f.db).list(dog, 0);
            Set<Integer> labels = s.stream().map(x -> x.annotation().label().value()).collect(Collectors.toSet());
            assertEquals(Set.of(1, 2, 3), labels, "dog, bicycle and car: " + s);
            BoxAnnotation box = (BoxAnnotation) s.stream().filter(x -> x.annotation().label().equals(LabelId.of(1))).findFirst()
                    .orElseThrow().annotation();
            assertEquals(133, box.box().x(), 3, "the dog's box as in MODEL.md");
            assertEquals(m.name(), s.get(0).model().name());
            assertEquals(m.version(), s.get(0).model().version());
            assertEquals(r.suggestions(), s.size() + new Suggestions(f.db).list(f.addImage(PHOTOS.get(2), 9), 0).size());

            PrelabelReport again = prelabel(f, PrelabelSettings.defaults(), n -> { }).run(f.project,
                    PrelabelRequest.of(m.id()).withThreshold(0.5), ImageFilter.all(), Progress.NONE);
            assertEquals(1, again.selected(), "only the image added since is left to do");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void resumes_after_a_crash_and_ends_with_exactly_the_suggestions_of_an_uninterrupted_run(Dialect dialect) throws Exception {
        try (ModelFixture f = new ModelFixture(dialect)) {
            ModelRecord m = link(f, "squeezenet1.1", true);
            List<String> images = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                images.add(f.addImage(PHOTOS.get(i % PHOTOS.size()), i));
            }
            PrelabelRequest request = new PrelabelRequest(m.id(), 0.0, 3, false, false, false, Map.of());
            PrelabelSettings settings = new PrelabelSettings(2, 4, 2);
            CountDownLatch crashed = new CountDownLatch(1);
            Prelabel crashing = prelabel(f, settings, n -> {
                if (n == 2) {
                    crashed.countDown();
                    throw new Crash();
                }
            });
            String id;
            try (OperationRunner first = OperationRunner.start(f.db, f.dataDir, 1, Clock.systemUTC(), List.of())) {
                id = first.submit(new NewOperation(f.project, Prelabel.KIND, request.toJson(), Optional.empty()),
                        crashing.task(f.project, request, ImageFilter.all())).id();
                assertTrue(crashed.await(120, TimeUnit.SECONDS), "the job reached its second batch");
            }
            Suggestions suggestions = new Suggestions(f.db);
            long before = images.stream().filter(i -> !suggestions.list(i, 0).isEmpty()).count();
            assertEquals(4, before, "two batches of two images were stored before the crash");

            PrelabelKind kind = new PrelabelKind(prelabel(f, settings, n -> { }), FilterParser.NONE);
            try (OperationRunner second = OperationRunner.start(f.db, f.dataDir, 1, Clock.systemUTC(), List.of(kind))) {
                Operation op = await(second, id);
                assertEquals(OperationState.SUCCEEDED, op.state(), op.message());
                assertTrue(op.message().startsWith("8 images"), op.message());
            }
            for (String image : images) {
                List<Suggestion> s = suggestions.list(image, 0);
                assertEquals(3, s.size(), "top 3 tags, once: " + s);
                assertEquals(List.of(0, 1, 2), s.stream().map(Suggestion::position).sorted().toList());
            }
            long rows = f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM model_runs").mapTo(Long.class).one());
            assertEquals(12, rows);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void cancelling_a_running_job_stops_it_after_the_batch_in_hand_with_no_partial_or_duplicate_suggestions(Dialect dialect) throws Exception {
        try (ModelFixture f = new ModelFixture(dialect)) {
            ModelRecord m = link(f, "squeezenet1.1", true);
            List<String> images = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                images.add(f.addImage(PHOTOS.get(i % PHOTOS.size()), i));
            }
            PrelabelRequest request = new PrelabelRequest(m.id(), 0.0, 3, false, false, false, Map.of());
            CountDownLatch reached = new CountDownLatch(1);
            CountDownLatch cancelAsked = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicInteger batches = new java.util.concurrent.atomic.AtomicInteger();
            Prelabel job = prelabel(f, new PrelabelSettings(2, 4, 2), n -> {
                batches.set(n);
                if (n == 2) {
                    reached.countDown();
                    try {
                        cancelAsked.await(60, TimeUnit.SECONDS); // the job is busy in its second batch while the cancel comes
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            Suggestions suggestions = new Suggestions(f.db);
            try (OperationRunner runner = OperationRunner.start(f.db, f.dataDir, 1, Clock.systemUTC(), List.of())) {
                String id = runner.submit(new NewOperation(f.project, Prelabel.KIND, request.toJson(), Optional.empty()),
                        job.task(f.project, request, ImageFilter.all())).id();
                assertTrue(reached.await(120, TimeUnit.SECONDS), "the job reached its second batch");
                runner.cancel(id);
                cancelAsked.countDown();
                Operation op = await(runner, id);
                assertEquals(OperationState.CANCELLED, op.state(), op.message());
                assertEquals(2, batches.get(), "no batch is stored after the cancel");
            }
            List<String> done = images.stream().filter(i -> !suggestions.list(i, 0).isEmpty()).toList();
            assertEquals(4, done.size(), "the two stored batches of two images, and nothing of the batch being decoded");
            for (String image : done) {
                assertEquals(3, suggestions.list(image, 0).size(), "top 3 tags, once");
            }
            long rows = f.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM model_runs").mapTo(Long.class).one());
            assertEquals(4, rows, "exactly the stored images are marked done");

            PrelabelReport rest = prelabel(f, new PrelabelSettings(2, 4, 4), n -> { }).run(f.project, request, ImageFilter.all(), Progress.NONE);
            assertEquals(6, rest.processed(), "a new run does only what the cancelled one left");
            for (String image : images) {
                assertEquals(3, suggestions.list(image, 0).size(), "top 3 tags, once: " + image);
            }
        }
    }

    private static Operation await(OperationRunner runner, String id) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < end) {
            Operation op = runner.get(id);
            if (op.state().isFinished()) {
                return op;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("operation " + id + " did not finish: " + runner.get(id));
    }
}
