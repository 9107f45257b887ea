package dev.annota.train.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Stratified splits. Single-label: each class is shuffled and cut by the largest-remainder method, so every
 * part holds the class's share. Multi-label: iterative stratification (Sechidis, Tsoumakas and Vlahavas, 2011):
 * the label with the fewest remaining images is handed out first, each image to the part that still wants the
 * most of that label. The same seed gives the same split.
 */
public final class Splits {
    private Splits() {
    }

    /** Train / validation / test with the given fractions of the images (test may be 0). */
    public static Split trainValidationTest(Dataset data, double validation, double test, long seed) {
        if (!(validation > 0 && test >= 0 && validation + test < 1)) {
            throw new IllegalArgumentException("expected 0 < validation, 0 <= test and validation + test < 1, got "
                    + validation + " and " + test);
        }
        int[] part = assign(data, new double[] {1 - validation - test, validation, test}, seed);
        return new Split(indices(part, 0), indices(part, 1), indices(part, 2));
    }

    /** k folds; split i validates on fold i and trains on the others (no test part). */
    public static List<Split> kFold(Dataset data, int k, long seed) {
        if (k < 2 || k > data.size()) {
            throw new IllegalArgumentException("expected 2 <= k <= " + data.size() + " images, got k = " + k);
        }
        double[] p = new double[k];
        java.util.Arrays.fill(p, 1.0 / k);
        int[] part = assign(data, p, seed);
        List<Split> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            final int fold = i;
            int[] train = IntStream.range(0, part.length).filter(s -> part[s] != fold).toArray();
            out.add(new Split(train, indices(part, i), new int[0]));
        }
        return out;
    }

    /** The part of every sample. */
    static int[] assign(Dataset data, double[] proportions, long seed) {
        return data.multiLabel() ? iterative(data, proportions, seed) : stratified(data, proportions, seed);
    }

    private static int[] stratified(Dataset data, double[] p, long seed) {
        Random rnd = new Random(seed);
        int[] part = new int[data.size()];
        for (int c = 0; c < data.labels().size(); c++) {
            final int label = c;
            List<Integer> members = new ArrayList<>(IntStream.range(0, data.size())
                    .filter(i -> data.samples().get(i).firstLabel() == label).boxed().toList());
            Collections.shuffle(members, rnd);
            int[] counts = largestRemainder(members.size(), p);
            int at = 0;
            for (int f = 0; f < p.length; f++) {
                for (int j = 0; j < counts[f]; j++) {
                    part[members.get(at++)] = f;
                }
            }
        }
        return part;
    }

    /** Cuts n into parts proportional to p; the remainders go to the largest fractional parts, ties to earlier parts. */
    static int[] largestRemainder(int n, double[] p) {
        int[] counts = new int[p.length];
        double[] rest = new double[p.length];
        int given = 0;
        for (int f = 0; f < p.length; f++) {
            double exact = n * p[f];
            counts[f] = (int) Math.floor(exact + 1e-9);
            rest[f] = exact - counts[f];
            given += counts[f];
        }
        while (given < n) {
            int best = 0;
            for (int f = 1; f < p.length; f++) {
                if (rest[f] > rest[best] + 1e-12) {
                    best = f;
                }
            }
            counts[best]++;
            rest[best] = -1;
            given++;
        }
        return counts;
    }

    private static int[] iterative(Dataset data, double[] p, long seed) {
        Random rnd = new Random(seed);
        int n = data.size();
        int labels = data.labels().size();
        int[] part = new int[n];
        java.util.Arrays.fill(part, -1);
        double[] wantTotal = new double[p.length];
        double[][] want = new double[p.length][labels];
        int[] counts = data.counts();
        for (int f = 0; f < p.length; f++) {
            wantTotal[f] = n * p[f];
            for (int l = 0; l < labels; l++) {
                want[f][l] = counts[l] * p[f];
            }
        }
        List<Integer> order = new ArrayList<>(IntStream.range(0, n).boxed().toList());
        Collections.shuffle(order, rnd);
        int left = n;
        while (left > 0) {
            int[] remaining = new int[labels];
            for (int i : order) {
                if (part[i] < 0) {
                    for (int l : data.samples().get(i).labels()) {
                        remaining[l]++;
                    }
                }
            }
            int label = -1;
            for (int l = 0; l < labels; l++) {
                if (remaining[l] > 0 && (label < 0 || remaining[l] < remaining[label])) {
                    label = l;
                }
            }
            for (int i : order) {
                if (part[i] >= 0 || !data.samples().get(i).has(label)) {
                    continue;
                }
                int best = -1;
                for (int f = 0; f < p.length; f++) {
                    if (p[f] <= 0) {
                        continue;
                    }
                    if (best < 0 || want[f][label] > want[best][label]
                            || want[f][label] == want[best][label] && wantTotal[f] > wantTotal[best]) {
                        best = f;
                    }
                }
                part[i] = best;
                wantTotal[best]--;
                for (int l : data.samples().get(i).labels()) {
                    want[best][l]--;
                }
                left--;
            }
        }
        return part;
    }

    private static int[] indices(int[] part, int f) {
        return IntStream.range(0, part.length).filter(i -> part[i] == f).toArray();
    }
}
