package dev.annota.app.embeddings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Exact cosine similarity over a set of vectors packed in one {@code float[]} (row {@code i} at
 * {@code [i * dim, (i + 1) * dim)}), each scaled to unit length when the index is built, so a similarity is a dot
 * product. Queries scan every row (brute force, no approximation) and keep the best {@code k} in a small heap.
 * Immutable and thread-safe once built.
 */
public final class VectorIndex {
    private final List<String> ids;
    private final Map<String, Integer> rows;
    private final float[] values;
    private final int dim;

    /** Builds the index over {@code values} (taken over and normalised in place: the caller gives it up). */
    public VectorIndex(List<String> ids, float[] values, int dim) {
        this.ids = List.copyOf(ids);
        this.values = Objects.requireNonNull(values, "values");
        this.dim = dim;
        if ((long) ids.size() * dim != values.length) {
            throw new IllegalArgumentException(ids.size() + " rows of " + dim + " values do not make " + values.length);
        }
        this.rows = new HashMap<>(ids.size() * 2);
        for (int i = 0; i < this.ids.size(); i++) {
            rows.put(this.ids.get(i), i);
            normalise(values, i * dim, dim);
        }
    }

    /** A row and its cosine similarity to the query. */
    public record Hit(int row, double similarity) {
    }

    /** A pair of rows ({@code a < b}) and their cosine similarity. */
    public record Pair(int a, int b, double similarity) {
    }

    public int size() {
        return ids.size();
    }

    public int dim() {
        return dim;
    }

    public String id(int row) {
        return ids.get(row);
    }

    public OptionalInt row(String id) {
        Integer r = rows.get(id);
        return r == null ? OptionalInt.empty() : OptionalInt.of(r);
    }

    /** A copy of row {@code row}'s unit vector. */
    public float[] vector(int row) {
        return Arrays.copyOfRange(values, row * dim, row * dim + dim);
    }

    /** The packed unit vectors (shared, not copied: read only). */
    float[] values() {
        return values;
    }

    /** The {@code k} rows most similar to row {@code row}, itself left out, most similar first (ties: lower row first). */
    public List<Hit> nearest(int row, int k) {
        return nearest(vector(row), k, row);
    }

    /** The {@code k} rows most similar to {@code query} (scaled to unit length here), leaving out row {@code skip} (-1: none). */
    public List<Hit> nearest(float[] query, int k, int skip) {
        if (query.length != dim) {
            throw new IllegalArgumentException("a query of " + query.length + " values for vectors of " + dim);
        }
        float[] q = query.clone();
        normalise(q, 0, dim);
        int want = Math.min(k, size() - (skip >= 0 && skip < size() ? 1 : 0));
        if (want <= 0) {
            return List.of();
        }
        TopK top = new TopK(want);
        for (int r = 0, off = 0; r < ids.size(); r++, off += dim) {
            if (r != skip) {
                top.offer(r, dot(q, values, off, dim));
            }
        }
        return top.sorted();
    }

    /**
     * Every pair of rows whose similarity is at least {@code threshold}, most similar first, at most {@code limit}
     * (the most similar ones). O(n² · dim): meant for a few thousand rows.
     */
    public List<Pair> pairsAtLeast(double threshold, int limit) {
        List<Pair> out = new ArrayList<>();
        for (int a = 0; a < ids.size(); a++) {
            for (int b = a + 1; b < ids.size(); b++) {
                double s = dot(values, a * dim, values, b * dim, dim);
                if (s >= threshold) {
                    out.add(new Pair(a, b, s));
                }
            }
        }
        out.sort((x, y) -> x.similarity() != y.similarity() ? Double.compare(y.similarity(), x.similarity())
                : x.a() != y.a() ? Integer.compare(x.a(), y.a()) : Integer.compare(x.b(), y.b()));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    static double dot(float[] q, float[] v, int off, int dim) {
        return dot(q, 0, v, off, dim);
    }

    /** Four independent sums: the JIT keeps them in registers and the loop is not bound by one add chain. */
    static double dot(float[] a, int ao, float[] b, int bo, int dim) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < dim; i += 4) {
            s0 += a[ao + i] * b[bo + i];
            s1 += a[ao + i + 1] * b[bo + i + 1];
            s2 += a[ao + i + 2] * b[bo + i + 2];
            s3 += a[ao + i + 3] * b[bo + i + 3];
        }
        for (; i < dim; i++) {
            s0 += a[ao + i] * b[bo + i];
        }
        return (double) s0 + s1 + s2 + s3;
    }

    static void normalise(float[] v, int off, int dim) {
        double sum = 0;
        for (int i = off; i < off + dim; i++) {
            sum += (double) v[i] * v[i];
        }
        if (sum > 0) {
            double inv = 1 / Math.sqrt(sum);
            for (int i = off; i < off + dim; i++) {
                v[i] = (float) (v[i] * inv);
            }
        }
    }

    /** The best {@code k} (row, score) pairs seen: a min-heap on score in two primitive arrays. */
    private static final class TopK {
        private final int[] rows;
        private final double[] scores;
        private int n;

        TopK(int k) {
            rows = new int[k];
            scores = new double[k];
        }

        /** Whether (s1, r1) ranks below (s2, r2): lower score, or equal score and higher row. */
        private static boolean worse(double s1, int r1, double s2, int r2) {
            return s1 < s2 || (s1 == s2 && r1 > r2);
        }

        void offer(int row, double score) {
            if (n < rows.length) {
                rows[n] = row;
                scores[n] = score;
                siftUp(n++);
            } else if (worse(scores[0], rows[0], score, row)) {
                rows[0] = row;
                scores[0] = score;
                siftDown(0);
            }
        }

        private void siftUp(int i) {
            while (i > 0) {
                int p = (i - 1) / 2;
                if (!worse(scores[i], rows[i], scores[p], rows[p])) {
                    return;
                }
                swap(i, p);
                i = p;
            }
        }

        private void siftDown(int i) {
            while (true) {
                int l = 2 * i + 1;
                int m = i;
                if (l < n && worse(scores[l], rows[l], scores[m], rows[m])) {
                    m = l;
                }
                if (l + 1 < n && worse(scores[l + 1], rows[l + 1], scores[m], rows[m])) {
                    m = l + 1;
                }
                if (m == i) {
                    return;
                }
                swap(i, m);
                i = m;
            }
        }

        private void swap(int a, int b) {
            int r = rows[a];
            rows[a] = rows[b];
            rows[b] = r;
            double s = scores[a];
            scores[a] = scores[b];
            scores[b] = s;
        }

        List<Hit> sorted() {
            List<Hit> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new Hit(rows[i], scores[i]));
            }
            out.sort(java.util.Comparator.comparingDouble(Hit::similarity).reversed().thenComparingInt(Hit::row));
            return out;
        }
    }
}
