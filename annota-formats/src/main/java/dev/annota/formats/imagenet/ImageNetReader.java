package dev.annota.formats.imagenet;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads class folders. The label of an image is the name of the top-level class folder that holds it (the
 * torchvision ImageFolder rule), so an image nested deeper ({@code cat/sub/a.jpg}) is a {@code cat} and is
 * warned about (Datumaro would label it {@code cat/sub}); an image outside any class folder has no label and
 * is warned about. When every top-level folder is a split name ({@code train}, {@code val}, {@code test}...),
 * each is a subset holding class folders. Classes are the class folder names, sorted, so ids follow
 * ImageFolder's class indices; empty class folders are classes too. Item ids are image paths below the
 * dataset (or split) folder, without extension; a file in a class folder that is not an image is warned about.
 */
final class ImageNetReader implements DatasetReader {
    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new ValidationException(new FieldError(path.toString(), "(folder)", path.toString(),
                    "expected a folder of class folders"));
        }
        Path root = path.toAbsolutePath().normalize();
        List<Path> dirs = folders(root);
        boolean split = !dirs.isEmpty() && dirs.stream().allMatch(d -> ImageNetFormat.SPLITS.contains(d.getFileName().toString()));
        List<Scope> scopes = new ArrayList<>();
        if (split) {
            for (Path d : dirs) {
                scopes.add(new Scope(d, d.getFileName().toString()));
            }
            warnLooseImages(root, report);
        } else {
            scopes.add(new Scope(root, Item.DEFAULT_SUBSET));
        }
        Set<String> classNames = new TreeSet<>();
        for (Scope s : scopes) {
            folders(s.dir).forEach(d -> classNames.add(d.getFileName().toString()));
        }
        LabelSchema.Builder schema = LabelSchema.builder();
        classNames.forEach(schema::getOrAdd);

        List<Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Scope s : scopes) {
            for (Path file : files(s.dir)) {
                String rel = ImageFiles.slashed(s.dir.relativize(file));
                String where = split ? s.subset + "/" + rel : rel;
                if (!ImageFiles.isImage(file)) {
                    if (rel.contains("/")) {
                        report.warn(new FieldError(where, "image", rel, "expected an image file in a class folder (ignored)"));
                    }
                    continue;
                }
                try {
                    SafePaths.resolveInside(s.dir, rel, where, "image"); // a link out of the dataset is refused
                } catch (ValidationException e) {
                    report.error(e);
                    continue;
                }
                int slash = rel.indexOf('/');
                List<Annotation> tags = List.of();
                if (slash < 0) {
                    report.warn(new FieldError(where, "label", null, "expected the image inside a class folder; read without a label"));
                } else {
                    String cls = rel.substring(0, slash);
                    if (rel.indexOf('/', slash + 1) > 0) {
                        report.warn(new FieldError(where, "label", rel.substring(0, rel.lastIndexOf('/')),
                                "expected the image directly in its class folder; labelled with the top-level folder \"" + cls + "\""));
                    }
                    LabelId label = schema.byName(cls).orElseThrow().id();
                    tags = List.of(Tag.of(label));
                }
                Optional<ImageSize> size = ImageProbe.size(file);
                if (size.isEmpty()) {
                    report.warn(new FieldError(where, "image", rel, "expected a readable image (its size is unknown)"));
                }
                String id = ImageFiles.stem(rel);
                if (!ids.add(id)) {
                    id = s.subset + "/" + id;
                    ids.add(id);
                }
                items.add(new Item(id, new ImageRef(file.toString(), size, Optional.empty()), s.subset, tags, Map.of()));
            }
        }
        LabelSchema frozen = schema.build();
        return Dataset.streaming(frozen, items::stream);
    }

    private record Scope(Path dir, String subset) {
    }

    private static void warnLooseImages(Path root, ImportReport report) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            s.filter(ImageFiles::isImage).sorted().forEach(p -> report.warn(new FieldError(p.getFileName().toString(), "subset", null,
                    "expected the image inside a split folder (train/val/test) and a class folder (ignored)")));
        }
    }

    private static List<Path> folders(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    /** Every non-hidden regular file below {@code dir}, sorted. */
    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        for (Path part : dir.relativize(p)) {
                            if (part.toString().startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    }).sorted().toList();
        }
    }
}
