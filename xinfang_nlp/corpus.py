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


#: field → entity label of the spans derived from it
SPAN_LABELS = {"petitioner_name": "PETITIONER", "applicants": "APPLICANT", "respondents": "RESPONDENT",
               "outsiders": "OUTSIDER", "judge": "JUDGE", "case_numbers": "CASE_NUMBER",
               "petitioner_phone": "PHONE"}


def _phone_pattern(digits: str):
    import re
    # the digits as written: ASCII or full-width, with optional dashes/spaces between them
    parts = [f"[{d}{chr(ord(d) + 0xFEE0)}]" for d in digits]
    return re.compile(r"[-－\s—]?".join(parts))


def spans(letter: dict[str, Any]) -> list[tuple[int, int, str]]:
    """Entity spans (start, end, label) of a corpus letter, derived from its ``fields``.

    Every occurrence of a field string is a span; where two overlap the longer wins, so
    "济南鑫达建材有限公司" is not also split into a shorter name. Offsets index ``letter["text"]``.
    """
    text = letter["text"]
    fields = letter.get("fields") or {}
    found: list[tuple[int, int, str]] = []
    for key, label in SPAN_LABELS.items():
        val = fields.get(key)
        values = val if isinstance(val, list) else ([val] if val else [])
        for v in values:
            if not v:
                continue
            if key == "petitioner_phone":
                found += [(m.start(), m.end(), label) for m in _phone_pattern(str(v)).finditer(text)]
                continue
            start = text.find(v)
            while start >= 0:
                found.append((start, start + len(v), label))
                start = text.find(v, start + 1)
    found.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken: list[tuple[int, int, str]] = []
    for s in found:
        if all(s[1] <= t[0] or s[0] >= t[1] for t in taken):
            taken.append(s)
    return sorted(taken)
