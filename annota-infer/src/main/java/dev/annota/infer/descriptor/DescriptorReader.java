package dev.annota.infer.descriptor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Parses {@code model.json}. Every error names the file, the JSON pointer, the field, the bad value and what
 * was expected: {@code model.json#/input/mean/2: field 'mean': expected a number, got "x"}. Unknown fields are
 * errors too, so a typo never goes unnoticed.
 */
public final class DescriptorReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("name", "task", "model", "sha256", "labels", "input", "output", "postprocess");
    private static final Set<String> INPUT = Set.of("name", "layout", "width", "height", "resize", "color", "scale",
            "mean", "std", "dtype", "resize_filter");
    private static final Set<String> RESIZE = Set.of("mode", "pad", "align", "shorter_side");
    private static final Set<String> POST = Set.of("score_threshold", "nms_iou", "top_k");

    private DescriptorReader() {
    }

    /** Reads a descriptor file. */
    public static ModelDescriptor read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads a descriptor; {@code source} names it in errors. */
    public static ModelDescriptor read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new ValidationException(new FieldError(source + where, "model.json", null,
                    "expected valid JSON (" + e.getOriginalMessage() + ")"));
        }
        if (root == null || root.isMissingNode()) {
            throw new ValidationException(new FieldError(source, "model.json", "", "expected a JSON object"));
        }
        return parse(JsonAt.root(root, source));
    }

    static ModelDescriptor parse(JsonAt root) {
        root.onlyFields(TOP);
        Task task = root.required("task").choice(Task.class);
        String model = root.required("model").text();
        String name = root.optional("name").map(JsonAt::text).orElse(stem(model));
        Optional<String> sha = root.optional("sha256").map(JsonAt::text);
        LabelSource labels = root.optional("labels").map(DescriptorReader::labels).orElseGet(() -> defaultLabels(root, task));
        InputSpec input = input(root.required("input"));
        OutputSpec output = output(root.required("output"));
        Postprocess post = postprocess(root.optional("postprocess"), task);
        return root.build(() -> new ModelDescriptor(name, task, model, sha, labels, input, output, post));
    }

    private static LabelSource defaultLabels(JsonAt root, Task task) {
        return switch (task) {
            case EMBEDDING -> new LabelSource.Inline(List.of());
            case SEGMENTATION -> new LabelSource.Inline(List.of("foreground"));
            default -> throw root.missing("labels");
        };
    }

    private static LabelSource labels(JsonAt at) {
        if (at.node().isTextual()) {
            return at.build(() -> new LabelSource.File(at.text()));
        }
        List<String> names = at.items().stream().map(JsonAt::text).toList();
        return new LabelSource.Inline(names);
    }

    private static InputSpec input(JsonAt at) {
        at.onlyFields(INPUT);
        String name = at.optional("name").map(JsonAt::text).orElse("");
        Layout layout = at.optional("layout").map(j -> j.choice(Layout.class)).orElse(Layout.NCHW);
        int width = at.required("width").integer();
        int height = at.required("height").integer();
        ResizeFilter filter = at.optional("resize_filter").map(j -> j.choice(ResizeFilter.class)).orElse(ResizeFilter.BILINEAR);
        Resize resize = at.optional("resize").map(DescriptorReader::resize).orElse(Resize.stretch()).withFilter(filter);
        ColorOrder color = at.optional("color").map(j -> j.choice(ColorOrder.class)).orElse(ColorOrder.RGB);
        double scale = 1;
        boolean byMax = false;
        Optional<JsonAt> s = at.optional("scale");
        if (s.isPresent() && s.get().node().isTextual()) {
            if (!s.get().text().equals("image_max")) {
                throw s.get().error("expected a number or \"image_max\"");
            }
            byMax = true;
        } else if (s.isPresent()) {
            scale = s.get().number();
        }
        double[] mean = at.optional("mean").map(DescriptorReader::triple).orElse(new double[] {0, 0, 0});
        double[] std = at.optional("std").map(DescriptorReader::triple).orElse(new double[] {1, 1, 1});
        TensorType dtype = at.optional("dtype").map(j -> j.choice(TensorType.class)).orElse(TensorType.FP32);
        double sc = scale;
        boolean bm = byMax;
        return at.build(() -> new InputSpec(name, layout, width, height, resize, color, sc, bm, mean, std, dtype));
    }

    /** One number for every channel, or three. */
    private static double[] triple(JsonAt at) {
        if (at.node().isNumber()) {
            double v = at.number();
            return new double[] {v, v, v};
        }
        List<JsonAt> items = at.items();
        if (items.size() != 3) {
            throw at.error("expected 3 numbers (one per channel, in the model's channel order) or one number");
        }
        return items.stream().mapToDouble(JsonAt::number).toArray();
    }

    private static Resize resize(JsonAt at) {
        if (at.node().isTextual()) {
            ResizeMode mode = at.choice(ResizeMode.class);
            return switch (mode) {
                case STRETCH -> Resize.stretch();
                case LETTERBOX -> Resize.letterbox(0, true);
                case CENTER_CROP -> Resize.centerCrop(0);
            };
        }
        at.onlyFields(RESIZE);
        ResizeMode mode = at.required("mode").choice(ResizeMode.class);
        double pad = at.optional("pad").map(JsonAt::number).orElse(0.0);
        boolean centered = true;
        Optional<JsonAt> align = at.optional("align");
        if (align.isPresent()) {
            String a = align.get().text();
            if (!a.equals("center") && !a.equals("top_left")) {
                throw align.get().error("expected center or top_left");
            }
            centered = a.equals("center");
        }
        int shorter = at.optional("shorter_side").map(JsonAt::integer).orElse(0);
        boolean c = centered;
        return at.build(() -> new Resize(mode, pad, c, shorter));
    }

    private static OutputSpec output(JsonAt at) {
        String decoder = at.required("decoder").text();
        return switch (decoder) {
            case "classifier" -> {
                at.onlyFields(Set.of("decoder", "name", "activation"));
                Activation a = at.optional("activation").map(j -> j.choice(Activation.class)).orElse(Activation.NONE);
                String n = at.required("name").text();
                yield at.build(() -> new OutputSpec.Classifier(n, a));
            }
            case "yolox" -> {
                at.onlyFields(Set.of("decoder", "name", "strides"));
                List<Integer> strides = at.optional("strides").map(j -> j.items().stream().map(JsonAt::integer).toList())
                        .orElse(List.of(8, 16, 32));
                String n = at.required("name").text();
                yield at.build(() -> new OutputSpec.Yolox(n, strides));
            }
            case "boxes" -> {
                at.onlyFields(Set.of("decoder", "scores", "boxes", "box_format", "background_class"));
                BoxFormat f = at.optional("box_format").map(j -> j.choice(BoxFormat.class)).orElse(BoxFormat.XYXY_NORMALIZED);
                OptionalInt bg = at.optional("background_class").map(j -> OptionalInt.of(j.integer())).orElse(OptionalInt.empty());
                String sc = at.required("scores").text();
                String bx = at.required("boxes").text();
                yield at.build(() -> new OutputSpec.Boxes(sc, bx, f, bg));
            }
            case "mask" -> {
                at.onlyFields(Set.of("decoder", "name", "normalize", "threshold"));
                boolean minMax = at.optional("normalize").map(j -> orNone(j, "min_max")).orElse(false);
                double t = at.optional("threshold").map(JsonAt::number).orElse(0.5);
                String n = at.required("name").text();
                yield at.build(() -> new OutputSpec.Mask(n, minMax, t));
            }
            case "embedding" -> {
                at.onlyFields(Set.of("decoder", "name", "normalize"));
                boolean l2 = at.optional("normalize").map(j -> orNone(j, "l2")).orElse(true);
                String n = at.required("name").text();
                yield at.build(() -> new OutputSpec.Embedding(n, l2));
            }
            default -> throw at.required("decoder").error("expected one of classifier, yolox, boxes, mask, embedding");
        };
    }

    /** {@code value} or {@code "none"}: true for the value. */
    private static boolean orNone(JsonAt at, String value) {
        String v = at.text();
        if (!v.equals(value) && !v.equals("none")) {
            throw at.error("expected " + value + " or none");
        }
        return v.equals(value);
    }

    /** Defaults per task; each field may be overridden. */
    static Postprocess defaults(Task task) {
        return switch (task) {
            case CLASSIFICATION -> new Postprocess(0, 1, 5);
            case MULTI_LABEL -> new Postprocess(0.5, 1, 1000);
            case DETECTION -> new Postprocess(0.25, 0.45, 100);
            case SEGMENTATION -> new Postprocess(0, 1, 10);
            case EMBEDDING -> new Postprocess(0, 1, 1);
        };
    }

    private static Postprocess postprocess(Optional<JsonAt> at, Task task) {
        Postprocess d = defaults(task);
        if (at.isEmpty()) {
            return d;
        }
        JsonAt p = at.get().onlyFields(POST);
        double t = p.optional("score_threshold").map(JsonAt::number).orElse(d.scoreThreshold());
        double iou = p.optional("nms_iou").map(JsonAt::number).orElse(d.nmsIou());
        int k = p.optional("top_k").map(JsonAt::integer).orElse(d.topK());
        return p.build(() -> new Postprocess(t, iou, k));
    }

    private static String stem(String file) {
        String n = Path.of(file).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
