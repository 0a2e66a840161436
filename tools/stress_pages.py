"""40 letter pages for ``python -m benchmarks.ocr_runtime`` (not committed: ~10 MB), rendered from
hand-written training letters (t12, t14, t15) in four fonts and four sizes, a third each clean,
scanned and photographed, with a ``.gt.txt`` beside each (the letter's text; lines that did not fit
on the page count as errors for every engine alike). Needs the fonts of tools/make_fixtures.py.

    python tools/stress_pages.py /tmp/stress && python -m benchmarks.ocr_runtime /tmp/stress
"""
from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_fixtures import jpeg_roundtrip, photo_effects, render_letter, scan_effects  # noqa: E402

HAND = Path(__file__).resolve().parent.parent / "corpora" / "letters" / "train" / "hand"


def main(out: Path, n: int = 40) -> None:
    out.mkdir(parents=True, exist_ok=True)
    rows = [json.loads(line) for name in ("hand-t14.jsonl", "hand-t15.jsonl", "hand-t12.jsonl")
            for line in (HAND / name).open(encoding="utf-8")]
    rnd = random.Random(7)
    rnd.shuffle(rows)
    fonts = ["serif", "sans", "kai", "ming"]
    for i, row in enumerate(rows[:n]):
        paras = [p.strip() for p in row["text"].split("\n") if p.strip()]
        title, paras = (paras[0], paras[1:]) if len(paras) > 1 and len(paras[0]) <= 20 else ("信访材料", paras)
        font, px, kind = fonts[i % 4], [28, 32, 36, 40][(i // 4) % 4], ["clean", "scan", "photo"][i % 3]
        img, gt = render_letter(title, paras, kind=font, px=px)
        if kind == "scan":
            img = jpeg_roundtrip(scan_effects(img, i, angle=rnd.uniform(-1.5, 1.5)), 70)
        elif kind == "photo":
            img = jpeg_roundtrip(photo_effects(img, i), 80)
        stem = f"s{i:02d}_{kind}_{font}{px}"
        img.convert("RGB").save(out / f"{stem}.jpg", quality=90)
        (out / f"{stem}.gt.txt").write_text(gt, encoding="utf-8")
    print(f"{n} pages in {out}")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "stress_pages"))
