package dev.annota.formats.coco;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Item;
import dev.annota.formats.json.JsonObjectFields;
import dev.annota.formats.json.JsonObjectFields.NullValue;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One pass over the items of a COCO dataset: the images of each file in order, each with its annotation
 * records parsed again from their byte ranges (in file order). Problems were reported by the first pass, and
 * records that failed it are not in the index, so nothing is reported here. Holds one file open at a time;
 * closing the stream closes it.
 */
final class CocoItems implements Iterator<Item>, Closeable {
    private final List<CocoFileIndex> files;
    private int file;
    private int image;
    private ElementWindow window;

    private CocoItems(List<CocoFileIndex> files) {
        this.files = files;
    }

    static Stream<Item> stream(List<CocoFileIndex> files) {
        CocoItems items = new CocoItems(files);
        long size = files.stream().mapToLong(f -> f.images().size()).sum();
        return StreamSupport.stream(Spliterators.spliterator(items, size, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(items::closeWindow);
    }

    @Override
    public boolean hasNext() {
        while (file < files.size() && image >= files.get(file).images().size()) {
            closeWindow();
            file++;
            image = 0;
        }
        return file < files.size();
    }

    @Override
    public Item next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        CocoFileIndex index = files.get(file);
        try {
            Item item = item(index, image);
            image++;
            return item;
        } catch (IOException e) {
            throw new UncheckedIOException(index.file() + ": " + e.getMessage(), e);
        }
    }

    private Item item(CocoFileIndex index, int i) throws IOException {
        CocoFileIndex.Image im = index.images().get(i);
        int n = index.recordCount(i);
        List<Annotation> annotations = new ArrayList<>(n);
        if (n > 0 && window == null) {
            index.requireUnchanged();
            window = new ElementWindow(index.file());
        }
        for (int k = 0; k < n; k++) {
            long offset = index.offset(i, k);
            int length = index.length(i, k);
            byte[] bytes = window.load(offset, length);
            JsonNode node = CocoScanner.JSON.readTree(bytes, window.position(offset), length);
            JsonObjectFields f = new JsonObjectFields(node, index.file().getFileName() + ": byte " + offset, NullValue.TEXT);
            try {
                annotations.addAll(CocoRecords.toAnnotations(f, index.label(f.requireLong("category_id")),
                        im.ref().size(), CocoRecords.SILENT, CocoRecords.SILENT));
            } catch (ValidationException e) {
                // the first pass read this record without error, so the file changed under us
                throw new AnnotaException(f.location() + ": the record no longer reads as it did; read the dataset again", e);
            }
        }
        return new Item(im.itemId(), im.ref(), index.subset(), annotations, Map.of("coco_image_id", Long.toString(im.cocoId())));
    }

    void closeWindow() {
        if (window != null) {
            try {
                window.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            window = null;
        }
    }

    @Override
    public void close() {
        closeWindow();
    }
}
