"""Is the writer the party enforced against (被执行人)? A small learned letter classifier.

Writers who are themselves the debtor rarely say 我是被执行人: they write 把我的工资卡冻了 / 请解除限高 /
钱我已经还清了 / 凭啥叫俺拆. Rules catch few of these; a logistic regression over character 1–3-grams
(TF-IDF, sublinear tf, l2), trained on the train letters (label: petitioner_name ∈ respondents) does
much better. The model is plain JSON (vocabulary, idf, weights) under ``models/``, scored here without
scikit-learn, so loading is offline, version-proof and fast (< 1 ms a letter).

    python -m xinfang_nlp.analyse.selfparty train corpora/letters/train/generated/*.jsonl corpora/letters/train/hand/*.jsonl

(models/ner_selfparty.json: 1,820 letters, hand t1–t13 + generated; trained on t1–t9 it lifted the respondents
F1 of the unseen t10–t13 from 0.923, with the session-1 model on 1,100 letters, to 0.930.)
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..settings import REPO_ROOT

MODEL = REPO_ROOT / "models" / "ner_selfparty.json"
_WS = re.compile(r"\s\s+")
_DIG = re.compile(r"[0-9０-９]")


def _prep(text: str) -> str:
    return _WS.sub(" ", _DIG.sub("0", text).lower())


def _grams(text: str, lo: int = 1, hi: int = 3) -> Counter:
    t = _prep(text)
    n = len(t)
    c: Counter = Counter()
    for k in range(lo, hi + 1):
        c.update(t[i:i + k] for i in range(n - k + 1))   # counted in C
    return c


class SelfParty:
    def __init__(self, model: dict):
        self.vocab: dict[str, int] = {g: i for i, g in enumerate(model["grams"])}
        self.idf: list[float] = model["idf"]
        self.coef: list[float] = model["coef"]
        self.bias: float = model["bias"]
        self.threshold: float = model.get("threshold", 0.0)
        # one weight per gram, looked up once: coef·idf for the dot product, idf² for the norm
        self._w = {g: (self.coef[i] * self.idf[i], self.idf[i] ** 2) for g, i in self.vocab.items()}

    def score(self, text: str) -> float:
        num = den = 0.0
        get = self._w.get
        for g, tf in _grams(text).items():
            w = get(g)
            if w is not None:
                lt = 1.0 + math.log(tf)
                num += w[0] * lt
                den += w[1] * lt * lt
        return self.bias + num / (math.sqrt(den) or 1.0)

    def __call__(self, text: str) -> bool:
        return self.score(text) > self.threshold


@lru_cache(maxsize=2)
def load(path: Optional[str] = None) -> Optional[SelfParty]:
    p = Path(path) if path else MODEL
    if not p.exists():
        return None
    return SelfParty(json.loads(p.read_text(encoding="utf-8")))


def label(letter: dict) -> int:
    f = letter.get("fields") or {}
    p = f.get("petitioner_name")
    return int(bool(p) and p in (f.get("respondents") or []))


def train(letters: list[dict], C: float = 4.0, max_features: int = 30000) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    v = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), min_df=2, sublinear_tf=True,
                        max_features=max_features, preprocessor=_prep, lowercase=False)
    X = v.fit_transform([L["text"] for L in letters])
    y = [label(L) for L in letters]
    m = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X, y)
    grams = [None] * len(v.vocabulary_)
    for g, i in v.vocabulary_.items():
        grams[i] = g
    return {"kind": "logreg-char-1-3-tfidf", "label": "petitioner_name in respondents", "C": C,
            "n_train": len(letters), "grams": grams, "idf": [round(float(x), 5) for x in v.idf_],
            "coef": [round(float(x), 5) for x in m.coef_[0]], "bias": float(m.intercept_[0]),
            "threshold": 0.0}


def main(argv=None) -> int:
    import argparse
    from .evaluate_fields import load_letters
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["train"])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--out", default=str(MODEL))
    ap.add_argument("--C", type=float, default=4.0)
    a = ap.parse_args(argv)
    if any("/gold/" in f for f in a.files):
        raise SystemExit("never train on the gold split")
    model = train(load_letters(a.files), C=a.C)
    Path(a.out).write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {a.out}: {len(model['grams'])} grams, {model['n_train']} letters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
