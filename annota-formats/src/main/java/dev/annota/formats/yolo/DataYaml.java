package dev.annota.formats.yolo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Ultralytics' {@code data.yaml}: {@code path} (the dataset root), the splits ({@code train}, {@code val},
 * {@code test} and any other key naming a folder or list file), {@code names} as a list or an index → name map,
 * {@code nc}, {@code kpt_shape} and {@code flip_idx} (checked, not kept: Annota's skeletons have no flip order).
 *
 * @param path   the {@code path} value, when given
 * @param splits split name → folders or list files, in file order; known splits first
 * @param names  class names by index (null where an index map leaves a gap)
 * @param kptNames keypoint names by class index ({@code kpt_names}, as recent Ultralytics writes them)
 */
record DataYaml(Optional<String> path, Map<String, List<String>> splits, List<String> names, Optional<KptShape> kpt,
        Map<Integer, List<String>> kptNames) {
    static final List<String> KNOWN_SPLITS = List.of("train", "val", "test");
    /** Keys that never name a split. */
    private static final Set<String> META = Set.of("path", "names", "nc", "kpt_shape", "flip_idx", "download", "channels",
            "kpt_names", "yaml_file", "roboflow", "license", "url");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    DataYaml {
        splits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(splits));
        names = java.util.Collections.unmodifiableList(new ArrayList<>(names));
        kptNames = Map.copyOf(kptNames);
    }

    static DataYaml parse(Path file, ImportReport report) throws IOException {
        String name = file.getFileName().toString();
        JsonNode root;
        try {
            root = YAML.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new ValidationException(new FieldError(name + (loc == null ? "" : ":" + loc.getLineNr()), "(yaml)", null,
                    "expected well-formed YAML (" + e.getOriginalMessage() + ")"));
        }
        if (root == null || !root.isObject()) {
            throw new ValidationException(new FieldError(name, "(root)", root == null ? null : root.toString(),
                    "expected a YAML mapping with names and train/val"));
        }
        Optional<String> path = Optional.ofNullable(root.get("path")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(s -> !s.isBlank());
        Map<String, List<String>> splits = new LinkedHashMap<>();
        for (String key : KNOWN_SPLITS) {
            paths(root.get(key)).ifPresent(p -> splits.put(key, p));
        }
        root.fieldNames().forEachRemaining(key -> {
            if (!KNOWN_SPLITS.contains(key) && !META.contains(key)) {
                paths(root.get(key)).ifPresent(p -> splits.put(key, p));
            }
        });
        List<String> names = names(root, name, report);
        Optional<KptShape> kpt = kptShape(root, name, report);
        kpt.ifPresent(k -> checkFlipIdx(root, k, name, report));
        return new DataYaml(path, splits, names, kpt, kptNames(root.get("kpt_names")));
    }

    /** {@code kpt_names: {0: [nose, eye]}} (or a list by class index); anything else is ignored. */
    private static Map<Integer, List<String>> kptNames(JsonNode n) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        if (n == null || !(n.isObject() || n.isArray())) {
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = n.isObject() ? n.fields() : java.util.Collections.emptyIterator();
        int i = 0;
        for (JsonNode v : n) {
            String key = it.hasNext() ? it.next().getKey() : Integer.toString(i);
            i++;
            if (!v.isArray() || !key.trim().matches("\\d+")) {
                continue;
            }
            List<String> names = new ArrayList<>();
            v.forEach(x -> names.add(x.asText()));
            out.put(Integer.parseInt(key.trim()), names);
        }
        return out;
    }

    /** A split value: one path, or a list of paths; empty for anything else. */
    private static Optional<List<String>> paths(JsonNode v) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isTextual() && !v.asText().isBlank()) {
            return Optional.of(List.of(v.asText()));
        }
        if (v.isArray() && !v.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (JsonNode e : v) {
                if (!e.isTextual()) {
                    return Optional.empty();
                }
                out.add(e.asText());
            }
            return Optional.of(out);
        }
        return Optional.empty();
    }

    private static List<String> names(JsonNode root, String file, ImportReport report) {
        JsonNode n = root.get("names");
        JsonNode nc = root.get("nc");
        List<String> names = new ArrayList<>();
        if (n == null || n.isNull()) {
            int count = nc != null && nc.canConvertToInt() ? Math.max(0, nc.asInt()) : 0;
            report.warn(new FieldError(file, "names", null, "expected the class names; " + count
                    + " classes named class_<index>"));
            for (int i = 0; i < count; i++) {
                names.add(YoloClasses.fallback(i));
            }
            return names;
        }
        if (n.isArray()) {
            n.forEach(e -> names.add(e.isValueNode() ? e.asText() : null));
        } else if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                int index;
                try {
                    index = Integer.parseInt(e.getKey().trim());
                } catch (NumberFormatException ex) {
                    index = -1;
                }
                if (index < 0) {
                    report.error(new FieldError(file, "names." + e.getKey(), e.getKey(), "expected a class index (an integer >= 0) as key"));
                    continue;
                }
                while (names.size() <= index) {
                    names.add(null);
                }
                names.set(index, e.getValue().asText());
            }
        } else {
            report.error(new FieldError(file, "names", n.toString(), "expected a list of names or an index → name map"));
        }
        if (nc != null && !(nc.canConvertToInt() && nc.asInt() == names.size())) {
            report.warn(new FieldError(file, "nc", nc.asText(), "expected the number of names, " + names.size() + " (names are used)"));
        }
        return names;
    }

    private static Optional<KptShape> kptShape(JsonNode root, String file, ImportReport report) {
        JsonNode k = root.get("kpt_shape");
        if (k == null || k.isNull()) {
            return Optional.empty();
        }
        if (!k.isArray() || k.size() != 2 || !k.get(0).canConvertToInt() || !k.get(1).canConvertToInt()
                || !k.get(0).isIntegralNumber() || !k.get(1).isIntegralNumber()) {
            report.error(new FieldError(file, "kpt_shape", k.toString(), "expected [points, dims] (two integers); pose lines not recognised"));
            return Optional.empty();
        }
        try {
            return Optional.of(new KptShape(k.get(0).asInt(), k.get(1).asInt()));
        } catch (ValidationException e) {
            report.error(e.at(file));
            return Optional.empty();
        }
    }

    private static void checkFlipIdx(JsonNode root, KptShape k, String file, ImportReport report) {
        JsonNode f = root.get("flip_idx");
        if (f == null || f.isNull()) {
            return;
        }
        boolean ok = f.isArray() && f.size() == k.points();
        if (ok) {
            for (JsonNode e : f) {
                ok &= e.isIntegralNumber() && e.asInt() >= 0 && e.asInt() < k.points();
            }
        }
        if (!ok) {
            report.warn(new FieldError(file, "flip_idx", f.toString(), "expected " + k.points()
                    + " point indices in [0, " + (k.points() - 1) + "] (ignored)"));
        }
    }

    /** The text of a data.yaml for {@code splits} (name → images folder), {@code names} and an optional kpt_shape. */
    static String write(Map<String, String> splits, List<String> names, Optional<KptShape> kpt,
            Map<Integer, List<String>> kptNames) throws IOException {
        ObjectNode o = YAML.createObjectNode();
        o.put("path", ".");
        splits.forEach(o::put);
        o.put("nc", names.size());
        ArrayNode n = o.putArray("names");
        names.forEach(n::add);
        kpt.ifPresent(k -> o.putArray("kpt_shape").add(k.points()).add(k.dims()));
        if (kpt.isPresent() && !kptNames.isEmpty()) {
            ObjectNode kn = o.putObject("kpt_names");
            kptNames.forEach((index, points) -> {
                ArrayNode a = kn.putArray(Integer.toString(index));
                points.forEach(a::add);
            });
        }
        return "# Ultralytics YOLO dataset, written by Annota\n" + YAML.writeValueAsString(o);
    }
}
