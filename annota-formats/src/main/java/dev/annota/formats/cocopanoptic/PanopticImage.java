package dev.annota.formats.cocopanoptic;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One image of a panoptic dataset as the JSON describes it; {@link #toItem} decodes its PNG into one mask per
 * segment, reporting where the PNG and the JSON disagree.
 */
record PanopticImage(String itemId, String subset, long cocoId, ImageRef ref, Optional<Path> png, String pngLocation,
                     List<Segment> segments) {
    /** The attribute that carries COCO's crowd flag (as in the COCO instances format). */
    static final String ISCROWD = "iscrowd";

    /** One entry of {@code segments_info}. */
    record Segment(long id, LabelId label, boolean crowd, OptionalDouble area, Optional<double[]> bbox, String location) {
    }

    PanopticImage {
        segments = List.copyOf(segments);
    }

    Item toItem(Consumer<FieldError> warn) throws IOException {
        Map<String, String> metadata = Map.of("coco_image_id", Long.toString(cocoId));
        if (png.isEmpty()) {
            warn.accept(new FieldError(pngLocation, "annotations", "image " + cocoId,
                    "expected a panoptic record for the image (it has no segments)"));
            return new Item(itemId, ref, subset, List.of(), metadata);
        }
        Optional<PanopticPng.Ids> decoded = PanopticPng.read(png.get());
        if (decoded.isEmpty()) {
            warn.accept(new FieldError(pngLocation, "file_name", png.get().getFileName().toString(),
                    "expected a readable PNG at " + png.get() + "; its " + segments.size() + " segments are skipped"));
            return new Item(itemId, ref, subset, List.of(), metadata);
        }
        PanopticPng.Ids ids = decoded.get();
        ImageSize canvas = ref.size().orElse(new ImageSize(ids.width(), ids.height()));
        String pngName = png.get().getFileName().toString();
        if (canvas.width() != ids.width() || canvas.height() != ids.height()) {
            warn.accept(new FieldError(pngLocation, "file_name", pngName,
                    "expected a PNG of the image's size: the panoptic PNG is " + ids.width() + "x" + ids.height()
                            + " but the image is " + canvas.width() + "x" + canvas.height()
                            + " (segments kept at the top left, cut to the image)"));
        }
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            index.put((int) segments.get(i).id(), i);
        }
        int n = segments.size();
        long[] pixels = new long[n];
        int[] minX = new int[n], minY = new int[n], maxX = new int[n], maxY = new int[n];
        Arrays.fill(minX, Integer.MAX_VALUE);
        Arrays.fill(minY, Integer.MAX_VALUE);
        Arrays.fill(maxX, -1);
        Arrays.fill(maxY, -1);
        boolean[][] bitmaps = new boolean[n][canvas.width() * canvas.height()];
        TreeSet<Integer> unlisted = new TreeSet<>();
        for (int y = 0; y < ids.height(); y++) {
            for (int x = 0; x < ids.width(); x++) {
                int id = ids.ids()[y * ids.width() + x];
                if (id == 0) {
                    continue;
                }
                Integer s = index.get(id);
                if (s == null) {
                    unlisted.add(id);
                    continue;
                }
                pixels[s]++;
                minX[s] = Math.min(minX[s], x);
                minY[s] = Math.min(minY[s], y);
                maxX[s] = Math.max(maxX[s], x);
                maxY[s] = Math.max(maxY[s], y);
                if (x < canvas.width() && y < canvas.height()) {
                    bitmaps[s][y * canvas.width() + x] = true;
                }
            }
        }
        if (!unlisted.isEmpty()) {
            warn.accept(new FieldError(pngLocation, "segments_info", unlisted.toString(),
                    "expected every segment id of " + pngName + " in segments_info (those pixels are left unlabelled)"));
        }
        List<Annotation> masks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Segment s = segments.get(i);
            if (pixels[i] == 0) {
                warn.accept(new FieldError(s.location(), "id", Long.toString(s.id()),
                        "expected the segment's pixels in " + pngName + " (none found; segment skipped)"));
                continue;
            }
            if (s.area().isPresent() && s.area().getAsDouble() != pixels[i]) {
                warn.accept(new FieldError(s.location(), "area", num(s.area().getAsDouble()),
                        "expected the segment's pixel count in " + pngName + ", " + pixels[i] + " (the PNG is used)"));
            }
            double[] actual = {minX[i], minY[i], maxX[i] - minX[i] + 1, maxY[i] - minY[i] + 1};
            if (s.bbox().isPresent() && !Arrays.equals(s.bbox().get(), actual)) {
                warn.accept(new FieldError(s.location(), "bbox", box(s.bbox().get()),
                        "expected the segment's extent in " + pngName + ", " + box(actual) + " (the PNG is used)"));
            }
            AnnotationInfo info = AnnotationInfo.of(s.label()).withGroup((int) s.id());
            if (s.crowd()) {
                info = info.withAttribute(ISCROWD, AttributeValue.of(true));
            }
            masks.add(new MaskAnnotation(info, Rle.fromBitmap(bitmaps[i], canvas.height(), canvas.width())));
        }
        return new Item(itemId, ref, subset, masks, metadata);
    }

    private static String box(double[] b) {
        return "[" + num(b[0]) + ", " + num(b[1]) + ", " + num(b[2]) + ", " + num(b[3]) + "]";
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
