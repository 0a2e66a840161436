"""Image files: content detection, EXIF orientation, multi-page TIFF — real OCR on a few small pages."""
from __future__ import annotations

import pytest

from xinfang_nlp.read import read_file


def test_png_real_ocr(fix, settings):
    rr = read_file(fix / "short_letter.png", "short_letter.png", settings)
    assert rr.error is None and rr.format == "png"
    assert "申诉书" in rr.text
    assert "王建国" in rr.text
    assert "（2022）鲁0117执1234号" in rr.text
    p = rr.pages[0]
    assert p.method == "ocr" and p.number == 1 and p.confidence > 0.9


def test_exif_rotation_honoured(fix, settings, fake_engine):
    rr = read_file(fix / "exif_rotated.jpg", "exif_rotated.jpg", settings)
    assert rr.error is None and rr.format == "jpeg"
    w, h = fake_engine.images[0]
    assert w > h  # stored portrait, shown landscape: EXIF orientation 6 applied


@pytest.mark.slow
def test_exif_rotation_real_ocr(fix, settings):
    rr = read_file(fix / "exif_rotated.jpg", "exif_rotated.jpg", settings)
    assert "鲁0117执1234号" in rr.text


def test_wrong_extension_read_by_content(fix, settings, fake_engine):
    rr = read_file(fix / "really_jpeg.pdf", "really_jpeg.pdf", settings)
    assert rr.error is None and rr.format == "jpeg"
    assert rr.pages[0].method == "ocr" and "申诉书" in rr.text


def test_multipage_tiff(fix, settings):
    rr = read_file(fix / "two_pages.tif", "two_pages.tif", settings)
    assert rr.format == "tiff" and [p.number for p in rr.pages] == [1, 2]
    assert "王建国" in rr.pages[0].text
    assert "济南市钢城区人民法院" in rr.pages[1].text
    assert all(p.method == "ocr" for p in rr.pages)


@pytest.mark.parametrize("name,fmt", [("short_letter.bmp", "bmp"), ("short_letter.webp", "webp")])
def test_other_image_formats(fix, settings, fake_engine, name, fmt):
    rr = read_file(fix / name, name, settings)
    assert rr.error is None and rr.format == fmt and len(fake_engine.images) == 1


def test_mailbag_formats_detected(mailbag, settings, fake_engine):
    expect = {"01_王建国申诉书_手机拍照.jpg": "jpeg", "02_刘玉梅信访材料_扫描.png": "png",
              "03_陈志刚执行异议_多页.tif": "tiff", "11_周德福求助信.webp": "webp",
              "12_冯立军申诉信.pdf": "jpeg", "15_杨春生反映信.png": "png"}
    for name, fmt in expect.items():
        rr = read_file(mailbag / name, name, settings)
        assert rr.error is None, name
        assert rr.format == fmt, name
    assert len(fake_engine.images) == 7  # the TIFF has two pages
