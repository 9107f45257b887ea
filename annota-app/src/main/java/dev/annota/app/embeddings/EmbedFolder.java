package dev.annota.app.embeddings;

import dev.annota.app.Progress;
import dev.annota.app.images.FolderWalk;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.infer.embed.Embedder;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.RgbImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Embeds the image files of a folder tree (no database): the files {@link FolderWalk} finds, in its sorted order,
 * {@code batch} at a time, with progress and cancel between batches. A file that cannot be read or decoded is
 * left out and reported.
 */
public final class EmbedFolder {
    private EmbedFolder() {
    }

    /** One image's vector; {@code name} is its path relative to the folder, with forward slashes. */
    public record Row(String name, float[] vector) {
        public Row {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(vector, "vector");
        }
    }

    /** The vectors in file order, their length, the model's key, and the files left out with why. */
    public record Result(String model, int dim, List<Row> rows, List<FieldError> skipped) {
        public Result {
            rows = List.copyOf(rows);
            skipped = List.copyOf(skipped);
        }
    }

    public static Result run(Embedder embedder, Path folder, int batch, Progress progress) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw ValidationException.of("--images", folder.toString(), "expected a folder of images");
        }
        if (batch < 1) {
            throw ValidationException.of("batch", batch, "expected at least 1 image");
        }
        FolderWalk.Found found = FolderWalk.walk(folder);
        Path base = folder.toRealPath();
        List<Row> rows = new ArrayList<>();
        List<FieldError> skipped = new ArrayList<>(found.refused());
        int dim = 0;
        progress.start("embedding with " + embedder.key(), found.files().size());
        for (int from = 0; from < found.files().size(); from += batch) {
            progress.checkCancelled();
            List<String> names = new ArrayList<>();
            List<RgbImage> images = new ArrayList<>();
            for (Path f : found.files().subList(from, Math.min(found.files().size(), from + batch))) {
                String name = FolderWalk.relative(base, f);
                try {
                    images.add(ImageDecoder.read(f));
                    names.add(name);
                } catch (IOException | AnnotaException e) {
                    skipped.add(new FieldError(name, "file", name, "a decodable image (" + e.getMessage() + ")"));
                }
            }
            List<float[]> vectors = images.isEmpty() ? List.of() : embedder.embed(images);
            for (int i = 0; i < vectors.size(); i++) {
                rows.add(new Row(names.get(i), vectors.get(i)));
                dim = vectors.get(i).length;
            }
            progress.step(Math.min(found.files().size(), from + batch));
        }
        progress.finish();
        return new Result(embedder.key(), dim, rows, skipped);
    }
}
