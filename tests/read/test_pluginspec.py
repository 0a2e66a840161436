"""The OCR engine plugin API: injection, faulty engines, low confidence, one engine per process."""
from __future__ import annotations

from dataclasses import replace

import pytest

from xinfang_nlp.read import read_file, register_engine, use_engine
from xinfang_nlp.read.pluginspec import OcrLine, clear_engine_cache, engine_names, get_engine

from .conftest import FakeEngine, FaultyEngine


def test_builtin_engines_registered():
    assert {"rapidocr", "paddle"} <= set(engine_names())


def test_faulty_engine_on_image_is_unreadable(fix, settings):
    eng = FaultyEngine()
    with use_engine(eng):
        rr = read_file(fix / "short_letter.png", "s.png", settings)
    assert eng.calls == 1
    assert rr.error is not None and rr.error.code == "unreadable"
    assert "engine exploded" not in rr.error.message
    assert "ocr_failed" in rr.notes


def test_faulty_engine_on_mixed_pdf_keeps_text_page(fix, settings):
    with use_engine(FaultyEngine()):
        rr = read_file(fix / "mixed.pdf", "mixed.pdf", settings)
    assert rr.error is None
    assert rr.pages[0].method == "text" and "赵秀兰" in rr.pages[0].text
    assert rr.pages[1].method == "ocr" and rr.pages[1].text == "" and rr.pages[1].confidence == 0.0
    assert "ocr_failed" in rr.notes


def test_engine_returning_garbage(fix, settings):
    class Garbage:
        name = "garbage"

        def ocr(self, image):
            return [OcrLine(None, 0.9, (0, 0, 1, 1))]
    with use_engine(Garbage()):
        rr = read_file(fix / "short_letter.png", "s.png", settings)
    assert rr.error is not None and rr.error.code == "unreadable"


def test_low_confidence_page(fix, settings):
    eng = FakeEngine(lines=[OcrLine("申诉书", 0.41, (10, 10, 100, 40)),
                            OcrLine("请求恢复执彳亍", 0.52, (10, 60, 300, 90))])
    with use_engine(eng):
        rr = read_file(fix / "short_letter.png", "s.png", settings)
    p = rr.pages[0]
    assert p.method == "ocr" and p.confidence < settings.low_ocr_threshold
    assert abs(p.confidence - (0.41 * 3 + 0.52 * 7) / 10) < 1e-3  # weighted by characters
    # the register flags such a record (register/build.py reads Page.confidence)
    from xinfang_nlp.register.build import source_of
    assert source_of(rr)["pages"][0]["confidence"] < 0.8


def test_registered_engine_selected_by_settings_and_cached(fix, settings):
    made = []

    def factory(s):
        made.append(s)
        return FakeEngine()
    register_engine("test-fake", factory)
    s = replace(settings, ocr_engine="test-fake")
    try:
        a = get_engine(s)
        b = get_engine(s)
        assert a is b and len(made) == 1
        rr = read_file(fix / "short_letter.png", "s.png", s)
        assert "申诉书" in rr.text and len(made) == 1
    finally:
        clear_engine_cache()


def test_unknown_engine_is_an_error_not_a_crash(fix, settings):
    rr = read_file(fix / "short_letter.png", "s.png", replace(settings, ocr_engine="nope"))
    assert rr.error is not None and rr.error.code == "unreadable"
    assert "ocr_failed" in rr.notes


def test_rapid_engine_uses_bundled_models_only():
    from xinfang_nlp.read.ocr_rapid import model_paths, rapid_params
    p = rapid_params(960, 1)  # any side: the value passes through
    assert p["Det.model_path"].endswith("PP-OCRv6_det_small.onnx")
    assert p["Rec.model_path"].endswith("PP-OCRv6_rec_small.onnx")
    assert p["Det.limit_type"] == "max" and p["Det.limit_side_len"] == 960
    assert all(path.is_file() for path in model_paths().values())
    assert "rapidocr" in p["Det.model_path"] and "models" in p["Det.model_path"]


