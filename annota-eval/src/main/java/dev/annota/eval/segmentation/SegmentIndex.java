package dev.annota.eval.segmentation;

import dev.annota.core.error.ValidationException;
import java.util.List;

/** Position of each segment of one image by its id, by open addressing (per-pixel lookups without boxing). */
final class SegmentIndex {
    private final int[] keys;
    private final int[] values;
    private final int mask;

    SegmentIndex(List<PanopticSegment> segments, String side) {
        int cap = Integer.highestOneBit(Math.max(4, segments.size() * 2 + 1)) << 1;
        keys = new int[cap];
        values = new int[cap];
        java.util.Arrays.fill(values, -1);
        mask = cap - 1;
        for (int i = 0; i < segments.size(); i++) {
            int id = segments.get(i).id();
            int s = slot(id);
            while (values[s] >= 0) {
                if (keys[s] == id) {
                    throw ValidationException.of(side + "[" + i + "].id", id, "expected segment ids that are unique in an image");
                }
                s = (s + 1) & mask;
            }
            keys[s] = id;
            values[s] = i;
        }
    }

    /** The position of segment {@code id}, or -1. */
    int indexOf(int id) {
        int s = slot(id);
        while (values[s] >= 0) {
            if (keys[s] == id) {
                return values[s];
            }
            s = (s + 1) & mask;
        }
        return -1;
    }

    private int slot(int id) {
        return (id * 0x9E3779B9 >>> 7) & mask;
    }
}
