package dev.annota.formats.coco;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads byte ranges of a file through a window: a range inside the window costs a copy-free slice; one
 * outside refills the window from the range's start. Reading ahead (a large window) pays off when the next
 * range follows the last one closely, as the records of one image usually do; a jump far away reads little,
 * so records scattered over the file do not each pull in a large block.
 */
final class ElementWindow implements Closeable {
    private static final int LARGE = 1 << 20;
    private static final int SMALL = 1 << 13;
    /** How far past the last range the next may start and still count as reading on. */
    private static final int NEAR = 1 << 16;

    private final FileChannel channel;
    private byte[] buffer = new byte[LARGE];
    private long windowStart;
    private int windowLength;
    private long lastEnd = -1;

    ElementWindow(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    /** The array holding bytes {@code [offset, offset + length)} of the file, at {@link #position(long)}. */
    byte[] load(long offset, int length) throws IOException {
        boolean inside = offset >= windowStart && offset + length <= windowStart + windowLength;
        if (!inside) {
            boolean sequential = lastEnd >= 0 && offset >= lastEnd && offset - lastEnd <= NEAR;
            int want = Math.max(length, sequential ? LARGE : SMALL);
            if (buffer.length < want) {
                buffer = new byte[want];
            }
            fill(offset, want, length);
        }
        lastEnd = offset + length;
        return buffer;
    }

    /** Where byte {@code offset} of the file lies in the array {@link #load} returned. */
    int position(long offset) {
        return (int) (offset - windowStart);
    }

    private void fill(long offset, int want, int atLeast) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(buffer, 0, want);
        long at = offset;
        while (b.hasRemaining()) {
            int n = channel.read(b, at);
            if (n < 0) {
                break;
            }
            at += n;
        }
        windowStart = offset;
        windowLength = b.position();
        if (windowLength < atLeast) {
            throw new EOFException("the file ends before byte " + (offset + atLeast) + "; it changed since it was read");
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
