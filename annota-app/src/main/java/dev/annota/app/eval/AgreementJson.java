package dev.annota.app.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Agreement figures as JSON with the names of the reference files ({@code cohen_kappa},
 * {@code cohen_kappa_linear}, {@code fleiss_kappa}, …) plus {@code krippendorff_alpha} and its level; NaN is
 * {@code null}.
 */
public final class AgreementJson {
    private AgreementJson() {
    }

    public static ObjectNode of(AgreementResult r) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("n", r.data().items());
        o.put("raters", r.data().raters());
        ArrayNode cats = o.putArray("categories");
        r.data().categories().forEach(cats::add);
        r.cohen().ifPresent(c -> {
            o.put("items_rated_by_both", c.items());
            o.set("confusion_matrix_a_rows_b_cols", ClassificationJson.matrix(c.table()));
            ClassificationJson.number(o, "observed_agreement", c.observedAgreement());
            ClassificationJson.number(o, "cohen_kappa", c.kappa());
            ClassificationJson.number(o, "cohen_kappa_linear", c.linear());
            ClassificationJson.number(o, "cohen_kappa_quadratic", c.quadratic());
            ClassificationJson.number(o, "statsmodels_cohens_kappa_unweighted", c.kappaFromProportions());
        });
        r.fleiss().ifPresent(f -> {
            ClassificationJson.number(o, "fleiss_kappa", f.kappa());
            ClassificationJson.number(o, "randolph_kappa", f.randolphKappa());
            ClassificationJson.number(o, "mean_observed_agreement_P_bar", f.meanObservedAgreement());
            ClassificationJson.number(o, "expected_agreement_P_e", f.expectedAgreement());
            ArrayNode p = o.putArray("category_proportions_p_j");
            for (double v : f.categoryProportions()) {
                p.add(v);
            }
        });
        if (!r.pairwise().isEmpty()) {
            ArrayNode pairs = o.putArray("pairwise_cohen_kappa");
            r.pairwise().forEach(p -> {
                ObjectNode x = pairs.addObject();
                x.put("rater_a", p.raterA());
                x.put("rater_b", p.raterB());
                x.put("items", p.items());
                ClassificationJson.number(x, "kappa", p.kappa());
            });
        }
        r.alpha().ifPresent(a -> {
            ClassificationJson.number(o, "krippendorff_alpha", a);
            o.put("krippendorff_level", r.level().name().toLowerCase(java.util.Locale.ROOT));
        });
        if (!r.notes().isEmpty()) {
            ArrayNode n = o.putArray("notes");
            r.notes().forEach(n::add);
        }
        return o;
    }
}
