"""The register: records and their audit trail in a real database.

SQLite file by default (``register.sqlite``); a SQLAlchemy URL (``postgresql+psycopg://…``) runs the
same code on PostgreSQL for a court where several clerks share one register. The schema is created
and changed by the migrations in ``xinfang_nlp/register/migrations`` (``Store.open`` upgrades).

Each record is stored whole as JSON (``data``) next to the columns the queue, the duplicate/rerun
checks and the repeat-petition lookup need. Every write bumps ``version``; ``save`` with
``expected_version`` refuses a stale write (two clerks on one record).
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

import sqlalchemy as sa

from ..types import Record

metadata = sa.MetaData()

records = sa.Table(
    "records", metadata,
    sa.Column("record_id", sa.String(64), primary_key=True),
    sa.Column("path", sa.Text, nullable=False),
    sa.Column("sha256", sa.String(64), nullable=False, index=True),
    sa.Column("status", sa.String(16), nullable=False, index=True),
    sa.Column("received_at", sa.String(10), index=True),
    sa.Column("decision", sa.String(16)),
    sa.Column("type", sa.String(16)),
    sa.Column("grounds", sa.Text),              # " A2 A7 " for LIKE filtering
    sa.Column("flags", sa.Text),                # " needs_review risk "
    sa.Column("confidence", sa.Float),
    sa.Column("priority", sa.Integer, index=True),  # lower = earlier in the clerk's queue
    sa.Column("created_at", sa.String(32), nullable=False),
    sa.Column("updated_at", sa.String(32), nullable=False, index=True),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("data", sa.Text, nullable=False),
    sa.UniqueConstraint("path", "sha256", name="uq_records_path_sha"),
)

#: normalised keys for the repeat-petition lookup (004 第八条): petitioner name/phone and case numbers
record_keys = sa.Table(
    "record_keys", metadata,
    sa.Column("record_id", sa.String(64), sa.ForeignKey("records.record_id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),   # name | phone | case
    sa.Column("value", sa.String(128), nullable=False),
    sa.Index("ix_record_keys_kind_value", "kind", "value"),
)

audit = sa.Table(
    "audit", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("record_id", sa.String(64), sa.ForeignKey("records.record_id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("clerk", sa.String(64), nullable=False),
    sa.Column("at", sa.String(32), nullable=False),
    sa.Column("action", sa.String(16), nullable=False),   # edit | confirm | skip | reprocess
    sa.Column("field", sa.String(64)),
    sa.Column("suggested", sa.Text),                      # JSON
    sa.Column("final", sa.Text),                          # JSON
)


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).astimezone().isoformat(timespec="seconds")


def db_url(db: str | Path) -> str:
    s = str(db)
    if "://" in s:
        return s
    return f"sqlite:///{Path(s).resolve()}"


class StaleRecord(Exception):
    """Someone else saved this record after it was opened."""


def priority_of(rec: Record) -> int:
    """Clerk's queue order: flagged and least confident first (smaller = earlier)."""
    flags = set(rec.flags)
    p = 0
    if rec.status == "failed":
        p -= 4000
    for f, w in (("risk", 3000), ("needs_review", 2000), ("low_ocr_confidence", 1000), ("repeat", 500)):
        if f in flags:
            p -= w
    conf = rec.confidence if rec.confidence is not None else 0.0
    return p + int(round(conf * 100))