def test_paddle_engine_import_guarded(settings):
    from xinfang_nlp.read import ocr_paddle
    if ocr_paddle.available():  # pragma: no cover - only with the [paddle] extra and local models
        pytest.skip("paddleocr installed")
    with pytest.raises(RuntimeError):
        ocr_paddle.PaddleOcrEngine(settings)


def test_rapid_engine_runs_our_sessions_with_denormals_as_zero():
    # the bundled detector has ~10 % denormal weights: without flush-to-zero it runs ~3x slower
    from xinfang_nlp.read.ocr_rapid import bare_engine
    ocr = bare_engine(960, 1, runtime="onnxruntime")
    for part in (ocr.text_det, ocr.text_rec):
        opts = part.session.session.get_session_options()
        assert opts.get_session_config_entry("session.set_denormal_as_zero") == "1"
        assert opts.intra_op_num_threads == 1
    assert ocr.text_rec.rec_batch_num == 1


def test_openvino_runtime_compiles_for_one_unpinned_thread_in_bf16_where_the_cpu_has_it():
    from xinfang_nlp.read.ocr_rapid import OpenVinoSession, bare_engine, cpu_has_bf16
    ocr = bare_engine(736, 1, runtime="openvino")
    assert ocr.runtimes == {"det": "openvino", "rec": "openvino"}
    for part in (ocr.text_det, ocr.text_rec):
        assert isinstance(part.session, OpenVinoSession)
        compiled = part.session.compiled
        assert int(compiled.get_property("INFERENCE_NUM_THREADS")) == 1
        assert compiled.get_property("ENABLE_CPU_PINNING") is False  # two workers, two cores
        want = "bf16" if cpu_has_bf16() else "f32"
        assert compiled.get_property("INFERENCE_PRECISION_HINT").get_type_name() == want
    # the recogniser's character table comes from the model file, as with onnxruntime
    assert len(ocr.text_rec.postprocess_op.character) > 18000
    assert ocr.text_det.session.width_ratio is None  # detection boxes are measured on its input


def test_recognition_widths_fall_into_few_shapes_each_close_to_the_line():
    from xinfang_nlp.read.ocr_rapid import REC_WIDTH_RATIO, OpenVinoSession
    s = OpenVinoSession.__new__(OpenVinoSession)
    s.width_ratio = REC_WIDTH_RATIO
    widths = {w: s.bucket_width(w) for w in range(320, 2401)}
    assert len(set(widths.values())) <= 12  # a few shapes for OpenVINO to prepare, not 2,000
    assert all(abs(b - w) / w <= (REC_WIDTH_RATIO - 1) / 2 + 0.01 for w, b in widths.items())
    assert s.bucket_width(200) == 200  # RapidOCR pads short lines to 320 itself


def test_unknown_runtime_is_refused():
    from xinfang_nlp.read.ocr_rapid import resolve_runtime
    with pytest.raises(ValueError, match="OCR runtime"):
        resolve_runtime("tensorflow")
    assert resolve_runtime("onnxruntime") == {"det": "onnxruntime", "rec": "onnxruntime"}
    # by default detection stays on onnxruntime (memory); recognition goes where it is fastest
    assert resolve_runtime("auto")["det"] == "onnxruntime"


def test_auto_runtime_falls_back_to_onnxruntime_when_openvino_cannot_compile(monkeypatch, fix):
    # a CPU plugin that refuses the model must not stop the reading: "auto" reads on onnxruntime
    from PIL import Image

    from xinfang_nlp.read import ocr_rapid

    def refuse(self, *a, **k):
        raise RuntimeError("no CPU plugin")
    monkeypatch.setattr(ocr_rapid, "cpu_has_bf16", lambda: True)
    monkeypatch.setattr(ocr_rapid.OpenVinoSession, "__init__", refuse)
    eng = ocr_rapid.RapidOcrEngine(736, 1, runtime="auto")
    assert eng.runtimes == {"det": "onnxruntime", "rec": "onnxruntime"}
    text = "".join(ln.text for ln in eng.ocr(Image.open(fix / "short_letter.png")))
    assert "王建国" in text
    with pytest.raises(RuntimeError):  # asked for by name, the failure is reported
        ocr_rapid.RapidOcrEngine(736, 1, runtime="openvino")
