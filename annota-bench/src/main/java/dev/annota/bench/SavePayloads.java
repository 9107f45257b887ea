package dev.annota.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.annotation.Annotation;
import dev.annota.store.json.AnnotationJson;
import dev.annota.store.json.AnnotationJsonReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The annotation sets both sides of the benchmark save: {@value #VARIANTS} sets of {@value #BOXES} boxes inside
 * a 640×480 image, each as the request's {@code annotations} array and as the JSON the database stores for it
 * (what {@code AnnotationSets} writes), so the raw JDBC baseline writes exactly the rows a save writes.
 */
final class SavePayloads {
    static final int BOXES = 10;
    static final int VARIANTS = 64;
    static final int WIDTH = 640;
    static final int HEIGHT = 480;

    /** One set: the request's annotations array and the stored JSON. */
    record Payload(String requestArray, String storedJson) {
    }

    private final List<Payload> payloads;

    SavePayloads(int label, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ObjectMapper json = new ObjectMapper();
        List<Payload> list = new ArrayList<>();
        for (int v = 0; v < VARIANTS; v++) {
            StringBuilder a = new StringBuilder("[");
            for (int b = 0; b < BOXES; b++) {
                double w = 10 + random.nextInt(90), h = 10 + random.nextInt(90);
                double x = random.nextInt((int) (WIDTH - w)), y = random.nextInt((int) (HEIGHT - h));
                a.append(b == 0 ? "" : ",").append("{\"kind\":\"box\",\"label\":").append(label).append(",\"box\":[")
                        .append(x).append(',').append(y).append(',').append(w).append(',').append(h).append("]}");
            }
            String array = a.append(']').toString();
            try {
                JsonNode node = json.readTree(array);
                List<Annotation> parsed = AnnotationJsonReader.readList(node, "/annotations");
                list.add(new Payload(array, AnnotationJson.write(parsed)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        this.payloads = List.copyOf(list);
    }

    Payload get(int i) {
        return payloads.get(Math.floorMod(i, payloads.size()));
    }
}
