"""Export the register for the court's case system: JSON Lines, CSV (UTF-8 with BOM), XLSX 台账.

``export_records(db, fmt, status="confirmed", since=None, out=...) -> int`` (records written).

- ``jsonl``: one ``Record.to_dict()`` per line (``schema/record.schema.json``), UTF-8, ``\\n``.
- ``csv`` / ``xlsx``: the register's fields in 004 第十二条's order with their Chinese names, then
  what the tool decided and the clerk confirmed (see ``COLUMNS``).

Deterministic: records in (created_at, record_id) order, fixed keys and columns, so exporting the
same register twice gives the same bytes (jsonl, csv). ``since`` (``YYYY-MM-DD``) keeps records
changed (``updated_at``) on or after that day.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

from ..types import LABELS_ZH, Record
from ..review.fields import STATUS_ZH, deadlines_text, grounds_text, register_value_text

FORMATS = ("jsonl", "csv", "xlsx")
STATUSES = ("confirmed", "suggested", "failed", "all")


def _reg(key: str) -> Callable[[Record], str]:
    return lambda r: register_value_text(key, (r.register or {}).get(key))


#: (Chinese column name, value) — 第十二条's order, then the decisions and bookkeeping
COLUMNS: list[tuple[str, Callable[[Record], Any]]] = [
    ("来访（件）时间", _reg("received_at")),
    ("案件来源", _reg("channel")),
    ("信访人姓名", _reg("petitioner_name")),
    ("联系电话", _reg("petitioner_phone")),
    ("案件当事人（申请执行人）", _reg("applicants")),
    ("案件当事人（被执行人）", _reg("respondents")),
    ("案件当事人（案外人）", _reg("outsiders")),
    ("案件承办人", _reg("judge")),
    ("执行案号", _reg("case_numbers")),
    ("来访（件）内容摘要", _reg("summary")),
    ("拟办意见", _reg("proposed_action")),
    ("受理/不予受理", lambda r: LABELS_ZH.get(r.decision or "", "")),
    ("类型", lambda r: LABELS_ZH.get(r.type or "", "")),
    ("事由", lambda r: grounds_text(r.grounds)),
    ("期限", lambda r: deadlines_text(r.deadlines)),
    ("状态", lambda r: STATUS_ZH.get(r.status, r.status)),
    ("记录编号", lambda r: r.record_id),
    ("确认人", lambda r: r.confirmed_by or ""),
    ("确认时间", lambda r: r.confirmed_at or ""),
    ("来信日期", _reg("letter_date")),
    ("来件文件", lambda r: (r.source or {}).get("path", "")),
]
HEADERS = [c for c, _ in COLUMNS]


def _check(fmt: str, status: str, since: Optional[str]) -> Optional[str]:
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, got {fmt!r}")
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, got {status!r}")
    if since in (None, ""):
        return None
    if isinstance(since, dt.date):
        return since.isoformat()
    try:
        return dt.date.fromisoformat(str(since)).isoformat()
    except ValueError:
        raise ValueError(f"since must be a date YYYY-MM-DD, got {since!r}")


def rows(records: Iterable[Record]) -> Iterable[list[str]]:
    for r in records:
        yield [_cell(fn(r)) for _, fn in COLUMNS]


def _cell(v: Any) -> str:
    s = "" if v is None else str(v)
    # a cell starting with = + - @ is a formula to a spreadsheet: keep it as text (CSV injection)
    if s[:1] in ("=", "+", "-", "@", "\t", "\r"):
        s = "'" + s
    return s


def write_jsonl(records: Iterable[Record], fh) -> int:
    n = 0
    for r in records:
        fh.write(json.dumps(r.to_dict(), ensure_ascii=False, separators=(", ", ": ")).encode("utf-8"))
        fh.write(b"\n")
        n += 1
    return n


def write_csv(records: Iterable[Record], fh) -> int:
    text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
    w = csv.writer(text, lineterminator="\r\n")
    w.writerow(HEADERS)
    n = 0
    for row in rows(records):
        w.writerow(row)
        n += 1
    text.flush()
    text.detach()
    return n


def write_xlsx(records: Iterable[Record], fh) -> int:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = "信访登记台账"
    ws.append(HEADERS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EFEFE9")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    n = 0
    for row in rows(records):
        ws.append(row)
        n += 1
    widths = {"来访（件）内容摘要": 50, "拟办意见": 40, "事由": 40, "期限": 36, "执行案号": 26,
              "记录编号": 22, "确认时间": 26}
    for i, h in enumerate(HEADERS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = widths.get(h, 16)
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    fixed = dt.datetime(2000, 1, 1)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.creator = "xinfang-nlp"
    wb.save(fh)
    return n


WRITERS = {"jsonl": write_jsonl, "csv": write_csv, "xlsx": write_xlsx}


def export_records(db, fmt: str = "jsonl", status: str = "confirmed", since: Optional[str] = None,
                   out: Optional[Path | str] = None) -> int:
    """Write the register's records (``status``; changed on/after ``since``) to ``out``.

    The file is written next to ``out`` and renamed into place: a failed export leaves no half file.
    """
    from ..register.store import Store

    if out is None:
        raise ValueError("out is required")
    since = _check(fmt, status, since)
    store = db if isinstance(db, Store) else Store.open(db)
    try:
        records = store.iter_records(status=None if status == "all" else status, since=since,
                                     order="created")
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".export-", dir=str(out.parent))
        try:
            with os.fdopen(fd, "wb") as fh:
                n = WRITERS[fmt](records, fh)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)      # as an ordinary new file (mkstemp makes 0600)
            os.replace(tmp, out)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
        return n
    finally:
        if store is not db:
            store.close()
