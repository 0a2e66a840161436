"""The learned part of the classifier: calibrated linear models over character/word n-grams.

``PetitionModel`` follows the scikit-learn estimator contract (``__init__`` stores parameters, ``fit``
returns self, learned attributes end in ``_``) so it pickles with joblib and composes.
"""
from __future__ import annotations

from typing import Optional, Sequence

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from ..types import ACCEPT_GROUNDS, GROUNDS, REJECT_GROUNDS
from .features import TextFeatures, facts_matrix


class PlattLogistic(BaseEstimator):
    """Logistic regression with Platt (sigmoid) calibration fitted on out-of-fold scores.

    The same as ``CalibratedClassifierCV(ensemble=False)`` but keeping the out-of-fold calibrated
    probabilities (``oof_proba_``) so thresholds can be tuned without a second round of fits, and
    predicting with one linear model (fast).
    """

    def __init__(self, C: float = 4.0, cv: int = 5, seed: int = 0):
        self.C = C
        self.cv = cv
        self.seed = seed

    def _base(self):
        return LogisticRegression(C=self.C, class_weight="balanced", max_iter=3000, solver="liblinear")

    def fit(self, X, y, sample_weight=None):
        y = np.asarray(y)
        folds = StratifiedKFold(self.cv, shuffle=True, random_state=self.seed)
        params = None if sample_weight is None else {"sample_weight": np.asarray(sample_weight)}
        oof = cross_val_predict(self._base(), X, y, cv=folds, method="decision_function",
                                params=params)
        platt = LogisticRegression(C=1e4, solver="lbfgs").fit(oof.reshape(-1, 1), y)
        self.a_ = float(platt.coef_[0, 0])
        self.b_ = float(platt.intercept_[0])
        self.oof_proba_ = 1.0 / (1.0 + np.exp(-(self.a_ * oof + self.b_)))
        final = self._base().fit(X, y, sample_weight=sample_weight)
        self.coef_ = final.coef_.ravel().astype(np.float32)   # only what predicting needs is kept
        self.intercept_ = float(final.intercept_[0])
        return self

    def decision_function(self, X) -> np.ndarray:
        return np.asarray(X @ self.coef_).ravel() + self.intercept_

    def predict_proba(self, X) -> np.ndarray:
        z = np.clip(self.a_ * self.decision_function(X) + self.b_, -40, 40)
        p = 1.0 / (1.0 + np.exp(-z))
        return np.stack([1 - p, p], axis=1)


