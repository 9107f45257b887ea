package dev.annota.train.data;

import dev.annota.core.error.AnnotaException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a training dataset: an ImageFolder (one sub-folder per class, images inside, searched recursively) or
 * a CSV file {@code path,label[,label...]} (paths relative to the CSV's folder; an optional header whose first
 * field is {@code path}, {@code file} or {@code image}). A CSV row with several labels, or {@code multiLabel},
 * makes the dataset multi-label.
 */
public final class DatasetReader {
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff", "webp");

    private DatasetReader() {
    }

    public static Dataset read(Path path, boolean multiLabel) throws IOException {
        if (Files.isDirectory(path)) {
            return imageFolder(path, multiLabel);
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return csv(path, multiLabel);
        }
        throw new AnnotaException(path + ": expected an ImageFolder (one sub-folder per class) or a .csv file (path,label[,label...])");
    }

    public static Dataset imageFolder(Path root, boolean multiLabel) throws IOException {
        List<Path> classDirs;
        try (Stream<Path> s = Files.list(root)) {
            classDirs = s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        }
        if (classDirs.isEmpty()) {
            throw new AnnotaException(root + ": no class sub-folders (an ImageFolder has one sub-folder of images per class)");
        }
        List<String> names = classDirs.stream().map(p -> p.getFileName().toString()).toList();
        List<Sample> samples = new ArrayList<>();
        for (int c = 0; c < classDirs.size(); c++) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(classDirs.get(c))) {
                files = s.filter(Files::isRegularFile).filter(DatasetReader::isImage).sorted().toList();
            }
            for (Path f : files) {
                samples.add(new Sample(root.relativize(f).toString().replace('\\', '/'), f, new int[] {c}));
            }
        }
        if (samples.isEmpty()) {
            throw new AnnotaException(root + ": the class sub-folders hold no images (" + String.join(", ", IMAGE_EXTENSIONS) + ")");
        }
        return new Dataset(root.toString(), new LabelSet(names), samples, multiLabel);
    }

    public static Dataset csv(Path file, boolean multiLabel) throws IOException {
        Path base = file.toAbsolutePath().getParent();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        boolean several = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            for (int k = 0; k < f.length; k++) {
                f[k] = unquote(f[k].strip());
            }
            if (rows.isEmpty() && lineNumbers.isEmpty() && Set.of("path", "file", "image", "filename").contains(f[0].toLowerCase(Locale.ROOT))) {
                lineNumbers.add(-1);
                continue;
            }
            Set<String> labels = new LinkedHashSet<>();
            for (int k = 1; k < f.length; k++) {
                if (!f[k].isEmpty()) {
                    labels.add(f[k]);
                }
            }
            if (f[0].isEmpty() || labels.isEmpty()) {
                throw new AnnotaException(file + ":" + (i + 1) + ": expected path,label[,label...], got \"" + line + "\"");
            }
            several |= labels.size() > 1;
            names.addAll(labels);
            String[] row = new String[labels.size() + 1];
            row[0] = f[0];
            int k = 1;
            for (String l : labels) {
                row[k++] = l;
            }
            rows.add(row);
            lineNumbers.add(i + 1);
        }
        LabelSet set = new LabelSet(new ArrayList<>(names));
        List<Sample> samples = new ArrayList<>();
        int r = 0;
        for (int n : lineNumbers) {
            if (n < 0) {
                continue;
            }
            String[] row = rows.get(r++);
            Path image = base.resolve(row[0]).normalize();
            if (!image.startsWith(base)) {
                throw new AnnotaException(file + ":" + n + ": field 'path': expected a path inside " + base + ", got \"" + row[0] + "\"");
            }
            if (!Files.isRegularFile(image)) {
                throw new AnnotaException(file + ":" + n + ": field 'path': no such image, got \"" + row[0] + "\"");
            }
            int[] ids = new int[row.length - 1];
            for (int k = 1; k < row.length; k++) {
                ids[k - 1] = set.id(row[k]);
            }
            samples.add(new Sample(row[0], image, ids));
        }
        return new Dataset(file.toString(), set, samples, multiLabel || several);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static boolean isImage(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && !n.startsWith(".") && IMAGE_EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
