"""Behaviour is configuration: every court-specific number lives here, with the seed clause that sets it.

Defaults are this court's (济南市钢城区人民法院). Another court writes a TOML file with the keys it
changes and points ``XINFANG_CONFIG`` (or ``--config``) at it::

    court_name = "某某区人民法院"
    court_codes = ["鲁0102"]
    [deadlines]
    reply_working_days = 30
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Optional

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Deadlines:
    handover_days: int = 2          # 004 第十三条: 执行信访团队 2日内转交案件承办人
    meeting_days: int = 5           # 004 第十三条: 承办人收到之日起 5日内约谈信访人
    reply_working_days: int = 40    # 004 第十三条: 40个工作日内答复


@dataclass(frozen=True)
class Settings:
    court_name: str = "济南市钢城区人民法院"
    #: this court's case-number court codes, current first, then older ones (R6 rule). 钢城区 belonged
    #: to 莱芜市 (court code 鲁1203) until 莱芜 was merged into 济南 in 2019; its cases before then
    #: carry 鲁1203 and are still this court's.
    court_codes: tuple[str, ...] = ("鲁0117", "鲁1203")
    deadlines: Deadlines = field(default_factory=Deadlines)
    #: records whose overall confidence is below this are flagged needs_review
    review_threshold: float = 0.6
    #: weight of the ground heads in the accept/reject decision (0 = decision head alone)
    decision_mix: float = 1.0
    #: pages whose mean OCR confidence is below this are flagged low_ocr_confidence
    low_ocr_threshold: float = 0.80
    ocr_engine: str = "rapidocr"
    #: what runs the rapidocr engine's models: "auto" (recognition on OpenVINO in bf16 on a CPU
    #: with bfloat16 units, detection on onnxruntime), "onnxruntime" or "openvino" (both models);
    #: see ``read/ocr_rapid.py``
    ocr_runtime: str = "auto"
    #: longest side of the detection input, px. 736 reads our bench, the mailbag and 7–12 pt test
    #: pages at 200 dpi as well as 960 (2 errors in 2,075 characters at 7 pt) with 40 % less
    #: detection time; see ``xinfang bench`` for s/page
    ocr_det_side: int = 736
    render_dpi: int = 200
    #: images above this many pixels are refused (decompression bombs)
    max_image_pixels: int = 80_000_000
    max_file_bytes: int = 200 * 1024 * 1024
    max_pages: int = 200
    models_dir: Path = REPO_ROOT / "models"

    def is_this_court(self, code: str) -> bool:
        return code in self.court_codes


def _coerce(cls, data: dict[str, Any]):
    kwargs = {}
    names = {f.name: f for f in fields(cls)}
    for k, v in data.items():
        if k not in names:
            raise ValueError(f"unknown setting {k!r}")
        if k == "deadlines":
            v = _coerce(Deadlines, v)
        elif k == "court_codes":
            v = tuple(v)
        elif k == "models_dir":
            v = Path(v)
        kwargs[k] = v
    return cls(**kwargs)


def load_settings(path: Optional[str | os.PathLike] = None, **overrides: Any) -> Settings:
    path = path or os.environ.get("XINFANG_CONFIG")
    s = Settings()
    if path:
        with open(path, "rb") as fh:
            s = _coerce(Settings, tomllib.load(fh))
    if os.environ.get("XINFANG_MODELS"):
        s = replace(s, models_dir=Path(os.environ["XINFANG_MODELS"]))
    if overrides:
        s = replace(s, **overrides)
    return s
