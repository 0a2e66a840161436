"""PDFs: text layer, scanned, mixed pages, a broken text layer re-read by OCR."""
from __future__ import annotations

import pytest

from xinfang_nlp.read import read_file
from xinfang_nlp.read.pdf import layer_quality


def test_text_pdf(fix, settings, fake_engine):
    rr = read_file(fix / "text.pdf", "text.pdf", settings)
    assert rr.error is None and rr.format == "pdf"
    assert [p.method for p in rr.pages] == ["text"]
    assert rr.pages[0].confidence is None
    assert "（2021）鲁0117执恢215号" in rr.text
    assert "我丈夫长期卧病在床，每月医药费上千元" in rr.text
    # wrapped lines of one paragraph are joined without spaces
    assert "一直拖着不发放。" in rr.text and " " not in rr.text.split("\n")[3]
    assert fake_engine.images == []


def test_mixed_pdf_methods_per_page(fix, settings):
    rr = read_file(fix / "mixed.pdf", "mixed.pdf", settings)
    assert rr.error is None
    assert [(p.number, p.method) for p in rr.pages] == [(1, "text"), (2, "ocr")]
    assert rr.pages[0].confidence is None and rr.pages[1].confidence > 0.8
    assert "赵秀兰" in rr.pages[0].text
    assert "吴桂香" in rr.pages[1].text


def test_scanned_pdf(fix, settings):
    rr = read_file(fix / "scanned.pdf", "scanned.pdf", settings)
    assert rr.pages[0].method == "ocr" and "以上情况属实" in rr.text


def test_broken_text_layer_is_ocrd(fix, settings, fake_engine):
    rr = read_file(fix / "cid_layer.pdf", "cid_layer.pdf", settings)
    assert rr.pages[0].method == "ocr"   # the layer is (cid:n)/junk: rendered and OCR'd instead
    assert len(fake_engine.images) == 1
    w, h = fake_engine.images[0]
    assert abs(w - 1654) < 3 and abs(h - 2339) < 3   # A4 rendered at settings.render_dpi = 200


def test_render_dpi_setting(fix, settings, fake_engine):
    from dataclasses import replace
    read_file(fix / "scanned.pdf", "scanned.pdf", replace(settings, render_dpi=100))
    w, h = fake_engine.images[0]
    assert abs(w - 827) < 3


@pytest.mark.parametrize("text,quality", [
    ("申诉书 请求恢复执行", "good"),
    ("(cid:12)(cid:45)(cid:78)(cid:90)", "bad"),
    ("\ufffd\ufffd\ufffd申", "bad"),
    ("   \n ", "bad"),
    ("ÉêËßÊé ÇëÇó", "foreign"),
])
def test_layer_quality(text, quality):
    assert layer_quality(text) == quality


def test_mailbag_pdfs(mailbag, settings, fake_engine):
    rr = read_file(mailbag / "05_王建国申诉书_电子版.pdf", "05.pdf", settings)
    assert [p.method for p in rr.pages] == ["text"]
    assert "（2022）鲁0117执1234号" in rr.text
    rr = read_file(mailbag / "06_吴桂香执行信访申请_混合.pdf", "06.pdf", settings)
    assert [p.method for p in rr.pages] == ["text", "ocr"]
    rr = read_file(mailbag / "04_赵秀兰申请书_扫描.pdf", "04.pdf", settings)
    assert [p.method for p in rr.pages] == ["ocr"]
