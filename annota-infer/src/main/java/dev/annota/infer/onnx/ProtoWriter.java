package dev.annota.infer.onnx;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Writes protobuf fields: varints, strings and nested messages, in the wire format {@link ProtoReader} reads. */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    ProtoWriter varintField(int number, long value) {
        tag(number, ProtoReader.VARINT);
        varint(value);
        return this;
    }

    ProtoWriter stringField(int number, String value) {
        return bytesField(number, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter messageField(int number, ProtoWriter message) {
        return bytesField(number, message.toByteArray());
    }

    ProtoWriter bytesField(int number, byte[] value) {
        return bytesField(number, value, 0, value.length);
    }

    ProtoWriter bytesField(int number, byte[] value, int from, int length) {
        tag(number, ProtoReader.LENGTH_DELIMITED);
        varint(length);
        out.write(value, from, length);
        return this;
    }

    /** Copies bytes that are already encoded fields. */
    ProtoWriter raw(byte[] bytes, int from, int to) {
        out.write(bytes, from, to - from);
        return this;
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int number, int wireType) {
        varint(((long) number << 3) | wireType);
    }

    private void varint(long value) {
        long v = value;
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
