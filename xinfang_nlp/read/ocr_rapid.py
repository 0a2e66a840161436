"""Default OCR engine: RapidOCR 3.10 on onnxruntime with the PP-OCRv6 small det/rec models that ship
inside the ``rapidocr`` wheel.

The model files are passed by path so RapidOCR never resolves (or downloads) a model itself. The
detection input's longest side is capped at ``settings.ocr_det_side``; onnxruntime runs
``threads_per_worker()`` intra-op threads so parallel workers do not oversubscribe the cores.

We build the onnxruntime sessions ourselves (RapidOCR takes a ready session through its ``session``
key) for one option RapidOCR does not expose: denormal floats as zero. About 10 % of the bundled
detection model's weights are denormal (255,958 of 2.45 M); x86 computes with denormals through a
slow microcode path, and two 1×1 convolutions of the detector took 0.7 of its 1.0 s per page. With
flush-to-zero the detector runs ~3× faster, the recogniser ~20 % faster, same text (a denormal
float32 is below 1.2e-38). onnxruntime sets FTZ/DAZ on the threads that run the model, including
the calling thread: float arithmetic on that thread flushes denormals to zero afterwards too, which
no computation of ours depends on.
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
        # one line per recognition run: RapidOCR pads every line of a batch to the batch's widest
        # and recognition time grows with the padded width, so batches only add work (bench pages,
        # 1 thread: 1.28 s/page at 1, 1.52–1.61 at 3, 1.80–1.85 at 6, 2.54 at 12), and the
        # 18,710-class output of one line is the smallest peak memory
        "Rec.rec_batch_num": 1,
        "EngineConfig.onnxruntime.intra_op_num_threads": int(threads),
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    }


def session_options(threads: int):
    """onnxruntime options for our sessions: full graph optimisation, ``threads`` intra-op threads,
    denormals as zero (see the module doc)."""
    import onnxruntime as ort
    o = ort.SessionOptions()
    o.log_severity_level = 3
    o.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    o.intra_op_num_threads = int(threads)
    o.inter_op_num_threads = 1
    o.enable_cpu_mem_arena = False  # as RapidOCR: the arena keeps the largest batch's memory
    o.add_session_config_entry("session.set_denormal_as_zero", "1")
    return o


def _session(model: Path, threads: int):
    import onnxruntime as ort
    return ort.InferenceSession(str(model), sess_options=session_options(threads),
                                providers=["CPUExecutionProvider"])


def bare_engine(det_side: int = 736, threads: int | None = None):
    """A RapidOCR instance configured like ours (used by the benchmark as the 'bare engine'), its
    detection and recognition models in our onnxruntime sessions."""
    from rapidocr import RapidOCR
    from rapidocr.ch_ppocr_det import TextDetector
    from rapidocr.ch_ppocr_rec import TextRecognizer
    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    threads = threads or threads_per_worker()
    ocr = RapidOCR(params=rapid_params(det_side, threads))
    # what RapidOCR's lazy _load_det_model/_load_rec_model do, with a session of ours handed in
    engine_cfg = ocr.cfg.EngineConfig["onnxruntime"]
    paths = model_paths()
    for part, cls, attr in (("Det", TextDetector, "text_det"), ("Rec", TextRecognizer, "text_rec")):
        cfg = ocr.cfg[part]
        cfg.engine_cfg = engine_cfg
        cfg.model_root_dir = ocr.cfg.Global.model_root_dir
        if part == "Rec":
            cfg.font_path = ocr.cfg.Global.font_path
        cfg._set_flag("allow_objects", True)  # an InferenceSession is not an OmegaConf primitive
        cfg.session = _session(paths[part.lower()], threads)
        setattr(ocr, attr, cls(cfg))
    return ocr


class RapidOcrEngine:
    name = NAME

    def __init__(self, det_side: int = 736, threads: int | None = None):
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