class PetitionModel(BaseEstimator):
    """decision (accept/reject), type (implementation/review) and the 15 grounds, each a calibrated
    one-vs-rest logistic regression. Per-family ground thresholds are tuned on out-of-fold
    predictions of the training data (never on the gold split)."""

    def __init__(self, C: float = 10.0, ground_C: float = 10.0, facts_scale: float = 1.0,
                 cv: int = 5, seed: int = 20261122, tune_thresholds: bool = True,
                 features: Optional[TextFeatures] = None, type_uses_grounds: float = 0.0):
        self.C = C
        self.ground_C = ground_C
        self.facts_scale = facts_scale
        self.cv = cv
        self.seed = seed
        self.tune_thresholds = tune_thresholds
        self.features = features
        self.type_uses_grounds = type_uses_grounds

    # ------------------------------------------------------------------ fit
    def _X(self, texts: Sequence[str], facts: Sequence[dict]):
        return sparse.hstack([self.features_.transform(texts), facts_matrix(list(facts), self.facts_scale)],
                             format="csr", dtype=np.float32)

    def fit(self, texts: Sequence[str], facts: Sequence[dict], decisions: Sequence[str],
            types: Sequence[Optional[str]], grounds: Sequence[Sequence[str]],
            sample_weight: Optional[Sequence[float]] = None):
        from sklearn.base import clone
        texts = list(texts)
        self.features_ = clone(self.features) if self.features is not None else TextFeatures()
        self.features_.fit(texts)
        X = self._X(texts, facts)
        self.n_text_features_ = int(self.features_.transform(texts[:1]).shape[1])
        sw = None if sample_weight is None else np.asarray(sample_weight, dtype=float)

        y_dec = np.array([1 if d == "reject" else 0 for d in decisions])
        self.decision_ = PlattLogistic(self.C, self.cv, self.seed).fit(X, y_dec, sample_weight=sw)


        self.grounds_ = {}
        oof = {}
        Y = {g: np.array([1 if g in gs else 0 for gs in grounds]) for g in GROUNDS}
        for g in GROUNDS:
            if Y[g].sum() < 2 * self.cv:  # too few examples to learn this ground
                continue
            cal = PlattLogistic(self.ground_C, self.cv, self.seed).fit(X, Y[g], sample_weight=sw)
            self.grounds_[g] = cal
            oof[g] = cal.oof_proba_
        # type: text features, optionally with the (out-of-fold) ground probabilities stacked on
        has_type = np.array([t in ("implementation", "review") for t in types])
        y_type = np.array([1 if t == "review" else 0 for t in types])[has_type]
        Xt = self._with_grounds(X, oof)
        self.type_ = PlattLogistic(self.C, self.cv, self.seed).fit(
            Xt[has_type], y_type, sample_weight=None if sw is None else sw[has_type])
        self.thresholds_ = {"A": 0.5, "R": 0.5}
        if self.tune_thresholds and oof:
            self.thresholds_ = self._tune(oof, Y, y_dec)
        # out-of-fold probabilities of every head, per letter: what the model would have said of each
        # training letter without having seen it (used once by ``train`` to calibrate the record
        # confidence, then dropped: training-time only, and it keeps the artifact small)
        oof_type = np.full(X.shape[0], 0.5)
        oof_type[has_type] = self.type_.oof_proba_
        self.oof_ = [dict({"reject": float(self.decision_.oof_proba_[i]), "review": float(oof_type[i])},
                          **{g: float(oof[g][i]) for g in oof}) for i in range(X.shape[0])]
        for m in [self.decision_, self.type_, *self.grounds_.values()]:
            del m.oof_proba_
        return self

    def _with_grounds(self, X, probs: dict):
        if not self.type_uses_grounds:
            return X
        G = np.stack([probs.get(g, np.zeros(X.shape[0])) for g in GROUNDS], axis=1)
        return sparse.hstack([X, sparse.csr_matrix(G * self.type_uses_grounds)], format="csr",
                             dtype=np.float32)

    def _tune(self, oof: dict, Y: dict, y_dec: np.ndarray) -> dict:
        """Pick the per-family threshold maximising micro-F1 of grounds on out-of-fold probabilities,
        with the top ground of the (true) family always kept."""
        out = {}
        for fam, labels, mask in (("A", ACCEPT_GROUNDS, y_dec == 0), ("R", REJECT_GROUNDS, y_dec == 1)):
            labels = [g for g in labels if g in oof]
            if not labels or mask.sum() == 0:
                out[fam] = 0.5
                continue
            P = np.stack([oof[g][mask] for g in labels], axis=1)
            T = np.stack([Y[g][mask] for g in labels], axis=1)
            best, best_t = -1.0, 0.5
            for t in np.arange(0.15, 0.80, 0.025):
                pred = P >= t
                pred[np.arange(len(P)), P.argmax(1)] = True
                tp = (pred & (T == 1)).sum()
                fp = (pred & (T == 0)).sum()
                fn = (~pred & (T == 1)).sum()
                f1 = 2 * tp / max(1, 2 * tp + fp + fn)
                if f1 > best:
                    best, best_t = f1, float(t)
            out[fam] = round(best_t, 3)
        return out

    # ------------------------------------------------------------------ predict
    def predict_proba(self, texts: Sequence[str], facts: Sequence[dict]) -> list[dict[str, float]]:
        """Per document: P(reject), P(review) and P(ground) for every learned ground."""
        X = self._X(list(texts), facts)
        p_rej = self.decision_.predict_proba(X)[:, 1]
        per_g = {g: m.predict_proba(X)[:, 1] for g, m in self.grounds_.items()}
        p_rev = self.type_.predict_proba(self._with_grounds(X, per_g))[:, 1]
        out = []
        for i in range(X.shape[0]):
            d = {"reject": float(p_rej[i]), "review": float(p_rev[i])}
            for g, p in per_g.items():
                d[g] = float(p[i])
            out.append(d)
        return out

    def sentence_matrix(self, sentences: Sequence[str]):
        return self.features_.transform(list(sentences))

    def sentence_scores_from(self, Xs, label: str) -> np.ndarray:
        """How much each sentence (rows of ``sentence_matrix``) pushes towards ``label`` (a ground)."""
        head = self.grounds_.get(label)
        if head is None or Xs.shape[0] == 0:
            return np.zeros(Xs.shape[0], dtype=np.float32)
        return np.asarray(Xs @ head.coef_[: self.n_text_features_]).ravel()
