package dev.annota.formats.cvat;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** One pass over the images of a CVAT dataset's files, one {@code <image>} per {@link #tryAdvance}. */
final class CvatItems extends Spliterators.AbstractSpliterator<Item> implements AutoCloseable {
    private final Path root;
    private final List<CvatIndex> files;
    private final ImportReport report;
    private final CappedWarnings warnings;
    private final CvatShapes shapes;
    private final Runnable onComplete;
    private final Set<String> ids = new HashSet<>();
    private int fileIndex = -1;
    private CvatIndex current;
    private String defaultSubset;
    private InputStream in;
    private XMLStreamReader reader;
    private boolean done;

    CvatItems(Path root, LabelSchema schema, List<CvatIndex> files, ImportReport report, Runnable onComplete) {
        super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
        this.root = root;
        this.files = files;
        this.report = report;
        this.warnings = new CappedWarnings(report);
        this.shapes = new CvatShapes(schema, warnings);
        this.onComplete = onComplete;
    }

    @Override
    public boolean tryAdvance(Consumer<? super Item> action) {
        while (!done) {
            if (reader == null && !openNext()) {
                done = true;
                warnings.finish();
                onComplete.run();
                return false;
            }
            try {
                XmlElement image = nextImage();
                if (image == null) {
                    closeCurrent();
                    continue;
                }
                Optional<Item> item = toItem(image);
                if (item.isPresent()) {
                    action.accept(item.get());
                    return true;
                }
            } catch (XMLStreamException e) {
                if (!current.broken) {
                    report.error(CvatReader.xmlError(current.fileName, e));
                }
                closeCurrent();
            }
        }
        return false;
    }

    private boolean openNext() {
        while (++fileIndex < files.size()) {
            current = files.get(fileIndex);
            defaultSubset = CvatReader.defaultSubset(current);
            try {
                in = new BufferedInputStream(Files.newInputStream(current.file), 1 << 16);
                reader = CvatXml.inputFactory().createXMLStreamReader(in);
                // a wrong root was reported by the first pass
                if (CvatReader.toRoot(reader, current.fileName, new ImportReport(ErrorPolicy.COLLECT))) {
                    return true;
                }
            } catch (IOException e) {
                closeCurrent();
                throw new UncheckedIOException(e);
            } catch (XMLStreamException e) {
                if (!current.broken) {
                    report.error(CvatReader.xmlError(current.fileName, e));
                }
            }
            closeCurrent();
        }
        return false;
    }

    /** The next {@code <image>} of the current file, read whole; null at the end of the file. */
    private XmlElement nextImage() throws XMLStreamException {
        while (reader.hasNext()) {
            int ev = reader.next();
            if (ev == XMLStreamConstants.END_ELEMENT || ev == XMLStreamConstants.END_DOCUMENT) {
                return null; // </annotations>
            }
            if (ev == XMLStreamConstants.START_ELEMENT) {
                if (reader.getLocalName().equals("image")) {
                    return XmlElement.read(reader, current.fileName);
                }
                CvatXml.skipElement(reader); // <version>, <meta> (read by the first pass), <track>
            }
        }
        return null;
    }

