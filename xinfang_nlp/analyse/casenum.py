"""Case numbers (案号): find, repair OCR damage, normalise, parse.

``（2021）鲁0117执123号`` = (year) + court code (province abbreviation + 2 or 4 digits; a high court has
none) + type code + serial + 号 [+ 之一]. Letters write the brackets as （）, (), 〔〕, [], 【】 or not
at all, use full-width digits and spaces, and OCR turns 执 into 扶/抉/执, drops 号, and reads 0 as
O/o and 1 as l/I. The pattern runs on ``textutil.fold(text)`` (same length), so offsets are exact.
"""
from __future__ import annotations

import re
from typing import Callable, Optional

from ..types import CaseNumber

PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼兵"

#: OCR confusions for 执 seen in scanned letters
ZHI = "执扶抉执孰"
#: type codes, longest first (a regex alternation takes the first that matches)
ENFORCEMENT = ("执恢", "执保", "执协", "执他", "执外", "执")
ENFORCEMENT_REVIEW = ("执异", "执复", "执监", "执督")
TRIAL = ("民初", "民终", "民再", "民申", "民特", "民撤", "民监", "民抗", "民催", "民辖终", "民辖",
         "刑初", "刑终", "刑再", "刑申", "行初", "行终", "行再", "行申", "行审", "知民初", "赔",
         "破申", "破终", "破", "民诉前调", "诉前调")
OTHER = ("财保", "民诉前保", "司救", "司惩")
TYPE_CODES = tuple(sorted(ENFORCEMENT + ENFORCEMENT_REVIEW + TRIAL + OTHER, key=len, reverse=True))


def _type_alt() -> str:
    alts = []
    for code in TYPE_CODES:
        alts.append("".join(f"[{ZHI}]" if c == "执" else re.escape(c) for c in code))
    return "|".join(alts)


_D = r"[0-9OolI]"        # a digit as OCR may damage it
_SP = r"[ \t]*"
_OPEN = r"[（(〔\[【［〈<{｛]"
_CLOSE = r"[）)〕\]】］〉>}｝]"
_SUFFIX = r"(?:之[一二三四五六七八九十]{1,3})?"

CASE_RE = re.compile(
    rf"(?:(?P<open>{_OPEN}){_SP})?"
    rf"(?P<year>[12lIZ][0-9OoQ]{_D}{{2}})"
    rf"{_SP}(?P<close>{_CLOSE})?{_SP}"
    rf"(?P<court>[{PROVINCES}]{_SP}(?:{_D}{_SP}){{0,4}})"
    rf"(?P<type>{_type_alt()})"
    rf"{_SP}第?{_SP}(?P<serial>(?:{_D}{_SP}){{0,6}}{_D})"
    rf"(?P<hao>{_SP}[号號])?"
    rf"(?P<suffix>{_SUFFIX})"
    , re.UNICODE)
# a case number without a year is only taken when the court code has digits and 号 is written
NOYEAR_RE = re.compile(
    rf"(?<![0-9A-Za-z）)〕\]】])(?P<court>[{PROVINCES}](?:{_D}{{2}}|{_D}{{4}}))"
    rf"(?P<type>{_type_alt()}){_SP}(?P<serial>{_D}{{1,6}}){_SP}(?P<hao>[号號])(?P<suffix>{_SUFFIX})")

_DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "Q": "0", "l": "1", "I": "1", "Z": "2"})


def _digits(s: str) -> str:
    return re.sub(r"\s+", "", s).translate(_DIGIT_FIX)


def _canon_type(t: str) -> str:
    return "".join("执" if c in ZHI else c for c in t)


def kind_of(type_code: str) -> str:
    if type_code in ENFORCEMENT_REVIEW:
        return "enforcement_review"
    if type_code in ENFORCEMENT:
        return "enforcement"
    if type_code in TRIAL:
        return "trial"
    return "other"


def _build(raw: str, year: Optional[int], court: str, type_code: str, serial: Optional[int],
           suffix: str, this_court: Callable[[str], bool], start: int, end: int) -> CaseNumber:
    y = f"（{year}）" if year is not None else ""
    norm = f"{y}{court}{type_code}{serial if serial is not None else ''}号{suffix}"
    return CaseNumber(raw=raw, normalized=norm, year=year, court_code=court, type_code=type_code,
                      serial=serial, kind=kind_of(type_code), this_court=bool(this_court(court)),
                      start=start, end=end)


def find_case_numbers(text: str, folded: Optional[str] = None,
                      this_court: Callable[[str], bool] = lambda c: False) -> list[CaseNumber]:
    """Every case number in ``text``, in order of appearance. ``folded`` = textutil.fold(text)."""
    from .textutil import fold
    f = folded if folded is not None else fold(text)
    out: list[CaseNumber] = []
    taken: list[tuple[int, int]] = []
    for m in CASE_RE.finditer(f):
        s, e = m.start(), m.end()
        # do not start inside a longer run of digits (e.g. an ID or phone number)
        if m.group("open") is None and s > 0 and f[s - 1].isdigit():
            continue
        year = int(_digits(m.group("year")))
        if not 1990 <= year <= 2099:
            continue
        court_raw = m.group("court")
        court = court_raw[0] + _digits(court_raw[1:])
        if len(court) - 1 not in (0, 2, 4):
            continue
        serial_s = _digits(m.group("serial"))
        # without 号 the serial must end at a non-digit (OCR dropped 号); trailing space is not part
        raw_end = e
        while raw_end > s and f[raw_end - 1] in " \t":
            raw_end -= 1
        out.append(_build(text[s:raw_end], year, court, _canon_type(m.group("type")),
                          int(serial_s) if serial_s else None, m.group("suffix") or "",
                          this_court, s, raw_end))
        taken.append((s, raw_end))
    for m in NOYEAR_RE.finditer(f):
        s, e = m.start(), m.end()
        if any(a < e and s < b for a, b in taken):
            continue
        court = m.group("court")[0] + _digits(m.group("court")[1:])
        out.append(_build(text[s:e], None, court, _canon_type(m.group("type")),
                          int(_digits(m.group("serial"))), m.group("suffix") or "", this_court, s, e))
    out.sort(key=lambda c: c.start)
    return out


def normalize_case_number(raw: str, this_court: Callable[[str], bool] = lambda c: False
                          ) -> Optional[CaseNumber]:
    """Parse one case number as written; None if it is not one."""
    found = find_case_numbers(raw, this_court=this_court)
    return found[0] if found else None
