"""Default OCR engine: RapidOCR 3.10 on onnxruntime with the PP-OCRv6 small det/rec models that ship
inside the ``rapidocr`` wheel.

The model files are passed by path so RapidOCR never resolves (or downloads) a model itself. The
detection input's longest side is capped at ``settings.ocr_det_side``; onnxruntime runs
``threads_per_worker()`` intra-op threads so parallel workers do not oversubscribe the cores.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .pluginspec import OcrLine, register_engine, threads_per_worker

if TYPE_CHECKING:  # pragma: no cover
    from PIL import Image

    from ..settings import Settings

NAME = "rapidocr"
DET_MODEL = "PP-OCRv6_det_small.onnx"
REC_MODEL = "PP-OCRv6_rec_small.onnx"
CLS_MODEL = "ch_ppocr_mobile_v2.0_cls_mobile.onnx"


def bundled_models_dir() -> Path:
    """``site-packages/rapidocr/models`` (found without importing rapidocr's heavy modules)."""
    import importlib.util
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("rapidocr is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "models"


def model_paths() -> dict[str, Path]:
    d = bundled_models_dir()
    paths = {"det": d / DET_MODEL, "rec": d / REC_MODEL, "cls": d / CLS_MODEL}
    missing = [str(p.name) for p in paths.values() if not p.is_file()]
    if missing:
        raise RuntimeError(f"bundled RapidOCR model files missing: {', '.join(missing)}")
    return paths


def rapid_params(det_side: int, threads: int) -> dict[str, Any]:
    """RapidOCR parameters: bundled models by explicit path, capped detection side, fixed threads."""
    p = model_paths()
    return {
        "Global.log_level": "error",
        "Global.use_cls": False,           # 180° line classifier: not worth its time on letters
        "Global.text_score": 0.5,
        "Global.max_side_len": 2400,       # crops for recognition come from at most this size
        "Det.model_path": str(p["det"]),
        "Rec.model_path": str(p["rec"]),
        "Cls.model_path": str(p["cls"]),
        "Det.limit_type": "max",
        "Det.limit_side_len": int(det_side),
        # 3 lines per recognition batch: as fast as 6 here and ~150 MB less peak memory per worker
        # (the 18,710-class output of a batch of long lines is large)
        "Rec.rec_batch_num": 3,
        "EngineConfig.onnxruntime.intra_op_num_threads": int(threads),
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    }


def bare_engine(det_side: int = 960, threads: int | None = None):
    """A RapidOCR instance configured like ours (used by the benchmark as the 'bare engine')."""
    from rapidocr import RapidOCR
    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    return RapidOCR(params=rapid_params(det_side, threads or threads_per_worker()))


class RapidOcrEngine:
    name = NAME

    def __init__(self, det_side: int = 960, threads: int | None = None):
        self._ocr = bare_engine(det_side, threads)

    def ocr(self, image: "Image.Image") -> list[OcrLine]:
        if image.mode != "RGB":
            image = image.convert("RGB")
        res = self._ocr(image)
        boxes = getattr(res, "boxes", None)
        txts = getattr(res, "txts", None)
        scores = getattr(res, "scores", None)
        if boxes is None or txts is None or len(txts) == 0:
            return []
        out: list[OcrLine] = []
        for box, txt, score in zip(boxes, txts, scores):
            xs = [float(pt[0]) for pt in box]
            ys = [float(pt[1]) for pt in box]
            out.append(OcrLine(text=str(txt), confidence=float(score),
                               box=(min(xs), min(ys), max(xs), max(ys))))
        return out


def _factory(settings: "Settings") -> RapidOcrEngine:
    return RapidOcrEngine(det_side=settings.ocr_det_side, threads=threads_per_worker())


def register() -> None:
    register_engine(NAME, _factory)
