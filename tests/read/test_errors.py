"""Every bad input gives a code and a fixed bilingual message; read_file never raises."""
from __future__ import annotations

import re

import pytest

from xinfang_nlp.read import read_file

from dataclasses import replace as with_


def check(rr, code):
    assert rr.error is not None, rr.text[:80]
    assert rr.error.code == code
    msg = rr.error.message
    assert re.search(r"[\u4e00-\u9fff]", msg) and re.search(r"[A-Za-z]{4}", msg)  # Chinese + English
    for pii in ("王建国", "吴桂香", "赵秀兰", "1390531", "鲁0117"):
        assert pii not in msg


@pytest.mark.parametrize("name,code", [
    ("empty.txt", "empty"),
    ("encrypted.pdf", "encrypted"),
    ("encrypted.docx", "encrypted"),          # a real password-protected .docx (Agile encryption)
    ("encrypted_damaged.docx", "encrypted"),  # its directory cannot be walked: names in the first MiB
    ("corrupt.pdf", "corrupt"),
    ("corrupt.png", "corrupt"),
    ("truncated.jpg", "truncated"),
    ("bomb.png", "too_large"),
    ("legacy.doc", "unsupported"),
    ("audio.mp3", "unsupported"),
    ("binary.bin", "unsupported"),
])
def test_bad_inputs(fix, settings, name, code):
    check(read_file(fix / name, name, settings), code)


def test_truncated_pdf(fix, settings, fake_engine):
    rr = read_file(fix / "truncated.pdf", "truncated.pdf", settings)
    # pdfium may salvage part of a cut PDF; if it cannot, the file is reported truncated
    if rr.error is not None:
        assert rr.error.code in ("truncated", "corrupt")


def test_huge_file_refused_before_reading(fix, settings):
    check(read_file(fix / "gbk.txt", "gbk.txt", with_(settings, max_file_bytes=10)), "too_large")


def test_too_many_pages(fix, settings, fake_engine):
    check(read_file(fix / "two_pages.tif", "two_pages.tif", with_(settings, max_pages=1)), "too_large")
    check(read_file(fix / "mixed.pdf", "mixed.pdf", with_(settings, max_pages=1)), "too_large")
    assert fake_engine.images == []


def test_pixel_limit_from_settings(fix, settings, fake_engine):
    check(read_file(fix / "short_letter.png", "s.png", with_(settings, max_image_pixels=1000)), "too_large")


def test_blank_page_is_no_text(fix, settings, fake_engine):
    rr = read_file(fix / "blank.png", "blank.png", settings)
    check(rr, "no_text")
    assert fake_engine.images == []            # blank pages are not sent to OCR
    assert rr.pages and rr.pages[0].method == "ocr"


def test_missing_file_is_unreadable(fix, settings):
    check(read_file(fix / "no-such-file.pdf", "x.pdf", settings), "unreadable")


def test_directory_is_unreadable(fix, settings):
    check(read_file(fix, "dir", settings), "unreadable")


def test_mailbag_bad_items(mailbag, settings):
    check(read_file(mailbag / "13_损坏的扫描件.pdf", "13.pdf", settings), "corrupt")
    check(read_file(mailbag / "14_证据材料压缩包.zip", "14.zip", settings), "unsupported")


def test_sha_and_path_kept_on_error(fix, settings):
    rr = read_file(fix / "corrupt.pdf", "sub/corrupt.pdf", settings, sha256="abc")
    assert rr.path == "sub/corrupt.pdf" and rr.sha256 == "abc" and rr.format == "pdf"


def test_encrypted_docx_found_by_its_compound_file_directory(fix):
    from xinfang_nlp.read.detect import cfb_stream_names
    names = cfb_stream_names(fix / "encrypted.docx")
    assert {"EncryptionInfo", "EncryptedPackage"} <= names
    assert cfb_stream_names(fix / "letter.docx") == set()        # a zip, not a compound file
    assert cfb_stream_names(fix / "encrypted_damaged.docx") == set()


def test_encrypted_docx_error_is_docx(fix, settings):
    rr = read_file(fix / "encrypted.docx", "encrypted.docx", settings)
    assert rr.error is not None and rr.error.code == "encrypted" and rr.format == "docx"
