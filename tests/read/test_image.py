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


@pytest.mark.parametrize("runtime", ["onnxruntime", "openvino"])
def test_both_runtimes_read_the_letter_alike(fix, settings, runtime):
    from dataclasses import replace
    rr = read_file(fix / "short_letter.png", "short_letter.png", replace(settings, ocr_runtime=runtime))
    assert rr.error is None
    assert "申诉人：王建国，电话13905310127。" in rr.text
    assert "（2022）鲁0117执1234号" in rr.text


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


SHORT_LETTER = "申诉书\n申诉人：王建国，电话13905310127。\n请求恢复（2022）鲁0117执1234号案件的执行。"


@pytest.mark.parametrize("name", ["turned_cw.jpg", "turned_ccw.jpg", "upside_down.jpg"])
def test_turned_page_without_exif_is_read_upright(fix, settings, name):
    from xinfang_nlp.bench import cer_counts
    rr = read_file(fix / name, name, settings)
    assert rr.error is None
    errors, chars = cer_counts(SHORT_LETTER, rr.text)
    assert errors / chars <= 0.02, rr.text
    assert rr.pages[0].confidence > 0.9


class _TurnEngine:
    """Reads well only when the page is landscape and the right way up (marked by a black pixel in
    the top-left corner); a portrait image gives tall boxes, as a page lying on its side does."""
    name = "turn"

    def __init__(self):
        self.calls = 0

    def ocr(self, image):
        from xinfang_nlp.read.pluginspec import OcrLine
        self.calls += 1
        w, h = image.size
        if h > w:
            return [OcrLine("乱码", 0.5, (100 + 80 * i, 50, 140 + 80 * i, 500)) for i in range(4)]
        good = image.convert("L").getpixel((2, 2)) < 128
        c = 0.97 if good else 0.55
        return [OcrLine("申诉书" if good else "书诉申", c, (400, 40, 600, 90)),
                OcrLine("请求恢复执行。" if good else "。行执复恢求请", c, (60, 120, 700, 160))]


def _marked_page():
    from PIL import Image, ImageDraw
    img = Image.new("RGB", (1200, 600), "white")
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 6, 6), fill="black")
    d.rectangle((100, 200, 1100, 260), fill="black")  # ink, so the page is not blank
    return img


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_page_turned_by_engine_agnostic_orientation_check(settings, turn):
    from xinfang_nlp.read import use_engine
    from xinfang_nlp.read.ocrpage import ocr_image
    from xinfang_nlp.read.pluginspec import ReadContext
    eng = _TurnEngine()
    img = _marked_page().rotate(turn, expand=True)
    with use_engine(eng):
        page = ocr_image(img, 1, ReadContext(settings=settings, format="png", size=0, head=b"", notes=[]))
    assert page.text.split("\n") == ["申诉书", "请求恢复执行。"]
    if turn == 0:
        assert eng.calls == 1  # an upright page is read once: no cost for the check
    else:
        assert 2 <= eng.calls <= 3


def test_vertical_writing_read_well_is_not_turned(settings):
    # a page written in columns (tall boxes) that the engine reads confidently, while turned it
    # reads poorly: the first reading stays
    from xinfang_nlp.read.ocrpage import upright_lines
    from xinfang_nlp.read.pluginspec import OcrLine

    class Engine:
        calls = 0

        def ocr(self, image):
            self.calls += 1
            return [OcrLine("乱", 0.4, (60, 100, 300, 140))]

    cols = [OcrLine("申诉书", 0.97, (900 - 80 * i, 40, 940 - 80 * i, 500)) for i in range(4)]
    eng = Engine()
    lines, turn = upright_lines(eng, _marked_page(), cols)
    assert turn == 0 and lines == cols and eng.calls == 2
