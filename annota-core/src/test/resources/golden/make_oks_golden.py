"""Regenerates oks_keypoints_person.json (only on purpose): OKS of every detection with every ground truth of
the same image in ../shared/reference/cocoeval/cases/keypoints_person, computed with numpy the way
pycocotools' COCOeval.computeOks does (vectorised numpy arithmetic, np.sum, np.exp, np.spacing(1)).

    python3 make_oks_golden.py /work/shared/reference/cocoeval/cases/keypoints_person > oks_keypoints_person.json
"""
import json
import sys

import numpy as np

case = sys.argv[1]
gts = json.load(open(case + "/gt.json"))["annotations"]
dts = json.load(open(case + "/dt.json"))
sigmas = np.array([.26, .25, .25, .35, .35, .79, .79, .72, .72, .62, .62, 1.07, 1.07, .87, .87, .89, .89]) / 10.0
variances = (sigmas * 2) ** 2
k = len(sigmas)
pairs = []
for gi, gt in enumerate(gts):
    g = np.array(gt["keypoints"])
    xg, yg, vg = g[0::3], g[1::3], g[2::3]
    k1 = np.count_nonzero(vg > 0)
    bb = gt["bbox"]
    x0, x1 = bb[0] - bb[2], bb[0] + bb[2] * 2
    y0, y1 = bb[1] - bb[3], bb[1] + bb[3] * 2
    for di, dt in enumerate(dts):
        if dt["image_id"] != gt["image_id"]:
            continue
        d = np.array(dt["keypoints"])
        xd, yd = d[0::3], d[1::3]
        if k1 > 0:
            dx, dy = xd - xg, yd - yg
        else:
            z = np.zeros(k)
            dx = np.max((z, x0 - xd), axis=0) + np.max((z, xd - x1), axis=0)
            dy = np.max((z, y0 - yd), axis=0) + np.max((z, yd - y1), axis=0)
        e = (dx ** 2 + dy ** 2) / variances / (gt["area"] + np.spacing(1)) / 2
        if k1 > 0:
            e = e[vg > 0]
        pairs.append({"gt": gi, "dt": di, "oks": float(np.sum(np.exp(-e)) / e.shape[0])})
json.dump({"numpy": np.__version__, "pairs": pairs}, sys.stdout, indent=1)
