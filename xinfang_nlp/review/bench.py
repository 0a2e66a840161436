"""Review page latency with a full register: ``python -m xinfang_nlp.review.bench [--records 10000]``.

Fills a temporary SQLite register (or ``--db URL``) with synthetic records, starts the real server
(uvicorn) on a free loopback port and times, over HTTP, opening records (``GET /r/{id}``, the
page a clerk opens: record, history, next-in-queue, form), the queue, and confirming. Target: a
record opens in < 300 ms with 10,000 records.
"""
from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fill(db: str, n: int) -> list[str]:
    from ..register.store import Store
    from .samples import make_records

    store = Store.open(db)
    have = store.count()
    ids = []
    days = tuple(f"2025-03-{d:02d}" for d in range(3, 29))
    for rec in make_records(n, seed=11, days=days):
        if have < n:
            store.save(rec)
        ids.append(rec.record_id)
    store.close()
    return ids


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def run(records: int = 10000, opens: int = 200, db: str | None = None, seed: int = 1) -> dict:
    import httpx
    import uvicorn

    from .app import create_app

    tmp = tempfile.TemporaryDirectory(prefix="xf-bench-")
    db = db or str(Path(tmp.name) / "register.sqlite")
    t0 = time.perf_counter()
    ids = fill(db, records)
    fill_s = time.perf_counter() - t0

    app = create_app(db)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           access_log=False))
    th = threading.Thread(target=server.run, daemon=True)
    th.start()
    while not server.started:
        time.sleep(0.02)
    base = f"http://127.0.0.1:{port}"
    rng = random.Random(seed)
    result: dict = {"records": records, "fill_seconds": round(fill_s, 1)}
    try:
        with httpx.Client(base_url=base, timeout=30) as c:
            c.get("/")
            c.post("/clerk", data={"csrf_token": c.cookies.get("xf_csrf"), "name": "基准测试",
                                   "next": "/"})
            c.get(f"/r/{ids[0]}")                       # warm: templates compiled once
            sample = rng.sample(ids, min(opens, len(ids)))
            times = []
            for rid in sample:
                t = time.perf_counter()
                r = c.get(f"/r/{rid}")
                times.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200, r.status_code
            qt = []
            for _ in range(20):
                t = time.perf_counter()
                r = c.get("/")
                qt.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 200
            ct = []
            for rid in sample[:20]:
                page = c.get(f"/r/{rid}").text
                version = page.split('name="version" value="', 1)[1].split('"', 1)[0]
                t = time.perf_counter()
                r = c.post(f"/r/{rid}", data={"csrf_token": c.cookies.get("xf_csrf"), "version": version,
                                              "action": "confirm", "q": ""}, follow_redirects=False)
                ct.append((time.perf_counter() - t) * 1000)
                assert r.status_code == 303, r.status_code
        result.update({
            "open_ms": {"n": len(times), "median": round(statistics.median(times), 1),
                        "p95": round(_pct(times, 95), 1), "max": round(max(times), 1)},
            "queue_ms": {"n": len(qt), "median": round(statistics.median(qt), 1),
                         "p95": round(_pct(qt, 95), 1)},
            "confirm_ms": {"n": len(ct), "median": round(statistics.median(ct), 1),
                           "p95": round(_pct(ct, 95), 1)},
        })
    finally:
        server.should_exit = True
        th.join(timeout=10)
        tmp.cleanup()
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=10000)
    ap.add_argument("--opens", type=int, default=200)
    ap.add_argument("--db", default=None, help="register URL/file to use instead of a temp SQLite file")
    a = ap.parse_args(argv)
    r = run(a.records, a.opens, a.db)
    print(f"register: {r['records']} records (filled in {r['fill_seconds']} s)")
    o, q, c = r["open_ms"], r["queue_ms"], r["confirm_ms"]
    print(f"open record  GET /r/{{id}}: median {o['median']} ms, p95 {o['p95']} ms, max {o['max']} ms (n={o['n']})")
    print(f"queue        GET /:       median {q['median']} ms, p95 {q['p95']} ms (n={q['n']})")
    print(f"confirm      POST /r/{{id}}: median {c['median']} ms, p95 {c['p95']} ms (n={c['n']})")
    ok = o["p95"] < 300
    print("target < 300 ms to open a record:", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
