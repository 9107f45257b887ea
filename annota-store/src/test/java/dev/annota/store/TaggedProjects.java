package dev.annota.store;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.images.ImageFormat;
import dev.annota.store.images.ImageStore;
import dev.annota.store.projects.Projects;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * A project of small generated photos tagged for training tests: classes {@code red} and {@code blue} (a square of
 * that colour on a noisy grey background) and {@code bright} (multi-label: the lighter half also carries it);
 * metadata {@code camera} alternates {@code a}/{@code b}; a few images stay untagged. Stored in the data folder's
 * content store like imported images.
 */
public final class TaggedProjects {
    private TaggedProjects() {
    }

    /** Creates the project with {@code perClass} tagged images per colour; returns its id. */
    public static String create(Database db, Path dataDir, int perClass, boolean multiLabel) {
        LabelSchema schema = LabelSchema.of("red", "blue", "bright", "unused");
        String project = new Projects(db).create("Colours " + Ids.newId().substring(0, 6), "", schema).id();
        ImageStore store = new ImageStore(dataDir);
        AnnotationSets sets = new AnnotationSets(db);
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 2 * perClass + 2; i++) {
            boolean red = i % 2 == 0;
            boolean bright = (i / 2) % 2 == 0;
            String id = addImage(db, store, project, image(red, bright, rnd), i % 4 < 2 ? "a" : "b");
            if (i >= 2 * perClass) {
                continue; // untagged
            }
            List<Annotation> tags = new ArrayList<>();
            tags.add(Tag.of(schema.byName(red ? "red" : "blue").orElseThrow().id()));
            if (multiLabel && bright) {
                tags.add(Tag.of(schema.byName("bright").orElseThrow().id()));
            }
            sets.save(id, 0, tags, Optional.empty(), "human");
        }
        return project;
    }

    private static byte[] image(boolean red, boolean bright, SplittableRandom rnd) {
        BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_INT_RGB);
        int base = bright ? 170 : 60;
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 24; x++) {
                int g = Math.max(0, Math.min(255, base + rnd.nextInt(-30, 31)));
                img.setRGB(x, y, new Color(g, g, g).getRGB());
            }
        }
        Graphics2D g = img.createGraphics();
        g.setColor(red ? new Color(220, 30, 30) : new Color(30, 30, 220));
        int s = 8 + rnd.nextInt(6);
        g.fillRect(rnd.nextInt(24 - s), rnd.nextInt(24 - s), s, s);
        g.dispose();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String addImage(Database db, ImageStore store, String project, byte[] png, String camera) {
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
            Path target = store.path(sha, ImageFormat.PNG);
            Files.createDirectories(target.getParent());
            Files.write(target, png);
            String id = Ids.newId();
            db.jdbi().useHandle(h -> h.execute("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, "
                    + "phash, source_path, split, metadata_json, created_at) VALUES (?, ?, ?, ?, 24, 24, ?, 1, 0, NULL, 'default', ?, ?)",
                    id, project, sha, id + ".png", ImageFormat.PNG.key(), "{\"camera\":\"" + camera + "\"}", System.currentTimeMillis()));
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