    private Optional<Item> toItem(XmlElement image) {
        String where = image.location();
        String name = image.attributes().get("name");
        if (name == null || name.isBlank()) {
            report.error(new FieldError(where, "image.name", name, "expected the image's file name; image skipped"));
            return Optional.empty();
        }
        Optional<ImageSize> declared;
        try {
            declared = declaredSize(image);
        } catch (ValidationException e) {
            report.error(e);
            return Optional.empty();
        }
        String subset = image.attribute("subset").filter(s -> !s.isBlank()).orElse(defaultSubset);
        Path path;
        try {
            path = resolveImage(name, subset, where);
        } catch (ValidationException e) {
            report.error(e);
            return Optional.empty();
        }
        Optional<ImageSize> actual = ImageProbe.size(path);
        if (actual.isEmpty()) {
            warnings.warn("image.missing", new FieldError(where, "image.name", name,
                    "expected an image file at " + root.relativize(path) + " (missing or unreadable)"));
        } else if (declared.isPresent() && !declared.get().equals(actual.get())) {
            warnings.warn("image.size", new FieldError(where, "image.width/height", declared.get().width() + "x" + declared.get().height(),
                    "expected the size of the image file, " + actual.get().width() + "x" + actual.get().height() + " (the file's size is used)"));
        }
        Optional<ImageSize> size = actual.isPresent() ? actual : declared;
        String id = stem(name);
        if (!ids.add(id)) {
            id = subset + "/" + id;
            if (!ids.add(id)) {
                report.error(new FieldError(where, "image.name", name, "expected each image once in a subset; image skipped"));
                return Optional.empty();
            }
        }
        List<Annotation> annotations = new ArrayList<>();
        for (XmlElement child : image.children()) {
            if (CvatIndex.SHAPES.contains(child.name())) {
                try {
                    annotations.add(shapes.read(child, size));
                } catch (ValidationException e) {
                    report.error(e);
                }
            } else {
                warnings.warn("element.unknown", new FieldError(child.location(), "image." + child.name(), "<" + child.name() + ">",
                        "expected a shape (box, polygon, polyline, points, ellipse, cuboid, mask, tag, skeleton); ignored"));
            }
        }
        Map<String, String> metadata = image.attribute("id").map(v -> Map.of("cvat_image_id", v)).orElse(Map.of());
        return Optional.of(new Item(id, new ImageRef(path.toString(), size, Optional.empty()), subset, annotations, metadata));
    }

    private static Optional<ImageSize> declaredSize(XmlElement image) {
        String w = image.attributes().get("width"), h = image.attributes().get("height");
        if (w == null || h == null) {
            return Optional.empty();
        }
        return Optional.of(new ImageSize(positive(image, "width", w), positive(image, "height", h)));
    }

    private static int positive(XmlElement image, String field, String raw) {
        try {
            int v = Integer.parseInt(raw.strip());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the value
        }
        throw new ValidationException(new FieldError(image.location(), "image." + field, raw,
                "expected a whole number of pixels >= 1; image skipped"));
    }

    /**
     * The image file: {@code images/<subset>/<name>} (Datumaro's layout with subsets), {@code images/<name>}
     * (CVAT's) or {@code <name>}, the first that exists. A name that is absolute or climbs out of the
     * folder is refused, naming the name as written.
     */
    private Path resolveImage(String name, String subset, String where) {
        List<String> candidates = new ArrayList<>();
        if (!subset.equals(Item.DEFAULT_SUBSET)) {
            candidates.add(CvatFormat.IMAGES_DIR + "/" + subset + "/" + name);
        }
        candidates.add(CvatFormat.IMAGES_DIR + "/" + name);
        candidates.add(name);
        List<Path> paths = new ArrayList<>();
        try {
            SafePaths.resolveInside(root.resolve(CvatFormat.IMAGES_DIR), name, where, "image.name");
            for (String c : candidates) {
                paths.add(SafePaths.resolveInside(root, c, where, "image.name"));
            }
        } catch (ValidationException e) {
            FieldError fe = e.errors().get(0);
            throw new ValidationException(new FieldError(fe.location(), fe.field(), name, fe.expected()));
        }
        for (Path p : paths) {
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return paths.get(subset.equals(Item.DEFAULT_SUBSET) ? 0 : 1);
    }

    /** {@code sub/a.jpg} → {@code sub/a}: the item id is the name without its extension. */
    static String stem(String name) {
        String f = name.replace('\\', '/');
        int slash = f.lastIndexOf('/');
        int dot = f.lastIndexOf('.');
        return dot > slash + 1 ? f.substring(0, dot) : f;
    }

    private void closeCurrent() {
        try {
            if (reader != null) {
                reader.close();
            }
        } catch (XMLStreamException e) {
            // the StAX reader holds nothing the input stream's close does not release
        } finally {
            reader = null;
            try {
                if (in != null) {
                    in.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                in = null;
            }
        }
    }

    @Override
    public void close() {
        done = true;
        closeCurrent();
    }
}
