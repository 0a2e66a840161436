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
    g = img.convert("L")
    g.thumbnail((800, 800))
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
    so). Single characters are about square, so an upright page has few such boxes."""
    boxes = [ln.box for ln in lines if ln.text.strip()]
    tall = sum(1 for x0, y0, x1, y1 in boxes if (y1 - y0) > SIDEWAYS_RATIO * max(1.0, x1 - x0))
    return tall >= 2 and tall >= 0.6 * len(boxes)


#: a reading whose lines run top-to-bottom must beat a turned reading by this much to be kept: an
#: engine may read a sideways page's line crops well (high confidence) in the wrong line order,
#: while a page really written in vertical columns read well stays as it is
SIDEWAYS_PENALTY = 0.1


def _score(lines: list[OcrLine]) -> float:
    conf = mean_confidence(lines)
    if conf is None:
        return 0.0
    return conf - SIDEWAYS_PENALTY if is_sideways(lines) else conf


def upright_lines(engine, img: "Image.Image", lines: list[OcrLine]) -> tuple[list[OcrLine], int]:
    """``lines`` of ``img`` as read, or, for a page lying on its side (or, when poorly read,
    upside down), the lines of the turn that reads best, and that turn (degrees counter-clockwise).

    An upright page costs nothing here beyond looking at its boxes. A sideways page is read once
    or twice more: first turned the way the first reading suggests (an engine that turns tall line
    crops a quarter counter-clockwise reads a page lying clockwise with high confidence already),
    then the other way unless the first turn read well."""
    conf = mean_confidence(lines)
    if is_sideways(lines):
        turns = (90, 270) if (conf or 0.0) >= 0.85 else (270, 90)
    elif conf is not None and conf < UPSIDE_DOWN_CONF:
        turns = (180,)
    else:
        return lines, 0
    best, best_turn, best_score = lines, 0, _score(lines)
    for turn in turns:
        cand = _run_engine(engine, img.rotate(turn, expand=True))
        score = _score(cand)
        if score > best_score + (0.05 if turn == 180 else 0.0):
            best, best_turn, best_score = cand, turn, score
        if best_turn and best_score >= 0.85:
            break
    if best_turn:
        log.debug("page read turned %d° counter-clockwise", best_turn)
    return best, best_turn


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
    except Exception as exc:  # a faulty engine must not lose the file
        log.warning("OCR failed on page %d: %s", number, type(exc).__name__)
        if "ocr_failed" not in ctx.notes:
            ctx.notes.append("ocr_failed")
        return Page(number=number, text="", method="ocr", confidence=0.0)
    text = fullwidth_punct(order_text(lines))
    conf = mean_confidence(lines)
    return Page(number=number, text=text, method="ocr",
                confidence=round(conf, 4) if conf is not None else 0.0)
