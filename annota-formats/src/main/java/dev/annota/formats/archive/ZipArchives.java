package dev.annota.formats.archive;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Zip archives in and out. Extraction refuses, before writing anything, every entry that could reach outside
 * the target folder or abuse the disk: absolute names, {@code ..} that climbs out (zip-slip), symbolic links,
 * and archives whose entries add up to more than a size or count limit (zip bombs).
 */
public final class ZipArchives {
    /** Default limits: 64 GiB and one million entries. */
    public static final long DEFAULT_MAX_BYTES = 64L << 30;
    public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

    private ZipArchives() {
    }

    public static boolean isZip(Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** Extracts {@code zip} into the empty or new folder {@code into}, with the default limits. */
    public static void extract(Path zip, Path into) throws IOException {
        extract(zip, into, DEFAULT_MAX_BYTES, DEFAULT_MAX_ENTRIES);
    }

    public static void extract(Path zip, Path into, long maxBytes, int maxEntries) throws IOException {
        Path root = Files.createDirectories(into).toAbsolutePath().normalize();
        String name = zip.getFileName().toString();
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            List<ZipArchiveEntry> entries = check(zf, name, root, maxBytes, maxEntries);
            long written = 0;
            for (ZipArchiveEntry e : entries) {
                Path target = root.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = zf.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        written += n;
                        if (written > maxBytes) {
                            // the sizes in the directory lied: stop before the disk fills
                            throw new ValidationException(new FieldError(name + ":" + e.getName(), "size", written + " bytes",
                                    "expected an archive of at most " + maxBytes + " bytes when extracted"));
                        }
                        out.write(buf, 0, n);
                    }
                }
            }
        }
    }

    /** Checks every entry before anything is written; returns them in archive order. */
    private static List<ZipArchiveEntry> check(ZipFile zf, String name, Path root, long maxBytes, int maxEntries) {
        java.util.ArrayList<ZipArchiveEntry> out = new java.util.ArrayList<>();
        long declared = 0;
        Enumeration<ZipArchiveEntry> en = zf.getEntries();
        while (en.hasMoreElements()) {
            ZipArchiveEntry e = en.nextElement();
            String entry = e.getName();
            String where = name + ":" + entry;
            String p = entry.replace('\\', '/');
            if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
                throw new ValidationException(new FieldError(where, "entry", entry, "expected a relative path inside the archive, not an absolute one"));
            }
            if (!root.resolve(p).normalize().startsWith(root)) {
                throw new ValidationException(new FieldError(where, "entry", entry, "expected a path that stays inside the archive (zip-slip)"));
            }
            if (e.isUnixSymlink()) {
                throw new ValidationException(new FieldError(where, "entry", entry, "expected files and folders, not a symbolic link"));
            }
            if (e.getSize() > 0) {
                declared += e.getSize();
            }
            if (declared > maxBytes) {
                throw new ValidationException(new FieldError(where, "size", declared + " bytes",
                        "expected an archive of at most " + maxBytes + " bytes when extracted"));
            }
            if (out.size() >= maxEntries) {
                throw new ValidationException(new FieldError(where, "entries", ">" + maxEntries, "expected at most " + maxEntries + " entries"));
            }
            out.add(e);
        }
        return out;
    }

    /** Packs the files under {@code folder} into {@code zip} (written beside it, then moved into place). */
    public static void pack(Path folder, Path zip) throws IOException {
        Path base = folder.toAbsolutePath().normalize();
        Path partial = zip.resolveSibling(zip.getFileName() + ".partial");
        try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(partial.toFile());
             Stream<Path> files = Files.walk(base)) {
            for (Path f : files.sorted().toList()) {
                if (!Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String entry = base.relativize(f).toString().replace('\\', '/');
                ZipArchiveEntry e = new ZipArchiveEntry(f.toFile(), entry);
                out.putArchiveEntry(e);
                Files.copy(f, out);
                out.closeArchiveEntry();
            }
            out.finish();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
