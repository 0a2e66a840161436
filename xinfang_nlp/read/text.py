"""Native-text formats: plain text in any encoding Chinese senders use, and Word .docx."""
from __future__ import annotations

import codecs
import re
import zipfile
from pathlib import Path
from typing import Iterator, Optional

from ..types import Page
from .detect import cjk_count
from .errors import read_error
from .pluginspec import ReadContext

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_CHINESE_ENCODINGS = {"gb2312", "gbk", "gb18030", "hz", "big5", "big5hkscs", "cp950", "cp936",
                      "euc_tw", "iso2022_cn"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")


# ------------------------------------------------------------------ encodings
def _bom(data: bytes) -> Optional[tuple[str, int]]:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> Optional[str]:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd = sample[1::2].count(0) / max(1, len(sample[1::2]))
    # ASCII-heavy UTF-16 has NULs in every other byte; CJK UTF-16 has none, so try a strict decode
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    if b"\x00" not in sample and len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                t = data.decode(enc)
            except UnicodeDecodeError:
                continue
            # mostly CJK and common punctuation, with line breaks: real UTF-16 Chinese
            if cjk_count(t) > 0.6 * len(t) and ("\n" in t or len(t) < 200):
                return enc
    return None


def looks_like_text(head: bytes) -> bool:
    """Could these first bytes be a text file (any of our encodings)?"""
    if not head:
        return False
    if _bom(head):
        return True
    if _utf16_without_bom(head):
        return True
    if b"\x00" in head:
        return False
    sample = head[:8192]
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            t = sample.decode(enc)
        except UnicodeDecodeError as e:
            # the sample may end mid-character
            if e.start < len(sample) - 4:
                continue
            t = sample[:e.start].decode(enc, errors="replace")
        printable = sum(1 for c in t if c.isprintable() or c in "\r\n\t")
        if t and printable / len(t) > 0.95:
            return True
    return False


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding). BOMs first, then strict UTF-8, UTF-16 without BOM, then charset-normalizer
    checked against GB18030 (the superset of GB2312/GBK) so Chinese never turns into mojibake."""
    b = _bom(data)
    if b:
        enc, n = b
        return data[n:].decode(enc, errors="replace"), enc + "-bom" if enc == "utf-8" else enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    enc16 = _utf16_without_bom(data)
    if enc16:
        return data.decode(enc16, errors="replace"), enc16
    gb: Optional[str]
    try:
        gb = data.decode("gb18030")
    except UnicodeDecodeError:
        gb = None
    guess = None
    try:
        from charset_normalizer import from_bytes
        best = from_bytes(data).best()
        if best is not None:
            guess = best.encoding
    except Exception:  # pragma: no cover - charset-normalizer is defensive already
        guess = None
    if guess and guess.lower().replace("-", "_") in _CHINESE_ENCODINGS:
        enc = "gb18030" if guess.lower() in ("gb2312", "gbk", "cp936") else guess
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            pass
    if gb is not None and cjk_count(gb) >= max(1, 0.3 * sum(1 for c in gb if ord(c) > 127)):
        return gb, "gb18030"
    if guess:
        try:
            return data.decode(guess), guess
        except (UnicodeDecodeError, LookupError):
            pass
    if gb is not None:
        return gb, "gb18030"
    return data.decode("gb18030", errors="replace"), "gb18030"


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    lines = [ln.rstrip() for ln in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def read_txt(path: Path, ctx: ReadContext) -> list[Page]:
    with open(path, "rb") as fh:
        data = fh.read()
    text, enc = decode_text(data)
    if text.count("\ufffd") > max(3, 0.01 * len(text)):
        ctx.notes.append("encoding_uncertain")
    return [Page(number=1, text=clean_text(text), method="text", confidence=None)]


# ------------------------------------------------------------------ docx
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _para_text(p_el) -> str:
    """Text of a w:p, including text boxes and fields inside its runs, tabs and breaks."""
    parts: list[str] = []
    for el in p_el.iter():
        tag = el.tag
        if tag == _W + "t":
            parts.append(el.text or "")
        elif tag == _W + "tab":
            parts.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
        elif tag == _W + "p" and el is not p_el:
            parts.append("\n")  # a paragraph inside a text box
    return "".join(parts).strip()


def _block_texts(container) -> Iterator[str]:
    """Paragraphs and tables of a body/header/footer/cell element, in document order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            t = _para_text(child)
            if t:
                yield t
        elif tag == _W + "tbl":
            yield from _table_texts(child)
        elif tag == _W + "sdt":  # content controls wrap blocks
            content = child.find(_W + "sdtContent")
            if content is not None:
                yield from _block_texts(content)


def _table_texts(tbl) -> Iterator[str]:
    """One line per table row, cells separated by a space; merged cells appear once."""
    for tr in tbl.iterchildren(_W + "tr"):
        cells: list[str] = []
        for tc in tr.iterchildren(_W + "tc"):
            t = "\n".join(_block_texts(tc)).replace("\n", " ").strip()
            if t and (not cells or cells[-1] != t):
                cells.append(t)
        if cells:
            yield " ".join(cells)


def read_docx(path: Path, ctx: ReadContext) -> list[Page]:
    try:
        import docx  # python-docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover
        raise RuntimeError("python-docx missing") from exc
    try:
        with open(path, "rb") as fh:
            document = docx.Document(fh)
    except zipfile.BadZipFile:
        with open(path, "rb") as fh:
            fh.seek(max(0, ctx.size - 22 - 65536))
            tail = fh.read()
        raise read_error("corrupt" if b"PK\x05\x06" in tail else "truncated") from None
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise read_error("corrupt") from exc
    except Exception as exc:  # lxml errors on damaged XML parts, zlib errors …
        if "Error -3" in str(exc) or "CRC" in str(exc) or "zlib" in str(exc).lower():
            raise read_error("corrupt") from exc
        raise read_error("corrupt") from exc
    seen: set[int] = set()
    head_lines: list[str] = []
    foot_lines: list[str] = []
    for section in document.sections:
        for attr, bucket in (("first_page_header", head_lines), ("header", head_lines),
                             ("even_page_header", head_lines), ("first_page_footer", foot_lines),
                             ("footer", foot_lines), ("even_page_footer", foot_lines)):
            try:
                part = getattr(section, attr)
                if part.is_linked_to_previous and attr in ("header", "footer") and seen:
                    continue
                el = part._element
            except Exception:
                continue
            if id(el) in seen:
                continue
            seen.add(id(el))
            for t in _block_texts(el):
                if t not in bucket:
                    bucket.append(t)
    body = list(_block_texts(document.element.body))
    text = "\n".join(head_lines + body + foot_lines)
    return [Page(number=1, text=clean_text(text), method="text", confidence=None)]
