package dev.annota.store.embeddings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Float vectors as stored: 4 bytes a value, IEEE 754 single precision, little-endian. */
public final class VectorCodec {
    private VectorCodec() {
    }

    public static byte[] encode(float[] vector) {
        ByteBuffer b = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(vector);
        return b.array();
    }

    /** Decodes {@code bytes} into {@code out[offset, offset + bytes.length / 4)}. */
    public static void decodeInto(byte[] bytes, float[] out, int offset) {
        if (bytes.length % Float.BYTES != 0) {
            throw new IllegalArgumentException("a stored vector of " + bytes.length + " bytes is not a whole number of float32 values");
        }
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out, offset, bytes.length / Float.BYTES);
    }

    public static float[] decode(byte[] bytes) {
        float[] out = new float[bytes.length / Float.BYTES];
        decodeInto(bytes, out, 0);
        return out;
    }
}
