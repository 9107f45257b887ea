package dev.annota.app.eval;

import dev.annota.eval.agreement.FleissKappa;
import dev.annota.eval.agreement.KrippendorffAlpha;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Agreement figures for one {@code RATINGS.json}; each is present only when the data allow it, and
 * {@code notes} says why one is absent.
 *
 * @param cohen     two raters: Cohen's κ and its table, over the items both rated
 * @param fleiss    every item rated the same number of times (≥ 2): Fleiss' κ
 * @param pairwise  three raters or more: Cohen's κ (unweighted) of every pair of raters
 * @param alpha     Krippendorff's α at {@code level} (NaN when undefined); absent for a count table
 */
public record AgreementResult(RatingsData data, Optional<Cohen> cohen, Optional<FleissKappa> fleiss,
                              List<PairKappa> pairwise, OptionalDouble alpha, KrippendorffAlpha.Level level,
                              List<String> notes) {
    public AgreementResult {
        pairwise = List.copyOf(pairwise);
        notes = List.copyOf(notes);
    }

    /** Cohen's κ between two raters (unweighted, linear, quadratic) and the statsmodels cross-check. */
    public record Cohen(int items, long[][] table, double observedAgreement, double kappa, double linear,
                        double quadratic, double kappaFromProportions) {
        public Cohen {
            table = table.clone();
        }
    }

    /** Unweighted Cohen's κ of one pair of raters (by column position). */
    public record PairKappa(int raterA, int raterB, int items, double kappa) {
    }
}
