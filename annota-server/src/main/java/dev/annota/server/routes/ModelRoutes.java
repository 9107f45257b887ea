package dev.annota.server.routes;

import dev.annota.app.images.ImageCatalog;
import dev.annota.app.images.Upload;
import dev.annota.app.models.AssistTools;
import dev.annota.app.models.LoadedModels;
import dev.annota.app.models.ModelRegistry;
import dev.annota.app.models.PredictImage;
import dev.annota.app.models.ProjectModelLinks;
import dev.annota.core.error.ValidationException;
import dev.annota.infer.PredictionJson;
import dev.annota.infer.PredictorOptions;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.server.routes.ModelViews.LinkBody;
import dev.annota.server.routes.ModelViews.LinkList;
import dev.annota.server.routes.ModelViews.LinkView;
import dev.annota.server.routes.ModelViews.ModelList;
import dev.annota.server.routes.ModelViews.ModelView;
import dev.annota.server.routes.ModelViews.PredictBody;
import dev.annota.store.images.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The model registry ({@link ModelRegistry}), models in projects ({@link ProjectModelLinks}) and predictions on
 * demand ({@link PredictImage}); it also registers the assisted tools ({@link AssistRoutes}) and pre-labelling
 * ({@link PrelabelRoutes}), which share its loaded models. Admins register models; every signed-in user lists
 * them, reads them and predicts on uploaded bytes; members predict on their projects' images; managers link.
 */
public final class ModelRoutes implements RouteGroup {
    private static final long MAX_MODEL_BYTES = 1L << 30;
    private final ServerContext ctx;
    private final ModelRegistry registry;
    private final LoadedModels loaded;
    private final ProjectModelLinks links;
    private final PredictImage predict;
    private final ImageCatalog catalog;
    private final MultipartUploads uploads;

    public ModelRoutes(ServerContext ctx) {
        this.ctx = ctx;
        ImageStore store = new ImageStore(ctx.config().dataDir());
        this.registry = new ModelRegistry(ctx.db(), ctx.config().dataDir(), ctx.access());
        this.loaded = new LoadedModels(registry, PredictorOptions.defaults());
        this.links = new ProjectModelLinks(ctx.db(), registry, ctx.access());
        this.catalog = new ImageCatalog(ctx.db(), store, ctx.access());
        this.predict = new PredictImage(registry, loaded, catalog);
        this.uploads = new MultipartUploads(store.root().resolve("tmp").resolve("multipart"), MAX_MODEL_BYTES + (1 << 20), MAX_MODEL_BYTES);
    }

    @Override
    public void register(Api api) {
        api.add(Route.post("/models", "Register an ONNX model: multipart with the .onnx file and optionally its model.json "
                        + "(else a known model matched to a preset), and fields name, version").tag("models").roles("admin")
                .returns(ModelView.class).status(201), this::upload);
        api.add(Route.get("/models", "The registered models").tag("models").returns(ModelList.class),
                call -> call.respond(new ModelList(registry.list().stream().map(m -> ModelView.of(m, false)).toList())));
        api.add(Route.get("/models/{modelId}", "One model with its labels").tag("models").returns(ModelView.class),
                call -> call.respond(ModelView.of(registry.get(call.path("modelId")), true)));
        api.add(Route.post("/models/{modelId}/predict", "Run the model on an image: its bytes as the body (image/jpeg, image/png...) "
                + "or {\"image_id\"}; the shape of annota predict --json").tag("models"), this::predict);
        api.add(Route.post("/projects/{projectId}/models", "Use a model in the project: {model_id, label_map}; answers the mapping, "
                        + "with the model labels that map to no class (dropped)").tag("models").roles("admin", "manager")
                .accepts(LinkBody.class).returns(LinkView.class).status(201), call -> {
            LinkBody b = call.body(LinkBody.class);
            call.respond(201, LinkView.of(links.link(call.actor(), call.path("projectId"), b.modelId(), b.entries())));
        });
        api.add(Route.get("/projects/{projectId}/models", "The project's models and their mappings").tag("models")
                .returns(LinkList.class), call -> call.respond(new LinkList(links.list(call.actor(), call.path("projectId")).stream()
                        .map(LinkView::of).toList())));
        api.add(Route.delete("/projects/{projectId}/models/{modelId}", "Stop using a model in the project").tag("models")
                .roles("admin", "manager").status(204), call -> {
            links.unlink(call.actor(), call.path("projectId"), call.path("modelId"));
            call.noContent();
        });
        new AssistRoutes(new AssistTools(ctx.db(), registry, loaded, links, catalog)).register(api);
        new PrelabelRoutes(ctx, links, loaded).register(api);
    }

    private void predict(Call call) throws IOException {
        String type = Optional.ofNullable(call.ctx().contentType()).orElse("").toLowerCase(Locale.ROOT);
        PredictImage.Result r;
        if (type.startsWith("application/json")) {
            r = predict.image(call.actor(), call.path("modelId"), call.body(PredictBody.class).imageId());
        } else {
            String name = call.query("name").orElse("image");
            r = predict.bytes(call.actor(), call.path("modelId"), call.ctx().bodyAsBytes(), name);
        }
        call.respond(PredictionJson.results(List.of(r.image()), List.of(r.prediction()), r.task()));
    }

    private void upload(Call call) throws IOException {
        ctx.access().requireAdmin(call.actor());
        MultipartUploads.Received received = uploads.read(call.ctx());
        Path folder = ctx.config().dataDir().resolve("tmp").resolve("model-upload-" + UUID.randomUUID());
        Files.createDirectories(folder);
        try {
            Path onnx = null;
            for (Upload u : received.files()) {
                String name = Path.of(u.fileName()).getFileName().toString();
                if (name.endsWith(".onnx") && onnx == null) {
                    onnx = save(u.content(), folder.resolve(name));
                } else if (name.endsWith(".json")) {
                    save(u.content(), folder.resolve("model.json"));
                } else if (name.endsWith(".txt")) {
                    save(u.content(), folder.resolve(name));
                } else {
                    throw ValidationException.of("file", u.fileName(), "one .onnx file, optionally a model.json and a labels .txt file");
                }
            }
            if (onnx == null) {
                throw ValidationException.of("file", received.files().stream().map(Upload::fileName).toList(), "an .onnx file part");
            }
            var model = registry.add(call.actor(), new ModelRegistry.NewModel(folder, param(call, "name"), param(call, "version")));
            call.respond(201, ModelView.of(model, true));
        } finally {
            try (var walk = Files.walk(folder)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Optional<String> param(Call call, String name) {
        return Optional.ofNullable(call.ctx().formParam(name)).filter(s -> !s.isBlank());
    }

    private static Path save(InputStream in, Path target) throws IOException {
        try (in) {
            Files.copy(in, target);
        }
        return target;
    }
}
