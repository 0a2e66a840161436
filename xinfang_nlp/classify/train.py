"""``xinfang train``: rebuild the classifier from corpora/ (never the gold split) and write the model card."""
from __future__ import annotations

import datetime as dt
import json
import platform
import time
from collections import Counter
from pathlib import Path
from typing import Any, Optional

from .. import corpus
from ..settings import load_settings
from ..types import GROUNDS
from . import CARD_FILE, MODEL_FILE
from .features import facts_of
from .model import PetitionModel

#: how much one letter of each provenance counts in training
WEIGHTS = {"hand": 2.0, "generated": 1.0, "confirmed": 3.0}


def confirmed_letters(db: str) -> list[dict[str, Any]]:
    """The clerks' final labels from a register, as corpus letters."""
    from ..register.store import Store
    store = Store.open(db)
    out = []
    for rec in store.iter_records(status="confirmed"):
        if not rec.text or rec.decision not in ("accept", "reject") or not rec.grounds:
            continue
        out.append({"id": rec.record_id, "text": rec.text, "decision": rec.decision, "type": rec.type,
                    "grounds": list(rec.grounds), "provenance": {"method": "confirmed",
                                                                  "by": rec.confirmed_by}})
    store.close()
    return out


def analyse_all(letters: list[dict], settings) -> list:
    from ..analyse import Analyzer
    an = Analyzer(settings)
    return [an(d["text"]) for d in letters]


def train_all(corpora: Path, models_dir: Optional[Path] = None, with_confirmed: Optional[str] = None,
              seed: int = 20261122, quiet: bool = False) -> dict[str, Any]:
    t0 = time.perf_counter()
    settings = load_settings()
    models_dir = Path(models_dir or settings.models_dir)
    models_dir.mkdir(parents=True, exist_ok=True)
    letters = corpus.load(corpora, "train")
    gold = corpus.load(corpora, "gold")
    overlap = corpus.check_disjoint(letters, gold)
    if overlap:
        raise SystemExit(f"{overlap} gold letters also appear in training: refusing to train")
    n_corpus = len(letters)
    confirmed = confirmed_letters(with_confirmed) if with_confirmed else []
    gold_texts = {d["text"].strip() for d in gold}
    confirmed = [d for d in confirmed if d["text"].strip() not in gold_texts]
    letters = letters + confirmed
    analyses = analyse_all(letters, settings)
    facts = [facts_of(a) for a in analyses]
    weights = [WEIGHTS.get((d.get("provenance") or {}).get("method", "generated"), 1.0) for d in letters]

    model = PetitionModel(seed=seed).fit(
        [d["text"] for d in letters], facts, [d["decision"] for d in letters],
        [d.get("type") for d in letters], [d.get("grounds") or [] for d in letters],
        sample_weight=weights)

    from . import Classifier, fit_confidence_map
    fit_confidence_map(Classifier(model, settings), analyses, letters)
    del model.oof_

    import joblib
    joblib.dump(model, models_dir / MODEL_FILE, compress=3)

    counts = Counter(g for d in letters for g in d.get("grounds") or [])
    prov = Counter((d.get("provenance") or {}).get("method", "?") for d in letters)
    card: dict[str, Any] = {
        "model": "xinfang-nlp petition classifier",
        "version": f"clf-{dt.date.today():%Y%m%d}-{corpus.data_hash(corpus.files(corpora, 'train'))[:8]}"
                   + (f"+{len(confirmed)}c" if confirmed else ""),
        "trained_at": dt.datetime.now().isoformat(timespec="seconds"),
        "seed": seed,
        "data": {
            "train_files": [p.relative_to(corpora).as_posix() for p in corpus.files(corpora, "train")],
            "train_hash": corpus.data_hash(corpus.files(corpora, "train")),
            "train_letters": n_corpus, "confirmed_letters": len(confirmed),
            "by_provenance": dict(prov),
            "by_ground": {g: counts.get(g, 0) for g in GROUNDS},
            "by_decision": dict(Counter(d["decision"] for d in letters)),
            "by_type": dict(Counter(str(d.get("type")) for d in letters)),
            "gold_letters": len(gold), "gold_overlap_with_train": overlap,
            "weights": WEIGHTS,
        },
        "method": "one logistic regression per head (decision, type, 15 grounds), Platt-calibrated on "
                  "5-fold out-of-fold scores, over TF-IDF of character "
                  f"{'–'.join(map(str, model.features_.char_ngrams))}-grams"
                  + (" + jieba word 1–2-grams" if model.features_.use_words else "")
                  + " and rule facts (case-number court/type codes, contact details); ground thresholds "
                  "tuned on out-of-fold training predictions; decision from the ground heads "
                  "(decision_mix); record confidence Platt-mapped to P(decision, type and grounds all right)",
        "selection": "choices (features, C, decision_mix, no ground-stacked type head) by 4-fold CV over the "
                     "hand-written training letters (python -m benchmarks.devtune); gold never used",
        "thresholds": model.thresholds_,
        "decision_mix": settings.decision_mix,
        "confidence_map": model.confidence_map_,
        "python": platform.python_version(),
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    (models_dir / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2), "utf-8")
    # figures on the gold split go into the card too (evaluation only: nothing above saw gold)
    if gold:
        from ..evaluate import evaluate_classifier
        figs = evaluate_classifier(gold, models_dir=models_dir)
        card["figures_gold"] = {k: v for k, v in figs.items() if k not in ("confusion", "per_label", "errors")}
        card["figures_gold"]["per_label_f1"] = {g: v["f1"] for g, v in figs["per_label"].items()}
        (models_dir / CARD_FILE).write_text(json.dumps(card, ensure_ascii=False, indent=2), "utf-8")
    if not quiet:
        print(f"trained on {n_corpus} corpus letters + {len(confirmed)} confirmed in "
              f"{card['train_seconds']} s → {models_dir / MODEL_FILE}")
        print(f"model card: {models_dir / CARD_FILE}  version {card['version']}")
    return card
