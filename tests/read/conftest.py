from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from xinfang_nlp.read.pluginspec import OcrLine
from xinfang_nlp.settings import Settings

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "read"
MAILBAG = Path(__file__).resolve().parent.parent.parent / "examples" / "mailbag"


@pytest.fixture(scope="session")
def fix() -> Path:
    return FIX


@pytest.fixture(scope="session")
def mailbag() -> Path:
    return MAILBAG


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


class FakeEngine:
    """Returns fixed lines and records the images it was given."""
    name = "fake"

    def __init__(self, lines=None, confidence: float = 0.95):
        self.lines = lines if lines is not None else [
            OcrLine("申诉书", confidence, (500, 40, 700, 90)),
            OcrLine("请求恢复执行。", confidence, (60, 120, 420, 160)),
        ]
        self.images = []

    def ocr(self, image):
        self.images.append(image.size)
        return list(self.lines)


class FaultyEngine:
    name = "faulty"

    def __init__(self):
        self.calls = 0

    def ocr(self, image):
        self.calls += 1
        raise RuntimeError("engine exploded (test)")


@pytest.fixture
def fake_engine():
    from xinfang_nlp.read import use_engine
    eng = FakeEngine()
    with use_engine(eng):
        yield eng


def with_(settings: Settings, **kw) -> Settings:
    return replace(settings, **kw)
