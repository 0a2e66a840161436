"""One page image → a Page: normalise the image, skip blank pages, OCR, reading order, confidence."""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from ..types import Page
from .layout import fullwidth_punct, mean_confidence, order_text
from .pluginspec import OcrLine, ReadContext

if TYPE_CHECKING:  # pragma: no cover
    from PIL import Image

log = logging.getLogger("xinfang.read")

#: longest side we hand to the engine (A4 at 300 dpi); phone photos are larger than needed
MAX_OCR_SIDE = 3508
#: images smaller than this are upscaled so small print reaches the recogniser's 48 px lines
MIN_OCR_SIDE = 1000


def to_rgb(img: "Image.Image") -> "Image.Image":
    from PIL import Image
    if img.mode in ("RGBA", "LA", "PA") or (img.mode == "P" and "transparency" in img.info):
        rgba = img.convert("RGBA")
        bg = Image.new("RGB", rgba.size, (255, 255, 255))
        bg.paste(rgba, mask=rgba.getchannel("A"))
        return bg
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        import numpy as np
        arr = np.asarray(img, dtype="float32")
        lo, hi = float(arr.min()), float(arr.max())
        arr = (arr - lo) * (255.0 / max(1.0, hi - lo))
        return Image.fromarray(arr.astype("uint8")).convert("RGB")
    if img.mode != "RGB":
        return img.convert("RGB")
    return img


def fit_for_ocr(img: "Image.Image") -> "Image.Image":
    from PIL import Image
    w, h = img.size
    side = max(w, h)
    if side > MAX_OCR_SIDE:
        s = MAX_OCR_SIDE / side
        img = img.resize((max(1, round(w * s)), max(1, round(h * s))), Image.Resampling.LANCZOS)
    elif side < MIN_OCR_SIDE:
        s = min(3.0, MIN_OCR_SIDE / side)
        img = img.resize((max(1, round(w * s)), max(1, round(h * s))), Image.Resampling.BICUBIC)
    return img


