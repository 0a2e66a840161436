"""Field-extraction figures on labelled letters (corpora/README.md JSON format).

    python -m xinfang_nlp.analyse.evaluate_fields corpora/letters/gold/*.jsonl

Figures (each over the letters that carry the field; a gold null must be predicted null):
- ``case_numbers``: exact match of the whole list, both sides normalised (gold is written as in the
  text; it is normalised by the same parser, so this measures finding them all, in order, with the
  right year/court/type/serial);
- ``case_numbers_ocr``: the same on deterministic OCR-damaged variants (``ocr_damage``) where the
  gold list is normalised from the *clean* strings;
- ``petitioner_phone``, ``petitioner_name``, ``letter_date``: exact match;
- ``judge``: exact match after stripping a leading title (执行员赵磊 = 赵磊; a surname with a
  trailing title, 葛法官, is compared as is); ``judge_strict`` is the raw exact match;
- ``respondents``: micro-averaged F1 over names.
"""
from __future__ import annotations

import json
import random
import re
import sys
from typing import Any, Iterable, Optional

from .casenum import normalize_case_number

_LEAD_TITLES = ("承办法官", "执行法官", "主办法官", "执行员", "审判员", "法官", "承办人")


def _norm_cases(raw: Iterable[str]) -> list[str]:
    out = []
    for r in raw:
        c = normalize_case_number(r)
        out.append(c.normalized if c else r)
    return out


def _judge_key(j: Optional[str]) -> Optional[str]:
    if not j:
        return None
    j = j.strip()
    for t in _LEAD_TITLES:
        if j.startswith(t) and len(j) - len(t) >= 2:
            j = j[len(t):]
            break
    if j.endswith("法官") and len(j) >= 4:
        j = j[:-2]
    return j


# ------------------------------------------------------------------ OCR damage
_OCR_DIGIT = {"0": "O", "1": "l"}
_OCR_ZHI = ("扶", "抉")


def ocr_damage(text: str, case_strings: list[str], seed: int = 0) -> str:
    """A deterministic OCR-damaged copy of ``text``: inside each case number, 执 → 扶/抉, one 0 → O,
    one 1 → l/I, 号 dropped (when followed by a non-digit), brackets swapped to half-width, and a
    space inserted after the court code; full-width digits elsewhere stay as they are."""
    rng = random.Random(f"{seed}:{len(text)}:{text[:20]}")
    out = text
    for raw in case_strings:
        if not raw or raw not in out:
            continue
        d = list(raw)
        for i, ch in enumerate(d):
            if ch == "执" and rng.random() < 0.7:
                d[i] = rng.choice(_OCR_ZHI)
        digit_idx = [i for i, ch in enumerate(d) if ch in "01"]
        for i in rng.sample(digit_idx, k=min(2, len(digit_idx))):
            d[i] = {"0": "O", "1": rng.choice(("l", "I"))}[d[i]]
        s = "".join(d)
        s = s.replace("（", "(").replace("）", ")") if rng.random() < 0.5 else s
        m = re.search(r"[鲁京津沪渝冀豫云辽黑湘皖新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][0-9OlI]{2,4}", s)
        if m and rng.random() < 0.5:
            s = s[:m.end()] + " " + s[m.end():]
        idx = out.find(raw)
        after = out[idx + len(raw): idx + len(raw) + 1]
        if s.endswith("号") and rng.random() < 0.5 and not (after.isdigit() or after in "OlI"):
            s = s[:-1]
        out = out[:idx] + s + out[idx + len(raw):]
    return out


# ------------------------------------------------------------------ evaluation
def evaluate_fields(letters: list[dict], analyzer=None, *, ocr: bool = True,
                    details: bool = False) -> dict[str, Any]:
    from . import Analyzer
    an = analyzer or Analyzer()
    keys = ("case_numbers", "petitioner_phone", "petitioner_name", "letter_date", "judge", "judge_strict")
    hit = {k: 0 for k in keys}
    tot = {k: 0 for k in keys}
    tp = fp = fn = 0
    ocr_hit = ocr_tot = 0
    misses: list[dict] = []
    for L in letters:
        gold = L.get("fields") or {}
        a = an(L["text"])
        pred = a.fields
        # case numbers
        g = _norm_cases(gold.get("case_numbers") or [])
        p = [c.normalized for c in a.case_numbers]
        _score("case_numbers", g, p, hit, tot, misses, L)
        for k in ("petitioner_phone", "petitioner_name", "letter_date"):
            _score(k, gold.get(k), pred.get(k), hit, tot, misses, L)
        _score("judge", _judge_key(gold.get("judge")), _judge_key(pred.get("judge")), hit, tot, misses, L)
        _score("judge_strict", gold.get("judge"), pred.get("judge"), hit, tot, [], L)
        gs, ps = set(gold.get("respondents") or []), set(pred.get("respondents") or [])
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
        if gs != ps:
            misses.append({"id": L.get("id"), "field": "respondents", "gold": sorted(gs), "pred": sorted(ps)})
        if ocr:
            damaged = ocr_damage(L["text"], list(gold.get("case_numbers") or []))
            pd = [c.normalized for c in an(damaged).case_numbers]
            ocr_tot += 1
            ocr_hit += pd == g
            if pd != g:
                misses.append({"id": L.get("id"), "field": "case_numbers_ocr", "gold": g, "pred": pd})
    prec = tp / (tp + fp) if tp + fp else 1.0
    rec = tp / (tp + fn) if tp + fn else 1.0
    res: dict[str, Any] = {"letters": len(letters)}
    for k in keys:
        res[k] = round(hit[k] / tot[k], 4) if tot[k] else None
    if ocr:
        res["case_numbers_ocr"] = round(ocr_hit / ocr_tot, 4) if ocr_tot else None
    res["respondents_f1"] = round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0
    res["respondents_p"] = round(prec, 4)
    res["respondents_r"] = round(rec, 4)
    if details:
        res["misses"] = misses
    return res


def _score(key, gold, pred, hit, tot, misses, L):
    tot[key] += 1
    if gold == pred:
        hit[key] += 1
    else:
        misses.append({"id": L.get("id"), "field": key, "gold": gold, "pred": pred})


def load_letters(paths: Iterable[str]) -> list[dict]:
    out = []
    for p in paths:
        with open(p, encoding="utf-8") as fh:
            for line in fh:
                line = line.strip()
                if line:
                    out.append(json.loads(line))
    return out


def main(argv: Optional[list[str]] = None) -> int:
    import argparse
    ap = argparse.ArgumentParser(description="field extraction figures")
    ap.add_argument("files", nargs="+")
    ap.add_argument("--details", action="store_true", help="list misses (ids, fields) — for train only")
    args = ap.parse_args(argv)
    res = evaluate_fields(load_letters(args.files), details=args.details)
    print(json.dumps(res, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
