"""A clerk's form -> the corrected record and its audit entries (no web code: testable alone).

Every changed field gets one audit entry ``{"action": "edit", "field", "suggested", "final"}``:
``suggested`` is what the tool first suggested for that field (the earliest audit entry's
``suggested`` if the field was already corrected, else the value before this change) and ``final``
the value the clerk saved. Confirming adds ``{"action": "confirm", "field": "status"}``.
"""
from __future__ import annotations

import copy
import datetime as dt
import re
from typing import Any, Mapping

from ..types import ACCEPT_GROUNDS, DECISIONS, GROUNDS, TYPES, Record
from .fields import DATE_FIELDS, LIST_FIELDS, REGISTER_FIELDS_ZH, case_number_text, split_list

_CASE = re.compile(r"[（(〔\[]\s*(\d{4})\s*[）)〕\]]\s*([^\d\s执民刑行破赔]{0,2}\d{0,4})?"
                   r"\s*([\u4e00-\u9fff]{1,3}?)\s*(\d+)\s*号")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_ENFORCEMENT = ("执", "执恢", "执保", "执协", "执他")
_ENFORCEMENT_REVIEW = ("执异", "执复", "执监")


def _is_date(s: str) -> bool:
    if not _DATE.match(s):
        return False
    try:
        dt.date.fromisoformat(s)
    except ValueError:
        return False
    return True


class FormError(ValueError):
    """A value the clerk typed cannot be saved (message in Chinese)."""


def parse_case_number(text: str, court_codes: tuple[str, ...] = ()) -> dict[str, Any]:
    """A case number typed by the clerk -> the register's case-number dict (best effort)."""
    s = text.strip()
    for a, b in (("(", "（"), (")", "）"), ("〔", "（"), ("〕", "）"), ("[", "（"), ("]", "）")):
        s = s.replace(a, b)
    s = s.translate(_FULLWIDTH_DIGITS)
    d: dict[str, Any] = {"raw": text.strip(), "normalized": s, "year": None, "court_code": "",
                         "type_code": "", "serial": None, "kind": "other", "this_court": False,
                         "start": -1, "end": -1}
    m = _CASE.search(s)
    if m:
        year, court, tcode, serial = m.group(1), (m.group(2) or ""), m.group(3), m.group(4)
        d.update(year=int(year), court_code=court, type_code=tcode, serial=int(serial),
                 normalized=f"（{year}）{court}{tcode}{serial}号",
                 this_court=court in court_codes)
        if tcode in _ENFORCEMENT:
            d["kind"] = "enforcement"
        elif tcode in _ENFORCEMENT_REVIEW:
            d["kind"] = "enforcement_review"
        elif tcode.endswith(("初", "终", "再")) or tcode.startswith("破"):
            d["kind"] = "trial"
    return d


def _one(form: Mapping[str, Any], key: str) -> str:
    v = form.get(key)
    if isinstance(v, (list, tuple)):
        v = v[0] if v else ""
    return (v or "").strip() if isinstance(v, str) else ("" if v is None else str(v).strip())


def _many(form: Mapping[str, Any], key: str) -> list[str]:
    v = form.get(key)
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]


def audit_value(field: str, value: Any) -> Any:
    """What the audit trail keeps for a field: case numbers as their text, the rest as is."""
    if field == "register.case_numbers":
        return [case_number_text(c) for c in value or []]
    return copy.deepcopy(value)


