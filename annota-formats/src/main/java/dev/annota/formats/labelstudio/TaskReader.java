package dev.annota.formats.labelstudio;

import dev.annota.formats.json.JsonObjectFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one Label Studio task into an item. Every annotation (one per annotator) and every prediction of the
 * task is kept: an annotation's regions get {@code Source.human(completed_by)}, a prediction's regions
 * {@code Source.model(name, version)} from its {@code model_version} ({@code name@version}; without {@code @}
 * the version is {@value LabelStudioFormat#UNVERSIONED}) and a confidence from the result's {@code score},
 * else the prediction's. Results sharing a region's {@code id} (per-region {@code choices}, {@code textarea},
 * {@code number}, {@code rating}) become attributes named by their {@code from_name}; {@code labels} results
 * sharing the id of an unlabelled region ({@code rectangle}, {@code polygon}…) give its label. Image-level
 * {@code choices} become tags. Everything else is skipped with a warning.
 */
final class TaskReader {
    private final Path root;
    private final ImportReport report;
    private final LabelSchema.Builder schema;
    private final Set<String> itemIds = new HashSet<>();

    TaskReader(Path root, ImportReport report, LabelSchema.Builder schema) {
        this.root = root;
        this.report = report;
        this.schema = schema;
    }

    Item item(JsonObjectFields task, String subset) {
        Optional<String> taskId = Optional.ofNullable(task.get("id")).filter(JsonNode::isValueNode).map(JsonNode::asText);
        JsonObjectFields data = task.object("data");
        Map.Entry<String, String> image = imageField(data);
        String field = "data." + image.getKey();
        ImageLocations.Found found = ImageLocations.resolve(root, image.getValue(), task.location(), field);
        Optional<ImageSize> declared = declaredSize(task);
        Optional<ImageSize> actual = found.file().flatMap(ImageProbe::size);
        if (found.file().isEmpty()) {
            report.warn(new FieldError(task.location(), field, image.getValue(), "expected an image file in the dataset folder (tried "
                    + String.join(", ", ImageLocations.candidates(image.getValue())) + "); the location is kept as written"));
        } else if (actual.isEmpty()) {
            report.warn(new FieldError(task.location(), field, image.getValue(), "expected a readable image file"));
        }
        Optional<ImageSize> size = actual.isPresent() ? actual : declared;
        String location = found.file().map(Path::toString).orElse(image.getValue());
        TaskScope scope = new TaskScope(size);
        List<Annotation> annotations = new ArrayList<>();
        JsonNode anns = task.optionalArray("annotations");
        for (int k = 0; k < anns.size(); k++) {
            JsonObjectFields a = new JsonObjectFields(anns.get(k), task.location() + "/annotations/" + k);
            JsonNode cancelled = a.get("was_cancelled");
            if (cancelled != null && cancelled.asBoolean(false)) {
                report.warn(a.error("was_cancelled", cancelled, "expected a completed annotation; this skipped one is not imported"));
                continue;
            }
            scope.results(a, human(a), OptionalDouble.empty(), annotations);
        }
        JsonNode preds = task.optionalArray("predictions");
        for (int k = 0; k < preds.size(); k++) {
            JsonObjectFields p = new JsonObjectFields(preds.get(k), task.location() + "/predictions/" + k);
            OptionalDouble score = score(p);
            scope.results(p, model(p), score, annotations);
        }
        String id = found.itemId();
        if (!itemIds.add(id)) {
            id = id + "_task" + taskId.orElse(Integer.toString(itemIds.size()));
            itemIds.add(id);
        }
        ImageRef ref = new ImageRef(location, size, Optional.empty());
        Map<String, String> metadata = taskId.map(t -> Map.of(LabelStudioFormat.TASK_ID, t)).orElse(Map.of());
        return new Item(id, ref, subset, annotations, metadata);
    }

    /** {@code data.image}, else the first text value that looks like an image location. */
    private static Map.Entry<String, String> imageField(JsonObjectFields data) {
        JsonNode image = data.get("image");
        if (image != null && image.isTextual() && !image.asText().isBlank()) {
            return Map.entry("image", image.asText());
        }
        var it = data.node().fields();
        while (it.hasNext()) {
            var e = it.next();
            String v = e.getValue().asText("");
            if (e.getValue().isTextual() && (v.startsWith("/data/") || v.contains("://")
                    || v.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(jpe?g|png|bmp|gif|tiff?|webp)$"))) {
                return Map.entry(e.getKey(), v);
            }
        }
        throw data.fail("image", image, "expected the image URL or path of the task");
    }

    /** The first {@code original_width/original_height} of any result of the task. */
    private static Optional<ImageSize> declaredSize(JsonObjectFields task) {
        for (String section : List.of("annotations", "predictions")) {
            JsonNode list = task.get(section);
            if (list == null || !list.isArray()) {
                continue;
            }
            for (JsonNode a : list) {
                JsonNode results = a.get("result");
                if (results == null || !results.isArray()) {
                    continue;
                }
                for (JsonNode r : results) {
                    JsonNode w = r.get("original_width"), h = r.get("original_height");
                    if (w != null && h != null && w.canConvertToInt() && h.canConvertToInt() && w.asInt() > 0 && h.asInt() > 0) {
                        return Optional.of(new ImageSize(w.asInt(), h.asInt()));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Source human(JsonObjectFields a) {
        JsonNode by = a.get("completed_by");
        if (by == null || by.isNull()) {
            return Source.human();
        }
        if (by.isObject()) {
            JsonNode email = by.get("email");
            JsonNode id = by.get("id");
            String user = email != null && email.isTextual() && !email.asText().isBlank() ? email.asText()
                    : id != null ? id.asText() : "";
            return user.isBlank() ? Source.human() : Source.human(user);
        }
        String user = by.asText();
        return user.isBlank() ? Source.human() : Source.human(user);
    }

    private static Source model(JsonObjectFields p) {
        String version = p.optionalText("model_version").orElse(LabelStudioFormat.UNKNOWN_MODEL);
        int at = version.lastIndexOf('@');
        if (at > 0 && at < version.length() - 1) {
            return Source.model(version.substring(0, at), version.substring(at + 1));
        }
        return Source.model(version, LabelStudioFormat.UNVERSIONED);
    }

    /** A score in [0, 1]; another number is reported and ignored. */
    private OptionalDouble score(JsonObjectFields f) {
        OptionalDouble s = f.optionalNumber("score");
        if (s.isPresent() && !(s.getAsDouble() >= 0 && s.getAsDouble() <= 1)) {
            report.warn(f.error("score", f.get("score"), "expected a confidence in [0, 1] (ignored)"));
            return OptionalDouble.empty();
        }
        return s;
    }

    private LabelId label(String name) {
        return schema.getOrAdd(name);
    }

    /** The regions of one task, measured against one image size. */
    private final class TaskScope {
        private final Optional<ImageSize> size;
        private boolean sizeWarned;

        TaskScope(Optional<ImageSize> size) {
            this.size = size;
        }

        void results(JsonObjectFields owner, Source source, OptionalDouble ownerScore, List<Annotation> out) {
            JsonNode results = owner.optionalArray("result");
            String base = owner.location() + "/result/";
            Set<String> regionIds = new HashSet<>();
            Map<String, List<JsonObjectFields>> extras = new HashMap<>();
            for (int i = 0; i < results.size(); i++) {
                JsonNode r = results.get(i);
                String type = r.path("type").asText("");
                String id = r.path("id").asText("");
                if (id.isEmpty()) {
                    continue;
                }
                if (!Regions.kindOf(type).isEmpty()) {
                    regionIds.add(id);
                } else {
                    extras.computeIfAbsent(id, k -> new ArrayList<>()).add(new JsonObjectFields(r, base + i));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                JsonObjectFields r = new JsonObjectFields(results.get(i), base + i);
                try {
                    result(r, source, ownerScore, regionIds, extras, out);
                } catch (ValidationException e) {
                    report.error(e);
                }
            }
        }

        private void result(JsonObjectFields r, Source source, OptionalDouble ownerScore, Set<String> regionIds,
                Map<String, List<JsonObjectFields>> extras, List<Annotation> out) {
            String type = r.requireText("type");
            String kind = Regions.kindOf(type);
            String id = r.optionalText("id").orElse("");
            OptionalDouble score = score(r);
            OptionalDouble confidence = score.isPresent() ? score : ownerScore;
            if (!kind.isEmpty()) {
                region(r, type, kind, source, confidence, extras.getOrDefault(id, List.of()), out);
            } else if (regionIds.contains(id)) {
                return; // a per-region attribute or label, read with its region
            } else if (type.equals("choices")) {
                for (String choice : strings(r.object("value"), "choices")) {
                    out.add(new Tag(info(label(choice), source, confidence, Map.of())));
                }
            } else {
                report.warn(r.error("type", r.get("type"), "expected an image region or image-level choices; a "
                        + type + " result is not imported"));
            }
        }

        private void region(JsonObjectFields r, String type, String kind, Source source, OptionalDouble confidence,
                List<JsonObjectFields> siblings, List<Annotation> out) {
            JsonObjectFields v = r.object("value");
            List<String> names = new ArrayList<>();
            String labelField = type;
            if (type.endsWith("labels")) {
                names.addAll(strings(v, type));
            } else {
                labelField = "labels";
                for (JsonObjectFields s : siblings) {
                    if ("labels".equals(s.node().path("type").asText())) {
                        names.addAll(strings(s.object("value"), "labels"));
                    }
                }
            }
            if (names.isEmpty()) {
                report.warn(v.error(labelField, v.get(labelField), "expected at least one label; the region is not imported"));
                return;
            }
            if (names.size() > 1) {
                report.warn(v.error(labelField, v.get(labelField), "expected one label per region; one annotation is made per label"));
            }
            ImageSize s = sizeFor(r, kind);
            Function<AnnotationInfo, Annotation> make = Regions.geometry(kind, v, s, r);
            Map<String, AttributeValue> attributes = attributes(siblings);
            for (String name : names) {
                Annotation a = make.apply(info(label(name), source, confidence, attributes));
                if (a instanceof MaskAnnotation m && size.isPresent() && !m.mask().size().equals(size.get())) {
                    report.warn(v.error("rle", null, "expected a mask of the image size " + size.get().width() + "x"
                            + size.get().height() + ", got " + m.mask().width() + "x" + m.mask().height()
                            + " (resampled, nearest neighbour)"));
                    a = new MaskAnnotation(m.info(), Regions.resample(m.mask(), size.get()));
                }
                out.add(a);
            }
        }

        /** The image size percentages refer to; warns once per task when a result says otherwise. */
        private ImageSize sizeFor(JsonObjectFields r, String kind) {
            Optional<Integer> ow = r.optionalSide("original_width"), oh = r.optionalSide("original_height");
            Optional<ImageSize> own = ow.isPresent() && oh.isPresent() ? Optional.of(new ImageSize(ow.get(), oh.get())) : Optional.empty();
            if (size.isEmpty()) {
                return own.orElseThrow(() -> r.fail("original_width", r.get("original_width"),
                        "expected the image size (original_width, original_height) when the image file is missing"));
            }
            if (own.isPresent() && !own.get().equals(size.get()) && !sizeWarned) {
                sizeWarned = true;
                report.warn(r.error("original_width/original_height", null, "expected the image size, "
                        + size.get().width() + "x" + size.get().height() + ", got " + own.get().width() + "x"
                        + own.get().height() + " (percentages are applied to the file's size)"));
            }
            return size.get();
        }

        private Map<String, AttributeValue> attributes(List<JsonObjectFields> siblings) {
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            for (JsonObjectFields s : siblings) {
                String type = s.node().path("type").asText();
                if (type.equals("labels")) {
                    continue;
                }
                String name = s.optionalText("from_name").orElse(type);
                JsonObjectFields v = s.object("value");
                switch (type) {
                    case "choices" -> {
                        List<String> c = strings(v, "choices");
                        if (!c.isEmpty()) {
                            out.put(name, c.size() == 1 ? AttributeValue.of(c.get(0)) : AttributeValue.ofChoices(c));
                        }
                    }
                    case "textarea" -> {
                        JsonNode text = v.get("text");
                        String t = text != null && text.isArray() ? String.join("\n", strings(v, "text")) : v.requireText("text");
                        out.put(name, AttributeValue.of(t));
                    }
                    case "number", "rating" -> out.put(name, AttributeValue.of(v.requireNumber(type)));
                    default -> report.warn(s.error("type", s.get("type"), "expected a per-region choices, textarea, number or rating; a "
                            + type + " result is not imported"));
                }
            }
            return out;
        }
    }

    private static AnnotationInfo info(LabelId label, Source source, OptionalDouble confidence, Map<String, AttributeValue> attributes) {
        AnnotationInfo info = AnnotationInfo.of(label).withSource(source).withAttributes(attributes);
        return confidence.isPresent() ? info.withConfidence(confidence.getAsDouble()) : info;
    }

    private static List<String> strings(JsonObjectFields v, String field) {
        JsonNode a = v.get(field);
        if (a == null || !a.isArray()) {
            throw v.fail(field, a, "expected an array of strings");
        }
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isTextual()) {
                throw v.fail(field + "[" + i + "]", a.get(i), "expected a string");
            }
            if (!a.get(i).asText().isBlank()) {
                out.add(a.get(i).asText());
            }
        }
        return out;
    }
}
