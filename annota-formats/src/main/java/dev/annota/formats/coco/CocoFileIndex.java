package dev.annota.formats.coco;

import dev.annota.core.error.AnnotaException;
import dev.annota.core.item.ImageRef;
import dev.annota.core.schema.LabelId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the first pass keeps of one COCO file: its images (small) and, for each annotation record that was
 * read without error, the image it belongs to and the byte range of its JSON object in the file, in primitive
 * arrays (16 bytes a record: a million records take 16 MB). The records of each image are listed in file
 * order, so a pass over the items reads each image's records in increasing offset.
 */
final class CocoFileIndex {
    /** One image of the file, with its final (dataset-unique) item id. */
    record Image(long cocoId, String itemId, ImageRef ref) {
    }

    private final Path file;
    private final String subset;
    private final List<Image> images;
    private final Map<Long, LabelId> labels;
    private final long[] offsets;
    private final int[] lengths;
    /** The records of image {@code i} are {@code order[first[i]] .. order[first[i+1]-1]}. */
    private final int[] first;
    private final int[] order;
    private final long size;
    private final FileTime modified;

    private CocoFileIndex(Path file, String subset, List<Image> images, Map<Long, LabelId> labels,
                          long[] offsets, int[] lengths, int[] first, int[] order) throws IOException {
        this.file = file;
        this.subset = subset;
        this.images = List.copyOf(images);
        this.labels = Map.copyOf(labels);
        this.offsets = offsets;
        this.lengths = lengths;
        this.first = first;
        this.order = order;
        this.size = Files.size(file);
        this.modified = Files.getLastModifiedTime(file);
    }

    Path file() {
        return file;
    }

    String subset() {
        return subset;
    }

    List<Image> images() {
        return images;
    }

    /** The class of a COCO category id; every id a kept record names is here. */
    LabelId label(long categoryId) {
        LabelId id = labels.get(categoryId);
        if (id == null) {
            throw new AnnotaException(file + ": category " + categoryId + " was not seen by the first pass");
        }
        return id;
    }

    int recordCount(int image) {
        return first[image + 1] - first[image];
    }

    /** The byte offset of the {@code k}-th record of {@code image}. */
    long offset(int image, int k) {
        return offsets[order[first[image] + k]];
    }

    int length(int image, int k) {
        return lengths[order[first[image] + k]];
    }

    long annotationRecords() {
        return offsets.length;
    }

    /** Fails when the file changed since the first pass: the offsets would point at other bytes. */
    void requireUnchanged() throws IOException {
        if (Files.size(file) != size || !Files.getLastModifiedTime(file).equals(modified)) {
            throw new AnnotaException(file + ": the file changed since the dataset was read; read it again");
        }
    }

    /** Collects records in file order, then sorts them by image (stably) with a counting sort. */
    static final class Builder {
        private int[] imageOf = new int[1024];
        private long[] offsets = new long[1024];
        private int[] lengths = new int[1024];
        private int count;

        void add(int image, long offset, int length) {
            if (count == offsets.length) {
                int n = Math.max(16, count + (count >> 1));
                imageOf = Arrays.copyOf(imageOf, n);
                offsets = Arrays.copyOf(offsets, n);
                lengths = Arrays.copyOf(lengths, n);
            }
            imageOf[count] = image;
            offsets[count] = offset;
            lengths[count] = length;
            count++;
        }

        CocoFileIndex build(Path file, String subset, List<Image> images, Map<Long, LabelId> labels) throws IOException {
            int[] first = new int[images.size() + 1];
            for (int r = 0; r < count; r++) {
                first[imageOf[r] + 1]++;
            }
            for (int i = 0; i < images.size(); i++) {
                first[i + 1] += first[i];
            }
            int[] next = Arrays.copyOf(first, images.size());
            int[] order = new int[count];
            for (int r = 0; r < count; r++) {
                order[next[imageOf[r]]++] = r;
            }
            CocoFileIndex built = new CocoFileIndex(file, subset, images, labels,
                    Arrays.copyOf(offsets, count), Arrays.copyOf(lengths, count), first, order);
            imageOf = null;
            offsets = null;
            lengths = null;
            return built;
        }
    }
}
