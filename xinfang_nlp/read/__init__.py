"""Read stage: one mailbag file → pages of text with provenance. See ``pluginspec`` for the plugins.

``read_file`` never raises: a file we cannot read comes back with ``ReadResult.error`` set
(``corrupt | encrypted | empty | truncated | too_large | unsupported | unreadable | no_text``).
Originals are only ever opened for reading.
"""
from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path
from typing import Optional

from ..settings import Settings
from ..types import ReadError, ReadResult
from .detect import cjk_count, detect_format
from .errors import read_error
from .pluginspec import (OcrEngine, OcrLine, ReadContext, get_engine, get_reader, register_engine,
                         register_reader, set_engine, use_engine)

__all__ = ["read_file", "sha256_file", "OcrEngine", "OcrLine", "ReadContext", "get_engine", "register_engine",
           "register_reader", "set_engine", "use_engine", "NOTE_NO_CHINESE"]

log = logging.getLogger("xinfang.read")

#: ReadResult.notes entry: text was read but none of it is Chinese
NOTE_NO_CHINESE = "no_chinese"
HEAD_BYTES = 8192

_UNSUPPORTED_NAMES = {"doc": "Word 97-2003 (.doc)", "xlsx": "Excel (.xlsx)", "pptx": "PowerPoint (.pptx)",
                      "odf": "OpenDocument", "zip": "ZIP", "rtf": "RTF", "ole": "OLE"}


def sha256_file(path: Path) -> str:
    """The file's SHA-256, read in 1 MiB chunks (the record's identity with its path)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_file(path: Path | str, relpath: str, settings: Settings,
              sha256: Optional[str] = None) -> ReadResult:
    """Read one mailbag file. Never raises."""
    t0 = time.perf_counter()
    path = Path(path)
    rr = ReadResult(path=relpath, sha256=sha256 or "", format="unknown")
    notes: list[str] = []
    try:
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise read_error("unreadable", "不是普通文件", "not a regular file")
            with open(path, "rb") as fh:
                head = fh.read(HEAD_BYTES)
        except (OSError, ValueError):
            raise read_error("unreadable") from None
        if not rr.sha256:
            try:
                rr.sha256 = sha256_file(path)
            except OSError:
                raise read_error("unreadable") from None
        if size == 0:
            raise read_error("empty")
        if size > settings.max_file_bytes:
            mb = settings.max_file_bytes // (1024 * 1024)
            raise read_error("too_large", f"超过 {mb} MB", f"over {mb} MB")
        fmt = detect_format(path, head)
        rr.format = fmt
        if fmt == "ooxml-encrypted":
            rr.format = "docx"
            raise read_error("encrypted")
        reader = get_reader(fmt)
        if reader is None:
            name = _UNSUPPORTED_NAMES.get(fmt, fmt if fmt != "unknown" else "")
            raise read_error("unsupported", name, name)
        ctx = ReadContext(settings=settings, format=fmt, size=size, head=head, notes=notes)
        rr.pages = list(reader(path, ctx))
        text = rr.text
        if not text.strip():
            raise read_error("unreadable", "文字识别出错", "the OCR engine failed") \
                if "ocr_failed" in notes else read_error("no_text")
        if cjk_count(text) == 0:
            notes.append(NOTE_NO_CHINESE)
    except ReadError as err:
        rr.error = err
    except MemoryError:
        rr.error = read_error("too_large", "内存不足", "out of memory")
    except RecursionError:
        rr.error = read_error("corrupt")
    except Exception as exc:  # never raise; never put the exception text (it may quote content) in the message
        # file names often carry the petitioner's name: log the file's hash, the exception type and
        # where it failed, never the path or the exception's message
        import traceback
        log.error("reading file sha256:%s failed (%s)\n%s", (rr.sha256 or "")[:12], type(exc).__name__,
                  "".join(traceback.format_tb(exc.__traceback__)))
        rr.error = read_error("unreadable", type(exc).__name__, type(exc).__name__)
    rr.notes = notes
    rr.seconds = round(time.perf_counter() - t0, 4)
    return rr
