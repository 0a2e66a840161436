"""A small learned span model for the parties (spaCy NER on the project's char tokenizer).

Labels: PETITIONER, APPLICANT, RESPONDENT, OUTSIDER, JUDGE — the spans ``xinfang_nlp.corpus.spans``
derives from a letter's fields (case numbers and phones stay with the rules, which get them right).
The model is a transition-based NER over a tiny char CNN (hash embeddings of each character, width
64, 4 window-1 layers); it is trained on CPU in a couple of minutes and weighs well under 8 MB.

It is combined with the rules in ``components.assemble``: the rules first; the model's RESPONDENT
spans are added when they read as a person/organisation (names.read_person/read_org) and are not the
petitioner, an applicant or the judge. The model folder is ``models/ner_roles/``; when it is missing
the Analyzer runs rules only.

    python -m xinfang_nlp.analyse.ner train                        # all train letters → models/ner_roles
    python -m xinfang_nlp.analyse.ner train --dev corpora/letters/train/hand/hand-t2.jsonl \
        --out /tmp/ner_dev                                         # hold hand-t2 out (model selection)

Training is seeded (``--seed``, default 0) and refuses any path under ``letters/gold``.
"""
from __future__ import annotations

import json
import logging
import random
import time
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..settings import REPO_ROOT

log = logging.getLogger("xinfang.analyse.ner")

MODEL_DIR = REPO_ROOT / "models" / "ner_roles"
TRAIN_ROOT = REPO_ROOT / "corpora" / "letters" / "train"
LABELS = ("PETITIONER", "APPLICANT", "RESPONDENT", "OUTSIDER", "JUDGE")

NER_CONFIG = {
    "model": {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": 64,
        "maxout_pieces": 2,
        "use_upper": True,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.HashEmbedCNN.v2",
            "pretrained_vectors": None,
            "width": 64,
            "depth": 4,
            "embed_size": 5000,
            "window_size": 1,
            "maxout_pieces": 3,
            "subword_features": False,
        },
    }
}


def _blank():
    import spacy

    from . import CharTokenizer
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    return nlp


class RoleNER:
    """``(text) -> [(start, end, label), …]`` char offsets, from the saved model."""

    def __init__(self, path: Path):
        import spacy

        from . import CharTokenizer
        nlp = _blank()
        ner = nlp.add_pipe("ner", config=NER_CONFIG)
        ner.from_disk(path / "ner")
        self.nlp = nlp
        self.meta = json.loads((path / "meta.json").read_text(encoding="utf-8")) if (path / "meta.json").exists() else {}
        del spacy, CharTokenizer

    def __call__(self, text: str) -> list[tuple[int, int, str]]:
        if not text:
            return []
        doc = self.nlp(text)
        return [(e.start_char, e.end_char, e.label_) for e in doc.ents]


@lru_cache(maxsize=4)
def load(path: Optional[str] = None) -> Optional[RoleNER]:
    """The model under ``path`` (default models/ner_roles), or None when it is missing/unreadable."""
    p = Path(path) if path else MODEL_DIR
    if not (p / "ner").is_dir():
        return None
    try:
        return RoleNER(p)
    except Exception as exc:  # a damaged/incompatible model: rules only
        log.warning("ner model at %s not loaded (%s); rules only", p, exc)
        return None


# ------------------------------------------------------------------ training
def _refuse_gold(paths) -> None:
    for p in paths:
        if "gold" in Path(p).resolve().parts or "/gold/" in str(p):
            raise SystemExit(f"refusing to train or select on a gold path: {p}")


def _examples(nlp, letters):
    from spacy.training import Example

    from ..corpus import spans
    out = []
    for L in letters:
        doc = nlp.make_doc(L["text"])
        ents, seen = [], []
        for s, e, label in spans(L):
            if label not in LABELS:
                continue
            sp = doc.char_span(s, e, label=label)
            if sp is None:
                continue
            ents.append((s, e, label))
        out.append(Example.from_dict(doc, {"entities": ents}))
        del seen
    return out


def _respondent_prf(nlp, examples) -> dict:
    tp = fp = fn = 0
    for ex in examples:
        gold = {(e.start_char, e.end_char) for e in ex.reference.ents if e.label_ == "RESPONDENT"}
        pred = {(e.start_char, e.end_char) for e in nlp(ex.reference.text).ents if e.label_ == "RESPONDENT"}
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def train(train_letters: list[dict], dev_letters: Optional[list[dict]] = None, *, epochs: int = 4,
          seed: int = 0, dropout: float = 0.2, out: Optional[Path] = None,
          checkpoints: int = 0) -> tuple:
    from spacy.util import compounding, fix_random_seed, minibatch
    fix_random_seed(seed)
    rng = random.Random(seed)
    nlp = _blank()
    ner = nlp.add_pipe("ner", config=NER_CONFIG)
    for label in LABELS:
        ner.add_label(label)
    exs = _examples(nlp, train_letters)
    dev = _examples(nlp, dev_letters) if dev_letters else []
    optimizer = nlp.initialize(lambda: exs)
    history = []
    for ep in range(1, epochs + 1):
        t0 = time.time()
        rng.shuffle(exs)
        losses: dict = {}
        for batch in minibatch(exs, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        row = {"epoch": ep, "loss": round(float(losses.get("ner", 0.0)), 1), "secs": round(time.time() - t0, 1)}
        if dev:
            row["dev_respondent_spans"] = _respondent_prf(nlp, dev)
        history.append(row)
        print(json.dumps(row), flush=True)
        if out is not None and checkpoints and ep % checkpoints == 0 and ep < epochs:
            (Path(out) / f"epoch{ep}").mkdir(parents=True, exist_ok=True)
            ner.to_disk(Path(out) / f"epoch{ep}" / "ner")
    if out is not None:
        out = Path(out)
        out.mkdir(parents=True, exist_ok=True)
        ner.to_disk(out / "ner")
        meta = {"kind": "spacy-ner-char-cnn", "labels": list(LABELS), "seed": seed, "epochs": epochs,
                "dropout": dropout, "n_train": len(train_letters), "config": NER_CONFIG, "history": history}
        (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    return nlp, history


def main(argv=None) -> int:
    import argparse
    import glob

    from .evaluate_fields import load_letters
    ap = argparse.ArgumentParser(description="train the party span model (models/ner_roles)")
    ap.add_argument("cmd", choices=["train"])
    ap.add_argument("files", nargs="*", help="train letters (default: corpora/letters/train/**/*.jsonl)")
    ap.add_argument("--dev", nargs="*", default=[], help="held-out letters, removed from the train files")
    ap.add_argument("--out", default=str(MODEL_DIR))
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--dropout", type=float, default=0.2)
    ap.add_argument("--checkpoints", type=int, default=0, help="also save every N epochs (model selection)")
    a = ap.parse_args(argv)
    files = a.files or sorted(glob.glob(str(TRAIN_ROOT / "**" / "*.jsonl"), recursive=True))
    _refuse_gold(list(files) + list(a.dev))
    dev_set = {str(Path(d).resolve()) for d in a.dev}
    train_files = [f for f in files if str(Path(f).resolve()) not in dev_set]
    letters = load_letters(train_files)
    dev = load_letters(a.dev) if a.dev else None
    print(f"train: {len(letters)} letters from {len(train_files)} files; dev: {len(dev or [])}", flush=True)
    train(letters, dev, epochs=a.epochs, seed=a.seed, dropout=a.dropout, out=Path(a.out),
          checkpoints=a.checkpoints)
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