def is_blank(img: "Image.Image") -> bool:
    """No ink at all: a white (or uniformly grey) page, scanner speckle averaged away."""
    # averaged down to at most 800 px a side by a whole factor (a box filter: 1 ms, where a
    # thumbnail's resampling took 22 ms of a 200-dpi page)
    factor = -(-max(img.size) // 800)
    g = (img.reduce(factor) if factor > 1 else img).convert("L")
    lo, hi = g.getextrema()
    if hi - lo < 40:
        return True
    # ink shows as edges; scanner noise is averaged away by the thumbnail. Conservative: a false
    # "blank" loses a page, a false "not blank" only costs one OCR call.
    from PIL import ImageFilter
    edges = g.filter(ImageFilter.FIND_EDGES).histogram()
    strong = sum(edges[60:])
    return strong < 0.0003 * (g.size[0] * g.size[1])


#: a page whose detected lines are mostly at least this much taller than wide lies on its side
SIDEWAYS_RATIO = 1.5
#: below this mean confidence an upright-looking page is also read turned 180°
UPSIDE_DOWN_CONF = 0.75


def kept(lines: list[OcrLine], engine=None) -> list[OcrLine]:
    """The lines that make the page's text: those read with at least the engine's
    ``min_line_confidence`` (an optional engine attribute; RapidOCR's is 0.5, by default none is
    dropped). The engine hands back every line it read, so that the poorly read ones still count
    as boxes when deciding whether the page lies on its side."""
    floor = float(getattr(engine, "min_line_confidence", 0.0) or 0.0)
    return [ln for ln in lines if ln.confidence >= floor] if floor else list(lines)


def _run_engine(engine, img: "Image.Image") -> list[OcrLine]:
    lines = engine.ocr(img)
    if lines is None:
        lines = []
    lines = [ln if isinstance(ln, OcrLine) else OcrLine(*ln) for ln in lines]
    for ln in lines:
        if not isinstance(ln.text, str):
            raise TypeError("engine returned a non-text line")
        ln.confidence = float(ln.confidence)
    return lines


def is_sideways(lines: list[OcrLine]) -> bool:
    """Most lines run top-to-bottom: a horizontal-text page turned 90° or 270° (no EXIF tag said
    so). Single characters are about square, so an upright page has few such boxes. Every box the
    engine read counts, however poorly read: a sideways page's lines are read poorly, and counting
    only the confident ones let chance decide (bf16 and f32 runs of one page disagreed)."""
    boxes = [ln.box for ln in lines if ln.text.strip()]
    tall = sum(1 for x0, y0, x1, y1 in boxes if (y1 - y0) > SIDEWAYS_RATIO * max(1.0, x1 - x0))
    return tall >= 2 and tall >= 0.6 * len(boxes)


#: a reading whose lines run top-to-bottom must beat a turned reading by this much to be kept: an
#: engine may read a sideways page's line crops well (high confidence) in the wrong line order,
#: while a page really written in vertical columns read well stays as it is
SIDEWAYS_PENALTY = 0.1


def _score(lines: list[OcrLine], engine=None) -> float:
    conf = mean_confidence(kept(lines, engine))
    if conf is None:
        return 0.0
    return conf - SIDEWAYS_PENALTY if is_sideways(lines) else conf


def upright_lines(engine, img: "Image.Image", lines: list[OcrLine]) -> tuple[list[OcrLine], int]:
    """``lines`` of ``img`` as read, or, for a page lying on its side (or, when poorly read,
    upside down), the lines of the turn that reads best, and that turn (degrees counter-clockwise).

    An upright page costs nothing here beyond looking at its boxes. A sideways page is read once
    or twice more: first turned the way the first reading suggests (an engine that turns tall line
    crops a quarter counter-clockwise reads a page lying clockwise with high confidence already),
    then the other way unless the first turn read well. ``lines`` are all the engine read, before
    ``kept``."""
    conf = mean_confidence(kept(lines, engine))
    if is_sideways(lines):
        turns = (90, 270) if (conf or 0.0) >= 0.85 else (270, 90)
    elif conf is not None and conf < UPSIDE_DOWN_CONF:
        turns = (180,)
    else:
        return lines, 0
    best, best_turn, best_score = lines, 0, _score(lines, engine)
    for turn in turns:
        cand = _run_engine(engine, img.rotate(turn, expand=True))
        score = _score(cand, engine)
        if score > best_score + (0.05 if turn == 180 else 0.0):
            best, best_turn, best_score = cand, turn, score
        if best_turn and best_score >= 0.85:
            break
    if best_turn:
        log.debug("page read turned %d° counter-clockwise", best_turn)
    return best, best_turn


def trim_heap() -> None:
    """Hand the memory freed by a page's OCR back to the operating system (glibc keeps it, and
    fragments it, otherwise: a reader process held 400 MB after 32 pages with onnxruntime, 160 MB
    with this after each page). Nothing on a C library other than glibc."""
    global _LIBC
    if _LIBC is None:
        import ctypes
        import ctypes.util
        try:
            _LIBC = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            _LIBC.malloc_trim  # noqa: B018 - glibc only
        except (OSError, AttributeError):
            _LIBC = False
    if _LIBC:
        _LIBC.malloc_trim(0)


_LIBC = None


def ocr_image(img: "Image.Image", number: int, ctx: ReadContext) -> Page:
    """OCR one page image. An engine failure gives an empty page with confidence 0 and a note;
    the caller decides whether the whole file failed."""
    img = fit_for_ocr(to_rgb(img))
    if is_blank(img):
        return Page(number=number, text="", method="ocr", confidence=None)
    try:
        engine = ctx.engine()
        lines = _run_engine(engine, img)
        lines, _ = upright_lines(engine, img, lines)
        lines = kept(lines, engine)
    except Exception as exc:  # a faulty engine must not lose the file
        log.warning("OCR failed on page %d: %s", number, type(exc).__name__)
        if "ocr_failed" not in ctx.notes:
            ctx.notes.append("ocr_failed")
        return Page(number=number, text="", method="ocr", confidence=0.0)
    finally:
        trim_heap()
    text = fullwidth_punct(order_text(lines))
    conf = mean_confidence(lines)
    return Page(number=number, text=text, method="ocr",
                confidence=round(conf, 4) if conf is not None else 0.0)
