"""Image files (JPEG, PNG, TIFF incl. multi-page, BMP, WebP, GIF) via Pillow, EXIF orientation honoured."""
from __future__ import annotations

import warnings
from pathlib import Path

from ..types import Page
from .errors import read_error
from .ocrpage import ocr_image
from .pluginspec import ReadContext


def read_image(path: Path, ctx: ReadContext) -> list[Page]:
    from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError
    limit = int(ctx.settings.max_image_pixels)
    old_limit = Image.MAX_IMAGE_PIXELS
    Image.MAX_IMAGE_PIXELS = limit
    pages: list[Page] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                im = Image.open(path)  # read-only; the original is never written
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise read_error("too_large", f"图像超过 {limit:,} 像素", f"image over {limit:,} pixels") from None
            except UnidentifiedImageError:
                raise read_error("corrupt") from None
            except ValueError as exc:  # e.g. PNG text chunk decompression bomb
                if "Decompressed" in str(exc) or "too large" in str(exc).lower():
                    raise read_error("too_large", "图像数据过大", "image data too large") from None
                raise read_error("corrupt") from None
            except (OSError, EOFError, SyntaxError):
                raise read_error("corrupt") from None
            with im:
                n_frames = getattr(im, "n_frames", 1) or 1
                if n_frames > ctx.settings.max_pages:
                    raise read_error("too_large", f"{n_frames} 页，上限 {ctx.settings.max_pages} 页",
                                     f"{n_frames} pages, limit {ctx.settings.max_pages}")
                if ctx.format == "gif":
                    n_frames = 1  # an animated GIF is one picture, not pages
                for i, frame in enumerate(ImageSequence.Iterator(im)):
                    if i >= n_frames:
                        break
                    w, h = frame.size
                    if w * h > limit:
                        raise read_error("too_large", f"图像超过 {limit:,} 像素",
                                         f"image over {limit:,} pixels")
                    try:
                        frame.load()
                        page_img = ImageOps.exif_transpose(frame.copy()) or frame.copy()
                    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                        raise read_error("too_large", f"图像超过 {limit:,} 像素",
                                         f"image over {limit:,} pixels") from None
                    except OSError as exc:
                        msg = str(exc).lower()
                        if "truncated" in msg or "broken data stream" in msg or "premature" in msg:
                            raise read_error("truncated") from None
                        raise read_error("corrupt") from None
                    except (EOFError, SyntaxError, ValueError, IndexError):
                        raise read_error("truncated") from None
                    pages.append(ocr_image(page_img, i + 1, ctx))
    finally:
        Image.MAX_IMAGE_PIXELS = old_limit
    return pages
