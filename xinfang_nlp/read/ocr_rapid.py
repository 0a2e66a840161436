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

On a CPU with bfloat16 units (AMX or AVX-512 BF16, as this machine's Xeon) recognition runs on
OpenVINO with bf16 inference precision instead (``settings.ocr_runtime = "auto"``, the default):
recognition, three quarters of a page's time, runs ~3× faster once its input shapes are prepared,
and reads the same text (``xinfang bench``; figures in the issue-2 note). Detection stays on
onnxruntime: on OpenVINO it is ~40 % faster but its large feature maps held ~60 MB more per reader
process at the peak, and two readers must stay under 1.5 GB. Elsewhere ``auto`` keeps onnxruntime
in f32, which is as fast as OpenVINO f32 here. ``"onnxruntime"`` or ``"openvino"`` put both models
on one runtime.
"""
from __future__ import annotations

import functools
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .pluginspec import OcrLine, register_engine, threads_per_worker

if TYPE_CHECKING:  # pragma: no cover
    from PIL import Image

    from ..settings import Settings

log = logging.getLogger("xinfang.read")

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


def rapid_params(det_side: int, threads: int, text_score: float = 0.5) -> dict[str, Any]:
    """RapidOCR parameters: bundled models by explicit path, capped detection side, fixed threads.
    ``text_score``: lines read with less confidence are dropped (our engine keeps them all and
    ``ocrpage.kept`` drops them after the page's turn is decided)."""
    p = model_paths()
    return {
        "Global.log_level": "error",
        "Global.use_cls": False,           # 180° line classifier: not worth its time on letters
        "Global.text_score": float(text_score),
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


RUNTIMES = ("auto", "onnxruntime", "openvino")


@functools.lru_cache(maxsize=1)
def cpu_has_bf16() -> bool:
    """Whether OpenVINO is installed and this CPU computes in bfloat16 (AMX / AVX-512 BF16); asked
    once per process."""
    try:
        import openvino as ov
        return "BF16" in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")
    except Exception:  # openvino missing, or no CPU plugin: onnxruntime it is
        return False


def resolve_runtime(requested: str = "auto") -> dict[str, str]:
    """The runtime of each model, ``{"det": …, "rec": …}``, for a ``settings.ocr_runtime`` value
    (see the module doc)."""
    if requested not in RUNTIMES:
        raise ValueError(f"unknown OCR runtime {requested!r}; known: {', '.join(RUNTIMES)}")
    if requested == "auto":
        return {"det": "onnxruntime", "rec": "openvino" if cpu_has_bf16() else "onnxruntime"}
    return {"det": requested, "rec": requested}


def describe_runtime(requested: str = "auto") -> str:
    """``det onnxruntime, rec openvino bf16``: what the bench prints."""
    parts = resolve_runtime(requested)
    return ", ".join(f"{k} {v}{' bf16' if v == 'openvino' and cpu_has_bf16() else ''}"
                     for k, v in parts.items())


class OpenVinoSession:
    """What RapidOCR calls an inference session, on an OpenVINO model compiled for the CPU: one
    request, ``threads`` threads, no core pinning (two workers must not pin the same core), bf16
    where the CPU has it.

    OpenVINO prepares each new input shape once: ~70–100 ms and 5–20 MB kept per shape, against
    ~25 ms for a 960 px line once prepared (100 lines of random widths: 103 ms a line and RSS
    175 → 847 MB). Recognition inputs are 48 px high and as wide as the line, so with
    ``width_ratio`` set, a line is stretched or squeezed to the nearest of a geometric series of
    widths (320 px × ratio^k): at 1.3 a line changes width by at most 15 %, and every line from 320
    to 2,400 px shares 9 shapes. The recogniser does not mind the stretch: 10,746 characters on
    40 rendered letter pages, and the bench, read the same at ratios 1.06 to 1.4 as without it.
    Fewer shapes is less memory: a reader process peaked at 553 MB at 1.15 and 526 MB at 1.3 over
    58 pages, and two of them must stay under 1.5 GB with the main process. Padding would keep
    the shapes as few, but the recogniser misreads padded lines (2–6 of the bench's 141 lines
    change with 32–256 px of padding, on onnxruntime too; a photographed page lost 97 characters
    at 128 px steps).
    Detection inputs are left alone: its boxes are measured on the input."""

    def __init__(self, model: Path, threads: int, precision: str | None = None,
                 width_ratio: float | None = None):
        import openvino as ov
        core = ov.Core()
        self.model = core.read_model(str(model))
        if precision is None:
            precision = "bf16" if cpu_has_bf16() else "f32"
        config = {"INFERENCE_NUM_THREADS": int(threads), "NUM_STREAMS": 1,
                  "PERFORMANCE_HINT": "LATENCY", "ENABLE_CPU_PINNING": False,
                  "INFERENCE_PRECISION_HINT": precision}
        self.compiled = core.compile_model(self.model, "CPU", config)
        self._request = self.compiled.create_infer_request()
        self.width_ratio = width_ratio

    def bucket_width(self, width: int, base: int = 320) -> int:
        """The series width nearest to ``width`` (widths up to ``base`` are RapidOCR's own minimum)."""
        import math
        if not self.width_ratio or width <= base:
            return width
        k = round(math.log(width / base) / math.log(self.width_ratio))
        return max(base, int(round(base * self.width_ratio ** k / 8)) * 8)

    def __call__(self, batch):
        width = batch.shape[-1]
        target = self.bucket_width(width)
        if target != width:
            import cv2
            import numpy as np
            batch = np.ascontiguousarray(np.stack([
                cv2.resize(img.transpose(1, 2, 0), (target, img.shape[1]),
                           interpolation=cv2.INTER_LINEAR).transpose(2, 0, 1)
                for img in batch]), dtype=batch.dtype)
        self._request.infer({0: batch})
        # a view of the request's output, valid until the next call: RapidOCR decodes each output
        # before it runs the model again, and ``RapidOcrEngine`` lets one thread in at a time
        return self._request.get_output_tensor(0).data

    def release_memory(self) -> None:
        """Free the intermediate buffers the model keeps between runs (OpenVINO holds them sized
        for the last input; they are made again on the next run). ``RapidOcrEngine`` calls it
        after each page: a reader then holds ~90 MB less between pages (its peak is unchanged)."""
        self.compiled.release_memory()

    def get_character_list(self, key: str = "character") -> list[str]:
        return self.model.get_rt_info()["framework"][key].value.splitlines()

    def have_key(self, key: str = "character") -> bool:
        try:
            return bool(self.get_character_list(key))
        except (KeyError, RuntimeError):
            return False


#: recognition widths for OpenVINO (see ``OpenVinoSession``)
REC_WIDTH_RATIO = 1.3


def bare_engine(det_side: int = 736, threads: int | None = None, runtime: str = "auto",
                text_score: float = 0.5):
    """A RapidOCR instance configured like ours (used by the benchmark as the 'bare engine'), its
    detection and recognition models in our sessions: onnxruntime or OpenVINO (``runtime``)."""
    import rapidocr.ch_ppocr_det.main as det_main
    import rapidocr.ch_ppocr_rec.main as rec_main
    from rapidocr import RapidOCR
    logging.getLogger("RapidOCR").setLevel(logging.WARNING)
    threads = threads or threads_per_worker()
    runtimes = resolve_runtime(runtime)
    ocr = RapidOCR(params=rapid_params(det_side, threads, text_score))
    # what RapidOCR's lazy _load_det_model/_load_rec_model do, with a session of ours handed in
    engine_cfg = ocr.cfg.EngineConfig["onnxruntime"]
    paths = model_paths()
    for part, module, attr in (("Det", det_main, "text_det"), ("Rec", rec_main, "text_rec")):
        cfg = ocr.cfg[part]
        cfg.engine_cfg = engine_cfg
        cfg.model_root_dir = ocr.cfg.Global.model_root_dir
        if part == "Rec":
            cfg.font_path = ocr.cfg.Global.font_path
        model = paths[part.lower()]
        cls = module.TextDetector if part == "Det" else module.TextRecognizer
        session = None
        if runtimes[part.lower()] == "openvino":
            try:
                session = OpenVinoSession(model, threads,
                                          width_ratio=REC_WIDTH_RATIO if part == "Rec" else None)
            except Exception as exc:
                if runtime != "auto":  # asked for by name: say so
                    raise
                log.warning("OpenVINO could not compile the %s model (%s); using onnxruntime",
                            part.lower(), type(exc).__name__)
                runtimes[part.lower()] = "onnxruntime"
        if session is None:
            cfg._set_flag("allow_objects", True)  # an InferenceSession is no OmegaConf primitive
            cfg.session = _session(model, threads)
            setattr(ocr, attr, cls(cfg))
        else:
            # RapidOCR's detector and recogniser ask their module's ``get_engine`` for a session
            # class; for the one construction, it hands back our OpenVINO session instead
            real = module.get_engine
            module.get_engine = lambda _engine_type: (lambda _cfg: session)
            try:
                setattr(ocr, attr, cls(cfg))
            finally:
                module.get_engine = real
    ocr.runtimes = runtimes
    return ocr


class RapidOcrEngine:
    name = NAME
    #: RapidOCR's own floor; the page reader applies it (``ocrpage.kept``) after deciding the turn
    min_line_confidence = 0.5

    def __init__(self, det_side: int = 736, threads: int | None = None, runtime: str = "auto"):
        # every line, however poorly read: the page reader decides what to keep (ocrpage.kept)
        self._ocr = bare_engine(det_side, threads, runtime, text_score=0.0)
        self._lock = threading.Lock()
        self.runtimes = self._ocr.runtimes

    def ocr(self, image: "Image.Image") -> list[OcrLine]:
        if image.mode != "RGB":
            image = image.convert("RGB")
        with self._lock:  # an OpenVINO infer request serves one caller at a time
            try:
                res = self._ocr(image)
            finally:
                for part in (self._ocr.text_det, self._ocr.text_rec):
                    release = getattr(part.session, "release_memory", None)
                    if release is not None:
                        release()
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
    return RapidOcrEngine(det_side=settings.ocr_det_side, threads=threads_per_worker(),
                          runtime=settings.ocr_runtime)


def register() -> None:
    register_engine(NAME, _factory)
