package dev.annota.app.demo;

import dev.annota.app.Progress;
import dev.annota.app.annotations.ImageAnnotations;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.AuthServices;
import dev.annota.app.auth.GlobalRole;
import dev.annota.app.auth.ProjectRole;
import dev.annota.app.auth.Secrets;
import dev.annota.app.auth.UserInfo;
import dev.annota.app.images.ImageCatalog;
import dev.annota.app.images.ImportImages;
import dev.annota.app.images.ImportRequest;
import dev.annota.app.images.ImportResult;
import dev.annota.app.images.ImportSettings;
import dev.annota.app.images.Upload;
import dev.annota.app.projects.ManageProjects;
import dev.annota.app.workflow.AssignJobs;
import dev.annota.app.workflow.Assignment;
import dev.annota.app.workflow.Workflow;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.Database;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageStore;
import dev.annota.store.images.Images;
import dev.annota.store.projects.Project;
import dev.annota.testkit.shapes.ShapeSample;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * The server demo's project: synthetic shapes images (annota-testkit's generator, as in {@link HeadlessDemo}) in a
 * project "Shapes demo" with the shapes label schema; the exact ground truth saved for every other image (so half
 * are annotated and half are not), a workflow task for each unannotated image assigned to a demo annotator
 * account. Idempotent: a second run finds the finished project (named in the marker file {@value #MARKER} of the
 * data folder) and changes nothing; a project left half-made by an interrupted run is deleted and made again.
 */
public final class DemoProject {
    public static final String PROJECT_NAME = "Shapes demo";
    public static final String ANNOTATOR = "annotator";
    /** The file in the data folder that names the finished demo project. */
    public static final String MARKER = ".annota-demo-project";

    private final ManageProjects projects;
    private final AuthServices auth;
    private final ImportImages importer;
    private final ImageAnnotations annotations;
    private final Workflow workflow;
    private final AssignJobs assign;
    private final Images images;
    private final Path dataDir;

    public DemoProject(Database db, AuthServices auth, Path dataDir) {
        ImageStore store = new ImageStore(dataDir);
        this.projects = ManageProjects.of(db, auth);
        this.auth = auth;
        this.importer = new ImportImages(db, store, new ImageInspector(), ImportSettings.defaults());
        this.annotations = new ImageAnnotations(db, new ImageCatalog(db, store, auth.access()), auth.access());
        this.workflow = new Workflow(db, auth.access());
        this.assign = new AssignJobs(db, auth.access());
        this.images = new Images(db);
        this.dataDir = dataDir;
    }

    /** How many images of what size, from which seed. */
    public record Options(int images, int width, int height, long seed) {
        public Options {
            if (images < 2 || images > 10_000) {
                throw ValidationException.of("images", images, "expected 2 to 10000 images");
            }
            if (width < 16 || height < 16 || width > 4096 || height > 4096) {
                throw ValidationException.of("size", width + "x" + height, "expected a size from 16x16 to 4096x4096");
            }
        }
    }

    /**
     * The demo project; {@code created} false when an earlier run made it. {@code annotated} is known only when
     * this run made it; {@code annotatorPassword} only when this run created the annotator account.
     */
    public record Result(Project project, boolean created, long images, OptionalInt annotated, String annotator,
                         Optional<String> annotatorPassword) {
    }

    /** Finds the finished demo project, or makes it as {@code admin} (an administrator). */
    public Result ensure(Actor admin, Options options, Progress progress) throws IOException {
        Optional<Project> existing = finished(admin);
        UserAnd annotator = annotator(admin);
        if (existing.isPresent()) {
            Project p = existing.get();
            return new Result(p, false, images.count(p.id()), OptionalInt.empty(), ANNOTATOR, annotator.password());
        }
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(options.width(), options.height()), options.seed(),
                options.images());
        Project p = projects.create(admin, new ManageProjects.NewProject(PROJECT_NAME, guidelines(), ShapesItems.schema(shapes.config())));
        auth.members().put(admin, p.id(), annotator.user().id(), ProjectRole.ANNOTATOR);
        ImportResult imported = importImages(admin, p, shapes, progress);
        List<String> unannotated = new ArrayList<>();
        int annotated = saveGroundTruth(admin, p, shapes, imported, unannotated, progress);
        workflow.ensureTasks(admin, p.id(), unannotated, 1);
        assign.assign(admin, p.id(), unannotated, new Assignment.RoundRobin(List.of(annotator.user().id())));
        Files.writeString(dataDir.resolve(MARKER), p.id() + "\n", StandardCharsets.UTF_8);
        return new Result(p, true, imported.added().size(), OptionalInt.of(annotated), ANNOTATOR, annotator.password());
    }

    private record UserAnd(UserInfo user, Optional<String> password) {
    }

    /** The project the marker names; a demo project without the marker is half-made: deleted, to be made again. */
    private Optional<Project> finished(Actor admin) throws IOException {
        Path marker = dataDir.resolve(MARKER);
        Optional<String> id = Files.isRegularFile(marker) ? Optional.of(Files.readString(marker, StandardCharsets.UTF_8).strip())
                : Optional.empty();
        for (var summary : projects.list(admin)) {
            if (summary.name().equals(PROJECT_NAME)) {
                if (id.equals(Optional.of(summary.id()))) {
                    return Optional.of(projects.get(admin, summary.id()));
                }
                projects.delete(admin, summary.id());
            }
        }
        return Optional.empty();
    }

    private UserAnd annotator(Actor admin) {
        Optional<UserInfo> found = auth.users().list(admin).stream().filter(u -> u.username().equals(ANNOTATOR)).findFirst();
        if (found.isPresent()) {
            return new UserAnd(found.get(), Optional.empty());
        }
        String password = Secrets.password();
        return new UserAnd(auth.users().create(admin, ANNOTATOR, password, GlobalRole.USER), Optional.of(password));
    }

    private ImportResult importImages(Actor admin, Project p, ShapesDataset shapes, Progress progress) throws IOException {
        Path folder = Files.createDirectories(dataDir.resolve("tmp")).resolve("demo-shapes");
        deleteTree(folder);
        try {
            progress.start("generating images", shapes.size());
            shapes.writePngs(folder, progress::step);
            progress.finish();
            List<Upload> uploads = new ArrayList<>();
            for (ShapeSample s : shapes) {
                uploads.add(new Upload(s.fileName(), lazy(folder.resolve(s.fileName()))));
            }
            return importer.uploads(ImportRequest.of(p.id(), admin.userId()), uploads, progress);
        } finally {
            deleteTree(folder);
        }
    }

    /** Saves the exact annotations of every other image (even indices); the ids of the rest go to {@code unannotated}. */
    private int saveGroundTruth(Actor admin, Project p, ShapesDataset shapes, ImportResult imported, List<String> unannotated,
                                Progress progress) {
        Map<String, String> idByName = new java.util.HashMap<>();
        imported.added().forEach(a -> idByName.put(a.name(), a.imageId()));
        LabelSchema schema = p.schema();
        int saved = 0;
        progress.start("saving ground truth", shapes.size());
        for (int i = 0; i < shapes.size(); i++) {
            ShapeSample s = shapes.sample(i);
            String imageId = idByName.get(s.fileName());
            if (imageId != null) {
                if (i % 2 == 0) {
                    Item item = ShapesItems.toItem(s, s.fileName(), schema);
                    annotations.save(admin, imageId, 0, item.annotations());
                    saved++;
                } else {
                    unannotated.add(imageId);
                }
            }
            progress.step(i + 1);
        }
        progress.finish();
        return saved;
    }

    private static String guidelines() {
        return """
                # Shapes demo

                Synthetic scenes of circles, rectangles, triangles, stars and ellipses. Every other image carries its \
                exact ground truth; annotate the rest.

                * Outline each shape with a polygon (a mask where it is hidden behind another shape) and set its colour.
                * Place its keypoints (centre, corners, vertices or tips) in the skeleton's order.
                * Tag the image with every scene tag that applies (crowded, occluded, truncated, …).
                """;
    }

    private static InputStream lazy(Path file) {
        return new InputStream() {
            private InputStream in;

            private InputStream in() throws IOException {
                if (in == null) {
                    in = Files.newInputStream(file);
                }
                return in;
            }

            @Override
            public int read() throws IOException {
                return in().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in().read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (in != null) {
                    in.close();
                }
            }
        };
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
