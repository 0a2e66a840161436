"""Model selection without the gold split: k-fold over the HAND-WRITTEN training letters.

Each fold trains on all generated letters + the other hand folds and scores the held-out hand
fold, so choices are judged on letters written like real ones, and gold stays unseen.

    python -m benchmarks.devtune --folds 4 --config '{"C": 4}' --config '{"C": 10}'
"""
from __future__ import annotations

import argparse
import json
import random

import numpy as np

from xinfang_nlp import corpus
from xinfang_nlp.analyse import Analyzer
from xinfang_nlp.classify import Classifier
from xinfang_nlp.classify.features import TextFeatures, facts_of
from xinfang_nlp.classify.model import PetitionModel
from xinfang_nlp.classify.train import WEIGHTS
from xinfang_nlp.settings import load_settings
from xinfang_nlp.types import GROUNDS


def score(letters, preds):
    tp = fp = fn = 0
    per = {g: [0, 0, 0] for g in GROUNDS}
    dec = typ = nt = 0
    pd, ok = [], []
    for d, c in zip(letters, preds):
        pr = c.probabilities.get("reject_final", c.probabilities["reject"])
        pd.append(pr if c.decision == "reject" else 1 - pr)
        ok.append(c.decision == d["decision"])
        G, P = set(d["grounds"]), set(c.grounds)
        for g in GROUNDS:
            per[g][0] += g in G and g in P
            per[g][1] += g in P and g not in G
            per[g][2] += g in G and g not in P
        dec += c.decision == d["decision"]
        if d.get("type"):
            nt += 1
            typ += c.type == d["type"]
    tp = sum(v[0] for v in per.values()); fp = sum(v[1] for v in per.values()); fn = sum(v[2] for v in per.values())
    f1 = lambda a, b, c: 2 * a / max(1, 2 * a + b + c)
    macro = np.mean([f1(*per[g]) for g in GROUNDS if per[g][0] + per[g][2] > 0])
    from xinfang_nlp.evaluate import ece
    return {"ece": ece(pd, ok), "conf_ece": ece([c.confidence for c in preds],
                                              [c.decision == d["decision"] and set(c.grounds) == set(d["grounds"]) for d, c in zip(letters, preds)]),
            "decision": dec / len(letters), "type": typ / max(1, nt), "micro": f1(tp, fp, fn), "macro": float(macro)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=4)
    ap.add_argument("--config", action="append", default=[])
    ap.add_argument("--no-generated", action="store_true")
    args = ap.parse_args()
    settings = load_settings()
    an = Analyzer(settings)
    train = corpus.load("corpora", "train")
    hand = [d for d in train if d["provenance"]["method"] == "hand"]
    gen = [] if args.no_generated else [d for d in train if d["provenance"]["method"] != "hand"]
    for d in hand + gen:
        d["_a"] = an(d["text"])
    rnd = random.Random(7)
    idx = list(range(len(hand)))
    rnd.shuffle(idx)
    folds = [idx[i::args.folds] for i in range(args.folds)]
    fitted = {}
    for cfg_s in args.config or ["{}"]:
        cfg = json.loads(cfg_s)
        feat_cfg = {k[5:]: v for k, v in cfg.items() if k.startswith("feat_")}
        model_cfg = {k: v for k, v in cfg.items() if not k.startswith("feat_") and k not in ("w", "mix")}
        from dataclasses import replace
        fold_settings = replace(settings, decision_mix=cfg.get("mix", settings.decision_mix))
        w = dict(WEIGHTS, **cfg.get("w", {}))
        res = []
        for k, f in enumerate(folds):
            held = [hand[i] for i in f]
            tr = [hand[i] for i in idx if i not in set(f)] + gen
            key = (json.dumps({c: v for c, v in cfg.items() if c != "mix"}, sort_keys=True), k)
            if key in fitted:
                m = fitted[key]
            else:
                m = fitted[key] = PetitionModel(features=TextFeatures(**feat_cfg), **model_cfg).fit(
                [d["text"] for d in tr], [facts_of(d["_a"]) for d in tr], [d["decision"] for d in tr],
                [d.get("type") for d in tr], [d["grounds"] for d in tr],
                sample_weight=[w[d["provenance"]["method"]] for d in tr])
            clf = Classifier(m, fold_settings)
            res.append(score(held, clf.classify_many([d["_a"] for d in held], evidence=False)))
        avg = {k: round(float(np.mean([r[k] for r in res])), 4) for k in res[0]}
        print(cfg_s, avg, flush=True)


if __name__ == "__main__":
    main()
