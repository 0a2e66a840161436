"""Text features: character n-grams (the workhorse for Chinese) + jieba words with a legal dictionary,
and a few structured facts from the analyse stage (case-number kinds, court, contact details)."""
from __future__ import annotations

import re
import threading
from typing import Iterable

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer

from ..settings import REPO_ROOT

USERDICT = REPO_ROOT / "corpora" / "lexicons" / "legal_userdict.txt"

_tok = None
_lock = threading.Lock()
_DIGITS = re.compile(r"[0-9０-９]+")


def _tokenizer():
    global _tok
    if _tok is None:
        with _lock:
            if _tok is None:
                import logging

                import jieba
                jieba.setLogLevel(logging.WARNING)
                t = jieba.Tokenizer()
                if USERDICT.exists():
                    t.load_userdict(str(USERDICT))
                t.initialize()
                _tok = t
    return _tok


def normalize_for_features(text: str) -> str:
    """Digits carry names of nothing: fold runs to one placeholder so serials/amounts don't overfit."""
    return _DIGITS.sub("0", text)


def words(text: str) -> list[str]:
    return [w for w in _tokenizer().lcut(text, HMM=False) if w.strip()]


class TextFeatures(BaseEstimator, TransformerMixin):
    """char n-gram TF-IDF ⊕ word TF-IDF. scikit-learn contract: params stored, learned attrs end in _."""

    def __init__(self, char_ngrams: tuple[int, int] = (1, 3), char_max_features: int = 80000,
                 word_max_features: int = 30000, min_df: int = 2, use_words: bool = False):
        self.char_ngrams = char_ngrams
        self.char_max_features = char_max_features
        self.word_max_features = word_max_features
        self.min_df = min_df
        self.use_words = use_words

    def fit(self, texts: Iterable[str], y=None):
        texts = [normalize_for_features(t) for t in texts]
        self.char_ = TfidfVectorizer(analyzer="char", ngram_range=tuple(self.char_ngrams),
                                     min_df=self.min_df, max_features=self.char_max_features,
                                     sublinear_tf=True, dtype=np.float32)
        self.char_.fit(texts)
        if self.use_words:
            self.word_ = TfidfVectorizer(tokenizer=words, token_pattern=None, lowercase=False,
                                         ngram_range=(1, 2), min_df=self.min_df,
                                         max_features=self.word_max_features, sublinear_tf=True,
                                         dtype=np.float32)
            self.word_.fit(texts)
        else:
            self.word_ = None
        return self

    def transform(self, texts: Iterable[str]):
        texts = [normalize_for_features(t) for t in texts]
        parts = [self.char_.transform(texts)]
        if self.word_ is not None:
            parts.append(self.word_.transform(texts))
        return sparse.hstack(parts, format="csr", dtype=np.float32)


#: names of the structured facts, in column order
FACT_NAMES = ("no_case_number", "this_court_enforcement", "other_court_enforcement",
              "enforcement_review_number", "trial_number_only", "has_phone", "has_person",
              "no_identifying_info", "forwarded")


def facts_of(analysis) -> dict[str, float]:
    """Structured facts the law decides on (R1, R6, type codes), from an Analysis."""
    cns = list(getattr(analysis, "case_numbers", []) or [])
    fields = getattr(analysis, "fields", {}) or {}
    enf = [c for c in cns if c.kind in ("enforcement", "enforcement_review")]
    has_phone = bool(fields.get("petitioner_phone"))
    has_person = bool(fields.get("petitioner_name") or fields.get("applicants")
                      or fields.get("respondents") or fields.get("outsiders"))
    return {
        "no_case_number": float(not cns),
        "this_court_enforcement": float(any(c.this_court for c in enf)),
        "other_court_enforcement": float(bool(enf) and not any(c.this_court for c in enf)),
        "enforcement_review_number": float(any(c.kind == "enforcement_review" for c in cns)),
        "trial_number_only": float(bool(cns) and not enf),
        "has_phone": float(has_phone),
        "has_person": float(has_person),
        "no_identifying_info": float(not cns and not has_phone and not has_person),
        "forwarded": float(bool(fields.get("forwarded_by"))),
    }


def facts_matrix(facts: list[dict[str, float]], scale: float = 1.0):
    arr = np.array([[f.get(n, 0.0) for n in FACT_NAMES] for f in facts], dtype=np.float32) * scale
    return sparse.csr_matrix(arr)
