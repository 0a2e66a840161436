"""``xinfang bench``: the figures it prints are computed as its doc says (a small run on two of the
committed bench pages and the text PDF)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from xinfang_nlp.bench import cer_counts, run_bench

BENCH = Path(__file__).resolve().parent / "fixtures" / "bench"


def test_cer_ignores_line_breaks_and_width_forms_but_counts_misread_characters():
    assert cer_counts("申诉书\n请求恢复（2022）执行", "申诉书请求恢复(2022)执行") == (0, 15)
    assert cer_counts("被执行人李明", "被执行人李朋") == (1, 6)
    assert cer_counts("被执行人李明", "被执行人") == (2, 6)


def test_small_bench_run_reports_every_figure(tmp_path, capsys):
    for sub in ("clean", "scan", "textpdf"):
        (tmp_path / sub).mkdir()
    pages = [{"kind": "clean", "file": "clean/p01.png", "gt": "clean/p01.gt.txt"},
             {"kind": "scan", "file": "scan/p01.jpg", "gt": "scan/p01.gt.txt"}]
    for p in pages:
        shutil.copy(BENCH / p["file"], tmp_path / p["file"])
        shutil.copy(BENCH / p["gt"], tmp_path / p["gt"])
    for name in ("letters24.pdf", "letters24.gt.json"):
        shutil.copy(BENCH / "textpdf" / name, tmp_path / "textpdf" / name)
    manifest = {"dpi": 200, "pages": pages,
                "textpdf": {"file": "textpdf/letters24.pdf", "gt": "textpdf/letters24.gt.json", "pages": 24}}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")

    out = tmp_path / "bench.json"
    r = run_bench(tmp_path, jobs=1, json_out=out)
    assert json.loads(out.read_text(encoding="utf-8"))["ocr_pages"] == 2
    assert r["cer"] == {"clean": 0.0, "scan": 0.0} and r["textpdf_cer"] == 0.0
    assert r["textpdf_pages"] == 24
    for key in ("s_per_page", "s_per_page_warm", "s_per_page_latency", "cpu_s_per_page", "overhead",
                "peak_rss_gb"):
        assert r[key] > 0 or key == "overhead"
    assert r["pass"]["cer_scan"] is True
    printed = capsys.readouterr().out
    assert "s/page (throughput)" in printed and "2nd pass" in printed and "rec " in printed
