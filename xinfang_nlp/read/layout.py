"""Reading order for OCR lines: rows top-to-bottom, boxes in a row left-to-right, rows joined into
paragraphs. Chinese text gets no space where a line wraps; Latin words on both sides of a wrap do."""
from __future__ import annotations

import re
import statistics
from typing import Sequence

from .pluginspec import OcrLine

_LATIN_END = re.compile(r"[A-Za-z0-9,.;:!?%)\]]$")
_LATIN_START = re.compile(r"^[A-Za-z0-9(\[]")
#: a row ending in one of these closes its paragraph even when it reaches the right margin
_CLOSERS = "。！？!?：:；;"
_HEADING = re.compile(r"^(申诉书|信访书|申请书|控告书|反映材料|情况反映|事实与理由|请求事项|此致|具状人|申诉人|申请人|信访人|附[:：]?)")


def group_rows(lines: Sequence[OcrLine]) -> list[list[OcrLine]]:
    """Cluster lines into rows; rows top-to-bottom, boxes in a row left-to-right.

    A box joins the row above when its vertical centre is within half a line height of the row's
    centre. Detector boxes are padded (taller than the ink, more so at a low detection side), so
    the boxes of two consecutive lines of a tightly spaced page overlap by over half a box height:
    an overlap test would merge them and put the wrapped line's start before the line it ends."""
    items = [ln for ln in lines if ln.text and ln.text.strip()]
    items.sort(key=lambda ln: ((ln.box[1] + ln.box[3]) / 2, ln.box[0]))
    rows: list[list[OcrLine]] = []
    for ln in items:
        y0, y1 = ln.box[1], ln.box[3]
        h = max(1.0, y1 - y0)
        placed = False
        if rows:
            row = rows[-1]
            ry0 = statistics.median(r.box[1] for r in row)
            ry1 = statistics.median(r.box[3] for r in row)
            if abs((y0 + y1) / 2 - (ry0 + ry1) / 2) < 0.5 * min(h, max(1.0, ry1 - ry0)):
                row.append(ln)
                placed = True
        if not placed:
            rows.append([ln])
    for row in rows:
        row.sort(key=lambda ln: ln.box[0])
    return rows


def _row_text(row: list[OcrLine]) -> str:
    parts: list[str] = []
    prev = None
    for ln in row:
        t = ln.text.strip()
        if prev is not None:
            gap = ln.box[0] - prev.box[2]
            ch = max(1.0, prev.box[3] - prev.box[1])
            # separate boxes on one row: a space only for a real gap, never inside a number
            digits = parts and parts[-1][-1:].isdigit() and t[:1].isdigit()
            parts.append(" " if gap > 1.5 * ch and not digits else "")
        parts.append(t)
        prev = ln
    return "".join(parts)


def _join(a: str, b: str) -> str:
    if _LATIN_END.search(a) and _LATIN_START.search(b):
        return a + " " + b
    return a + b


def order_text(lines: Sequence[OcrLine]) -> str:
    """The page's text in reading order: one paragraph per output line."""
    rows = group_rows(lines)
    if not rows:
        return ""
    lefts = [min(ln.box[0] for ln in r) for r in rows]
    rights = [max(ln.box[2] for ln in r) for r in rows]
    heights = [statistics.median(ln.box[3] - ln.box[1] for ln in r) for r in rows]
    h = max(1.0, statistics.median(heights))
    left_margin = min(lefts) if len(rows) < 4 else sorted(lefts)[len(lefts) // 10]
    right_margin = max(rights) if len(rows) < 4 else sorted(rights)[-1 - len(rights) // 10]
    paragraphs: list[str] = []
    cur = ""
    prev_i = None
    for i, row in enumerate(rows):
        text = _row_text(row)
        new_para = prev_i is None
        if prev_i is not None:
            top = min(ln.box[1] for ln in row)
            prev_bottom = max(ln.box[3] for ln in rows[prev_i])
            gap = top - prev_bottom
            indented = lefts[i] - left_margin > 0.9 * h
            prev_short = right_margin - rights[prev_i] > 2.0 * h
            prev_closed = cur.endswith(tuple(_CLOSERS)) and prev_short
            # a row standing far right of the margin (此致 / a signature / a date) stands alone
            prev_far_right = lefts[prev_i] - left_margin > 4 * h
            new_para = (gap > 1.2 * h or indented or prev_short or prev_closed or prev_far_right
                        or len(rows[prev_i]) > 1 or len(row) > 1 or bool(_HEADING.match(text)))
        if new_para:
            if cur:
                paragraphs.append(cur)
            cur = text
        else:
            cur = _join(cur, text)
        prev_i = i
    if cur:
        paragraphs.append(cur)
    return "\n".join(paragraphs)


_CJK_CH = "\u3400-\u9fff\uf900-\ufaff"
_HALF_TO_FULL = {":": "：", ",": "，", ";": "；", "?": "？", "!": "！"}


def fullwidth_punct(text: str) -> str:
    """OCR often returns ASCII punctuation in Chinese text: after a Chinese character ``:,;?!``
    become full-width, and a parenthesised year/number touching Chinese gets full-width brackets,
    whichever width each bracket was read in (a recogniser may read one of the pair half-width)."""
    text = re.sub(f"(?<=[{_CJK_CH}])([:,;?!])", lambda m: _HALF_TO_FULL[m.group(1)], text)
    text = re.sub(f"[(（](\\d{{2,4}})[)）](?=[{_CJK_CH}])", r"（\1）", text)
    text = re.sub(f"(?<=[{_CJK_CH}])[(（](\\d{{2,4}})[)）]", r"（\1）", text)
    return text


def mean_confidence(lines: Sequence[OcrLine]) -> float | None:
    """Mean line confidence weighted by characters (a one-character line weighs little)."""
    tot = sum(max(1, len(ln.text.strip())) for ln in lines if ln.text.strip())
    if not tot:
        return None
    return sum(ln.confidence * max(1, len(ln.text.strip())) for ln in lines if ln.text.strip()) / tot
