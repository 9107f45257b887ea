package dev.annota.formats.yolo;

import static dev.annota.formats.yolo.YoloTestData.png;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.Formats;
import dev.annota.formats.csv.CsvFormat;
import dev.annota.formats.imagenet.ImageNetFormat;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YOLO, ImageNet and CSV detectors tell their layouts apart, and leave other formats' samples alone. */
class DetectionTest {
    static String detected(Path p) throws IOException {
        return Formats.standard().detect(p).format().name();
    }

    @Test
    void tells_darknet_ultralytics_class_folders_and_csv_apart(@TempDir Path dir) throws IOException {
        Path darknet = dir.resolve("darknet");
        Files.createDirectories(darknet);
        Files.writeString(darknet.resolve("obj.data"), "classes = 1\ntrain = data/train.txt\nnames = data/obj.names\n");
        assertEquals("yolo", detected(darknet));
        assertEquals("yolo", detected(darknet.resolve("obj.data")));
        Files.writeString(darknet.resolve("data.yaml"), "train: images/train\nnames: [a]\n");
        assertEquals("yolo", detected(darknet), "obj.data wins over a data.yaml beside it");

        Path ultra = dir.resolve("ultra");
        png(ultra.resolve("images/train/a.png"), 2, 2);
        Files.createDirectories(ultra.resolve("labels/train"));
        Files.writeString(ultra.resolve("labels/train/a.txt"), "0 0.5 0.5 0.1 0.1\n");
        assertEquals("ultralytics", detected(ultra), "images/ + labels/ without a yaml");
        Files.writeString(ultra.resolve("data.yaml"), "train: images/train\nnames: [a]\n");
        assertEquals("ultralytics", detected(ultra));
        assertEquals("ultralytics", detected(ultra.resolve("data.yaml")));

        Path folders = dir.resolve("folders");
        png(folders.resolve("train/cat/a.png"), 2, 2);
        png(folders.resolve("val/dog/b.png"), 2, 2);
        assertEquals("imagenet", detected(folders), "Ultralytics' classification layout");

        Path csv = dir.resolve("csv");
        Files.createDirectories(csv);
        Files.writeString(csv.resolve("l.csv"), "a.png,cat\n");
        assertEquals("csv", detected(csv));
        Files.writeString(csv.resolve("numbers.csv"), "x,y\n1,2\n");
        assertEquals(0.0, new CsvFormat().detector().confidence(csv.resolve("numbers.csv")), "not image,label rows");
    }

    @Test
    void gives_no_confidence_to_the_other_formats_reference_samples() throws IOException {
        Optional<Path> formats = SharedData.resolve("reference/formats");
        assumeTrue(formats.isPresent(), "the shared reference folder (../shared/reference/formats) is absent");
        List<DatasetFormat> mine = List.of(new YoloFormat(), new UltralyticsFormat(), new ImageNetFormat(), new CsvFormat());
        List<String> claimed = new ArrayList<>();
        try (Stream<Path> samples = Files.walk(formats.get(), 2)) {
            for (Path sample : samples.filter(p -> p.getNameCount() - formats.get().getNameCount() == 2).toList()) {
                String owner = sample.getParent().getFileName().toString();
                Path data = sample.resolve("data");
                if (!Files.isDirectory(data)) {
                    continue;
                }
                for (DatasetFormat f : mine) {
                    boolean own = owner.equals("yolo") && f.name().equals("yolo") || owner.equals("imagenet") && f.name().equals("imagenet");
                    double c = f.detector().confidence(data);
                    if (!own && c > 0) {
                        claimed.add(f.name() + " claims " + owner + "/" + sample.getFileName() + " (" + c + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), claimed);
    }
}
