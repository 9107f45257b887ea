package dev.annota.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.Progress;
import dev.annota.app.auth.Access;
import dev.annota.app.models.ModelRegistry;
import dev.annota.app.models.ProjectModelLinks;
import dev.annota.app.training.TrainProject;
import dev.annota.app.training.TrainRequest;
import dev.annota.app.training.TrainingRun;
import dev.annota.store.Database;
import dev.annota.train.TrainMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;

/** {@code annota train --project P}: trains on the project's accepted tags, registers and links the model. */
final class ProjectTraining {
    private ProjectTraining() {
    }

    static int run(TrainCommand c, TrainMode mode) throws IOException {
        DataOptions options = new DataOptions();
        options.data = c.data;
        options.db = c.db;
        options.dbUser = c.dbUser;
        options.dbPassword = c.dbPassword;
        TrainRequest request = new TrainRequest(mode, Optional.ofNullable(c.backbone).map(Object::toString), c.multiLabel,
                Optional.ofNullable(c.epochs), c.seed == null ? 1 : c.seed, Optional.ofNullable(c.name));
        PrintWriter err = c.spec.commandLine().getErr();
        try (Database db = options.open()) {
            Access access = Access.of(db);
            ModelRegistry registry = new ModelRegistry(db, options.dataDir(), access);
            TrainProject train = new TrainProject(db, options.dataDir(), registry, new ProjectModelLinks(db, registry, access));
            TrainingRun run = train.run(c.project, request, Optional.empty(), true, progress(new ConsoleProgress(err), err));
            PrintWriter o = c.spec.commandLine().getOut();
            if (c.json) {
                ObjectNode n = run.toJson();
                o.println(Json.MAPPER.writeValueAsString(n));
                return 0;
            }
            o.printf(Locale.ROOT, "model %s %s (id %s) registered and linked to the project; %d epochs, %.1f s; package: %s%n",
                    run.model().name(), run.model().version(), run.model().id(), run.result().history().size(), run.result().seconds(),
                    run.folder());
            run.result().validation().forEach((k, v) -> o.printf(Locale.ROOT, "  %-22s validation %s  test %s%n", k, TrainCommand.f(v),
                    TrainCommand.f(run.result().test().getOrDefault(k, Double.NaN))));
            run.slices().forEach(s -> o.printf(Locale.ROOT, "  slice %s=%s: accuracy %.4f on %d test images%n", s.field(), s.value(),
                    s.accuracy(), s.images()));
            o.println("pre-label with it: annota prelabel --project " + c.project + " --model " + run.model().id());
            return 0;
        }
    }

    /** The console bar, plus one line per finished epoch (from the training's detail). */
    private static Progress progress(ConsoleProgress bar, PrintWriter err) {
        return new Progress() {
            @Override
            public void start(String phase, long total) {
                bar.start(phase, total);
            }

            @Override
            public void step(long done) {
                bar.step(done);
            }

            @Override
            public void finish() {
                bar.finish();
            }

            @Override
            public void detail(String json) {
                try {
                    JsonNode n = Json.MAPPER.readTree(json);
                    JsonNode e = n.get("epochs").get(n.get("epochs").size() - 1);
                    err.printf(Locale.ROOT, "epoch %d/%d  loss %s  val loss %s  val acc %s  val macro F1 %s%n", e.get("epoch").asInt(),
                            n.get("epochs_planned").asInt(), num(e, "loss"), num(e, "val_loss"), num(e, "val_accuracy"), num(e, "val_macro_f1"));
                    err.flush();
                } catch (IOException ex) {
                    throw new IllegalStateException("training detail is not JSON", ex);
                }
            }
        };
    }

    private static String num(JsonNode e, String k) {
        return e.path(k).isNumber() ? String.format(Locale.ROOT, "%.4f", e.get(k).asDouble()) : "n/a";
    }
}
