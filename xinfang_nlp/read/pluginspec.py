"""The swappable parts of reading, declared once (the shape of OCRmyPDF's ``pluginspec``).

Two kinds of plugin:

* **OCR engines** — anything with ``name`` and ``ocr(image) -> list[OcrLine]`` (lines in any
  order; the reader puts them in reading order). Registered by name with :func:`register_engine`;
  ``settings.ocr_engine`` picks one. One instance per process, created lazily on the first OCR'd
  page and cached (:func:`get_engine`). Tests swap in a fake or faulty engine with
  :func:`use_engine` (a context manager) or :func:`set_engine`.
* **readers** — one per detected format (``txt``, ``docx``, ``pdf``, ``jpeg`` …): a function
  ``reader(path, ctx) -> list[Page]`` that may raise :class:`~xinfang_nlp.types.ReadError`;
  registered with :func:`register_reader`. ``read_file`` catches everything else.

Built-in plugins: ``ocr_rapid`` (RapidOCR + onnxruntime, the default), ``ocr_paddle`` (optional,
a site's local PaddleOCR models), and the readers in ``formats``.
"""
from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, Optional, Protocol, runtime_checkable

if TYPE_CHECKING:  # pragma: no cover
    from PIL import Image

    from ..settings import Settings
    from ..types import Page


# ------------------------------------------------------------------ OCR engines
@dataclass
class OcrLine:
    """One recognised line: its text, confidence 0..1 and axis-aligned box (x0, y0, x1, y1) px."""
    text: str
    confidence: float
    box: tuple[float, float, float, float]


@runtime_checkable
class OcrEngine(Protocol):
    name: str

    def ocr(self, image: "Image.Image") -> list[OcrLine]:
        """Recognise the text lines of one page image (RGB PIL image)."""
        ...


EngineFactory = Callable[["Settings"], OcrEngine]

_ENGINE_FACTORIES: dict[str, EngineFactory] = {}
_ENGINE_CACHE: dict[tuple, OcrEngine] = {}
_OVERRIDE: list[OcrEngine] = []
_LOCK = threading.Lock()


def register_engine(name: str, factory: EngineFactory) -> None:
    """Make an OCR engine available as ``settings.ocr_engine = name``."""
    _ENGINE_FACTORIES[name] = factory


def engine_names() -> list[str]:
    _load_builtins()
    return sorted(_ENGINE_FACTORIES)


def threads_per_worker() -> int:
    """Inference threads for one worker process: the cores shared by the workers running at once.

    ``XINFANG_OCR_THREADS`` if set (the benchmark sets it); else ``OMP_NUM_THREADS``, which joblib's
    loky backend sets to cores // n_jobs in the pipeline's workers; else every core, since a single
    process has the machine to itself.
    """
    for var in ("XINFANG_OCR_THREADS", "OMP_NUM_THREADS"):
        env = os.environ.get(var, "").strip()
        if env.isdigit() and int(env) > 0:
            return int(env)
    return max(1, os.cpu_count() or 1)


def get_engine(settings: "Settings") -> OcrEngine:
    """The process's OCR engine for these settings (created on first use, then cached)."""
    if _OVERRIDE:
        return _OVERRIDE[-1]
    _load_builtins()
    key = (settings.ocr_engine, settings.ocr_runtime, settings.ocr_det_side, str(settings.models_dir),
           threads_per_worker())
    eng = _ENGINE_CACHE.get(key)
    if eng is None:
        with _LOCK:
            eng = _ENGINE_CACHE.get(key)
            if eng is None:
                try:
                    factory = _ENGINE_FACTORIES[settings.ocr_engine]
                except KeyError:
                    raise ValueError(f"unknown OCR engine {settings.ocr_engine!r}; "
                                     f"known: {', '.join(sorted(_ENGINE_FACTORIES))}") from None
                eng = factory(settings)
                _ENGINE_CACHE[key] = eng
    return eng


def set_engine(engine: Optional[OcrEngine]) -> None:
    """Force every read in this process to use ``engine`` (``None`` restores the registry)."""
    _OVERRIDE.clear()
    if engine is not None:
        _OVERRIDE.append(engine)


@contextlib.contextmanager
def use_engine(engine: OcrEngine) -> Iterator[OcrEngine]:
    """``with use_engine(FakeEngine()): read_file(...)`` — the test hook."""
    _OVERRIDE.append(engine)
    try:
        yield engine
    finally:
        _OVERRIDE.remove(engine)


def clear_engine_cache() -> None:
    _ENGINE_CACHE.clear()


# ------------------------------------------------------------------ readers
@dataclass
class ReadContext:
    """What a reader gets besides the path."""
    settings: "Settings"
    format: str
    size: int
    head: bytes = b""                              # the first bytes of the file
    notes: list[str] = field(default_factory=list)  # warnings for the record (no PII)

    def engine(self) -> OcrEngine:
        return get_engine(self.settings)


Reader = Callable[[Path, ReadContext], "list[Page]"]
_READERS: dict[str, Reader] = {}


def register_reader(fmt: str, reader: Reader) -> None:
    _READERS[fmt] = reader


def get_reader(fmt: str) -> Optional[Reader]:
    _load_builtins()
    return _READERS.get(fmt)


_BUILTINS_LOADED = False


def _load_builtins() -> None:
    global _BUILTINS_LOADED
    if _BUILTINS_LOADED:
        return
    _BUILTINS_LOADED = True
    from . import formats, ocr_paddle, ocr_rapid  # noqa: F401  (they register themselves)
    formats.register()
    ocr_rapid.register()
    ocr_paddle.register()
