package dev.annota.cli.crash;

import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.images.ImageFormat;
import dev.annota.store.images.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What must hold in a database and data folder after any crash, each check returning the violations it finds
 * (an empty list when consistent): the annotation tables agree with each other, no row points at nothing, and
 * every image row names a complete file in the content store.
 */
final class StoreInvariants {
    private final Database db;

    StoreInvariants(Database db) {
        this.db = db;
    }

    /** Every violation of the annotation and image invariants (and, on SQLite, of the file's own integrity). */
    List<String> database() {
        List<String> bad = new ArrayList<>();
        db.jdbi().useHandle(h -> {
            if (db.dialect() == Dialect.SQLITE) {
                String integrity = h.createQuery("PRAGMA integrity_check").mapTo(String.class).one();
                if (!integrity.equals("ok")) {
                    bad.add("SQLite integrity_check: " + integrity);
                }
                h.createQuery("PRAGMA foreign_key_check").mapToMap().forEach(r -> bad.add("foreign key violation: " + r));
            }
            // the current set is the newest history row, with the same content, and versions run 1..current
            h.createQuery("SELECT s.image_id, s.version, COUNT(h.version), MIN(h.version), MAX(h.version) FROM annotation_sets s "
                            + "LEFT JOIN annotation_history h ON h.image_id = s.image_id GROUP BY s.image_id, s.version")
                    .map((rs, ctx) -> {
                        long v = rs.getLong(2);
                        long count = rs.getLong(3);
                        if (count != v || (v > 0 && (rs.getLong(4) != 1 || rs.getLong(5) != v))) {
                            return "image " + rs.getString(1) + ": current version " + v + " but history has " + count
                                    + " rows, versions " + rs.getLong(4) + ".." + rs.getLong(5);
                        }
                        return "";
                    }).forEach(s -> add(bad, s));
            h.createQuery("SELECT s.image_id FROM annotation_sets s JOIN annotation_history h ON h.image_id = s.image_id "
                            + "AND h.version = s.version WHERE h.annotations_json <> s.annotations_json")
                    .mapTo(String.class).forEach(id -> bad.add("image " + id + ": the current set differs from its history row"));
            h.createQuery("SELECT h.image_id, h.version FROM annotation_history h LEFT JOIN annotation_sets s ON s.image_id = h.image_id "
                            + "WHERE s.image_id IS NULL OR h.version > s.version")
                    .map((rs, ctx) -> "image " + rs.getString(1) + ": history version " + rs.getLong(2) + " beyond the current set")
                    .forEach(bad::add);
            h.createQuery("SELECT s.image_id FROM annotation_sets s LEFT JOIN images i ON i.id = s.image_id WHERE i.id IS NULL")
                    .mapTo(String.class).forEach(id -> bad.add("annotation set of a missing image " + id));
            h.createQuery("SELECT i.id FROM images i LEFT JOIN projects p ON p.id = i.project_id WHERE p.id IS NULL")
                    .mapTo(String.class).forEach(id -> bad.add("image " + id + " of a missing project"));
            h.createQuery("SELECT i.id FROM images i LEFT JOIN image_imports m ON m.id = i.import_id "
                            + "WHERE i.import_id IS NOT NULL AND m.id IS NULL")
                    .mapTo(String.class).forEach(id -> bad.add("image " + id + " of a missing import"));
            h.createQuery("SELECT m.id, m.images_added, COUNT(i.id) FROM image_imports m LEFT JOIN images i ON i.import_id = m.id "
                            + "GROUP BY m.id, m.images_added HAVING COUNT(i.id) <> m.images_added")
                    .map((rs, ctx) -> "import " + rs.getString(1) + " records " + rs.getLong(2) + " images but " + rs.getLong(3) + " exist")
                    .forEach(bad::add);
        });
        return bad;
    }

    /** Every image row whose original is missing from the store or whose bytes do not hash to its sha256. */
    List<String> imageFiles(Path dataDir) {
        ImageStore store = new ImageStore(dataDir);
        List<String> bad = new ArrayList<>();
        db.jdbi().useHandle(h -> h.createQuery("SELECT id, sha256, format FROM images").map((rs, ctx) -> {
            ImageFormat format = ImageFormat.fromKey(rs.getString(3)).orElseThrow();
            Path file = store.path(rs.getString(2), format);
            if (!Files.isRegularFile(file)) {
                return "image " + rs.getString(1) + ": no stored file " + file;
            }
            String sha = sha256(file);
            return sha.equals(rs.getString(2)) ? "" : "image " + rs.getString(1) + ": stored file hashes to " + sha;
        }).forEach(s -> add(bad, s)));
        return bad;
    }

    /** Every file of the store under its final name (not a temporary one) whose bytes do not hash to that name. */
    static List<String> storedFiles(Path dataDir) {
        Path images = dataDir.resolve("images");
        if (!Files.isDirectory(images)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(images)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".tmp")).map(f -> {
                String name = f.getFileName().toString();
                String expected = name.substring(0, name.indexOf('.'));
                String sha = sha256(f);
                return sha.equals(expected) ? "" : "stored file " + f + " is incomplete: its bytes hash to " + sha;
            }).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(List<String> bad, String s) {
        if (!s.isEmpty()) {
            bad.add(s);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
