"""Experiment (not shipped): a learned re-ranker over every name a letter mentions, to pick the 被执行人.

Candidates are the names the role cues, the assembly rules and the span model propose, introductions
(一个叫马建军的), organisations anywhere and persons named twice. Each gets the rules' conclusions, its
cue hits, the span model's labels, 1–4 characters either side of each mention and sentence words, and
a logistic regression decides (scikit-learn estimator contract).

    python -m xinfang_nlp.analyse.ner train corpora/letters/train/hand/hand-t[123].jsonl \
        corpora/letters/train/generated/*.jsonl --out /tmp/ner_dev45     # span model without the dev letters
    python -m benchmarks.party_rerank dev --ner /tmp/ner_dev45           # dev = hand-t4 + hand-t5 (180)
    PARTYRANK_DROP=rule= python -m benchmarks.party_rerank dev --ner /tmp/ner_dev45   # without rule outputs

Measured 2026-11-22 (train 1,180 letters, dev 180): rules F1 0.800; re-ranker best 0.797 (C 0.3–3,
thresholds 0.3–0.6 all within 0.77–0.80); without the rules' outputs as features 0.70. Candidate recall
0.93. It did not beat the rules, so the product keeps the rules; kept here so the figure can be rerun.
Gold is never read.
"""
from __future__ import annotations

import argparse
import glob
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from xinfang_nlp.analyse.names import read_org, read_person

#: the model file under the models folder
FILENAME = "party_ranker.joblib"
_SENT_END = "。！？\n；"
_INTRO = re.compile(r"(?:名叫|叫做|叫)")
#: a name may start after these (punctuation, spaces, function words that end the word before)
_BOUNDARY = set("，,。：:；;、！？\n \t（(“\"《是的了在给跟和与及把被叫找告欠向对让由从")


@dataclass
class Candidate:
    name: str
    features: dict[str, float] = field(default_factory=dict)
    first: int = 0


def _mentions(text: str, name: str) -> list[int]:
    out, i = [], text.find(name)
    while i >= 0 and len(out) < 20:
        out.append(i)
        i = text.find(name, i + len(name))
    return out


def candidates(text: str, roles: list, fields: dict, ner_spans: Optional[Iterable] = None) -> list[Candidate]:
    """Every distinct name proposed for the letter, with its features."""
    names: dict[str, Candidate] = {}
    n = max(len(text), 1)
    resp = set(fields.get("respondents") or [])
    apps = set(fields.get("applicants") or [])
    outs = set(fields.get("outsiders") or [])
    writer = fields.get("petitioner_name")
    judge = fields.get("judge")

    def cand(name: str) -> Optional[Candidate]:
        if not name or len(name) < 2 or name not in text:
            return None
        c = names.get(name)
        if c is None:
            c = names[name] = Candidate(name)
        return c

    for h in roles:
        c = cand(h.name)
        if c is None:
            continue
        f = c.features
        f[f"hit={h.role}"] = 1.0
        f[f"hit={h.role}:{h.tier}"] = 1.0
        f[f"cue={h.role}:{h.cue[-4:]}"] = 1.0
        if h.self_ref:
            f[f"self={h.role}"] = 1.0
    for s, e, lab in ner_spans or ():
        name = text[s:e]
        if read_org(text, s) == name or read_person(text, s, allow_title=False) == name:
            c = cand(name)
            if c is not None:
                c.features[f"ner={lab}"] = 1.0
    for group, key in ((resp, "rule=RESP"), (apps, "rule=APP"), (outs, "rule=OUT")):
        for name in group:
            c = cand(name)
            if c is not None:
                c.features[key] = 1.0
    for name, key in ((writer, "is_writer"), (judge, "is_judge")):
        c = cand(name) if name else None
        if c is not None:
            c.features[key] = 1.0
    # names no cue reached: 一个叫马建军的 / 司机叫苗永强 (introductions), any organisation, and a person
    # named at a word boundary more than once (俺儿子鞠传亮…人家告了他…鞠传亮)
    for m in _INTRO.finditer(text):
        p = read_person(text, m.end(), allow_title=False)
        c = cand(p) if p else None
        if c is not None:
            c.features["intro"] = 1.0
    seen_person: dict[str, int] = {}
    for i in range(len(text)):
        if i and text[i - 1] not in _BOUNDARY:
            continue
        o = read_org(text, i)
        if o:
            cand(o)
            continue
        p = read_person(text, i, allow_title=False)
        if p and len(p) >= 2:
            seen_person[p] = seen_person.get(p, 0) + 1
    for p, k in seen_person.items():
        if k >= 2 and p not in names and len(_mentions(text, p)) >= 2:
            c = cand(p)
            if c is not None:
                c.features["repeated"] = 1.0
    letter_has_resp_cue = bool(re.search(r"被执[行形]人", text))
    for c in names.values():
        f = c.features
        ms = _mentions(text, c.name)
        c.first = ms[0] if ms else 0
        org = read_org(c.name, 0) == c.name
        f["shape=org" if org else "shape=person"] = 1.0
        if c.name.endswith("某") or "某某" in c.name:
            f["shape=anon"] = 1.0
        f["len"] = min(len(c.name), 20) / 20.0
        f["mentions"] = min(len(ms), 6) / 6.0
        f["first_pos"] = c.first / n
        f["resp_cue_in_letter"] = float(letter_has_resp_cue)
        for m in ms:
            for k in (1, 2, 3, 4):
                if m - k >= 0:
                    f["L=" + text[m - k:m]] = 1.0
            e = m + len(c.name)
            for k in (1, 2, 3):
                if e + k <= len(text):
                    f["R=" + text[e:e + k]] = 1.0
            sb = max(text.rfind(ch, 0, m) for ch in _SENT_END)
            se = min([x for x in (text.find(ch, e) for ch in _SENT_END) if x >= 0] or [len(text)])
            sent = text[sb + 1:se]
            for word in ("被执行人", "申请执行人", "案外人", "欠", "还钱", "拘留", "失信", "限高", "法官", "我", "公司",
                         "法定代表人", "担保", "判决", "查封", "冻结", "名下", "的", "老板"):
                if word in sent:
                    f["S=" + word] = 1.0
    return sorted(names.values(), key=lambda c: c.first)


