"""classify stage: Analysis → Classification (decision, type, grounds, confidence, evidence).

Learned calibrated models (``model.PetitionModel``, saved with joblib under ``models/``) plus the
rules the law decides from facts (``rules.py``). Decision, type and grounds are kept consistent:
accept ⇒ A-grounds only, reject ⇒ R-grounds only, at least one ground.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from ..settings import Settings, load_settings
from ..types import ACCEPT_GROUNDS, REJECT_GROUNDS, Analysis, Classification, Evidence
from .features import facts_of
from .rules import apply_rules

MODEL_FILE = "classifier.joblib"
CARD_FILE = "model_card.json"

#: reject grounds under which no enforcement matter is raised, so no type is suggested
NO_TYPE_GROUNDS = {"R2", "R5"}


class ModelMissing(RuntimeError):
    pass


class Classifier:
    def __init__(self, model, settings: Settings, version: Optional[str] = None):
        self.model = model
        self.settings = settings
        self.version = version

    @classmethod
    def load(cls, settings: Optional[Settings] = None, models_dir: Optional[Path] = None) -> "Classifier":
        import joblib
        settings = settings or load_settings()
        d = Path(models_dir or settings.models_dir)
        path = d / MODEL_FILE
        if not path.exists():
            raise ModelMissing(f"no classifier at {path}: run `xinfang train`")
        model = joblib.load(path)
        version = None
        card = d / CARD_FILE
        if card.exists():
            version = json.loads(card.read_text("utf-8")).get("version")
        return cls(model, settings, version)

    # ------------------------------------------------------------------
    def classify(self, analysis: Analysis) -> Classification:
        return self.classify_many([analysis])[0]

    def classify_many(self, analyses: Sequence[Analysis], evidence: bool = True) -> list[Classification]:
        facts = [facts_of(a) for a in analyses]
        probs = self.model.predict_proba([a.text for a in analyses], facts)
        out = [self.decide(p, f, a) for a, f, p in zip(analyses, facts, probs)]
        if evidence:
            # every sentence of the batch vectorised once, then scored per suggested ground
            sents = [_nonblank_sentences(a) for a in analyses]
            flat = [a.text[s:e] for a, ss in zip(analyses, sents) for s, e in ss]
            X = self.model.sentence_matrix(flat) if flat else None
            row = 0
            for a, c, ss in zip(analyses, out, sents):
                c.evidence = self.evidence(a, c, ss, None if X is None else X[row:row + len(ss)])
                row += len(ss)
        return out

    def decide(self, p: dict[str, float], facts: dict[str, float], analysis: Analysis) -> Classification:
        rules = apply_rules(facts, analysis)
        th = getattr(self.model, "thresholds_", {"A": 0.5, "R": 0.5})
        # the decision head and the ground heads vote together: a letter whose best ground is an
        # acceptance ground is not rejected on a stray cue, and vice versa
        s_a = max((p.get(g, 0.0) for g in ACCEPT_GROUNDS), default=0.0)
        s_r = max((p.get(g, 0.0) for g in REJECT_GROUNDS), default=0.0)
        mix = self.settings.decision_mix
        p_rej = (1 - mix) * p["reject"] + mix * (s_r / max(s_a + s_r, 1e-9))
        forced = list(rules.force_reject)
        decision = "reject" if (forced or p_rej >= 0.5) else "accept"
        fam, t = (REJECT_GROUNDS, th["R"]) if decision == "reject" else (ACCEPT_GROUNDS, th["A"])
        scored = sorted(((p.get(g, 0.0), g) for g in fam), reverse=True)
        grounds = [g for s, g in scored if s >= t]
        if not grounds:
            grounds = [scored[0][1]]
        for g in forced:
            if g not in grounds:
                grounds.append(g)
        grounds = sorted(set(grounds), key=lambda g: (fam.index(g)))

        p_rev = p["review"]
        if rules.type_hint == "review":
            p_rev = max(p_rev, 0.9)
        typ = "review" if p_rev >= 0.5 else "implementation"
        if decision == "reject" and set(grounds) <= NO_TYPE_GROUNDS:
            typ = None

        p_dec = p_rej if decision == "reject" else 1.0 - p_rej
        if forced:
            p_dec = max(p_dec, 0.95)
        p_typ = 1.0 if typ is None else (p_rev if typ == "review" else 1.0 - p_rev)
        p_g = max(p.get(g, 0.0) for g in grounds)
        if forced:
            p_g = max(p_g, 0.95)
        confidence = _calibrate(float(min(p_dec, p_typ, p_g)), getattr(self.model, "confidence_map_", None))
        probs = {k: round(v, 4) for k, v in p.items()}
        probs["reject_final"] = round(float(p_rej), 4)
        return Classification(decision=decision, type=typ, grounds=grounds, confidence=confidence,
                              probabilities=probs,
                              rules_fired=rules.fired)

    def evidence(self, analysis: Analysis, c: Classification, sents=None, X=None,
                 per_label: int = 2) -> list[Evidence]:
        """For each suggested ground, the sentences that push hardest towards it (offsets into text)."""
        if sents is None:
            sents = _nonblank_sentences(analysis)
        out: list[Evidence] = []
        if sents:
            if X is None:
                X = self.model.sentence_matrix([analysis.text[s:e] for s, e in sents])
            for g in c.grounds:
                scores = self.model.sentence_scores_from(X, g)
                order = np.argsort(-scores)[:per_label]
                picked = [i for i in order if scores[i] > 0] or list(order[:1])
                for i in sorted(picked):
                    s, e = sents[i]
                    out.append(Evidence(label=g, start=s, end=e, text=analysis.text[s:e],
                                        score=round(float(scores[i]), 4)))
        labels = {note.split(":", 1)[0] for note in c.rules_fired}
        for cn in analysis.case_numbers:
            if cn.start < 0:
                continue
            if ("R6" in labels and not cn.this_court and cn.kind in ("enforcement", "enforcement_review")) \
                    or ("type" in labels and cn.kind == "enforcement_review"):
                out.append(Evidence(label="R6" if not cn.this_court and "R6" in labels else "type",
                                    start=cn.start, end=cn.end, text=analysis.text[cn.start:cn.end],
                                    score=1.0))
        return out


def _logit(p: float) -> float:
    p = min(max(p, 1e-6), 1 - 1e-6)
    return float(np.log(p / (1 - p)))


def _calibrate(raw: float, cmap) -> float:
    """Map the raw record score (the weakest of decision, type and ground) to P(record right)."""
    if not cmap:
        return raw
    a, b = cmap
    return float(1.0 / (1.0 + np.exp(-np.clip(a * _logit(raw) + b, -40, 40))))


def fit_confidence_map(clf: "Classifier", analyses: Sequence[Analysis], letters: Sequence[dict]) -> tuple:
    """Platt-fit the record confidence on out-of-fold predictions of the training letters: the
    probability that decision, type and grounds are all right. Stored as ``model.confidence_map_``."""
    from sklearn.linear_model import LogisticRegression
    model = clf.model
    model.confidence_map_ = None
    raw, ok = [], []
    for p, a, d in zip(model.oof_, analyses, letters):
        c = clf.decide(p, facts_of(a), a)
        raw.append(_logit(c.confidence))
        ok.append(int(c.decision == d["decision"] and set(c.grounds) == set(d.get("grounds") or [])
                      and (d.get("type") is None or c.type == d.get("type"))))
    if len(set(ok)) < 2:
        return None
    lr = LogisticRegression(C=1e4).fit(np.array(raw).reshape(-1, 1), np.array(ok))
    model.confidence_map_ = (float(lr.coef_[0, 0]), float(lr.intercept_[0]))
    return model.confidence_map_


def _nonblank_sentences(analysis: Analysis) -> list[tuple[int, int]]:
    return [(s, e) for s, e in (analysis.sentences or _sentences(analysis.text))
            if analysis.text[s:e].strip()]


def _sentences(text: str) -> list[tuple[int, int]]:
    import re
    out, start = [], 0
    for m in re.finditer(r"[。！？!?；;\n]+", text):
        out.append((start, m.end()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out
