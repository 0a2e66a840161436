"""The whole job, top-down: mailbag files → register records.

    collect files ─► skip what the register already holds (same path, same bytes) unless --force
                  ─► read (parallel over files, joblib)          xinfang_nlp.read.read_file
                  ─► analyse                                      xinfang_nlp.analyse.analyse
                  ─► classify                                     xinfang_nlp.classify.Classifier
                  ─► route (拟办意见, deadlines, flags)            xinfang_nlp.route.route
                  ─► register (one record per file, committed as each file finishes)

Reading (OCR) is the slow part and runs in worker processes; the later stages are fast and run in
the parent, which alone writes to the database, so a killed batch loses at most the files in flight
and a rerun picks up where it stopped.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

from .read import sha256_file
from .register.build import build_record, copy_as_duplicate, failed_record, record_id_for
from .register.store import Store
from .settings import Settings, load_settings
from .types import ReadError, ReadResult

log = logging.getLogger("xinfang")

#: files we never treat as mailbag items
IGNORED_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini"}


@dataclass
class Item:
    path: Path          # absolute
    relpath: str        # relative to the mailbag folder: the record's source.path
    sha256: str
    size: int


@dataclass
class Summary:
    items: int = 0
    new: int = 0
    skipped: int = 0
    duplicates: int = 0
    pages: int = 0
    ocr_pages: int = 0
    failures: Counter = field(default_factory=Counter)
    needs_review: int = 0
    seconds: float = 0.0
    record_ids: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [f"文件 items: {self.items}  新登记 registered: {self.new}  已登记跳过 skipped: {self.skipped}"
               f"  重复件 duplicates: {self.duplicates}",
               f"页 pages: {self.pages}  OCR 页 OCR'd pages: {self.ocr_pages}"
               f"  待复核 needs_review: {self.needs_review}",
               f"失败 failures: {sum(self.failures.values())}"
               + ("  (" + ", ".join(f"{k}: {v}" for k, v in sorted(self.failures.items())) + ")"
                  if self.failures else ""),
               f"用时 time: {self.seconds:.1f} s"]
        return out


def collect(inputs: Iterable[str | Path]) -> list[Item]:
    """Every file under the given folders (recursively) and every given file, in a stable order.

    ``relpath`` is relative to the folder given; a file given by itself keeps its name.
    """
    items: list[Item] = []
    seen: set[Path] = set()
    for inp in inputs:
        p = Path(inp)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.name not in IGNORED_NAMES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            pairs = [(f, f.relative_to(p).as_posix()) for f in files]
        elif p.is_file():
            pairs = [(p, p.name)]
        else:
            raise FileNotFoundError(f"no such file or folder: {p}")
        for f, rel in pairs:
            rp = f.resolve()
            if rp in seen:
                continue
            seen.add(rp)
            items.append(Item(path=rp, relpath=rel, sha256=sha256_file(rp), size=rp.stat().st_size))
    return items


def load_plugins() -> None:
    """Import the plugin modules named in ``XINFANG_PLUGINS`` (comma-separated), in this process.

    A plugin registers OCR engines or readers through ``xinfang_nlp.read.pluginspec``; worker
    processes inherit the environment, so a site's engine (or a test's faulty one) is used there too.
    """
    import importlib
    import os
    for name in filter(None, (m.strip() for m in os.environ.get("XINFANG_PLUGINS", "").split(","))):
        importlib.import_module(name)


def _read_one(item: Item, settings: Settings) -> ReadResult:
    # imported here so worker processes import the reader (and its OCR engine) lazily
    from .read import read_file
    load_plugins()
    return read_file(item.path, item.relpath, settings, sha256=item.sha256)


def _read_pair(item: Item, settings: Settings) -> tuple[Item, ReadResult]:
    return item, _read_one(item, settings)


def _read_all(todo: list[Item], settings: Settings, jobs: int) -> Iterator[tuple[Item, ReadResult]]:
    if jobs <= 1 or len(todo) <= 1:
        for it in todo:
            yield it, _read_one(it, settings)
        return
    from joblib import Parallel, delayed
    par = Parallel(n_jobs=jobs, return_as="generator_unordered", backend="loky")
    done: set[str] = set()
    try:
        for it, rr in par(delayed(_read_pair)(it, settings) for it in todo):
            done.add(it.relpath)
            yield it, rr
    except Exception as exc:  # a reader process died (a crash in a decoder, out of memory …)
        log.warning("a reader process died (%s); reading the remaining files one at a time",
                    type(exc).__name__)
        for it in todo:
            if it.relpath not in done:
                yield it, _read_isolated(it, settings)


def _read_isolated(item: Item, settings: Settings) -> ReadResult:
    """Read one file in a process of its own, so a crash there fails that file, not the batch."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    try:
        with ProcessPoolExecutor(max_workers=1) as ex:
            return ex.submit(_read_one, item, settings).result()
    except BrokenProcessPool:
        return ReadResult(path=item.relpath, sha256=item.sha256, format="unknown",
                          error=ReadError("unreadable", "读取该文件时读取程序异常退出（文件可能损坏或经过特殊构造），"
                                                        "请人工查看原件登记 (the reader crashed on this file)"))