def apply_form(rec: Record, form: Mapping[str, Any], *, clerk: str, now: str, confirm: bool,
               history: list[dict[str, Any]] = (), court_codes: tuple[str, ...] = ()
               ) -> tuple[Record, list[dict[str, Any]]]:
    """Return (the record with the clerk's values, audit entries). ``rec`` is not modified."""
    new = copy.deepcopy(rec)
    # ---- decisions
    decision = _one(form, "decision") or None
    if decision is not None and decision not in DECISIONS:
        raise FormError("受理/不予受理的取值无效")
    typ = _one(form, "type") or None
    if typ is not None and typ not in TYPES:
        raise FormError("类型的取值无效")
    grounds = [g for g in GROUNDS if g in set(_many(form, "grounds"))]
    bad = set(_many(form, "grounds")) - set(GROUNDS)
    if bad:
        raise FormError("事由的取值无效")
    if "decision" in form or "decision_present" in form:
        new.decision = decision
    if "type" in form or "type_present" in form:
        new.type = typ
    if ("grounds_present" in form or "grounds" in form) and set(grounds) != set(rec.grounds):
        new.grounds = grounds        # a mere reordering is no change
    # ---- register fields
    reg = dict(new.register)
    for key, zh in REGISTER_FIELDS_ZH:
        name = f"reg_{key}"
        if name not in form:
            continue
        raw = _one(form, name)
        if key == "case_numbers":
            old = {case_number_text(c): c for c in rec.register.get("case_numbers") or []}
            vals = []
            for t in split_list(raw):
                if t in old:
                    vals.append(copy.deepcopy(old[t]))
                else:
                    parsed = parse_case_number(t, court_codes)
                    vals.append(copy.deepcopy(old.get(parsed["normalized"], parsed)))
            reg[key] = vals
        elif key in LIST_FIELDS:
            reg[key] = split_list(raw)
        elif key == "petitioner_phone":
            phone = re.sub(r"[\s\-—－()（）]", "", raw).translate(_FULLWIDTH_DIGITS)
            if phone and not (phone.isascii() and phone.isdigit()):
                raise FormError("联系电话只能填写数字（可含空格或“-”），例如 13905340000")
            reg[key] = phone or None
        elif key in DATE_FIELDS:
            if raw and not _is_date(raw):
                raise FormError(f"{zh}应为日期（年-月-日），例如 2025-03-18")
            reg[key] = raw or None
        else:
            reg[key] = raw or None
    new.register = reg
    # ---- deadlines: the due date of each is editable
    deadlines = copy.deepcopy(new.deadlines)
    for d in deadlines:
        name = f"deadline_{d.get('name')}"
        if name in form:
            due = _one(form, name)
            if not _is_date(due):
                raise FormError(f"{d.get('label_zh') or d.get('name')}期限应为日期（年-月-日），不能为空")
            d["due"] = due
    new.deadlines = deadlines

    # ---- audit entries for what changed
    first_suggested: dict[str, Any] = {}
    for h in history:
        if h.get("action") == "edit" and h.get("field") and h["field"] not in first_suggested:
            first_suggested[h["field"]] = h.get("suggested")
    entries: list[dict[str, Any]] = []
    pairs: list[tuple[str, Any, Any]] = [
        ("decision", rec.decision, new.decision),
        ("type", rec.type, new.type),
        ("grounds", rec.grounds, new.grounds),
        *[(f"register.{k}", rec.register.get(k), new.register.get(k)) for k, _ in REGISTER_FIELDS_ZH],
        ("deadlines", rec.deadlines, new.deadlines),
    ]
    for field, before, after in pairs:
        b, a = audit_value(field, before), audit_value(field, after)
        if _norm(b) != _norm(a):
            sugg = first_suggested.get(field, b)
            entries.append({"clerk": clerk, "at": now, "action": "edit", "field": field,
                            "suggested": sugg, "final": a})
    if confirm:
        entries.append({"clerk": clerk, "at": now, "action": "confirm", "field": "status",
                        "suggested": rec.status, "final": "confirmed"})
        new.status = "confirmed"
        new.confirmed_by = clerk
        new.confirmed_at = now
    return new, entries


def _norm(v: Any) -> Any:
    if v in ("", [], None):
        return None
    return v


def diff_fields(mine: Record, theirs: Record) -> list[tuple[str, Any, Any]]:
    """Fields where the clerk's unsaved values differ from the record saved meanwhile."""
    out = []
    pairs = [("decision", mine.decision, theirs.decision), ("type", mine.type, theirs.type),
             ("grounds", mine.grounds, theirs.grounds), ("status", mine.status, theirs.status),
             *[(f"register.{k}", mine.register.get(k), theirs.register.get(k))
               for k, _ in REGISTER_FIELDS_ZH],
             ("deadlines", mine.deadlines, theirs.deadlines)]
    for field, a, b in pairs:
        a2, b2 = audit_value(field, a), audit_value(field, b)
        if _norm(a2) != _norm(b2):
            out.append((field, a2, b2))
    return out


def is_accept_ground(g: str) -> bool:
    return g in ACCEPT_GROUNDS
