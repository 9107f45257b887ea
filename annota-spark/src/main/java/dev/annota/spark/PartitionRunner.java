package dev.annota.spark;

import dev.annota.core.error.AnnotaException;
import dev.annota.infer.ClassScore;
import dev.annota.infer.Detection;
import dev.annota.infer.Prediction;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.RgbImage;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import scala.Tuple2;

/**
 * The work of one partition: the manifest rows (id, path, label) with their image ids, taken a batch at a time —
 * read and decoded on the task's thread, then run through the JVM's one model ({@link ModelCache}) in one
 * ONNX Runtime call — and turned into {@link ResultSchema#ROW} rows. A row whose file is missing or not an image
 * becomes an error row; the partition goes on. Rows are produced lazily, so a partition never holds more than a
 * batch of images.
 */
final class PartitionRunner implements FlatMapFunction<Iterator<Tuple2<Row, Long>>, Row> {
    private static final long serialVersionUID = 1L;
    private final JobSpec spec;

    PartitionRunner(JobSpec spec) {
        this.spec = spec;
    }

    @Override
    public Iterator<Row> call(Iterator<Tuple2<Row, Long>> rows) {
        Path base = Path.of(spec.baseDir());
        return new Iterator<>() {
            private final List<Row> ready = new ArrayList<>();
            private int at;

            @Override
            public boolean hasNext() {
                while (at >= ready.size() && rows.hasNext()) {
                    ready.clear();
                    at = 0;
                    List<Tuple2<Row, Long>> batch = new ArrayList<>(spec.batch());
                    while (batch.size() < spec.batch() && rows.hasNext()) {
                        batch.add(rows.next());
                    }
                    ready.addAll(run(batch, base));
                }
                return at < ready.size();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.get(at++);
            }
        };
    }

    private List<Row> run(List<Tuple2<Row, Long>> batch, Path base) {
        List<Row> out = new ArrayList<>(batch.size());
        List<Input> decoded = new ArrayList<>(batch.size());
        for (Tuple2<Row, Long> t : batch) {
            Input in = new Input(t._2() + 1, t._1().getString(0), t._1().getString(1), t._1().getString(2));
            try {
                byte[] bytes = ImageSource.read(in.path, base);
                in.sha256 = sha256(bytes);
                in.image = ImageDecoder.decode(bytes, in.path);
                decoded.add(in);
            } catch (IOException e) {
                out.add(error(in, "cannot read " + in.path + ": " + describe(e)));
            } catch (AnnotaException e) {
                out.add(error(in, e.getMessage()));
            } catch (RuntimeException e) {
                out.add(error(in, in.path + ": cannot decode: " + e));
            }
        }
        if (decoded.isEmpty()) {
            return out;
        }
        List<RgbImage> images = decoded.stream().map(i -> i.image).toList();
        if (spec.kind() == JobKind.EMBED) {
            List<float[]> vectors = ModelCache.embedder(spec).embed(images);
            for (int i = 0; i < decoded.size(); i++) {
                out.add(result(decoded.get(i), null, null, vectors.get(i)));
            }
        } else {
            List<Prediction> predictions = ModelCache.predictor(spec).predictAll(images);
            for (int i = 0; i < decoded.size(); i++) {
                Prediction p = predictions.get(i);
                out.add(result(decoded.get(i), classes(p), detections(p), null));
            }
        }
        return out;
    }

    private static Row[] classes(Prediction p) {
        Row[] out = new Row[p.classes().size()];
        for (int i = 0; i < out.length; i++) {
            ClassScore c = p.classes().get(i);
            out[i] = RowFactory.create(c.label().index(), c.label().name(), c.score());
        }
        return out;
    }

    private static Row[] detections(Prediction p) {
        Row[] out = new Row[p.detections().size()];
        for (int i = 0; i < out.length; i++) {
            Detection d = p.detections().get(i);
            out[i] = RowFactory.create(d.label().index(), d.label().name(), d.score(), d.box().x(), d.box().y(),
                    d.box().width(), d.box().height());
        }
        return out;
    }

    private static Row result(Input in, Row[] classes, Row[] detections, float[] embedding) {
        return RowFactory.create(in.imageId, in.id, in.path, in.label, null, in.sha256, in.image.width(), in.image.height(),
                classes, detections, embedding);
    }

    private static Row error(Input in, String message) {
        return RowFactory.create(in.imageId, in.id, in.path, in.label, message, null, null, null, null, null, null);
    }

    private static String describe(IOException e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** One manifest row on its way through the batch. */
    private static final class Input {
        final long imageId;
        final String id;
        final String path;
        final String label;
        String sha256;
        RgbImage image;

        Input(long imageId, String id, String path, String label) {
            this.imageId = imageId;
            this.id = id;
            this.path = path;
            this.label = label;
        }
    }
}
