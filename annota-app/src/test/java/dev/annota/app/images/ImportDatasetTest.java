package dev.annota.app.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.app.Progress;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.FormatRegistry;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.archive.ZipArchives;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageQueries;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.ImageSort;
import dev.annota.store.images.ImageStore;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImportDatasetTest {
    @TempDir
    Path dir;

    static List<String> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void imports_a_coco_zip_with_its_annotations_as_version_1_under_the_project_label_ids(String kind) throws IOException {
        FormatRegistry formats = Formats.standard();
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(200, 150), 21, 5);
        shapes.writePngs(dir.resolve("src"), n -> { });
        Dataset source = ShapesItems.dataset(shapes, dir.resolve("src"));
        formats.get("coco").writer().orElseThrow().write(source, dir.resolve("coco"), new ImportReport(ErrorPolicy.FAIL_FAST));
        Path zip = dir.resolve("coco.zip");
        ZipArchives.pack(dir.resolve("coco"), zip);
        // what the COCO reader finds, to compare with what lands in the database
        Map<String, List<Annotation>> read = new HashMap<>();
        LabelSchema cocoSchema;
        Dataset coco = formats.get("coco").reader().orElseThrow().read(dir.resolve("coco"), new ImportReport(ErrorPolicy.FAIL_FAST));
        cocoSchema = coco.schema();
        try (Stream<Item> items = coco.items()) {
            items.forEach(i -> read.put(Path.of(i.image().location()).getFileName().toString(), i.annotations()));
        }
        InMemoryProjectSchemas schemas = new InMemoryProjectSchemas();
        schemas.put("p1", LabelSchema.of("zebra", " CIRCLE"));
        try (Database db = Databases.open(Databases.newUrl(kind, dir))) {
            Databases.project(db, "p1");
            ImportDataset importer = new ImportDataset(db, new ImageStore(dir.resolve("data")), new ImageInspector(), ImportSettings.defaults(),
                    formats, schemas);
            ImportResult r = importer.uploaded(ImportRequest.of("p1", "ana"), zip, "auto", Progress.NONE);
            assertEquals(List.of(), r.problems());
            assertEquals(5, r.added().size());
            LabelSchema project = schemas.get("p1");
            assertEquals(LabelId.of(1), project.byName("zebra").orElseThrow().id());
            assertEquals(LabelId.of(2), project.byName("circle").orElseThrow().id(), "the existing class keeps its id");
            assertEquals(cocoSchema.size() + 1, project.size(), "every other class was added");
            AnnotationSets sets = new AnnotationSets(db);
            List<ImageRecord> rows = new ImageQueries(db).list("p1", ImageFilter.all().withAnnotations(true), ImageSort.oldestFirst(), 100,
                    Optional.empty()).images();
            assertEquals(5, rows.size());
            for (ImageRecord row : rows) {
                AnnotationSets.Current set = sets.get(row.id());
                assertEquals(1, set.version());
                assertEquals(Optional.of("ana"), set.updatedBy());
                List<Annotation> expected = read.get(row.fileName());
                assertEquals(expected.size(), set.annotations().size(), row.fileName());
                for (int i = 0; i < expected.size(); i++) {
                    String name = cocoSchema.require(expected.get(i).label()).name();
                    assertEquals(project.byName(name).orElseThrow().id(), set.annotations().get(i).label(), row.fileName() + " #" + i);
                    assertEquals(expected.get(i).kind(), set.annotations().get(i).kind());
                }
                assertEquals(row.width() + "x" + row.height(), "200x150");
            }
            Map<LabelId, Long> circles = rows.stream().flatMap(row -> sets.get(row.id()).annotations().stream())
                    .collect(Collectors.groupingBy(Annotation::label, Collectors.counting()));
            assertTrue(circles.keySet().stream().noneMatch(id -> id.equals(LabelId.of(1))), "nothing was labelled zebra");
            // importing the same dataset again merges every image and leaves the annotation sets alone
            ImportResult again = importer.uploaded(ImportRequest.of("p1", "ben"), zip, "coco", Progress.NONE);
            assertEquals(5, again.duplicates().size());
            assertEquals(0, again.added().size());
            assertEquals(1, sets.get(rows.get(0).id()).version());
        }
    }
}
