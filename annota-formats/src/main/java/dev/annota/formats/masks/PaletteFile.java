package dev.annota.formats.masks;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A palette file: which class each pixel value of a label PNG stands for, and its colour. Lines starting with
 * {@code #} and blank lines are skipped; every other line has one of these forms:
 * <ul>
 *   <li>{@code name:r,g,b} — Datumaro's {@code labelmap.txt}, optionally followed by {@code :parts:actions}
 *       (comma-separated names); the value is the line's position (0 for the first class line);</li>
 *   <li>{@code r g b name} — Datumaro's and Cityscapes' {@code label_colors.txt}; the value is the position;</li>
 *   <li>{@code index name} or {@code index: name} — an explicit value (0..65535);</li>
 *   <li>{@code name} alone — the value is the position.</li>
 * </ul>
 * A colour is the one a colour PNG uses for the class; without one, the VOC colour of the value is used.
 */
public record PaletteFile(List<Entry> entries) {
    private static final Pattern INDEX_NAME = Pattern.compile("^(\\d+)\\s*:?\\s+(\\S.*)$");
    private static final Pattern RGB_NAME = Pattern.compile("^(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\S.*)$");

    /** One class line: its pixel value, name, colour, and (labelmap only) part and action names. */
    public record Entry(int value, String name, int rgb, List<String> parts, List<String> actions, int line) {
        public Entry {
            parts = List.copyOf(parts);
            actions = List.copyOf(actions);
        }
    }

    public PaletteFile {
        entries = List.copyOf(entries);
    }

    /** The file names searched for, in this order, in a dataset folder. */
    public static final List<String> FILE_NAMES = List.of("labelmap.txt", "palette.txt", "label_colors.txt", "classes.txt");

    /** The first palette file of {@link #FILE_NAMES} in {@code folder}. */
    public static Optional<Path> find(Path folder) {
        for (String n : FILE_NAMES) {
            Path p = folder.resolve(n);
            if (Files.isRegularFile(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads {@code file}; a broken line goes to {@code error} (it throws under fail-fast) and is skipped, a
     * second line with a value or name already taken goes to {@code warn} and is skipped.
     */
    public static PaletteFile read(Path file, String shownName, Consumer<FieldError> warn, Consumer<FieldError> error)
            throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Entry> out = new ArrayList<>();
        Map<Integer, Entry> byValue = new HashMap<>();
        Map<String, Entry> byName = new HashMap<>();
        int position = 0;
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i).strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            String where = shownName + ":" + (i + 1);
            try {
                Entry e = parse(raw, position, i + 1, where);
                position++;
                Entry sameValue = byValue.get(e.value());
                Entry sameName = byName.get(e.name());
                if (sameValue != null || sameName != null) {
                    Entry first = sameValue != null ? sameValue : sameName;
                    warn.accept(new FieldError(where, sameValue != null ? "value" : "name",
                            sameValue != null ? Integer.toString(e.value()) : e.name(),
                            "expected a value and name not already listed (line " + first.line() + "); line ignored"));
                    continue;
                }
                byValue.put(e.value(), e);
                byName.put(e.name(), e);
                out.add(e);
            } catch (ValidationException ex) {
                position++;
                error.accept(ex.errors().get(0));
            }
        }
        return new PaletteFile(out);
    }

    static Entry parse(String line, int position, int lineNo, String where) {
        if (line.contains(":") && !INDEX_NAME.matcher(line).matches()) {
            String[] f = line.split(":", -1);
            String name = f[0].strip();
            if (name.isEmpty()) {
                throw new ValidationException(new FieldError(where, "name", line, "expected name:r,g,b"));
            }
            int rgb = f.length > 1 && !f[1].isBlank() ? colour(f[1].split(","), where, f[1]) : VocColormap.colour(Math.min(255, position));
            List<String> parts = f.length > 2 ? names(f[2]) : List.of();
            List<String> actions = f.length > 3 ? names(f[3]) : List.of();
            return new Entry(position, name, rgb, parts, actions, lineNo);
        }
        var m = RGB_NAME.matcher(line);
        if (m.matches()) {
            int rgb = colour(new String[] {m.group(1), m.group(2), m.group(3)}, where,
                    m.group(1) + " " + m.group(2) + " " + m.group(3));
            return new Entry(position, m.group(4).strip(), rgb, List.of(), List.of(), lineNo);
        }
        m = INDEX_NAME.matcher(line);
        if (m.matches()) {
            int value;
            try {
                value = Integer.parseInt(m.group(1));
            } catch (NumberFormatException e) {
                value = -1;
            }
            if (value < 0 || value > 65535) {
                throw new ValidationException(new FieldError(where, "value", m.group(1), "expected a pixel value in [0, 65535]"));
            }
            return new Entry(value, m.group(2).strip(), VocColormap.colour(value & 0xFF), List.of(), List.of(), lineNo);
        }
        return new Entry(position, line, VocColormap.colour(Math.min(255, position)), List.of(), List.of(), lineNo);
    }

    private static int colour(String[] parts, String where, String shown) {
        if (parts.length != 3) {
            throw new ValidationException(new FieldError(where, "colour", shown, "expected three numbers r,g,b in [0, 255]"));
        }
        int rgb = 0;
        for (String p : parts) {
            int c;
            try {
                c = Integer.parseInt(p.strip());
            } catch (NumberFormatException e) {
                c = -1;
            }
            if (c < 0 || c > 255) {
                throw new ValidationException(new FieldError(where, "colour", shown, "expected three numbers r,g,b in [0, 255]"));
            }
            rgb = (rgb << 8) | c;
        }
        return rgb;
    }

    private static List<String> names(String field) {
        List<String> out = new ArrayList<>();
        for (String s : field.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** The entry for a pixel value. */
    public Optional<Entry> byValue(int value) {
        return entries.stream().filter(e -> e.value() == value).findFirst();
    }

    /** The entry whose colour is {@code rgb} (the first one, when several share it). */
    public OptionalInt valueOfColour(int rgb) {
        return entries.stream().filter(e -> e.rgb() == rgb).mapToInt(Entry::value).findFirst();
    }

    /** Writes {@code name:r,g,b::} lines (Datumaro's labelmap form), with a header comment. */
    public static String labelmap(List<Entry> entries) {
        StringBuilder sb = new StringBuilder("# label:color_rgb:parts:actions\n");
        for (Entry e : entries) {
            sb.append(e.name()).append(':').append((e.rgb() >> 16) & 0xFF).append(',').append((e.rgb() >> 8) & 0xFF)
                    .append(',').append(e.rgb() & 0xFF).append(':').append(String.join(",", e.parts())).append(':')
                    .append(String.join(",", e.actions())).append('\n');
        }
        return sb.toString();
    }
}
