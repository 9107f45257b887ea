package dev.annota.server.routes;

import dev.annota.app.images.ImageCatalog;
import dev.annota.app.images.ImportResult;
import dev.annota.app.images.ImportSettings;
import dev.annota.app.images.ListingReferences;
import dev.annota.app.images.ProjectImports;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.core.error.ValidationException;
import dev.annota.formats.Formats;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerConfig;
import dev.annota.server.ServerContext;
import dev.annota.server.routes.ImageViews.ImageView;
import dev.annota.server.routes.ImageViews.ImportBody;
import dev.annota.server.routes.ImageViews.ImportView;
import dev.annota.server.routes.ImageViews.PageView;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageStore;
import dev.annota.store.images.PerceptualHash;
import java.io.IOException;
import java.util.Optional;

/**
 * A project's images: upload (multipart, many files), import from the server's disk (images, or a dataset with
 * its annotations), listing with keyset pagination and filters, one image's metadata, its original and its
 * thumbnail (cacheable, with byte ranges). Members of the image's project (any role) read; managers and admins
 * import.
 *
 * <p>An upload or import answers 200 with a report of every file (added, merged duplicates, flagged
 * near-duplicates, problems) when at least one file was taken (added or merged); when every file was refused,
 * it is a 400 problem whose {@code errors} name each file — so a partly bad upload succeeds with its problems
 * listed, and a wholly bad one is an error.
 */
public final class ImageRoutes implements RouteGroup {
    private final ImageCatalog catalog;
    private final ProjectImports imports;
    private final MultipartUploads uploads;
    private final ListingReferences references;

    public ImageRoutes(ServerContext ctx) {
        ServerConfig config = ctx.config();
        ImageStore store = new ImageStore(config.dataDir());
        long maxFile = Math.min(ImportSettings.DEFAULT_MAX_UPLOAD_BYTES, config.maxUploadBytes());
        ImportSettings settings = new ImportSettings(config.importRoot(), PerceptualHash.DEFAULT_NEAR_DISTANCE, maxFile);
        this.catalog = new ImageCatalog(ctx.db(), store, ctx.access());
        this.references = new ListingReferences(ctx.db(), ctx.access());
        this.imports = new ProjectImports(ctx.db(), store, new ImageInspector(), settings, Formats.standard(), catalog, ctx.auth().audit(),
                new ProjectOperations(ctx.db(), ctx.operations(), ctx.access()));
        this.uploads = new MultipartUploads(store.root().resolve("tmp").resolve("multipart"), config.maxUploadBytes(), maxFile);
    }

    @Override
    public void register(Api api) {
        String members = "admin, or a member of the image's project (any role)";
        api.add(Route.post("/projects/{projectId}/images", "Upload images (multipart/form-data: one part per file, "
                        + "optional field split); 200 with a per-file report").tag("images").roles("admin", "manager")
                .returns(ImportView.class), call -> {
            imports.requireImporter(call.actor(), call.path("projectId"));
            MultipartUploads.Received r = uploads.read(call.ctx());
            report(call, imports.uploads(call.actor(), call.path("projectId"), r.split(), r.files()));
        });
        api.add(Route.post("/projects/{projectId}/images/import", "Import a folder or zip under the server's import root; "
                        + "with format (or \"auto\") a dataset with its annotations; with async: true, 202 with an operation")
                .tag("images").roles("admin", "manager").accepts(ImportBody.class).returns(ImportView.class), call -> {
            ImportBody b = call.body(ImportBody.class);
            if (Boolean.TRUE.equals(b.async())) {
                OperationViews.accepted(call, imports.serverPathAsync(call.actor(), call.path("projectId"), b.path(),
                        Optional.ofNullable(b.format()), Optional.ofNullable(b.split()), r -> OperationViews.json(ImportView.of(r))));
                return;
            }
            report(call, imports.serverPath(call.actor(), call.path("projectId"), b.path(), Optional.ofNullable(b.format()),
                    Optional.ofNullable(b.split())));
        });
        api.add(Route.get("/projects/{projectId}/images", "List a project's images (limit, cursor, sort, split, "
                        + "has_annotations, near_duplicate, meta.KEY=VALUE, status, label, annotator, has_suggestions, "
                        + "min/max_confidence, min/max_annotations)").tag("images").roles(members)
                .returns(PageView.class), call -> {
            ImageListQuery q = ImageListQuery.of(call, references.forProject(call.actor(), call.path("projectId")));
            call.respond(PageView.of(catalog.list(call.actor(), call.path("projectId"), q.filter(), q.sort(), q.limit(), q.cursor())));
        });
        api.add(Route.get("/images/{imageId}", "One image's metadata").tag("images").roles(members).returns(ImageView.class),
                call -> call.respond(ImageView.of(catalog.image(call.actor(), call.path("imageId")))));
        api.add(Route.get("/images/{imageId}/original", "The original file (ETag, immutable caching, byte ranges)")
                .tag("images").roles(members), call -> serve(call, catalog.original(call.actor(), call.path("imageId")), ""));
        api.add(Route.get("/images/{imageId}/thumbnail", "A JPEG thumbnail, 256 pixels on the longest side (same caching)")
                .tag("images").roles(members), call -> serve(call, catalog.thumbnail(call.actor(), call.path("imageId")), "-thumb"));
    }

    private static void serve(Call call, ImageCatalog.Served s, String tagSuffix) throws IOException {
        FileResponses.send(call.ctx(), s.file(), s.image().sha256() + tagSuffix, s.image().createdAt());
    }

    private static void report(Call call, ImportResult result) {
        if (result.added().isEmpty() && result.duplicates().isEmpty() && !result.problems().isEmpty()) {
            throw new ValidationException(result.problems());
        }
        call.respond(ImportView.of(result));
    }
}
