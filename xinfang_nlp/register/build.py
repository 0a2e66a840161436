"""Assemble the register record (004 第十二条) from the stages' outputs."""
from __future__ import annotations

import copy
import datetime as dt
import hashlib
from typing import Any, Callable, Optional

from ..settings import Settings
from ..types import Analysis, Classification, ReadResult, Record, empty_register


def record_id_for(relpath: str, sha256: str) -> str:
    """Stable id: the same file (path and bytes) always maps to the same record."""
    h = hashlib.sha256(f"{relpath}\0{sha256}".encode("utf-8")).hexdigest()
    return "xf-" + h[:16]


def source_of(rr: ReadResult) -> dict[str, Any]:
    return {"path": rr.path, "sha256": rr.sha256, "format": rr.format,
            "pages": [p.to_dict() for p in rr.pages]}


def failed_record(rr: ReadResult, *, record_id: str, received_at: dt.date,
                  code: Optional[str] = None, message: Optional[str] = None) -> Record:
    err = rr.error
    reg = empty_register()
    reg["received_at"] = received_at.isoformat()
    return Record(record_id=record_id, source=source_of(rr), status="failed",
                  error={"code": code or (err.code if err else "unreadable"),
                         "message": message or (err.message if err else "无法读取")},
                  text=rr.text, register=reg, flags=["needs_review"])


def copy_as_duplicate(first: Record, *, record_id: str, path: str, received_at: dt.date) -> Record:
    """A file whose bytes equal an item already registered: same suggestion, flagged, linked."""
    rec = copy.deepcopy(first)
    rec.record_id = record_id
    rec.source = dict(rec.source, path=path)
    rec.status = "failed" if first.status == "failed" else "suggested"
    rec.duplicate_of = first.duplicate_of or first.record_id
    rec.flags = sorted(set(rec.flags) | {"duplicate"})
    rec.register["received_at"] = received_at.isoformat()
    rec.created_at = rec.updated_at = rec.confirmed_at = rec.confirmed_by = None
    rec.version = 1
    return rec


def build_record(rr: ReadResult, analysis: Analysis, cls: Classification, *, received_at: dt.date,
                 settings: Settings, record_id: str, store, route: Callable,
                 model_version: Optional[str]) -> Record:
    reg = empty_register()
    fields = analysis.fields or {}
    for k in list(reg) + ["forwarded_by", "forward_deadline"]:
        if k in fields and fields[k] is not None:
            reg[k] = fields[k]
    reg["received_at"] = received_at.isoformat()
    reg["case_numbers"] = [c.to_dict() for c in analysis.case_numbers]

    names = [reg.get("petitioner_name")] if reg.get("petitioner_name") else []
    phones = [reg.get("petitioner_phone")] if reg.get("petitioner_phone") else []
    cases = [c.normalized for c in analysis.case_numbers]
    repeats = store.find_repeats(names, phones, cases, exclude=record_id) if store else []

    routing = route(analysis, cls, received_at=received_at, settings=settings, repeats=repeats)
    reg["proposed_action"] = routing.proposed_action

    flags = set(routing.flags)
    low = [p for p in rr.pages if p.method == "ocr" and p.confidence is not None
           and p.confidence < settings.low_ocr_threshold]
    if low:
        flags.add("low_ocr_confidence")
    if cls.confidence < settings.review_threshold or rr.notes:
        flags.add("needs_review")
    if repeats:
        flags.add("repeat")
    return Record(
        record_id=record_id, source=source_of(rr), status="suggested", error=None,
        text=analysis.text, decision=cls.decision, type=cls.type, grounds=list(cls.grounds),
        confidence=round(float(cls.confidence), 4), evidence=[e.to_dict() for e in cls.evidence],
        register=reg, deadlines=[d.to_dict() for d in routing.deadlines], flags=sorted(flags),
        model_version=model_version, repeat_of=repeats,
    )
