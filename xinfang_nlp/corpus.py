"""The labelled letters in ``corpora/`` (format: corpora/README.md).

``load(corpora, "train")`` reads ``letters/train/**``; ``load(corpora, "gold")`` reads
``letters/gold/*`` — the evaluation split, which nothing that trains or tunes may call.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any, Iterable

SPLITS = {"train": "letters/train", "gold": "letters/gold"}


def files(corpora: Path | str, split: str) -> list[Path]:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}")
    root = Path(corpora) / SPLITS[split]
    return sorted(root.rglob("*.jsonl"))


def load(corpora: Path | str, split: str) -> list[dict[str, Any]]:
    out = []
    for f in files(corpora, split):
        with open(f, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    d = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{f}:{n}: not JSON ({exc.msg})") from None
                if not d.get("text") or d.get("decision") not in ("accept", "reject"):
                    continue
                d["_file"] = f.relative_to(Path(corpora)).as_posix()
                out.append(d)
    return out


def data_hash(paths: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for p in sorted(paths):
        h.update(p.name.encode())
        h.update(Path(p).read_bytes())
    return h.hexdigest()[:16]


def check_disjoint(train: list[dict], gold: list[dict]) -> int:
    """Number of gold letters whose text also appears in training (must be 0)."""
    t = {d["text"].strip() for d in train}
    return sum(1 for d in gold if d["text"].strip() in t)