class Analyser:
    """The in-process stages after reading: analyse → classify → route. Loaded once per batch."""

    def __init__(self, settings: Settings):
        from .analyse import Analyzer
        from .classify import Classifier
        self.settings = settings
        self.analyzer = Analyzer(settings)
        self.classifier = Classifier.load(settings)

    def __call__(self, rr: ReadResult, received_at: dt.date, store: Store, record_id: str):
        from .route import route
        analysis = self.analyzer(rr.text)
        cls = self.classifier.classify(analysis)
        return build_record(rr, analysis, cls, received_at=received_at, settings=self.settings,
                            record_id=record_id, store=store, route=route,
                            model_version=self.classifier.version)


def process(inputs: Iterable[str | Path], db: str | Path = "register.sqlite", *,
            jobs: int = 2, force: bool = False, received_at: Optional[dt.date] = None,
            settings: Optional[Settings] = None,
            progress: Optional[Callable[[int, int], None]] = None) -> Summary:
    """Register every file of the mailbag. Returns a summary; never stops on a bad file."""
    t0 = time.perf_counter()
    settings = settings or load_settings()
    received_at = received_at or dt.date.today()
    store = Store.open(db)
    summary = Summary()
    items = collect(inputs)
    summary.items = len(items)
    known = store.known()
    todo: list[Item] = []
    for it in items:
        if (it.relpath, it.sha256) in known and not force:
            summary.skipped += 1
            summary.record_ids.append(record_id_for(it.relpath, it.sha256))
            continue
        todo.append(it)
    # the same bytes already registered under another path (or earlier in this batch): a duplicate
    first_by_sha: dict[str, Item] = {}
    originals: list[Item] = []
    dup_items: list[Item] = []
    for it in todo:
        own = store.get(record_id_for(it.relpath, it.sha256))
        if own is not None:   # re-read with --force: an original stays one, a duplicate stays one
            if own.duplicate_of:
                dup_items.append(it)
            else:
                first_by_sha.setdefault(it.sha256, it)
                originals.append(it)
            continue
        prior = store.first_with_sha(it.sha256, exclude_path=it.relpath)
        if prior is not None or it.sha256 in first_by_sha:
            dup_items.append(it)
        else:
            first_by_sha[it.sha256] = it
            originals.append(it)

    analyser = Analyser(settings) if originals else None
    done = 0
    total = len(todo)
    for it, rr in _read_all(originals, settings, jobs):
        rid = record_id_for(it.relpath, it.sha256)
        existing = store.get(rid)
        try:
            if rr.error is not None:
                rec = failed_record(rr, record_id=rid, received_at=received_at)
            elif "no_chinese" in rr.notes:
                rec = failed_record(rr, record_id=rid, received_at=received_at, code="not_chinese",
                                    message="文件中没有中文内容，无法识别为信访件，请人工查看"
                                            " (no Chinese text in this file)")
            else:
                rec = analyser(rr, received_at, store, rid)
        except Exception as exc:  # a bug in a later stage must not lose the item
            # where it failed, but not the exception's message: it may quote the letter (personal data)
            import traceback
            log.error("analysis failed for record %s (%s)\n%s", rid, type(exc).__name__,
                      "".join(traceback.format_tb(exc.__traceback__)))
            rr.error = None
            rec = failed_record(rr, record_id=rid, received_at=received_at, code="internal",
                                message=f"处理出错（{type(exc).__name__}），请人工登记并报告技术人员")
        if existing is not None and existing.status == "confirmed":
            # --force never overwrites what a clerk confirmed; keep it and note the rerun
            rec = existing
        _tally(summary, rr, rec)
        store.save(rec, audit_entries=[{"clerk": "system", "action": "reprocess"}] if existing else [])
        summary.new += 0 if existing else 1
        summary.record_ids.append(rec.record_id)
        done += 1
        if progress:
            progress(done, total)
    for it in dup_items:
        rid = record_id_for(it.relpath, it.sha256)
        first = store.first_with_sha(it.sha256, exclude_path=it.relpath)
        existing = store.get(rid)
        existed = existing is not None
        if first is None or (existing is not None and existing.status == "confirmed"):
            # nothing to copy from, or a clerk confirmed this one: keep it as it is
            if existing is not None:
                store.save(existing, audit_entries=[{"clerk": "system", "action": "reprocess"}])
        else:
            store.save(copy_as_duplicate(first, record_id=rid, path=it.relpath, received_at=received_at),
                       audit_entries=[{"clerk": "system", "action": "reprocess"}] if existed else [])
        summary.duplicates += 1
        summary.new += 0 if existed else 1
        summary.record_ids.append(rid)
        done += 1
        if progress:
            progress(done, total)
    summary.seconds = time.perf_counter() - t0
    store.close()
    return summary


def _tally(summary: Summary, rr: ReadResult, rec) -> None:
    summary.pages += len(rr.pages)
    summary.ocr_pages += rr.ocr_pages
    if rec.status == "failed" and rec.error:
        summary.failures[rec.error["code"]] += 1
    if "needs_review" in rec.flags:
        summary.needs_review += 1
