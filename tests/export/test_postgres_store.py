"""The same Store, review page and export on PostgreSQL (a throwaway local cluster)."""
import csv
import io
import json
import re
from pathlib import Path

import pytest

from xinfang_nlp.export import HEADERS, export_records
from xinfang_nlp.register.store import StaleRecord, Store
from xinfang_nlp.review import queue as q
from xinfang_nlp.review.edit import apply_form
from xinfang_nlp.review.samples import make_record

ROOT = Path(__file__).resolve().parents[2]


def test_store_on_postgresql(pg_db):
    store = Store.open(pg_db)
    try:
        assert store.engine.dialect.name == "postgresql"
        recs = [make_record(i, day="2025-03-18") for i in range(8)]
        for r in recs:
            store.save(r)
        assert store.count() == 8 and store.count("suggested") == 8
        got = store.get(recs[3].record_id)
        assert got.to_dict()["register"] == recs[3].register and got.version == 1
        assert store.find(recs[3].source["path"], recs[3].source["sha256"]).record_id == recs[3].record_id
        # version check
        a, b = store.get(recs[0].record_id), store.get(recs[0].record_id)
        a.register["judge"] = "甲"
        store.save(a, expected_version=1, audit_entries=[{"clerk": "甲", "action": "edit",
                                                          "field": "register.judge", "suggested": "x",
                                                          "final": "甲"}])
        b.register["judge"] = "乙"
        with pytest.raises(StaleRecord):
            store.save(b, expected_version=1)
        assert store.get(recs[0].record_id).register["judge"] == "甲"
        assert store.history(recs[0].record_id)[0]["final"] == "甲"
        # queue order and filters (the review page's queries)
        order = [r.record_id for r in store.iter_records(order="queue")]
        recs_q, total = q.list_queue(store, q.Filters())
        assert [r.record_id for r in recs_q] == order and total == 8
        nxt = q.next_after(store, q.Filters(), *q.position(store, order[0]))
        assert nxt == order[1]
        g = recs[0].grounds[0]
        assert recs[0].record_id in {r.record_id for r in q.list_queue(store, q.Filters(ground=g))[0]}
        # repeat lookup
        name = recs[2].register["petitioner_name"]
        case = recs[2].register["case_numbers"][0]["normalized"]
        assert store.find_repeats([name], [], [case], exclude=None) == [recs[2].record_id]
    finally:
        store.close()


def test_export_on_postgresql(pg_db, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    store = Store.open(pg_db)
    try:
        recs = [make_record(i, day="2025-03-18") for i in range(4)]
        for r in recs:
            store.save(r)
        for r in recs[:2]:
            cur = store.get(r.record_id)
            new, entries = apply_form(cur, {"reg_judge": "孙法官"}, clerk="王书记员",
                                      now="2025-03-18T10:00:00+08:00", confirm=True)
            store.save(new, expected_version=cur.version, audit_entries=entries)
    finally:
        store.close()
    schema = json.loads((ROOT / "schema" / "record.schema.json").read_text(encoding="utf-8"))
    out = tmp_path / "pg.jsonl"
    assert export_records(pg_db, fmt="jsonl", out=out) == 2
    for line in out.read_text(encoding="utf-8").splitlines():
        jsonschema.validate(json.loads(line), schema)
    again = tmp_path / "pg2.jsonl"
    export_records(pg_db, fmt="jsonl", out=again)
    assert out.read_bytes() == again.read_bytes()
    c = tmp_path / "pg.csv"
    assert export_records(pg_db, fmt="csv", status="all", out=c) == 4
    rows = list(csv.reader(io.StringIO(c.read_bytes().decode("utf-8-sig"))))
    assert rows[0] == HEADERS and len(rows) == 5
    assert export_records(pg_db, fmt="xlsx", status="all", out=tmp_path / "pg.xlsx") == 4
    assert export_records(pg_db, fmt="jsonl", since="2099-01-01", out=out) == 0


def test_review_page_on_postgresql(pg_db):
    from fastapi.testclient import TestClient

    from xinfang_nlp.review.app import create_app

    store = Store.open(pg_db)
    recs = [make_record(i, day="2025-03-18") for i in range(3)]
    for r in recs:
        store.save(r)
    app = create_app(pg_db)
    c = TestClient(app)
    c.get("/")
    c.post("/clerk", data={"csrf_token": c.cookies.get("xf_csrf"), "name": "王书记员"})
    first = re.search(r'href="/r/(xf-[0-9a-f]{16})', c.get("/").text).group(1)
    html = c.get(f"/r/{first}").text
    version = re.search(r'name="version" value="(\d+)"', html).group(1)
    r = c.post(f"/r/{first}", data={"csrf_token": c.cookies.get("xf_csrf"), "version": version,
                                    "action": "confirm", "reg_judge": "钱法官"}, follow_redirects=False)
    assert r.status_code == 303
    rec = store.get(first)
    assert rec.status == "confirmed" and rec.register["judge"] == "钱法官"
    assert [h["action"] for h in store.history(first)] == ["edit", "confirm"]
    r = c.post(f"/r/{first}", data={"csrf_token": c.cookies.get("xf_csrf"), "version": version,
                                    "action": "confirm"}, follow_redirects=False)
    assert r.status_code == 409
    app.state.store.close()
    store.close()
