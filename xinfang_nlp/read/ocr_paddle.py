"""Optional OCR engine for a site with local PaddleOCR model folders (``pip install .[paddle]``).

Models are never fetched: the site puts the PP-OCR det/rec inference folders under
``settings.models_dir / "paddle" / {det,rec}`` and we pass them by folder, with
``PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK=True`` so PaddleX does not contact a model host.
A folder holds either a Paddle inference model (``inference.json`` or ``inference.pdmodel``
with ``inference.pdiparams``) or an ``inference.onnx``; when both folders hold only ONNX
files, PaddleX runs them with its onnxruntime engine instead of Paddle Inference.
Selected with ``ocr_engine = "paddle"``.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING

from .pluginspec import OcrLine, register_engine, threads_per_worker

if TYPE_CHECKING:  # pragma: no cover
    from PIL import Image

    from ..settings import Settings

NAME = "paddle"


def available() -> bool:
    import importlib.util
    return importlib.util.find_spec("paddleocr") is not None


class PaddleOcrEngine:
    name = NAME

    def __init__(self, settings: "Settings"):
        os.environ["PADDLE_PDX_DISABLE_MODEL_SOURCE_CHECK"] = "True"
        omp = os.environ.get("OMP_NUM_THREADS")
        try:
            self._ocr = _build(settings)
        finally:
            # importing paddle sets OMP_NUM_THREADS=1, which changes threads_per_worker() and so
            # get_engine's cache key: the next read would build a second engine, with 1 thread
            _restore_env("OMP_NUM_THREADS", omp)

    def ocr(self, image: "Image.Image") -> list[OcrLine]:  # pragma: no cover - needs paddle
        import numpy as np
        arr = np.asarray(image.convert("RGB"))[:, :, ::-1].copy()
        out: list[OcrLine] = []
        for res in self._ocr.predict(arr):
            data = res.json.get("res", res.json) if hasattr(res, "json") else res
            for txt, score, box in zip(data["rec_texts"], data["rec_scores"], data["rec_boxes"]):
                x0, y0, x1, y1 = (float(v) for v in box)
                out.append(OcrLine(text=str(txt), confidence=float(score), box=(x0, y0, x1, y1)))
        return out


def _build(settings: "Settings"):
    try:
        from paddleocr import PaddleOCR  # type: ignore
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise RuntimeError("PaddleOCR is not installed: pip install 'xinfang-nlp[paddle]'") from exc
    root = settings.models_dir / "paddle"
    det, rec = root / "det", root / "rec"
    if not det.is_dir() or not rec.is_dir():
        raise RuntimeError(f"PaddleOCR model folders not found under {root} (det/, rec/)")
    return PaddleOCR(
        text_detection_model_dir=str(det), text_recognition_model_dir=str(rec),
        text_detection_model_name=_model_name(det), text_recognition_model_name=_model_name(rec),
        use_doc_orientation_classify=False, use_doc_unwarping=False,
        use_textline_orientation=False, text_det_limit_side_len=settings.ocr_det_side,
        text_det_limit_type="max", device="cpu", cpu_threads=threads_per_worker(),
        engine=_engine(det, rec))


def _model_name(folder) -> str:
    """PaddleX wants the model's name; its inference.yml carries it (Global.model_name)."""
    import re
    for name in ("inference.yml", "config.yml"):
        f = folder / name
        if f.is_file():
            m = re.search(r"model_name:\s*(\S+)", f.read_text(encoding="utf-8", errors="replace"))
            if m:
                return m.group(1)
    return folder.name


def _restore_env(name: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value


def _engine(*folders) -> str | None:
    """None (PaddleX's default, Paddle Inference) unless every folder has only an ONNX model."""
    def paddle_model(f) -> bool:
        return (f / "inference.pdiparams").is_file() and any(
            (f / n).is_file() for n in ("inference.json", "inference.pdmodel"))
    if all((f / "inference.onnx").is_file() and not paddle_model(f) for f in folders):
        return "onnxruntime"
    return None


def register() -> None:
    register_engine(NAME, PaddleOcrEngine)
