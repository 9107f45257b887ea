"""Regenerates the extra reference cases beside this script (run on purpose only, with Debian bookworm's
python3-sklearn 1.2.1, python3-statsmodels 0.13.5, numpy 1.24.2: /usr/bin/python3 generate.py).

Cases the shared reference lacks: multi-label, Fleiss' kappa from ratings, and single-label data with tied
scores and scores on calibration bin edges."""
import itertools, json, os
import numpy as np
import sklearn, statsmodels
from sklearn import metrics as M
from statsmodels.stats import inter_rater as IR

REF = f"scikit-learn {sklearn.__version__}, statsmodels {statsmodels.__version__}, numpy {np.__version__}"
HERE = os.path.dirname(os.path.abspath(__file__))
EDGES = np.linspace(0, 1, 16)


def bins(conf, outcome, conf_name, acc_name):
    idx = np.maximum(np.searchsorted(EDGES, conf, side="left") - 1, 0)
    out, ece, mce = [], 0.0, 0.0
    for b in range(15):
        m = idx == b
        row = {"bin": b, "lower": float(EDGES[b]), "upper": float(EDGES[b + 1]), "count": int(m.sum())}
        if m.any():
            c, a = float(np.mean(conf[m])), float(np.mean(outcome[m]))
            ece += m.sum() / len(conf) * abs(a - c)
            mce = max(mce, abs(a - c))
            row[conf_name], row[acc_name] = c, a
        else:
            row[conf_name], row[acc_name] = None, None
        out.append(row)
    return float(ece), float(mce), out


def prf(y_true, y_pred, avg, labels=None):
    p, r, f, _ = M.precision_recall_fscore_support(y_true, y_pred, average=avg, labels=labels, zero_division=0)
    return {"precision": float(p), "recall": float(r), "f1": float(f)}


def per(y_true, y_pred, names, labels=None):
    p, r, f, s = M.precision_recall_fscore_support(y_true, y_pred, average=None, labels=labels, zero_division=0)
    return {n: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(s[i])}
            for i, n in enumerate(names)}


def write(name, inp, exp):
    d = os.path.join(HERE, name)
    os.makedirs(d, exist_ok=True)
    exp["_reference"] = REF
    for f, o in (("input.json", inp), ("expected.json", exp)):
        with open(os.path.join(d, f), "w") as fh:
            json.dump(o, fh, indent=1)
            fh.write("\n")


def multilabel():
    rng = np.random.default_rng(7001)
    n, L = 60, 5
    names = ["cat", "dog", "car", "tree", "sky"]
    y_true = (rng.random((n, L)) < [0.5, 0.3, 0.2, 0.4, 0.6]).astype(int)
    y_true[0] = 0                      # a sample with no labels
    y_true[1] = 1                      # a sample with every label
    score = np.clip(0.35 * y_true + rng.random((n, L)) * 0.65, 0, 1).round(3)
    score[5] = [0.5, 0.5, 0.5, 0.2, 0.5]  # ties within a sample
    y_pred = (score >= 0.5).astype(int)
    y_pred[:, 2] = 0                   # a label never predicted
    y_pred[0] = 0                      # nothing true and nothing predicted
    exp = {"n": n, "subset_accuracy": M.accuracy_score(y_true, y_pred), "hamming_loss": M.hamming_loss(y_true, y_pred)}
    for avg in ("micro", "macro", "weighted", "samples"):
        exp[avg] = prf(y_true, y_pred, avg)
    exp["per_label"] = per(y_true, y_pred, names)
    exp["jaccard_samples"] = M.jaccard_score(y_true, y_pred, average="samples", zero_division=0)
    exp["jaccard_macro"] = M.jaccard_score(y_true, y_pred, average="macro", zero_division=0)
    mcm = M.multilabel_confusion_matrix(y_true, y_pred)
    exp["per_label_confusion_matrix_tn_fp_fn_tp"] = {names[j]: [int(v) for v in mcm[j].ravel()] for j in range(L)}
    exp["label_ranking_average_precision"] = M.label_ranking_average_precision_score(y_true, score)
    for avg in ("macro", "micro", "weighted"):
        exp["roc_auc_" + avg] = M.roc_auc_score(y_true, score, average=avg)
        exp["average_precision_" + avg] = M.average_precision_score(y_true, score, average=avg)
    exp["roc_auc_per_label"] = dict(zip(names, map(float, M.roc_auc_score(y_true, score, average=None))))
    exp["average_precision_per_label"] = dict(zip(names, map(float, M.average_precision_score(y_true, score, average=None))))
    e, m, b = bins(score.ravel(), y_true.ravel().astype(float), "mean_predicted", "fraction_positive")
    exp["ece_positive_class_15"], exp["mce_positive_class_15"], exp["ece_positive_class_15_bins"] = e, m, b
    write("multilabel_5_labels", {"description": "multi-label, 5 labels; an empty sample, a full sample, tied scores, a label never predicted",
                                  "labels": names, "y_true": y_true.tolist(), "y_pred": y_pred.tolist(),
                                  "y_score": score.tolist()}, exp)


