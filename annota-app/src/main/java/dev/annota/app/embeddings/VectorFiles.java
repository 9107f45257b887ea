package dev.annota.app.embeddings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.error.ValidationException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes vectors for other tools: JSON Lines ({@code .jsonl}: one {@code {"image": name, "vector": [...]}} per
 * line) or NumPy ({@code .npy}: a little-endian float32 matrix, one row per image, format version 1.0; the image
 * names in row order go to {@code <stem>.names.txt} beside it, one per line). The format follows the extension.
 */
public final class VectorFiles {
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private VectorFiles() {
    }

    /** Checks that {@code out} names a format this class writes, before any work is done. */
    public static void check(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".jsonl") && !name.endsWith(".npy")) {
            throw ValidationException.of("--out", out.toString(), "a file name ending in .npy or .jsonl");
        }
    }

    /** Writes {@code rows} to {@code out}; returns the files written. */
    public static List<Path> write(Path out, List<EmbedFolder.Row> rows, int dim) throws IOException {
        check(out);
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            Path names = out.resolveSibling(out.getFileName().toString().replaceAll("(?i)\\.npy$", "") + ".names.txt");
            writeNpy(out, rows, dim);
            List<String> lines = new ArrayList<>(rows.size());
            rows.forEach(r -> lines.add(r.name()));
            Files.write(names, lines, StandardCharsets.UTF_8);
            return List.of(out, names);
        }
        writeJsonl(out, rows);
        return List.of(out);
    }

    private static void writeJsonl(Path out, List<EmbedFolder.Row> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (EmbedFolder.Row r : rows) {
                var node = JSON.createObjectNode().put("image", r.name());
                var vector = node.putArray("vector");
                for (float v : r.vector()) {
                    vector.add(v);
                }
                w.write(JSON.writeValueAsString(node));
                w.write('\n');
            }
        }
    }

    /** NPY 1.0: magic, version, header length, a Python-literal header padded to a multiple of 64 bytes, data. */
    static void writeNpy(Path out, List<EmbedFolder.Row> rows, int dim) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + rows.size() + ", " + dim + "), }";
        int unpadded = 10 + dict.length() + 1;
        String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
        try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(out))) {
            o.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            o.write(header.length() & 0xFF);
            o.write(header.length() >>> 8 & 0xFF);
            o.write(header.getBytes(StandardCharsets.US_ASCII));
            ByteBuffer row = ByteBuffer.allocate(4 * dim).order(ByteOrder.LITTLE_ENDIAN);
            for (EmbedFolder.Row r : rows) {
                if (r.vector().length != dim) {
                    throw ValidationException.of("vector", r.name(), "vectors of " + dim + " values (got " + r.vector().length + ")");
                }
                row.clear();
                row.asFloatBuffer().put(r.vector());
                o.write(row.array());
            }
        }
    }
}
