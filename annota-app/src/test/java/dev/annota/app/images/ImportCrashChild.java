package dev.annota.app.images;

import dev.annota.app.Progress;
import dev.annota.store.Database;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The JVM that {@link ImportCrashTest} kills: imports a folder into project p1 and writes its progress to a
 * file, sleeping after each chunk of rows it inserts so that the kill lands inside the transaction.
 * Arguments: JDBC URL, data folder, import folder, progress file.
 */
public final class ImportCrashChild {
    private ImportCrashChild() {
    }

    public static void main(String[] args) throws IOException {
        String url = args[0];
        Path data = Path.of(args[1]);
        Path folder = Path.of(args[2]);
        Path progressFile = Path.of(args[3]);
        try (Database db = Databases.open(url)) {
            ImportImages importer = new ImportImages(db, new ImageStore(data), new ImageInspector(),
                    ImportSettings.defaults().withImportRoot(folder.getParent()));
            importer.serverPath(ImportRequest.of("p1", "crash"), folder.getFileName().toString(), new Progress() {
                private String phase = "";

                @Override
                public void start(String name, long total) {
                    phase = name;
                    write(name + " 0");
                }

                @Override
                public void step(long done) {
                    write(phase + " " + done);
                    if (phase.equals("writing rows")) {
                        sleep();
                    }
                }

                @Override
                public void finish() {
                    write(phase + " done");
                }

                private void write(String line) {
                    try {
                        Files.writeString(progressFile, line);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            Files.writeString(progressFile, "committed");
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
