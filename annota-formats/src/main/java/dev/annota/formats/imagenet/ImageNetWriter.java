package dev.annota.formats.imagenet;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImportReport;
import dev.annota.formats.ItemStreams;
import dev.annota.formats.SafePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes class folders by copying each image into the folder of its tag's class: {@code <class>/<name>}, or
 * {@code <subset>/<class>/<name>} when the dataset has a subset other than the default one. The file name is
 * the last part of the item id plus the image's extension (the whole id, {@code /} replaced by {@code _}, if
 * that name is taken). A folder is made for every class, so classes without images survive. Rules, each
 * reported: an image with several tags is copied into each class folder (a warning per item); an image
 * without a tag is not written (one warning listing them); non-tag annotations, attributes and scores are
 * not written (one warning per kind or field); a class name that is not a valid folder name has its
 * {@code / \ : * ? " < > |} replaced by {@code _}.
 */
final class ImageNetWriter implements DatasetWriter {
    private static final int LISTED = 20;

    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        Files.createDirectories(folder);
        LabelSchema schema = dataset.schema();
        Set<String> subsets = new LinkedHashSet<>();
        try (Stream<Item> items = dataset.items()) {
            items.forEach(i -> subsets.add(i.subset()));
        }
        boolean split = !subsets.isEmpty() && !subsets.equals(Set.of(Item.DEFAULT_SUBSET));
        Map<LabelId, String> folders = classFolders(schema, report);
        for (String subset : split ? subsets : Set.of("")) {
            for (String f : folders.values()) {
                Files.createDirectories(folder.resolve(subset).resolve(f));
            }
        }
        LossLog losses = new LossLog();
        List<String> untagged = new ArrayList<>();
        Set<String> written = new HashSet<>();
        ItemStreams.forEach(dataset.items(), item -> add(item, folder, split, folders, written, untagged, losses, report));
        if (!untagged.isEmpty()) {
            String listed = String.join(", ", untagged.subList(0, Math.min(LISTED, untagged.size())))
                    + (untagged.size() > LISTED ? ", …" : "");
            report.warn(new FieldError(folderName(folder), "tags", untagged.size() + " items",
                    "expected a tag per image (class folders label images by tag); images without one not written (items: " + listed + ")"));
        }
        losses.flush(report, folderName(folder));
    }

    static String folderName(Path folder) {
        return folder.getFileName() == null ? folder.toString() : folder.getFileName().toString();
    }

    private static Map<LabelId, String> classFolders(LabelSchema schema, ImportReport report) {
        Map<LabelId, String> out = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (LabelClass c : schema.classes()) {
            String name = c.name().replaceAll("[/\\\\:*?\"<>|\\x00-\\x1f]", "_");
            if (name.equals(".") || name.equals("..") || name.startsWith(".")) {
                name = "_" + name;
            }
            while (!used.add(name)) {
                name = name + "_" + c.id().value();
            }
            if (!name.equals(c.name())) {
                report.warn(new FieldError("class " + c.id(), "name", c.name(),
                        "expected a name usable as a folder name; its folder is \"" + name + "\""));
            }
            out.put(c.id(), name);
        }
        return out;
    }

    private static void add(Item item, Path folder, boolean split, Map<LabelId, String> folders, Set<String> written,
            List<String> untagged, LossLog losses, ImportReport report) throws IOException {
        String where = "item " + item.id();
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < item.annotations().size(); i++) {
            Annotation a = item.annotations().get(i);
            if (!(a instanceof Tag t)) {
                losses.note("kind", a.kind().wireName(), item.id(), "class folders hold image tags only; not written");
            } else if (!folders.containsKey(t.label())) {
                report.error(new FieldError(where + ": annotations[" + i + "]", "label", t.label().toString(),
                        "expected a class of the schema; tag skipped"));
            } else {
                noteLosses(t, item.id(), losses);
                if (tags.stream().noneMatch(x -> x.label().equals(t.label()))) {
                    tags.add(t);
                }
            }
        }
        if (tags.isEmpty()) {
            untagged.add(item.id());
            return;
        }
        if (tags.size() > 1) {
            report.warn(new FieldError(where, "tags", tags.size() + " tags",
                    "expected one tag per image; the image is copied into each of its " + tags.size() + " class folders"));
        }
        Path source = Path.of(item.image().location());
        if (!Files.isRegularFile(source)) {
            report.warn(new FieldError(where, "image", item.image().location(), "expected an image file to copy; not written"));
            return;
        }
        String ext = ImageFiles.extension(item.image().location());
        String base = item.id().substring(item.id().lastIndexOf('/') + 1);
        String prefix = split ? item.subset() + "/" : "";
        for (Tag t : tags) {
            String dir = prefix + folders.get(t.label()) + "/";
            String name = base + ext;
            if (!written.add(dir + name)) {
                name = item.id().replace('/', '_') + ext;
                written.add(dir + name);
            }
            Path target;
            try {
                target = SafePaths.resolveInside(folder, dir + name, where, "id");
            } catch (ValidationException e) {
                report.error(e);
                continue;
            }
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
            Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static void noteLosses(Tag t, String itemId, LossLog losses) {
        t.info().attributes().keySet().forEach(n -> losses.note("attributes." + n, itemId, "class folders cannot hold attributes; not written"));
        if (t.info().confidence().isPresent()) {
            losses.note("confidence", itemId, "class folders cannot hold scores; not written (the csv format can)");
        }
        if (!t.info().source().equals(Source.human())) {
            losses.note("source", itemId, "class folders cannot hold who made a tag; not written");
        }
    }
}
