"""PDF: each page's text layer (pdfplumber) when it really holds Chinese text, otherwise the page is
rendered (pypdfium2, ``settings.render_dpi``) and OCR'd. Scanned, text and mixed PDFs alike."""
from __future__ import annotations

import logging
import re
from pathlib import Path

from ..types import Page
from .detect import cjk_count
from .errors import read_error
from .layout import order_text
from .ocrpage import ocr_image
from .pluginspec import OcrLine, ReadContext

log = logging.getLogger("xinfang.read")

_CID = re.compile(r"\(cid:\d+\)")
_PUA = re.compile(r"[\ue000-\uf8ff]")
_CJK_PAIR_SPACE = re.compile(r"(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) +(?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])")


def layer_quality(text: str) -> str:
    """``good`` (real Chinese text), ``bad`` (cid codes, U+FFFD, private-use glyphs, nothing) or
    ``foreign`` (readable characters but no Chinese: maybe real, maybe a broken font map)."""
    s = re.sub(r"\s", "", text)
    if not s:
        return "bad"
    n_bad = len(_CID.findall(text)) * 6 + s.count("\ufffd") + len(_PUA.findall(s))
    if n_bad / len(s) > 0.02:
        return "bad"
    if cjk_count(s) == 0:
        return "foreign"
    return "good"


def _plumber_text(page) -> str:
    """Text lines of a pdfplumber page, put through the same reading-order/paragraph rules as OCR."""
    try:
        raw = page.extract_text_lines(return_chars=False, strip=True)
    except Exception:
        raw = None
    if not raw:
        return ""
    lines = [OcrLine(text=_CJK_PAIR_SPACE.sub("", ln["text"]), confidence=1.0,
                     box=(float(ln["x0"]), float(ln["top"]), float(ln["x1"]), float(ln["bottom"])))
             for ln in raw if ln.get("text", "").strip()]
    return order_text(lines)


def _image_coverage(page) -> float:
    try:
        area = float(page.width) * float(page.height)
        covered = sum(max(0.0, float(im["x1"]) - float(im["x0"])) * max(0.0, float(im["bottom"]) - float(im["top"]))
                      for im in page.images)
        return min(1.0, covered / area) if area else 0.0
    except Exception:
        return 0.0


def _render(pdf_page, ctx: ReadContext):
    """Render at render_dpi, scaled down if that would exceed max_image_pixels (an absurd page size)."""
    w_pt, h_pt = pdf_page.get_size()
    scale = ctx.settings.render_dpi / 72.0
    px = w_pt * scale * h_pt * scale
    if px > ctx.settings.max_image_pixels:
        scale *= (ctx.settings.max_image_pixels / px) ** 0.5
    bitmap = pdf_page.render(scale=scale, grayscale=False)
    try:
        return bitmap.to_pil().convert("RGB")
    finally:
        bitmap.close()


def _open_pdfium(path: Path, ctx: ReadContext):
    import pypdfium2 as pdfium
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg or "security" in msg:
            raise read_error("encrypted") from None
        with open(path, "rb") as fh:
            fh.seek(max(0, ctx.size - 2048))
            tail = fh.read()
        if b"%%EOF" not in tail:
            raise read_error("truncated") from None
        raise read_error("corrupt") from None


def read_pdf(path: Path, ctx: ReadContext) -> list[Page]:
    doc = _open_pdfium(path, ctx)
    try:
        n = len(doc)
        if n == 0:
            raise read_error("corrupt")
        if n > ctx.settings.max_pages:
            raise read_error("too_large", f"{n} 页，上限 {ctx.settings.max_pages} 页",
                             f"{n} pages, limit {ctx.settings.max_pages}")
        plumber = _open_plumber(path)
        pages: list[Page] = []
        try:
            for i in range(n):
                pages.append(_read_page(doc, plumber, i, ctx))
        finally:
            if plumber is not None:
                plumber.close()
        return pages
    finally:
        doc.close()


def _open_plumber(path: Path):
    try:
        import pdfplumber
        return pdfplumber.open(str(path))
    except Exception:  # pdfium repaired what pdfminer cannot parse: fall back to pdfium's text
        return None


def _pdfium_text(doc, i: int) -> str:
    try:
        page = doc[i]
        tp = page.get_textpage()
        try:
            return tp.get_text_bounded() or ""
        finally:
            tp.close()
            page.close()
    except Exception:
        return ""


def _read_page(doc, plumber, i: int, ctx: ReadContext) -> Page:
    number = i + 1
    text = ""
    coverage = 0.0
    if plumber is not None:
        try:
            ppage = plumber.pages[i]
            text = _plumber_text(ppage)
            coverage = _image_coverage(ppage) if len(re.sub(r"\s", "", text)) < 50 else 0.0
            ppage.close()
        except Exception:
            text = _pdfium_text(doc, i)
    else:
        text = _pdfium_text(doc, i)
    quality = layer_quality(text)
    if quality == "good" and coverage < 0.3:
        return Page(number=number, text=text, method="text", confidence=None)
    # no usable layer (or a thin one over a big picture): render and OCR
    try:
        pdf_page = doc[i]
        try:
            img = _render(pdf_page, ctx)
        finally:
            pdf_page.close()
    except Exception as exc:
        log.warning("could not render page %d: %s", number, type(exc).__name__)
        if quality != "bad":
            return Page(number=number, text=text, method="text", confidence=None)
        raise read_error("corrupt") from None
    ocr = ocr_image(img, number, ctx)
    if quality == "bad":
        return ocr
    # a layer exists but is foreign or thin: keep whichever holds more Chinese
    if cjk_count(ocr.text) > max(4, cjk_count(text)) and (ocr.confidence or 0) >= 0.5:
        return ocr
    return Page(number=number, text=text, method="text", confidence=None)
