package dev.annota.bench;

import dev.annota.app.auth.Access;
import dev.annota.app.exports.ExportProject;
import dev.annota.app.exports.ExportReport;
import dev.annota.app.exports.ExportRequest;
import dev.annota.app.operations.OperationRunner;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.app.Progress;
import dev.annota.formats.Formats;
import dev.annota.store.Database;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** A whole project's COCO export (annotations only) through the server's export use case, for {@link DbScaleBench}. */
final class DbScaleExport {
    private DbScaleExport() {
    }

    /** Exports {@code projectId} into {@code out}; returns the number of images written. */
    static long export(String url, String user, Path dataDir, String projectId, Path out) throws IOException {
        try (Database db = Database.open(url, user, "")) {
            OperationRunner runner = OperationRunner.start(db, dataDir, 1, Clock.systemUTC(), List.of());
            try {
                ProjectOperations operations = new ProjectOperations(db, runner, new Access((p, u) -> Optional.empty()));
                ExportProject export = new ExportProject(db, new ImageStore(dataDir), Formats.standard(), operations);
                ExportReport report = export.export(projectId, Formats.standard().get("coco"),
                        new ExportRequest("coco", false, ImageFilter.all()), Files.createDirectories(out), Progress.NONE);
                return report.images();
            } finally {
                runner.close();
            }
        }
    }
}
