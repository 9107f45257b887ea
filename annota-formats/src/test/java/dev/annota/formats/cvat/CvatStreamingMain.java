package dev.annota.formats.cvat;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Writes a synthetic CVAT dataset of {@code images × boxes} generated lazily, reads it back counting, and
 * prints {@code size=N items=N shapes=M problems=P bytes=B} and timings. Run in a JVM with a small heap by
 * {@link CvatStreamingTest}: a reader or writer that held the dataset in memory would run out of it.
 *
 * <p>Usage: {@code CvatStreamingMain FOLDER IMAGES BOXES_PER_IMAGE}
 */
public final class CvatStreamingMain {
    private CvatStreamingMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int images = Integer.parseInt(args[1]);
        int boxes = Integer.parseInt(args[2]);
        LabelSchema schema = LabelSchema.of("car", "person", "sign");
        Dataset lazy = Dataset.streaming(schema, () -> IntStream.range(0, images).mapToObj(i -> item(i, boxes)));
        long t0 = System.nanoTime();
        ImportReport written = new ImportReport(ErrorPolicy.COLLECT);
        new CvatWriter().write(lazy, dir, written);
        long t1 = System.nanoTime();
        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = new CvatReader().read(dir, read);
        long items = 0, shapes = 0;
        try (Stream<Item> s = back.items()) {
            for (var it = s.iterator(); it.hasNext(); ) {
                Item item = it.next();
                items++;
                shapes += item.annotations().size();
            }
        }
        long t2 = System.nanoTime();
        System.out.printf("size=%d items=%d shapes=%d problems=%d bytes=%d write_ms=%d read_ms=%d max_heap_mb=%d%n", back.size().orElse(-1), items, shapes,
                written.problems().size() + read.problems().size(), Files.size(dir.resolve(CvatFormat.ANNOTATIONS_FILE)),
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, Runtime.getRuntime().maxMemory() >> 20);
    }

    static Item item(int i, int boxes) {
        List<Annotation> annotations = new ArrayList<>(boxes);
        for (int k = 0; k < boxes; k++) {
            annotations.add(new BoxAnnotation(AnnotationInfo.of(LabelId.of(1 + k % 3)).withZOrder(k)
                    .withAttribute("score", AttributeValue.of(k / 10.0)),
                    new PixelBox(k * 10 + 0.5, i % 400, 20.25, 30)));
        }
        return Item.of("img_" + i, ImageRef.of("img_" + i + ".jpg", new ImageSize(640, 480)), annotations);
    }
}
