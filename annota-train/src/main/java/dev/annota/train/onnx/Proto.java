package dev.annota.train.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protocol-buffers writer: exactly the wire types ONNX needs (varint, 32-bit float, length-delimited).
 * Fields are written in call order; nested messages are built with their own {@code Proto} and embedded.
 */
public final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public Proto varint(int field, long value) {
        tag(field, 0);
        raw(value);
        return this;
    }

    public Proto float32(int field, float value) {
        tag(field, 5);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            out.write(bits >>> (8 * i) & 0xFF);
        }
        return this;
    }

    public Proto string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public Proto message(int field, Proto message) {
        return bytes(field, message.toByteArray());
    }

    public Proto bytes(int field, byte[] value) {
        tag(field, 2);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        raw((long) field << 3 | wireType);
    }

    private void raw(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    /** The value of a top-level varint field of an encoded message (e.g. a ModelProto's ir_version), or -1. */
    public static long readVarint(byte[] message, int wantedField) {
        int[] at = {0};
        while (at[0] < message.length) {
            long key = readRaw(message, at);
            int field = (int) (key >>> 3);
            int type = (int) (key & 7);
            switch (type) {
                case 0 -> {
                    long v = readRaw(message, at);
                    if (field == wantedField) {
                        return v;
                    }
                }
                case 1 -> at[0] += 8;
                case 2 -> at[0] += (int) readRaw(message, at);
                case 5 -> at[0] += 4;
                default -> throw new IllegalArgumentException("not a protocol-buffers message: wire type " + type);
            }
        }
        return -1;
    }

    private static long readRaw(byte[] b, int[] at) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int x = b[at[0]++] & 0xFF;
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint longer than 10 bytes");
    }
}
