package dev.annota.formats.archive;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A dataset path ready to read: a folder or file as given, or a zip archive extracted (safely) into a
 * temporary folder that is deleted on {@link #close()}. When the archive holds a single top-level folder,
 * that folder is the dataset root.
 */
public final class DatasetInput implements Closeable {
    private final Path root;
    private final Path temporary;

    private DatasetInput(Path root, Path temporary) {
        this.root = root;
        this.temporary = temporary;
    }

    public static DatasetInput open(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        if (!ZipArchives.isZip(path)) {
            return new DatasetInput(path, null);
        }
        Path tmp = Files.createTempDirectory("annota-zip-");
        try {
            ZipArchives.extract(path, tmp);
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            throw e;
        }
        return new DatasetInput(singleFolder(tmp), tmp);
    }

    private static Path singleFolder(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            var all = s.toList();
            return all.size() == 1 && Files.isDirectory(all.get(0)) ? all.get(0) : tmp;
        }
    }

    /** The folder or file to detect and read. */
    public Path root() {
        return root;
    }

    public boolean isArchive() {
        return temporary != null;
    }

    @Override
    public void close() throws IOException {
        if (temporary != null) {
            deleteTree(temporary);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
