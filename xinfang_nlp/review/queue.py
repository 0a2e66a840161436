"""The clerks' queue: records in priority order (store ``priority``: flagged, least confident first).

Reads the store's tables directly with indexed columns only (status, received_at, type, grounds,
priority, record_id); the record JSON is parsed only for the rows shown.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Optional
from urllib.parse import urlencode

import sqlalchemy as sa

from ..register.store import Store, records
from ..types import GROUNDS, TYPES, Record

STATUS_FILTERS = {"open": ("suggested", "failed"), "suggested": ("suggested",),
                  "failed": ("failed",), "confirmed": ("confirmed",), "all": None}
STATUS_FILTER_ZH = {"open": "未确认（待确认及读取失败）", "suggested": "待确认", "failed": "读取失败",
                    "confirmed": "已确认", "all": "全部"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Filters:
    day: str = ""
    status: str = "open"
    type: str = ""
    ground: str = ""

    @classmethod
    def parse(cls, params: Any) -> "Filters":
        """From query parameters (or a mapping); anything unknown is dropped, never trusted."""
        get = params.get
        day = (get("day") or "").strip()
        status = (get("status") or "open").strip()
        typ = (get("type") or "").strip()
        ground = (get("ground") or "").strip()
        return cls(day=day if _DAY.match(day) else "",
                   status=status if status in STATUS_FILTERS else "open",
                   type=typ if typ in TYPES or typ == "none" else "",
                   ground=ground if ground in GROUNDS else "")

    def query(self, **extra: Any) -> str:
        d = {k: v for k, v in (("day", self.day), ("status", self.status if self.status != "open" else ""),
                               ("type", self.type), ("ground", self.ground)) if v}
        d.update({k: v for k, v in extra.items() if v not in (None, "")})
        return urlencode(d)

    def where(self, q: sa.Select) -> sa.Select:
        statuses = STATUS_FILTERS[self.status]
        if statuses is not None:
            q = q.where(records.c.status.in_(statuses)) if len(statuses) > 1 \
                else q.where(records.c.status == statuses[0])
        if self.day:
            q = q.where(records.c.received_at == self.day)
        if self.type == "none":
            q = q.where(records.c.type.is_(None))
        elif self.type:
            q = q.where(records.c.type == self.type)
        if self.ground:
            q = q.where(records.c.grounds.like(f"% {self.ground} %"))
        return q


def list_queue(store: Store, f: Filters, limit: int = 50, offset: int = 0
               ) -> tuple[list[Record], int]:
    # ids first (read from the queue index), then only those rows' JSON
    q = f.where(sa.select(records.c.record_id)).order_by(records.c.priority, records.c.record_id)
    cq = f.where(sa.select(sa.func.count()).select_from(records))
    with store.engine.connect() as c:
        total = int(c.execute(cq).scalar_one())
        ids = [r[0] for r in c.execute(q.limit(limit).offset(offset))]
        data = dict(c.execute(sa.select(records.c.record_id, records.c.data)
                              .where(records.c.record_id.in_(ids))).all()) if ids else {}
    return [Record.from_dict(json.loads(data[i])) for i in ids if i in data], total


def position(store: Store, record_id: str) -> Optional[tuple[int, str]]:
    with store.engine.connect() as c:
        row = c.execute(sa.select(records.c.priority, records.c.record_id)
                        .where(records.c.record_id == record_id)).first()
    return (row[0], row[1]) if row else None


def next_after(store: Store, f: Filters, priority: Optional[int], record_id: str) -> Optional[str]:
    """The record after (priority, record_id) in the queue order, or None at the end."""
    p = priority if priority is not None else 0
    q = f.where(sa.select(records.c.record_id)).where(
        sa.or_(records.c.priority > p,
               sa.and_(records.c.priority == p, records.c.record_id > record_id)),
        records.c.record_id != record_id,
    ).order_by(records.c.priority, records.c.record_id).limit(1)
    with store.engine.connect() as c:
        row = c.execute(q).first()
    return row[0] if row else None


def first_in_queue(store: Store, f: Filters, exclude: Optional[str] = None) -> Optional[str]:
    q = f.where(sa.select(records.c.record_id))
    if exclude:
        q = q.where(records.c.record_id != exclude)
    q = q.order_by(records.c.priority, records.c.record_id).limit(1)
    with store.engine.connect() as c:
        row = c.execute(q).first()
    return row[0] if row else None


def days(store: Store, limit: int = 60) -> list[tuple[str, int]]:
    """Registration days with their number of open records (newest first) for the day filter."""
    q = (sa.select(records.c.received_at, sa.func.count())
         .where(records.c.received_at.is_not(None))
         .group_by(records.c.received_at).order_by(records.c.received_at.desc()).limit(limit))
    with store.engine.connect() as c:
        return [(d, int(n)) for d, n in c.execute(q)]
