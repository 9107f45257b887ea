package dev.annota.store.images;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Files that appear whole or not at all: written to a temporary name in the target's own folder, forced to
 * disk, then renamed into place (an atomic rename on every file system Annota supports).
 */
final class AtomicFiles {
    /** The suffix of temporary files; the garbage collector removes old ones left by a crash. */
    static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** A new temporary path beside {@code target}. */
    static Path tempBeside(Path target) {
        return target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
    }

    /**
     * Copies {@code source} to {@code target} atomically (whole or absent, whatever kills the process); not yet
     * forced to disk: see {@link #force}. When {@code target} already exists, it stays.
     */
    static void copy(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = tempBeside(target);
        try {
            Files.copy(source, temp);
            rename(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Forces a file's content to disk. */
    static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Forces {@code temp} to disk and renames it to {@code target} (keeping an existing target as it is). */
    static void publish(Path temp, Path target) throws IOException {
        force(temp);
        rename(temp, target);
        syncFolder(target.getParent());
    }

    private static void rename(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // the same content was stored meanwhile: ours is redundant
            Files.deleteIfExists(temp);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the image store at " + target.getParent() + " needs a file system with atomic renames", e);
        }
    }

    /** Makes the rename itself durable (a no-op where folders cannot be opened, as on Windows). */
    static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a folder; the rename is still atomic, only its durability is the OS's
            return;
        }
    }
}