def single(name, desc, labels, y_true, y_score, y_pred):
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    k = len(labels)
    idx = list(range(k))
    exp = {"n": len(y_true), "accuracy": M.accuracy_score(y_true, y_pred),
           "balanced_accuracy": M.balanced_accuracy_score(y_true, y_pred)}
    for avg in ("micro", "macro", "weighted"):
        exp[avg] = prf(y_true, y_pred, avg, idx)
    exp["per_class"] = per(y_true, y_pred, [str(l) for l in labels], idx)
    exp["confusion_matrix"] = M.confusion_matrix(y_true, y_pred, labels=idx).tolist()
    exp["matthews_corrcoef"] = M.matthews_corrcoef(y_true, y_pred)
    exp["cohen_kappa_true_vs_pred"] = M.cohen_kappa_score(y_true, y_pred, labels=idx)
    if k == 2:
        p = np.asarray(y_score)
        exp["binary_pos1"] = prf(y_true, y_pred, "binary")
        exp["roc_auc"] = M.roc_auc_score(y_true, p)
        exp["average_precision"] = M.average_precision_score(y_true, p)
        exp["log_loss"] = M.log_loss(y_true, p, labels=idx)
        exp["brier_score"] = M.brier_score_loss(y_true, p)
        conf = np.maximum(p, 1 - p)
        e, m, b = bins(p, y_true.astype(float), "mean_predicted", "fraction_positive")
        exp["ece_positive_class_15"], exp["mce_positive_class_15"], exp["ece_positive_class_15_bins"] = e, m, b
    else:
        s = np.asarray(y_score)
        onehot = np.eye(k, dtype=int)[y_true]
        for avg in ("macro", "weighted"):
            exp["roc_auc_ovr_" + avg] = M.roc_auc_score(y_true, s, multi_class="ovr", average=avg, labels=idx)
        exp["roc_auc_ovo_macro"] = M.roc_auc_score(y_true, s, multi_class="ovo", average="macro", labels=idx)
        exp["roc_auc_ovr_per_class"] = {str(labels[c]): M.roc_auc_score(onehot[:, c], s[:, c]) for c in idx}
        for avg in ("macro", "weighted", "micro"):
            exp["average_precision_ovr_" + avg] = M.average_precision_score(onehot, s, average=avg)
        exp["average_precision_ovr_per_class"] = {str(labels[c]): M.average_precision_score(onehot[:, c], s[:, c]) for c in idx}
        exp["log_loss"] = M.log_loss(y_true, s, labels=idx)
        for kk in (1, 2, 3, 5):
            if kk < k:
                exp[f"top_{kk}_accuracy"] = M.top_k_accuracy_score(y_true, s, k=kk, labels=idx)
        conf = s.max(axis=1)
    e, m, b = bins(conf, (y_pred == y_true).astype(float), "mean_confidence", "accuracy")
    exp["ece_top_label_15"], exp["mce_top_label_15"], exp["ece_top_label_15_bins"] = e, m, b
    write(name, {"description": desc, "labels": labels, "y_true": y_true.tolist(), "y_pred": y_pred.tolist(),
                 "y_score": y_score.tolist() if isinstance(y_score, np.ndarray) else y_score}, exp)


def ties_and_edges():
    rng = np.random.default_rng(7002)
    n = 80
    y = rng.integers(0, 2, n)
    # scores on a 1/15 grid and on the decimal edges 0.2, 0.4, 0.6, 0.8, 0.5: many ties, many on bin edges
    grid = np.array([0.0, 0.2, 0.4, 0.5, 0.6, 0.8, 1.0, 1 / 15, 2 / 15, 7 / 15])
    p = np.clip(grid[rng.integers(0, len(grid), n)] * 0.7 + 0.3 * y * rng.integers(0, 2, n), 0, 1)
    p = np.where(rng.random(n) < 0.5, grid[rng.integers(0, len(grid), n)], p)
    p[:3] = [0.0, 1.0, 0.5]
    p = np.where(p == 0.0, 0.001, np.where(p == 1.0, 0.999, p))
    single("binary_ties_and_bin_edges", "binary; scores tied and on calibration bin edges (0.2, 0.4, 0.5, 0.6, 0.8, k/15)",
           [0, 1], y, [float(v) for v in p], (p >= 0.5).astype(int))
    k = 3
    yt = rng.integers(0, k, 45)
    raw = rng.integers(1, 5, (45, k)).astype(float)
    s = raw / raw.sum(axis=1, keepdims=True)
    s[0] = [0.4, 0.4, 0.2]               # top-k tie
    s[1] = [0.2, 0.4, 0.4]
    yp = s.argmax(axis=1)
    single("multiclass_3_ties", "3 classes; rows of small-integer ratios, so scores tie within and across samples",
           ["red", "green", "blue"], yt, s, yp)


def fleiss():
    rng = np.random.default_rng(7003)
    items, raters, k = 30, 4, 3
    truth = rng.integers(0, k, items)
    ratings = np.where(rng.random((items, raters)) < 0.7, truth[:, None], rng.integers(0, k, (items, raters)))
    counts, cats = IR.aggregate_raters(ratings, n_cat=k)
    table = counts.astype(float)
    n_rat = table.sum(1).max()
    p_cat = table.sum(0) / table.sum()
    p_rat = ((table * table).sum(1) - n_rat) / (n_rat * (n_rat - 1.0))
    exp = {"n": items, "fleiss_kappa": IR.fleiss_kappa(counts, method="fleiss"),
           "randolph_kappa": IR.fleiss_kappa(counts, method="randolph"),
           "mean_observed_agreement_P_bar": float(p_rat.mean()), "expected_agreement_P_e": float((p_cat * p_cat).sum()),
           "category_proportions_p_j": [float(v) for v in p_cat],
           "pairwise_cohen_kappa": [{"rater_a": a, "rater_b": b, "items": items,
                                     "kappa": M.cohen_kappa_score(ratings[:, a], ratings[:, b], labels=list(range(k)))}
                                    for a, b in itertools.combinations(range(raters), 2)]}
    write("fleiss_4_raters", {"description": "30 items, 4 raters, 3 categories", "categories": [0, 1, 2],
                              "ratings": ratings.tolist()}, exp)


multilabel()
ties_and_edges()
fleiss()
