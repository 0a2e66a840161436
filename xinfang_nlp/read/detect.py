"""Which format a file really is, from its bytes (never its extension)."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

#: formats we read; anything else is ``unsupported``
IMAGE_FORMATS = ("jpeg", "png", "tiff", "bmp", "webp", "gif")
_MIME_TO_FORMAT = {"image/jpeg": "jpeg", "image/png": "png", "image/tiff": "tiff",
                   "image/bmp": "bmp", "image/x-ms-bmp": "bmp", "image/webp": "webp",
                   "image/gif": "gif"}


def detect_format(path: Path, head: bytes) -> str:
    """``txt | docx | pdf | jpeg | png | tiff | bmp | webp | gif`` or a name we do not read
    (``doc``, ``ooxml-encrypted``, ``zip``, ``rtf``, ``heic`` …, ``unknown``)."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(path, head)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return _ole_kind(path)
    if head.startswith(b"{\\rtf"):
        return "rtf"
    import filetype
    kind = filetype.guess(head)
    if kind is not None:
        fmt = _MIME_TO_FORMAT.get(kind.mime)
        if fmt:
            return fmt
        return kind.extension or "unknown"
    # BMP variants filetype may miss
    if head[:2] == b"BM" and len(head) > 26:
        return "bmp"
    from .text import looks_like_text
    if looks_like_text(head):
        return "txt"
    return "unknown"


def _zip_kind(path: Path, head: bytes) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        # unreadable central directory (truncated/damaged): judge by the local headers we can see
        return "docx" if (b"word/" in head or b"[Content_Types].xml" in head) else "zip"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "ppt/presentation.xml" in names:
        return "pptx"
    if "mimetype" in names and any(n.startswith("META-INF") for n in names):
        return "odf"
    return "zip"


def _ole_kind(path: Path) -> str:
    """An OLE compound file: a legacy .doc/.xls, or an encrypted OOXML (.docx with a password)."""
    with open(path, "rb") as fh:
        data = fh.read(1 << 20)
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return "ooxml-encrypted"
    if "WordDocument".encode("utf-16-le") in data:
        return "doc"
    return "ole"


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))
