package dev.annota.formats.voc;

import dev.annota.core.error.FieldError;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lists under {@code ImageSets/}: {@code <task>/<subset>.txt} (one id per line) give each item its subset
 * (the first list naming an id wins; a second subset is warned); {@code Main/<class>_<subset>.txt} (id and
 * 1/-1/0 per line) give image-level labels. A list's kind is told by its lines, not by its name, since
 * subsets may have underscores too. Per-action and per-layout lists of three columns are skipped: the XML
 * holds the same.
 */
record VocImageSets(Map<String, String> subsets, Map<String, List<Tag>> tags) {
    static VocImageSets read(Path root, VocLabels labels, ImportReport report) throws IOException {
        Map<String, String> subsets = new LinkedHashMap<>();
        Map<String, List<Tag>> tags = new LinkedHashMap<>();
        Path setsDir = root.resolve(VocFormat.IMAGE_SETS);
        List<Path> classLists = new ArrayList<>();
        for (String task : VocFormat.TASKS) {
            for (Path file : VocReader.files(setsDir.resolve(task), ".txt")) {
                String shown = VocFormat.IMAGE_SETS + "/" + task + "/" + file.getFileName();
                List<String> lines = VocReader.lines(file);
                int columns = columns(lines);
                if (columns == 1) {
                    subsetList(lines, stem(file), shown, subsets, report);
                } else if (columns == 2 && task.equals("Main") && stem(file).contains("_")) {
                    classLists.add(file);
                }
            }
        }
        java.util.Set<String> known = new java.util.HashSet<>(subsets.values());
        for (Path file : classLists) {
            String shown = VocFormat.IMAGE_SETS + "/Main/" + file.getFileName();
            classList(VocReader.lines(file), stem(file), known, shown, labels, subsets, tags, report);
        }
        return new VocImageSets(subsets, tags);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".txt".length());
    }

    private static int columns(List<String> lines) {
        for (String l : lines) {
            if (!l.isBlank()) {
                return l.strip().split("\\s+").length;
            }
        }
        return 0;
    }

    private static void subsetList(List<String> lines, String subset, String shown, Map<String, String> subsets,
            ImportReport report) {
        for (int i = 0; i < lines.size(); i++) {
            String id = lines.get(i).strip();
            if (id.isEmpty()) {
                continue;
            }
            String before = subsets.putIfAbsent(id, subset);
            if (before != null && !before.equals(subset)) {
                report.warn(new FieldError(shown + ":" + (i + 1), "id", id,
                        "expected an item in one subset; it is already in \"" + before + "\", which is kept"));
            }
        }
    }

    private static void classList(List<String> lines, String stem, java.util.Set<String> knownSubsets, String shown,
            VocLabels labels, Map<String, String> subsets, Map<String, List<Tag>> tags, ImportReport report) {
        // cat_train_aug.txt is class cat of subset train_aug when train_aug is a known subset
        int cut = stem.lastIndexOf('_');
        for (String known : knownSubsets) {
            if (stem.endsWith("_" + known) && stem.length() - known.length() - 1 < cut && stem.length() > known.length() + 1) {
                cut = stem.length() - known.length() - 1;
            }
        }
        String className = stem.substring(0, cut);
        String subset = stem.substring(cut + 1);
        LabelId label = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = shown + ":" + (i + 1);
            try {
                String[] f = line.split("\\s+");
                if (f.length != 2) {
                    throw new ValidationException(new FieldError(where, "line", line, "expected an image id and 1, -1 or 0"));
                }
                if (!f[1].equals("1") && !f[1].equals("-1") && !f[1].equals("0")) {
                    throw new ValidationException(new FieldError(where, "presence", f[1],
                            "expected 1 (present), -1 (absent) or 0 (difficult)"));
                }
                subsets.putIfAbsent(f[0], subset);
                if (f[1].equals("-1")) {
                    continue;
                }
                if (label == null) {
                    label = labels.byName(className, shown, "class");
                }
                AnnotationInfo info = AnnotationInfo.of(label);
                if (f[1].equals("0")) {
                    info = info.withAttribute(VocFormat.DIFFICULT, AttributeValue.of(true));
                }
                tags.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Tag(info));
            } catch (ValidationException e) {
                report.error(e);
            }
        }
    }
}
