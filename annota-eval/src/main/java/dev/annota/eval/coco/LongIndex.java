package dev.annota.eval.coco;

import java.util.Arrays;

/** Position of each of a set of sorted, distinct {@code long} ids, by open addressing (no boxing). */
final class LongIndex {
    private final long[] keys;
    private final int[] values;
    private final boolean[] used;
    private final int mask;

    /** Indexes {@code ids} (sorted, distinct): {@code indexOf(ids[i]) == i}. */
    LongIndex(long[] ids) {
        int cap = Integer.highestOneBit(Math.max(4, ids.length * 2 + 1)) << 1;
        keys = new long[cap];
        values = new int[cap];
        used = new boolean[cap];
        mask = cap - 1;
        for (int i = 0; i < ids.length; i++) {
            int s = slot(ids[i]);
            while (used[s] && keys[s] != ids[i]) {
                s = (s + 1) & mask;
            }
            used[s] = true;
            keys[s] = ids[i];
            values[s] = i;
        }
    }

    /** The position of {@code id}, or -1 when it is not indexed. */
    int indexOf(long id) {
        int s = slot(id);
        while (used[s]) {
            if (keys[s] == id) {
                return values[s];
            }
            s = (s + 1) & mask;
        }
        return -1;
    }

    private int slot(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** The distinct values of {@code ids}, sorted ({@code np.unique}). */
    static long[] sortedUnique(long[] ids) {
        long[] s = ids.clone();
        Arrays.sort(s);
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i == 0 || s[i] != s[i - 1]) {
                s[n++] = s[i];
            }
        }
        return Arrays.copyOf(s, n);
    }
}
