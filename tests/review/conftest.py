import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from xinfang_nlp.register.store import Store  # noqa: E402
from xinfang_nlp.review.samples import make_record  # noqa: E402



def pytest_configure(config):
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")


XSS = "<script>alert('x')</script>"


@pytest.fixture
def register(tmp_path):
    """A real SQLite register with five letters over two days, one of them carrying markup."""
    db = tmp_path / "register.sqlite"
    store = Store.open(db)
    recs = [
        make_record(1, day="2025-03-17", grounds=["A2"], confidence=0.92, flags=[]),
        make_record(2, day="2025-03-17", grounds=["A4"], confidence=0.41),
        make_record(3, day="2025-03-18", grounds=["A7", "A6"], confidence=0.88, flags=["risk"]),
        make_record(4, day="2025-03-18", grounds=["R2"], confidence=0.75, flags=[]),
        make_record(5, day="2025-03-18", grounds=["A2"], confidence=0.95, flags=[],
                    text_extra="附言：" + XSS),
    ]
    for r in recs:
        store.save(r)
    yield db, store, [r.record_id for r in recs]
    store.close()


@pytest.fixture
def client(register):
    from fastapi.testclient import TestClient

    from xinfang_nlp.review.app import create_app

    db, store, ids = register
    app = create_app(str(db))
    with TestClient(app) as c:
        c.get("/")
        r = c.post("/clerk", data={"csrf_token": c.cookies.get("xf_csrf"), "name": "王书记员", "next": "/"},
                   follow_redirects=False)
        assert r.status_code == 303
        yield c
    app.state.store.close()
