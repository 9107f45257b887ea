package dev.annota.app.eval;

import dev.annota.eval.agreement.CohenKappa;
import dev.annota.eval.agreement.FleissKappa;
import dev.annota.eval.agreement.KrippendorffAlpha;
import dev.annota.eval.agreement.Weighting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Annotator agreement for a {@code RATINGS.json} (see {@link RatingsReader}): Cohen's κ for two raters
 * (unweighted, linear, quadratic, over the items both rated), Fleiss' κ when every item has the same number of
 * ratings, pairwise Cohen's κ for three raters or more, and Krippendorff's α at the file's level (missing
 * ratings allowed).
 */
public final class EvaluateAgreement {
    private EvaluateAgreement() {
    }

    public static AgreementResult run(Path input) throws IOException {
        return of(RatingsReader.read(input));
    }

    public static AgreementResult of(RatingsData d) {
        List<String> notes = new ArrayList<>();
        int k = d.categories().size();
        if (d.counts().isPresent()) {
            notes.add("a count table has no raters: only Fleiss' kappa is computed");
            return new AgreementResult(d, Optional.empty(), Optional.of(FleissKappa.of(d.counts().get())), List.of(),
                    OptionalDouble.empty(), d.level(), notes);
        }
        int[][] r = d.ratings().orElseThrow();
        Optional<AgreementResult.Cohen> cohen = Optional.empty();
        List<AgreementResult.PairKappa> pairwise = new ArrayList<>();
        if (d.raters() == 2) {
            cohen = Optional.of(cohen(r, 0, 1, k));
        } else if (d.raters() > 2) {
            for (int a = 0; a < d.raters(); a++) {
                for (int b = a + 1; b < d.raters(); b++) {
                    AgreementResult.Cohen c = cohen(r, a, b, k);
                    pairwise.add(new AgreementResult.PairKappa(a, b, c.items(), c.kappa()));
                }
            }
        } else {
            notes.add("one rater: no agreement to measure between raters");
        }
        Optional<FleissKappa> fleiss = Optional.empty();
        if (complete(r) && d.raters() >= 2) {
            fleiss = Optional.of(FleissKappa.of(FleissKappa.counts(r, k)));
        } else if (d.raters() >= 2) {
            notes.add("Fleiss' kappa needs every item rated by every rater; some ratings are missing");
        }
        double[][] values = new double[r.length][d.raters()];
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < d.raters(); j++) {
                int c = r[i][j];
                values[i][j] = c == RatingsData.MISSING ? Double.NaN
                        : d.level() == KrippendorffAlpha.Level.INTERVAL ? d.values().orElseThrow()[c] : c;
            }
        }
        double alpha = KrippendorffAlpha.of(values, d.level());
        return new AgreementResult(d, cohen, fleiss, pairwise, OptionalDouble.of(alpha), d.level(), notes);
    }

    private static AgreementResult.Cohen cohen(int[][] r, int a, int b, int k) {
        List<int[]> both = new ArrayList<>();
        for (int[] item : r) {
            if (item[a] != RatingsData.MISSING && item[b] != RatingsData.MISSING) {
                both.add(new int[] {item[a], item[b]});
            }
        }
        int[] ra = both.stream().mapToInt(p -> p[0]).toArray(), rb = both.stream().mapToInt(p -> p[1]).toArray();
        long[][] t = CohenKappa.table(ra, rb, k);
        if (both.isEmpty()) {
            return new AgreementResult.Cohen(0, t, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new AgreementResult.Cohen(both.size(), t, CohenKappa.observedAgreement(t),
                CohenKappa.of(t, Weighting.NONE), CohenKappa.of(t, Weighting.LINEAR),
                CohenKappa.of(t, Weighting.QUADRATIC), CohenKappa.fromProportions(t));
    }

    private static boolean complete(int[][] r) {
        for (int[] item : r) {
            for (int v : item) {
                if (v == RatingsData.MISSING) {
                    return false;
                }
            }
        }
        return true;
    }
}
