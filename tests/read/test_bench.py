"""The benchmark's measuring parts (the full run is ``xinfang bench``, too slow for the suite)."""
from __future__ import annotations

import json
from pathlib import Path

from xinfang_nlp.bench import cer_counts, edit_distance, normalize

BENCH = Path(__file__).resolve().parent.parent / "fixtures" / "bench"


def test_edit_distance():
    assert edit_distance("申诉书", "申诉书") == 0
    assert edit_distance("申诉书", "申拆书") == 1
    assert edit_distance("", "abc") == 3
    assert edit_distance("执行局", "执行") == 1


def test_cer_ignores_whitespace_and_width():
    assert normalize("申请人：（2022） \n鲁0117") == "申请人:(2022)鲁0117"
    assert cer_counts("申诉书\n请求恢复执行。", "申诉书 请求恢复执行。") == (0, 10)


def test_manifest_complete():
    m = json.loads((BENCH / "manifest.json").read_text(encoding="utf-8"))
    kinds = {p["kind"] for p in m["pages"]}
    assert kinds == {"clean", "scan", "photo", "kai"}
    for p in m["pages"] + m["dense"]:
        assert (BENCH / p["file"]).is_file() and (BENCH / p["gt"]).read_text(encoding="utf-8").strip()
    from xinfang_nlp.bench import normalize
    dense_chars = [len(normalize((BENCH / p["gt"]).read_text(encoding="utf-8"))) for p in m["dense"]]
    assert len(dense_chars) == 3 and min(dense_chars) >= 400
    gts = json.loads((BENCH / m["textpdf"]["gt"]).read_text(encoding="utf-8"))
    assert len(gts) == m["textpdf"]["pages"] >= 20
