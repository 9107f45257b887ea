package dev.annota.formats.idx;

import dev.annota.core.error.AnnotaException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST: a 4-byte magic (two zero bytes, the element type —
 * only 0x08 unsigned byte here — and the number of dimensions), one big-endian int per dimension, then the data.
 * Files ending in {@code .gz} are decompressed on the fly.
 */
public final class IdxFiles {
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxFiles() {}

    /** Reads a 3-dimensional file of images (count × rows × cols). */
    public static IdxImages readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(file, in, 3);
            byte[] pixels = body(file, in, (long) dims[0] * dims[1] * dims[2]);
            return new IdxImages(dims[0], dims[1], dims[2], pixels);
        }
    }

    /** Reads a 1-dimensional file of labels (one unsigned byte each). */
    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(file, in, 1);
            byte[] raw = body(file, in, dims[0]);
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xFF;
            }
            return labels;
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new DataInputStream(in);
    }

    private static int[] header(Path file, DataInputStream in, int expectedDims) throws IOException {
        try {
            int magic = in.readInt();
            int type = (magic >>> 8) & 0xFF;
            int ndims = magic & 0xFF;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || ndims != expectedDims) {
                throw new AnnotaException(String.format(
                        "%s: byte 0: field 'magic': expected 0x0000%02X%02X (unsigned bytes, %d dimensions), got 0x%08X",
                        file, UNSIGNED_BYTE, expectedDims, expectedDims, magic));
            }
            int[] dims = new int[ndims];
            for (int d = 0; d < ndims; d++) {
                dims[d] = in.readInt();
                if (dims[d] < 0 || (d > 0 && dims[d] == 0)) {
                    throw new AnnotaException(file + ": byte " + (4 + 4 * d) + ": field 'dimension " + d
                            + "': expected a positive size, got " + dims[d]);
                }
            }
            return dims;
        } catch (EOFException e) {
            throw new AnnotaException(file + ": truncated header: expected an IDX file", e);
        }
    }

    private static byte[] body(Path file, DataInputStream in, long size) throws IOException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new AnnotaException(file + ": " + size + " bytes of data is more than one array holds");
        }
        byte[] data = new byte[(int) size];
        try {
            in.readFully(data);
        } catch (EOFException e) {
            throw new AnnotaException(file + ": truncated: the header announces " + size + " data bytes", e);
        }
        return data;
    }
}
