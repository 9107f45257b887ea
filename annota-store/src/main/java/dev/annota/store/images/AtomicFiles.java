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

    /** Copies {@code source} to {@code target} atomically; when {@code target} already exists, leaves it. */
    static void copy(Path source, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = tempBeside(target);
        try {
            Files.copy(source, temp);
            publish(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Forces {@code temp} to disk and renames it to {@code target} (keeping an existing target as it is). */
    static void publish(Path temp, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // the same content was stored meanwhile: ours is redundant
            Files.deleteIfExists(temp);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the image store at " + target.getParent() + " needs a file system with atomic renames", e);
        }
        syncFolder(target.getParent());
    }

    /** Makes the rename itself durable (a no-op where folders cannot be opened, as on Windows). */
    private static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // some platforms cannot open a folder; the rename is still atomic, only its durability is the OS's
            return;
        }
    }
}
