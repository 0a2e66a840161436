"""Model folders for the optional PaddleOCR engine (``ocr_engine = "paddle"``), made offline from
the PP-OCRv6 small models that ship inside the ``rapidocr`` wheel (Apache-2.0), the same models
the default engine runs. Nothing is downloaded: the converter comes from PyPI.

    bash scripts/paddle_models.sh              # makes .venv-paddle and runs this into models/

or by hand, in an environment with the ``paddle`` extra and the converter::

    pip install -e ".[paddle]" x2paddle==1.6.0 onnx==1.17.0
    python tools/paddle_models.py models       # writes models/paddle/{det,rec}

x2paddle 1.6.0 needs onnx 1.17 (it reads ``onnx.version``, which later releases dropped; with
them it says "onnx is not installed"). Each folder gets the converted program and weights
(``inference.json``, ``inference.pdiparams``) and an ``inference.yml`` written here: the model's
name, its input preparation and its decoding, as PaddleX reads them. The recogniser's character
table is the one stored in the ONNX file's metadata (key ``character``).
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

MODELS = {"det": "PP-OCRv6_det_small.onnx", "rec": "PP-OCRv6_rec_small.onnx"}

# ImageNet mean/std, as the PP-OCR detectors are trained with; DB post-processing at RapidOCR's
# settings (read/ocr_rapid.py uses RapidOCR's defaults: thresh 0.3, box_thresh 0.5, unclip 1.6)
DET_CONFIG = {
    "Global": {"model_name": "PP-OCRv6_small_det"},
    "PreProcess": {"transform_ops": [
        {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
        {"DetResizeForTest": {"resize_long": 960}},
        {"NormalizeImage": {"mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225],
                            "scale": "1./255.", "order": "hwc"}},
        {"ToCHWImage": None},
        {"KeepKeys": {"keep_keys": ["image", "shape"]}},
    ]},
    "PostProcess": {"name": "DBPostProcess", "thresh": 0.3, "box_thresh": 0.5,
                    "max_candidates": 1000, "unclip_ratio": 1.6},
}


def rec_config(characters: list[str]) -> dict:
    """Lines resized to 48 px high (at least 320 wide), CTC decoding over the model's table."""
    return {
        "Global": {"model_name": "PP-OCRv6_small_rec"},
        "PreProcess": {"transform_ops": [
            {"DecodeImage": {"channel_first": False, "img_mode": "BGR"}},
            {"RecResizeImg": {"image_shape": [3, 48, 320]}},
            {"KeepKeys": {"keep_keys": ["image"]}},
        ]},
        "PostProcess": {"name": "CTCLabelDecode", "character_dict": characters},
    }


def bundled_onnx_dir() -> Path:
    import importlib.util
    spec = importlib.util.find_spec("rapidocr")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("rapidocr is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "models"


def character_table(onnx_file: Path) -> list[str]:
    import onnxruntime as ort
    meta = ort.InferenceSession(str(onnx_file), providers=["CPUExecutionProvider"]) \
        .get_modelmeta().custom_metadata_map
    return meta["character"].splitlines()


def convert(onnx_file: Path, out: Path) -> None:
    """x2paddle's ONNX → Paddle conversion into ``out`` (inference.json + inference.pdiparams)."""
    x2paddle = shutil.which("x2paddle", path=str(Path(sys.executable).parent)) or shutil.which("x2paddle")
    if x2paddle is None:
        sys.exit("x2paddle is not installed: pip install x2paddle==1.6.0 onnx==1.17.0")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([x2paddle, "--framework=onnx", f"--model={onnx_file}", f"--save_dir={tmp}",
                        "--disable_feedback=True"],  # no report sent home
                       check=True, stdout=subprocess.DEVNULL)
        made = Path(tmp) / "inference_model"
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(made / "model.json", out / "inference.json")
        shutil.copyfile(made / "model.pdiparams", out / "inference.pdiparams")


def main(models_dir: str) -> None:
    src = bundled_onnx_dir()
    root = Path(models_dir) / "paddle"
    for part, name in MODELS.items():
        folder = root / part
        convert(src / name, folder)
        config = DET_CONFIG if part == "det" else rec_config(character_table(src / name))
        (folder / "inference.yml").write_text(
            yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        print(f"{folder}: {', '.join(sorted(p.name for p in folder.iterdir()))}")
    print(f'use with: ocr_engine = "paddle" and models_dir = "{Path(models_dir).resolve()}"')


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "models")
