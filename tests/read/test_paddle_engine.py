"""The optional PaddleOCR engine on real model folders. Runs where the `paddle` extra is installed
and XINFANG_PADDLE_MODELS names a models folder holding paddle/det and paddle/rec (made by
``bash scripts/paddle_models.sh``); elsewhere, as in CI, it is skipped: Paddle is not installed
there."""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from xinfang_nlp.bench import cer_counts
from xinfang_nlp.read import read_file

MODELS = os.environ.get("XINFANG_PADDLE_MODELS")
pytestmark = pytest.mark.skipif(
    not MODELS or not (Path(MODELS) / "paddle" / "rec").is_dir(),
    reason="set XINFANG_PADDLE_MODELS to a folder made by scripts/paddle_models.sh")


@pytest.fixture(scope="module")
def paddle_settings():
    pytest.importorskip("paddleocr")
    from xinfang_nlp.settings import load_settings
    return replace(load_settings(), ocr_engine="paddle", models_dir=Path(MODELS))


def test_paddle_engine_reads_a_letter(fix, paddle_settings):
    rr = read_file(fix / "short_letter.png", "short_letter.png", paddle_settings)
    assert rr.error is None
    assert "申诉人：王建国，电话13905310127。" in rr.text
    assert "（2022）鲁0117执1234号" in rr.text


def test_paddle_engine_is_built_once_per_process(fix, paddle_settings):
    # importing paddle sets OMP_NUM_THREADS=1; the engine must not be rebuilt for every file
    from xinfang_nlp.read.pluginspec import get_engine
    first = get_engine(paddle_settings)
    read_file(fix / "short_letter.png", "a.png", paddle_settings)
    assert get_engine(paddle_settings) is first


def test_paddle_engine_reads_the_bench_scans(paddle_settings):
    root = Path(__file__).resolve().parents[1] / "fixtures" / "bench" / "scan"
    errors = chars = 0
    for page in sorted(root.glob("*.jpg")):
        rr = read_file(page, page.name, paddle_settings)
        e, n = cer_counts(page.with_suffix(".gt.txt").read_text(encoding="utf-8"), rr.text)
        errors, chars = errors + e, chars + n
    assert errors / chars <= 0.01
