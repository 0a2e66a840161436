"""Character-level patterns: phones, ID numbers, dates, amounts.

Each finder takes the *folded* text (``textutil.fold``: full-width digits → ASCII, same length) and
returns ``Match`` objects with exact offsets into the original text and a parsed value. Character
regexes beat token patterns here: a phone written ``139-0531-7788`` or a date ``2023.5.6`` is one
token or five depending on the segmenter; a regex over characters does not care.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Optional

from .textutil import CN_NUM_CHARS, cn_to_int


@dataclass
class Match:
    start: int
    end: int
    label: str          # PHONE | ID | DATE | MONEY
    value: Any          # digits for PHONE/ID, dict for DATE, float for MONEY
    kind: str = ""      # PHONE: mobile|landline; DATE: full|month|story; ID: valid|invalid


# ------------------------------------------------------------------ ID numbers (GB 11643-1999)
_ID_W = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_C = "10X98765432"
ID_RE = re.compile(r"(?<![0-9])([1-8][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx])(?![0-9])")


def id_checksum_ok(s: str) -> bool:
    """18-digit resident ID: ISO 7064 MOD 11-2 check character."""
    if not re.fullmatch(r"[0-9]{17}[0-9Xx]", s):
        return False
    total = sum(int(c) * w for c, w in zip(s[:17], _ID_W))
    return _ID_C[total % 11] == s[17].upper()


def find_ids(f: str) -> list[Match]:
    out = []
    for m in ID_RE.finditer(f):
        v = m.group(1).upper()
        out.append(Match(m.start(1), m.end(1), "ID", v, "valid" if id_checksum_ok(v) else "invalid"))
    return out


# ------------------------------------------------------------------ phones
_SEP = r"[-－—–‐ \t.]?"
# 139-0531-7788 / 138 6437 1109 / 1395 3470 618: any grouping, one separator at most between digits
MOBILE_RE = re.compile(rf"(?<![0-9])(1[3-9](?:{_SEP}[0-9]){{9}})(?![0-9])")
# 0531-76123456, 0531 7612345, (0531)76123456, 010-12345678; area code 3 or 4 digits starting 0
LANDLINE_RE = re.compile(
    r"(?<![0-9])((?:[（(]0[1-9][0-9]{1,2}[）)]|0[1-9][0-9]{1,2})[-－—– \t]?[2-9][0-9]{2,3}[-－ ]?[0-9]{4})(?![0-9])")


def find_phones(f: str, exclude: list[tuple[int, int]] = ()) -> list[Match]:
    out = []
    for rx, kind in ((MOBILE_RE, "mobile"), (LANDLINE_RE, "landline")):
        for m in rx.finditer(f):
            s, e = m.start(1), m.end(1)
            if any(a < e and s < b for a, b in exclude):
                continue
            digits = re.sub(r"[^0-9]", "", m.group(1))
            if kind == "mobile" and len(digits) != 11:
                continue
            if kind == "landline" and not 10 <= len(digits) <= 12:
                continue
            out.append(Match(s, e, "PHONE", digits, kind))
    out.sort(key=lambda x: x.start)
    # a landline match inside a mobile match (or the other way round) is dropped
    kept: list[Match] = []
    for x in out:
        if kept and x.start < kept[-1].end:
            if (x.end - x.start) > (kept[-1].end - kept[-1].start):
                kept[-1] = x
            continue
        kept.append(x)
    return kept


# ------------------------------------------------------------------ dates
_CNY = "〇○零OoＯ一二三四五六七八九"
_CNM = "一二三四五六七八九十"
_CND = "一二三四五六七八九十廿卅"
DATE_PATTERNS = [
    # 2023年5月6日 / 2023年5月6号 / 23年5月6日 / 2023年5月
    ("arabic", re.compile(r"(?<![0-9])((?:19|20)?[0-9]{2})\s*年\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*[日号])?")),
    # 二〇二三年五月六日 / 二三年五月六日
    ("chinese", re.compile(rf"([{_CNY}]{{2,4}})\s*年\s*([{_CNM}]{{1,3}})\s*月(?:\s*([{_CND}]{{1,3}})\s*[日号])?")),
    # 2023.5.6 / 2023-05-06 / 2023/5/6
    ("dotted", re.compile(r"(?<![0-9.])((?:19|20)[0-9]{2})\s*[.\-/．]\s*([0-9]{1,2})\s*[.\-/．]\s*([0-9]{1,2})(?![0-9])(?:\s*[日号])?")),
    # 5月6日 (no year: a story date, kept for completeness)
    ("noyear", re.compile(r"(?<![0-9年])([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]")),
]


def _year(s: str) -> Optional[int]:
    n = cn_to_int(s)
    if n is None:
        return None
    if n < 100:
        n += 2000
    return n if 1980 <= n <= 2100 else None


def find_dates(f: str) -> list[Match]:
    out: list[Match] = []
    for name, rx in DATE_PATTERNS:
        for m in rx.finditer(f):
            if any(o.start <= m.start() < o.end for o in out):
                continue
            if name == "noyear":
                mo, d = int(m.group(1)), int(m.group(2))
                if 1 <= mo <= 12 and 1 <= d <= 31:
                    out.append(Match(m.start(), m.end(), "DATE", {"year": None, "month": mo, "day": d,
                                                                  "iso": None}, "noyear"))
                continue
            y = _year(m.group(1))
            mo = cn_to_int(m.group(2))
            d = cn_to_int(m.group(3)) if m.group(3) else None
            if y is None or mo is None or not 1 <= mo <= 12:
                continue
            iso = None
            if d is not None:
                try:
                    iso = dt.date(y, mo, d).isoformat()
                except ValueError:
                    continue
            out.append(Match(m.start(), m.end(), "DATE", {"year": y, "month": mo, "day": d, "iso": iso},
                             "full" if iso else "month"))
    out.sort(key=lambda x: x.start)
    return out


# ------------------------------------------------------------------ amounts
_CN_AMT = "零〇一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟萬亿"
MONEY_RES = [
    re.compile(r"(?<![0-9.])([0-9][0-9,，]*(?:\.[0-9]+)?)\s*(万元|万块|万|元|块钱|块)"),
    re.compile(rf"([{_CN_AMT}]{{2,}})\s*(万元|元整|元|块钱|块)"),
    re.compile(rf"([{_CN_AMT}]+万)(?=[多余]?(?:块|元|,|，|。|的))"),
]


def _money_value(num: str, unit: str) -> Optional[float]:
    num = num.replace(",", "").replace("，", "")
    try:
        v = float(num)
    except ValueError:
        n = cn_to_int(num)
        if n is None:
            return None
        v = float(n)
    if unit.startswith("万"):
        v *= 10_000
    return v


def find_money(f: str) -> list[Match]:
    out: list[Match] = []
    for rx in MONEY_RES:
        for m in rx.finditer(f):
            if any(o.start < m.end() and m.start() < o.end for o in out):
                continue
            unit = m.group(2) if m.lastindex and m.lastindex >= 2 else ""
            v = _money_value(m.group(1), unit)
            if v is None or v <= 0:
                continue
            # a lone Chinese numeral before 块 (一块) is not worth recording
            if v < 10 and not m.group(1)[0].isdigit():
                continue
            out.append(Match(m.start(), m.end(), "MONEY", v))
    out.sort(key=lambda x: x.start)
    return out


__all__ = ["Match", "find_ids", "find_phones", "find_dates", "find_money", "id_checksum_ok",
           "CN_NUM_CHARS"]
