"""Does OpenVINO (bf16, stretched line widths) read what onnxruntime reads? And how fast?

    python -m benchmarks.ocr_runtime [FOLDER …] [--ratio 1.3 --ratio 1.15 …]

Reads every .jpg/.png in the folders (default: the bench fixtures) once with each runtime, one
thread, and prints, per OpenVINO width ratio, how many characters differ from the onnxruntime
reading, the CER of both against ``*.gt.txt`` where a page has one, and s/page (the first pass:
OpenVINO prepares each new input shape once, so few pages favour onnxruntime).
"""
from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

from xinfang_nlp.bench import cer_counts, edit_distance, normalize

ROOT = Path(__file__).resolve().parent.parent


def pages(folders: list[Path]) -> list[Path]:
    return sorted(p for f in folders for p in f.rglob("*") if p.suffix.lower() in (".jpg", ".png"))


def read_all(engine, files: list[Path]) -> tuple[dict[Path, str], float]:
    from PIL import Image
    out, t = {}, time.perf_counter()
    for f in files:
        with Image.open(f) as im:
            out[f] = "\n".join(ln.text for ln in engine.ocr(im.convert("RGB")))
    return out, (time.perf_counter() - t) / max(1, len(files))


def cer(texts: dict[Path, str]) -> str:
    err = n = 0
    for f, txt in texts.items():
        gt = f.with_name(f.stem + ".gt.txt")
        if gt.is_file():
            e, c = cer_counts(gt.read_text(encoding="utf-8"), txt)
            err, n = err + e, n + c
    return f"{err / n * 100:.2f} % ({err}/{n})" if n else "n/a"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="*", type=Path, default=[ROOT / "tests" / "fixtures" / "bench"])
    ap.add_argument("--ratio", type=float, action="append")
    args = ap.parse_args()
    os.environ.setdefault("XINFANG_OCR_THREADS", "1")
    from xinfang_nlp.read import ocr_rapid
    files = pages(args.folders)
    ref, s_ref = read_all(ocr_rapid.RapidOcrEngine(736, 1, "onnxruntime"), files)
    print(f"{len(files)} pages; onnxruntime: {s_ref:.3f} s/page, CER {cer(ref)}")
    for ratio in args.ratio or [ocr_rapid.REC_WIDTH_RATIO]:
        ocr_rapid.REC_WIDTH_RATIO = ratio
        got, s = read_all(ocr_rapid.RapidOcrEngine(736, 1, "openvino"), files)
        diff = sum(edit_distance(normalize(ref[f]), normalize(got[f])) for f in files)
        chars = sum(len(normalize(ref[f])) for f in files)
        print(f"openvino, width ratio {ratio}: {s:.3f} s/page, CER {cer(got)}, "
              f"{diff} of {chars} characters differ from onnxruntime")


if __name__ == "__main__":
    main()
