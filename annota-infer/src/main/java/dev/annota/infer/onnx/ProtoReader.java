package dev.annota.infer.onnx;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of one protobuf message from a byte range, without a schema: each field's number, wire type,
 * and either its varint value or the range of its bytes. Enough to walk ONNX's {@code ModelProto}; fixed-width
 * fields are skipped over correctly, groups (deprecated, never in ONNX) are refused.
 */
final class ProtoReader {
    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    /**
     * One field as it appears on the wire.
     *
     * @param start where the field's tag begins (inclusive)
     * @param valueStart where its value begins (after the tag and, for length-delimited fields, the length)
     * @param end   where it ends (exclusive)
     */
    record Field(int number, int wireType, long varint, int start, int valueStart, int end) {
        String string(byte[] bytes) {
            return new String(bytes, valueStart, end - valueStart, StandardCharsets.UTF_8);
        }
    }

    private ProtoReader() {
    }

    /** Every field of the message in {@code bytes[from, to)}, in order. */
    static List<Field> fields(byte[] bytes, int from, int to) {
        List<Field> out = new ArrayList<>();
        int[] pos = {from};
        while (pos[0] < to) {
            int start = pos[0];
            long tag = varint(bytes, pos, to);
            int number = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (number < 1) {
                throw malformed("field number " + number, start);
            }
            switch (wire) {
                case VARINT -> {
                    long v = varint(bytes, pos, to);
                    out.add(new Field(number, wire, v, start, start, pos[0]));
                }
                case FIXED64, FIXED32 -> {
                    int width = wire == FIXED64 ? 8 : 4;
                    int valueStart = pos[0];
                    pos[0] = checkedEnd(valueStart, width, to);
                    out.add(new Field(number, wire, 0, start, valueStart, pos[0]));
                }
                case LENGTH_DELIMITED -> {
                    long len = varint(bytes, pos, to);
                    if (len < 0 || len > Integer.MAX_VALUE) {
                        throw malformed("length " + len, start);
                    }
                    int valueStart = pos[0];
                    pos[0] = checkedEnd(valueStart, (int) len, to);
                    out.add(new Field(number, wire, len, start, valueStart, pos[0]));
                }
                default -> throw malformed("wire type " + wire + " of field " + number, start);
            }
        }
        return out;
    }

    private static int checkedEnd(int at, int length, int to) {
        if (length > to - at) {
            throw malformed("a field of " + length + " bytes past the end of its message", at);
        }
        return at + length;
    }

    private static long varint(byte[] bytes, int[] pos, int to) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos[0] >= to) {
                throw malformed("a varint cut short", pos[0]);
            }
            byte b = bytes[pos[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw malformed("a varint longer than 10 bytes", pos[0]);
    }

    private static OnnxFormatException malformed(String what, int offset) {
        return new OnnxFormatException("not a valid ONNX protobuf: " + what + " at byte " + offset);
    }
}
