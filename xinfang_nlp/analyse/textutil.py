"""Character-level helpers shared by the analyse components.

Offsets are sacred: nothing here changes the length of the text. ``fold`` maps full-width digits and
Latin letters to their ASCII forms one character for one character (no NFKC, which can change the
length), so a regex match on the folded text has the same offsets in the original text.
"""
from __future__ import annotations

import re
from typing import Optional

_FW = {chr(0xFF10 + i): chr(0x30 + i) for i in range(10)}
_FW.update({chr(0xFF21 + i): chr(0x41 + i) for i in range(26)})
_FW.update({chr(0xFF41 + i): chr(0x61 + i) for i in range(26)})
_FW["\u3000"] = " "   # ideographic space
_FW["\u00a0"] = " "
_FOLD = str.maketrans(_FW)


def fold(text: str) -> str:
    """Full-width digits/letters → ASCII, ideographic space → space. Same length as ``text``."""
    out = text.translate(_FOLD)
    assert len(out) == len(text)
    return out


# ------------------------------------------------------------------ Chinese numerals
CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "o": 0,
             "一": 1, "壹": 1, "二": 2, "贰": 2, "貳": 2, "两": 2, "俩": 2, "三": 3, "叁": 3, "參": 3,
             "四": 4, "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "陸": 6, "七": 7, "柒": 7,
             "八": 8, "捌": 8, "九": 9, "玖": 9}
CN_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
CN_NUM_CHARS = "".join(CN_DIGITS) + "".join(CN_UNITS) + "".join(CN_BIG)


def cn_to_int(s: str) -> Optional[int]:
    """'六万三千四百' → 63400, '十一' → 11, '二十八' → 28, '二〇二三' → 2023 (digit by digit)."""
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in CN_DIGITS for c in s):           # 二〇二三: read digit by digit
        return int("".join(str(CN_DIGITS[c]) for c in s))
    total, section, num = 0, 0, 0
    for c in s:
        if c in CN_DIGITS:
            num = CN_DIGITS[c]
        elif c in CN_UNITS:
            section += (num or 1) * CN_UNITS[c]
            num = 0
        elif c in CN_BIG:
            section += num
            total += (section or 1) * CN_BIG[c]
            section, num = 0, 0
        elif c.isdigit():
            num = num * 10 + int(c)
        else:
            return None
    return total + section + num


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences as (start, end) char offsets: split after 。！？；!? ; and at newlines.

    Leading/trailing whitespace is trimmed from each sentence; empty pieces are dropped.
    """
    out: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"[。！？；!?;]+[”’」』\"']?|\n+", text):
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _add(text, start, end, out)
        start = m.end()
    _add(text, start, len(text), out)
    return out


def _add(text: str, s: int, e: int, out: list) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))
