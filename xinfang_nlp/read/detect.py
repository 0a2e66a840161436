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
    """An OLE compound file: a legacy .doc/.xls, or an encrypted OOXML (.docx with a password:
    a compound file holding ``EncryptionInfo`` and ``EncryptedPackage`` streams)."""
    names = cfb_stream_names(path)
    if not names:  # a damaged container: look for the directory entries' names in the first MiB
        with open(path, "rb") as fh:
            data = fh.read(1 << 20)
        names = {n for n in ("EncryptedPackage", "EncryptionInfo", "WordDocument") if n.encode("utf-16-le") in data}
    if names & {"EncryptedPackage", "EncryptionInfo"}:
        return "ooxml-encrypted"
    if "WordDocument" in names:
        return "doc"
    return "ole"


_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENDOFCHAIN = 0xFFFFFFFE


def cfb_stream_names(path: Path, max_sectors: int = 4096) -> set[str]:
    """Names in a compound file's directory (streams and storages), found by following the
    directory's sector chain through the FAT, wherever in the file it lies (Word writes it last).
    An empty set when the header or a chain is damaged."""
    import struct
    try:
        with open(path, "rb") as fh:
            hdr = fh.read(512)
            if len(hdr) < 512 or not hdr.startswith(_CFB_MAGIC):
                return set()
            shift = struct.unpack_from("<H", hdr, 0x1E)[0]
            if shift not in (9, 12):
                return set()
            ss = 1 << shift
            per = ss // 4
            first_dir = struct.unpack_from("<I", hdr, 0x30)[0]
            first_difat, n_difat = struct.unpack_from("<II", hdr, 0x44)
            fat_sectors = [x for x in struct.unpack_from("<109I", hdr, 0x4C) if x < _ENDOFCHAIN]
            sec, seen = first_difat, set()
            while sec < _ENDOFCHAIN and len(seen) < min(n_difat, max_sectors) and sec not in seen:
                seen.add(sec)
                fh.seek((sec + 1) * ss)
                block = fh.read(ss)
                if len(block) < ss:
                    return set()
                entries = struct.unpack(f"<{per}I", block)
                fat_sectors += [x for x in entries[:-1] if x < _ENDOFCHAIN]
                sec = entries[-1]

            def next_sector(n: int) -> int:
                i, j = divmod(n, per)
                if i >= len(fat_sectors):
                    return _ENDOFCHAIN
                fh.seek((fat_sectors[i] + 1) * ss + 4 * j)
                b = fh.read(4)
                return struct.unpack("<I", b)[0] if len(b) == 4 else _ENDOFCHAIN

            names: set[str] = set()
            sec, seen = first_dir, set()
            while sec < _ENDOFCHAIN and sec not in seen and len(seen) < max_sectors:
                seen.add(sec)
                fh.seek((sec + 1) * ss)
                block = fh.read(ss)
                if len(block) < ss:
                    return set()
                for off in range(0, ss, 128):
                    n_len = struct.unpack_from("<H", block, off + 64)[0]
                    if 2 <= n_len <= 64 and block[off + 66] in (1, 2, 5):  # storage, stream, root
                        names.add(block[off:off + n_len - 2].decode("utf-16-le", "replace"))
                sec = next_sector(sec)
            return names
    except (OSError, struct.error):
        return set()


_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ebef]")


def cjk_count(text: str) -> int:
    return len(_CJK.findall(text))
