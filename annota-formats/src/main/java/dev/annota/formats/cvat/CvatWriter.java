package dev.annota.formats.cvat;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes CVAT's export layout: {@code annotations.xml} and the images in {@code images/} (named after the item
 * id plus the source file's extension). Items are streamed once: the {@code <image>} elements go to a
 * temporary fragment while the writer learns which undeclared attributes the annotations use, then
 * {@code annotations.xml.partial} is written ({@code <meta>} first, as CVAT expects, then the fragment) and
 * moved into place, so a crash never leaves a half-written file. Images are copied the same way.
 *
 * <p>Items of a subset other than {@code default} carry {@code subset="..."} on their {@code <image>}, as CVAT
 * project exports do; annotation group ids are renumbered from 1 within each image. What CVAT cannot hold is
 * listed in the report (see {@link CvatShapeWriter}).
 */
final class CvatWriter implements DatasetWriter {
    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(CvatFormat.ANNOTATIONS_FILE);
        Path partial = folder.resolve(CvatFormat.ANNOTATIONS_FILE + ".partial");
        Path fragment = folder.resolve("." + CvatFormat.ANNOTATIONS_FILE + ".images.partial");
        CappedWarnings warnings = new CappedWarnings(report);
        CvatShapeWriter shapes = new CvatShapeWriter(dataset.schema(), warnings);
        try {
            long count = 0;
            try (Writer out = Files.newBufferedWriter(fragment, StandardCharsets.UTF_8);
                    Stream<Item> items = dataset.items()) {
                XMLStreamWriter w = CvatXml.outputFactory().createXMLStreamWriter(out);
                Iterator<Item> it = items.iterator();
                while (it.hasNext()) {
                    if (image(w, it.next(), count, folder, shapes, warnings)) {
                        count++;
                    }
                }
                w.flush();
                w.close();
            }
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations>\n  <version>1.1</version>"
                        .getBytes(StandardCharsets.UTF_8));
                XMLStreamWriter w = CvatXml.outputFactory().createXMLStreamWriter(new Unclosed(out), "UTF-8");
                CvatMetaWriter.write(w, dataset.schema(), shapes.undeclared(), count, report);
                w.flush();
                w.close();
                Files.copy(fragment, out);
                out.write("\n</annotations>\n".getBytes(StandardCharsets.UTF_8));
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (XMLStreamException e) {
            throw new IOException(target + ": could not write XML (" + e.getMessage() + ")", e);
        } finally {
            Files.deleteIfExists(fragment);
            Files.deleteIfExists(partial);
            warnings.finish();
        }
    }

    /** Writes one {@code <image>} and copies its file; false when the item cannot be written at all. */
    private boolean image(XMLStreamWriter w, Item item, long frame, Path folder, CvatShapeWriter shapes,
            CappedWarnings warnings) throws XMLStreamException, IOException {
        String where = "item " + item.id();
        Path source = Path.of(item.image().location());
        String file = source.getFileName() == null ? "" : source.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String name = item.id() + (dot > 0 ? file.substring(dot) : "");
        Path copy;
        try {
            copy = SafePaths.resolveInside(folder.resolve(CvatFormat.IMAGES_DIR), name, where, "id");
        } catch (ValidationException e) {
            warnings.report().error(e);
            return false;
        }
        Optional<ImageSize> size = item.image().size().or(() -> ImageProbe.size(source));
        copyImage(source, copy, where, warnings);
        CvatShapeWriter.indent(w, 1);
        w.writeStartElement("image");
        w.writeAttribute("id", Long.toString(frame));
        w.writeAttribute("name", name);
        if (!item.subset().equals(Item.DEFAULT_SUBSET)) {
            w.writeAttribute("subset", item.subset());
        }
        if (size.isPresent()) {
            w.writeAttribute("width", Integer.toString(size.get().width()));
            w.writeAttribute("height", Integer.toString(size.get().height()));
        } else {
            warnings.warn("image.size", new FieldError(where, "image.size", item.image().location(),
                    "expected a known image size; <image> written without width and height"));
        }
        Map<Integer, Integer> groups = new HashMap<>();
        int[] next = {0};
        for (int i = 0; i < item.annotations().size(); i++) {
            shapes.write(w, item.annotations().get(i), where + ": annotations[" + i + "]", groups, () -> ++next[0]);
        }
        if (!item.annotations().isEmpty()) {
            CvatShapeWriter.indent(w, 1);
        }
        w.writeEndElement();
        return true;
    }

    private static void copyImage(Path source, Path target, String where, CappedWarnings warnings) throws IOException {
        if (!Files.isRegularFile(source)) {
            warnings.warn("image.missing", new FieldError(where, "image", source.toString(),
                    "expected an image file to copy; only its annotations are written"));
            return;
        }
        if (Files.exists(target) && Files.isSameFile(source, target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Lets an XML writer flush into the file without closing it. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