class PartyRanker:
    """P(candidate is a respondent); scikit-learn estimator contract."""

    def __init__(self, C: float = 1.0, threshold: float = 0.5, class_weight: Optional[str] = None):
        self.C = C
        self.threshold = threshold
        self.class_weight = class_weight

    def fit(self, X: list[dict[str, float]], y: list[int], sample_weight=None) -> "PartyRanker":
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        self.vectorizer_ = DictVectorizer()
        M = self.vectorizer_.fit_transform(X)
        self.model_ = LogisticRegression(C=self.C, max_iter=3000, class_weight=self.class_weight)
        self.model_.fit(M, y, sample_weight=sample_weight)
        return self

    def predict_proba(self, X: list[dict[str, float]]):
        if not X:
            return []
        return self.model_.predict_proba(self.vectorizer_.transform(X))[:, 1]

    def respondents(self, cands: list[Candidate]) -> list[str]:
        """The candidates above the threshold, in order of first mention; a name inside another chosen
        name (利民公司 inside 济南利民建材有限公司) is dropped."""
        if not cands:
            return []
        p = self.predict_proba([c.features for c in cands])
        chosen = [c.name for c, q in zip(cands, p) if q >= self.threshold]
        return [a for a in chosen if not any(a != b and a in b for b in chosen)]


# ------------------------------------------------------------------ data, training, dev figure
def letter_candidates(an, L: dict) -> tuple[list[Candidate], list[int]]:
    """Candidates of one labelled letter, with labels (1 = a gold respondent)."""
    a = an(L["text"])
    doc = a.doc
    ner = doc._.xf_ner
    spans = ner() if callable(ner) else (ner or [])
    cands = candidates(L["text"], doc._.xf_roles or [], a.fields, spans)
    gold = set((L.get("fields") or {}).get("respondents") or [])
    return cands, [int(c.name in gold) for c in cands]


def _load(paths: Iterable[str]) -> list[dict]:
    from xinfang_nlp.analyse.evaluate_fields import load_letters
    return load_letters(sorted(paths))


def _f1(pairs: list[tuple[set, set]]) -> dict[str, float]:
    tp = sum(len(g & p) for g, p in pairs)
    fp = sum(len(p - g) for g, p in pairs)
    fn = sum(len(g - p) for g, p in pairs)
    pr = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    return {"f1": round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0, "p": round(pr, 4), "r": round(rc, 4)}


def build(train: list[dict], an, **params: Any) -> PartyRanker:
    X, y = [], []
    for L in train:
        cands, labels = letter_candidates(an, L)
        X += [c.features for c in cands]
        y += labels
    return PartyRanker(**params).fit(X, y)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.party_rerank")
    ap.add_argument("command", choices=["train", "dev"])
    ap.add_argument("--train", nargs="*", default=None, help="train letters (default: all training letters)")
    ap.add_argument("--dev", nargs="*", default=["corpora/letters/train/hand/hand-t4.jsonl",
                                                  "corpora/letters/train/hand/hand-t5.jsonl"])
    ap.add_argument("--ner", default=None, help="span model folder (dev: one trained without the dev letters)")
    ap.add_argument("--C", type=float, default=1.0)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--out", default=None)
    a = ap.parse_args(argv)
    from xinfang_nlp.analyse import Analyzer
    an = Analyzer(ner_model=a.ner)
    all_train = glob.glob("corpora/letters/train/**/*.jsonl", recursive=True)
    if a.command == "dev":
        dev_paths = set(a.dev)
        train = _load(a.train or [p for p in all_train if p not in dev_paths])
        dev = _load(a.dev)
        X, y = [], []
        for L in train:
            cands, labels = letter_candidates(an, L)
            X += [c.features for c in cands]
            y += labels
        dev_c, rules, recall = [], [], []
        for L in dev:
            cands, _ = letter_candidates(an, L)
            gold = set(L["fields"].get("respondents") or [])
            dev_c.append((gold, cands))
            rules.append((gold, set(an(L["text"]).fields.get("respondents") or [])))
            recall.append((gold, {c.name for c in cands}))
        print(f"dev letters {len(dev)}  train letters {len(train)} ({len(X)} candidates)")
        print("rules              ", _f1(rules))
        print("candidate recall   ", _f1(recall)["r"])
        import os
        drop = tuple(x for x in os.environ.get("PARTYRANK_DROP", "").split(",") if x)
        if drop:
            X = [{k: v for k, v in f.items() if not k.startswith(drop)} for f in X]
            for _, cands in dev_c:
                for c in cands:
                    c.features = {k: v for k, v in c.features.items() if not k.startswith(drop)}
        for C in (0.3, 1.0, 3.0):
            model = PartyRanker(C=C).fit(X, y)
            for t in (0.3, 0.4, 0.5, 0.6):
                model.threshold = t
                print(f"learned C={C} t={t}", _f1([(g, set(model.respondents(c))) for g, c in dev_c]))
        return 0
    import joblib
    train = _load(a.train or all_train)
    model = build(train, an, C=a.C, threshold=a.threshold)
    from xinfang_nlp.settings import load_settings
    out = Path(a.out) if a.out else load_settings().models_dir / FILENAME
    joblib.dump(model, out, compress=3)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB) from {len(train)} letters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
