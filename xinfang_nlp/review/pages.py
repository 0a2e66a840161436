"""Original page images for the review page.

Images in the mailbag are served as they are (JPEG/PNG/WebP/GIF) or converted to PNG (TIFF, BMP,
one frame per page); a PDF page is rendered with pypdfium2 when asked for. Paths never leave the
mailbag folder.
"""
from __future__ import annotations

import io
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Optional

IMAGE_FORMATS = {"jpeg", "jpg", "png", "tiff", "tif", "bmp", "webp", "gif"}
DIRECT = {"jpeg": "image/jpeg", "jpg": "image/jpeg", "png": "image/png", "webp": "image/webp",
          "gif": "image/gif"}


def has_images(source: dict) -> bool:
    fmt = str(source.get("format") or "").lower()
    return fmt == "pdf" or fmt in IMAGE_FORMATS


def page_count(source: dict) -> int:
    return max(1, len(source.get("pages") or []))


def safe_path(mailbag: Optional[Path], rel: str) -> Optional[Path]:
    if mailbag is None or not rel:
        return None
    root = Path(mailbag).resolve()
    p = (root / rel).resolve()
    try:
        p.relative_to(root)
    except ValueError:
        return None
    return p if p.is_file() else None


class PageRenderer:
    """Renders and caches page images (a small LRU; pdfium is used under one lock)."""

    def __init__(self, mailbag: Optional[Path], dpi: int = 130, cache_size: int = 32):
        self.mailbag = Path(mailbag).resolve() if mailbag else None
        self.dpi = dpi
        self._lock = threading.Lock()
        self._cache: "OrderedDict[tuple, tuple[bytes, str]]" = OrderedDict()
        self._cache_size = cache_size

    def render(self, source: dict, number: int) -> Optional[tuple[bytes, str]]:
        """(bytes, media type) of page ``number`` (1-based), or None if it cannot be shown."""
        path = safe_path(self.mailbag, str(source.get("path") or ""))
        if path is None:
            return None
        fmt = str(source.get("format") or path.suffix.lstrip(".")).lower()
        key = (str(path), path.stat().st_mtime_ns, number)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        try:
            if fmt == "pdf":
                out = self._pdf(path, number)
            elif fmt in IMAGE_FORMATS:
                out = self._image(path, fmt, number)
            else:
                return None
        except Exception:
            return None
        if out is None:
            return None
        with self._lock:
            self._cache[key] = out
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
        return out

    def _pdf(self, path: Path, number: int) -> Optional[tuple[bytes, str]]:
        import pypdfium2 as pdfium

        with self._lock:
            pdf = pdfium.PdfDocument(str(path))
            try:
                if not 1 <= number <= len(pdf):
                    return None
                page = pdf[number - 1]
                bitmap = page.render(scale=self.dpi / 72)
                img = bitmap.to_pil()
                buf = io.BytesIO()
                img.save(buf, format="PNG", optimize=False)
                page.close()
            finally:
                pdf.close()
        return buf.getvalue(), "image/png"

    def _image(self, path: Path, fmt: str, number: int) -> Optional[tuple[bytes, str]]:
        if number == 1 and fmt in DIRECT:
            return path.read_bytes(), DIRECT[fmt]
        from PIL import Image, ImageOps

        with Image.open(path) as im:
            n = getattr(im, "n_frames", 1)
            if not 1 <= number <= n:
                return None
            im.seek(number - 1)
            frame = ImageOps.exif_transpose(im.convert("RGB") if im.mode not in ("RGB", "L") else im.copy())
            buf = io.BytesIO()
            frame.save(buf, format="PNG")
        return buf.getvalue(), "image/png"
