"""Cut the letter text into runs so the evidence for each ground can be highlighted.

The template prints every run as text (autoescaped); runs covered by evidence get a ``<mark>``
with the grounds' classes. Offsets are ``record.evidence[i].start/end`` into ``record.text``.
"""
from __future__ import annotations

from typing import Any

from ..types import GROUNDS


def ground_colors() -> dict[str, int]:
    """Ground id -> colour index 0..7 (classes ``c0``…``c7`` in review.css)."""
    return {g: i % 8 for i, g in enumerate(GROUNDS)}


def _valid(ev: dict[str, Any], n: int) -> bool:
    try:
        s, e = int(ev.get("start", -1)), int(ev.get("end", -1))
    except (TypeError, ValueError):
        return False
    return 0 <= s < e <= n


def segments(text: str, evidence: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """[{"text", "labels": [ground ids], "color": int|None}] covering ``text`` in order."""
    text = text or ""
    n = len(text)
    evs = [e for e in evidence or [] if _valid(e, n)]
    if not evs:
        return [{"text": text, "labels": [], "color": None}] if text else []
    cuts = {0, n}
    for e in evs:
        cuts.add(int(e["start"]))
        cuts.add(int(e["end"]))
    bounds = sorted(cuts)
    colors = ground_colors()
    out: list[dict[str, Any]] = []
    for a, b in zip(bounds, bounds[1:]):
        labels = []
        for e in evs:
            if int(e["start"]) <= a and b <= int(e["end"]) and e.get("label") not in labels:
                labels.append(str(e.get("label")))
        grounds = [g for g in labels if g in colors]
        color = colors[grounds[0]] if grounds else (None if not labels else 8)
        if out and out[-1]["labels"] == labels:
            out[-1]["text"] += text[a:b]
        else:
            out.append({"text": text[a:b], "labels": labels, "color": color})
    return out


def evidence_by_label(evidence: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by: dict[str, list[dict[str, Any]]] = {}
    for e in evidence or []:
        by.setdefault(str(e.get("label")), []).append(e)
    return by