class Store:
    def __init__(self, engine: sa.Engine):
        self.engine = engine

    # ------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, db: str | Path = "register.sqlite") -> "Store":
        url = db_url(db)
        kwargs: dict[str, Any] = {"future": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": 30}
        engine = sa.create_engine(url, **kwargs)
        if url.startswith("sqlite"):
            @sa.event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn, _):  # pragma: no cover - trivial
                cur = dbapi_conn.cursor()
                cur.execute("PRAGMA journal_mode=WAL")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.close()
        from .migrate import upgrade
        upgrade(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------ reads
    def get(self, record_id: str) -> Optional[Record]:
        with self.engine.connect() as c:
            row = c.execute(sa.select(records.c.data).where(records.c.record_id == record_id)).first()
        return Record.from_dict(json.loads(row[0])) if row else None

    def find(self, path: str, sha256: str) -> Optional[Record]:
        with self.engine.connect() as c:
            row = c.execute(sa.select(records.c.data).where(
                records.c.path == path, records.c.sha256 == sha256)).first()
        return Record.from_dict(json.loads(row[0])) if row else None

    def first_with_sha(self, sha256: str, exclude_path: Optional[str] = None) -> Optional[Record]:
        """The first record of these bytes that is not itself a duplicate (the original)."""
        q = sa.select(records.c.data).where(records.c.sha256 == sha256,
                                            ~records.c.flags.like("% duplicate %"))
        if exclude_path is not None:
            q = q.where(records.c.path != exclude_path)
        q = q.order_by(records.c.created_at, records.c.record_id)
        with self.engine.connect() as c:
            row = c.execute(q).first()
        return Record.from_dict(json.loads(row[0])) if row else None

    def known(self) -> set[tuple[str, str]]:
        with self.engine.connect() as c:
            return {(p, s) for p, s in c.execute(sa.select(records.c.path, records.c.sha256))}

    def iter_records(self, status: Optional[str] = None, since: Optional[str] = None,
                     order: str = "created") -> Iterator[Record]:
        q = sa.select(records.c.data)
        if status and status != "all":
            q = q.where(records.c.status == status)
        if since:
            q = q.where(records.c.updated_at >= since)
        q = q.order_by(records.c.priority if order == "queue" else records.c.created_at,
                       records.c.record_id)
        with self.engine.connect() as c:
            for (data,) in c.execute(q):
                yield Record.from_dict(json.loads(data))

    def count(self, status: Optional[str] = None) -> int:
        q = sa.select(sa.func.count()).select_from(records)
        if status:
            q = q.where(records.c.status == status)
        with self.engine.connect() as c:
            return int(c.execute(q).scalar_one())

    def find_repeats(self, names: Iterable[str], phones: Iterable[str], cases: Iterable[str],
                     exclude: Optional[str] = None) -> list[str]:
        """Records from the same petitioner (name or phone) on the same case (004 第八条)."""
        people = [("name", n) for n in names if n] + [("phone", p) for p in phones if p]
        cases = [c for c in cases if c]
        if not people or not cases:
            return []
        k1, k2 = record_keys.alias("k1"), record_keys.alias("k2")
        person_cond = sa.or_(*[sa.and_(k1.c.kind == k, k1.c.value == v) for k, v in people])
        q = (sa.select(k1.c.record_id).distinct()
             .join(k2, k1.c.record_id == k2.c.record_id)
             .join(records, records.c.record_id == k1.c.record_id)
             .where(person_cond, k2.c.kind == "case", k2.c.value.in_(cases))
             .where(records.c.status != "failed")
             .order_by(k1.c.record_id))
        if exclude:
            q = q.where(k1.c.record_id != exclude)
        with self.engine.connect() as c:
            ids = [r[0] for r in c.execute(q)]
        created = {}
        for rid in ids:
            r = self.get(rid)
            if r is not None and r.duplicate_of is None:
                created[rid] = r.created_at or ""
        return sorted(created, key=lambda i: (created[i], i))

    def history(self, record_id: str) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            rows = c.execute(sa.select(audit).where(audit.c.record_id == record_id)
                             .order_by(audit.c.id)).mappings().all()
        out = []
        for r in rows:
            d = dict(r)
            for k in ("suggested", "final"):
                d[k] = json.loads(d[k]) if d[k] is not None else None
            out.append(d)
        return out

    # ------------------------------------------------------------ writes
    def save(self, rec: Record, expected_version: Optional[int] = None,
             audit_entries: Iterable[dict[str, Any]] = ()) -> Record:
        """Insert or replace ``rec`` (by record_id) in one transaction.

        ``expected_version``: the version the caller read; if the stored one differs the write is
        refused with :class:`StaleRecord` and nothing changes.
        """
        ts = now_iso()
        with self.engine.begin() as c:
            cur = c.execute(sa.select(records.c.version, records.c.created_at)
                            .where(records.c.record_id == rec.record_id)).first()
            if cur is not None and expected_version is not None and cur[0] != expected_version:
                raise StaleRecord(rec.record_id)
            rec.updated_at = ts
            if cur is None:
                rec.created_at = rec.created_at or ts
                rec.version = 1
            else:
                rec.created_at = cur[1]
                rec.version = cur[0] + 1
            row = {
                "record_id": rec.record_id, "path": rec.source.get("path", ""),
                "sha256": rec.source.get("sha256", ""), "status": rec.status,
                "received_at": rec.register.get("received_at"), "decision": rec.decision,
                "type": rec.type, "grounds": " " + " ".join(rec.grounds) + " ",
                "flags": " " + " ".join(rec.flags) + " ", "confidence": rec.confidence,
                "priority": priority_of(rec), "created_at": rec.created_at, "updated_at": ts,
                "version": rec.version, "data": json.dumps(rec.to_dict(), ensure_ascii=False),
            }
            if cur is None:
                c.execute(records.insert().values(**row))
            else:
                c.execute(records.update().where(records.c.record_id == rec.record_id).values(**row))
            c.execute(record_keys.delete().where(record_keys.c.record_id == rec.record_id))
            keys = _keys_of(rec)
            if keys:
                c.execute(record_keys.insert(), [{"record_id": rec.record_id, "kind": k, "value": v}
                                                 for k, v in keys])
            for e in audit_entries:
                c.execute(audit.insert().values(
                    record_id=rec.record_id, clerk=e["clerk"], at=e.get("at", ts), action=e["action"],
                    field=e.get("field"),
                    suggested=None if e.get("suggested") is None else json.dumps(e["suggested"], ensure_ascii=False),
                    final=None if e.get("final") is None else json.dumps(e["final"], ensure_ascii=False)))
        return rec


def _keys_of(rec: Record) -> list[tuple[str, str]]:
    reg = rec.register or {}
    keys: list[tuple[str, str]] = []
    if reg.get("petitioner_name"):
        keys.append(("name", str(reg["petitioner_name"])[:128]))
    if reg.get("petitioner_phone"):
        keys.append(("phone", str(reg["petitioner_phone"])[:128]))
    seen = set()
    for cn in reg.get("case_numbers") or []:
        v = cn.get("normalized") if isinstance(cn, dict) else str(cn)
        if v and v not in seen:
            seen.add(v)
            keys.append(("case", v[:128]))
    return keys
