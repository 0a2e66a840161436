"""The whole batch on real files and a real SQLite register: nothing lost, nothing duplicated."""
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import pytest
from PIL import Image, ImageDraw

from xinfang_nlp.pipeline import process
from xinfang_nlp.register.store import Store

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "schema" / "record.schema.json").read_text("utf-8"))

LETTER = ("尊敬的钢城区人民法院执行局领导：\n我叫刘桂英，是（2022）鲁0117执1034号案件的申请执行人，电话13853168842。"
          "被执行人济南鑫达建材有限公司欠我货款86000元，判决生效两年了，承办法官葛法官一直说没有财产，"
          "可是这家公司还在正常营业，厂里天天出货。请求法院尽快查封他们的设备，把钱执行回来。\n"
          "此致\n敬礼\n申请人：刘桂英\n2024年4月8日\n")


def _mailbag(tmp_path: Path) -> Path:
    bag = tmp_path / "mailbag"
    bag.mkdir()
    (bag / "letter-utf8.txt").write_text(LETTER, encoding="utf-8")
    (bag / "letter-gbk.txt").write_bytes(LETTER.replace("刘桂英", "孙德明").encode("gb18030"))
    (bag / "empty.txt").write_bytes(b"")
    (bag / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%")
    (bag / "archive.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 60)
    sub = bag / "scanned-again"
    sub.mkdir()
    shutil.copy(bag / "letter-utf8.txt", sub / "same-letter.txt")
    return bag


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_every_file_becomes_a_record_and_bad_ones_say_why(tmp_path):
    bag = _mailbag(tmp_path)
    before = _hashes(bag)
    db = tmp_path / "reg.sqlite"
    summary = process([bag], db, jobs=1)
    assert summary.items == 6
    store = Store.open(db)
    recs = {r.source["path"]: r for r in store.iter_records(status="all")}
    assert set(recs) == set(before)                       # one record per file, nothing lost
    assert recs["empty.txt"].status == "failed" and recs["empty.txt"].error["code"] == "empty"
    assert recs["broken.pdf"].error["code"] in ("corrupt", "truncated")
    assert recs["archive.zip"].error["code"] == "unsupported"
    good = recs["letter-gbk.txt"]
    assert good.status == "suggested" and "孙德明" in good.text and "执行" in good.text
    assert good.decision in ("accept", "reject") and good.grounds
    dup = recs["scanned-again/same-letter.txt"]
    assert "duplicate" in dup.flags and dup.duplicate_of == recs["letter-utf8.txt"].record_id
    for r in recs.values():
        jsonschema.validate(r.to_dict(), SCHEMA)
    assert _hashes(bag) == before                          # originals never modified


def test_rerun_skips_and_force_rereads_in_place(tmp_path):
    bag = _mailbag(tmp_path)
    db = tmp_path / "reg.sqlite"
    process([bag], db, jobs=1)
    store = Store.open(db)
    n = store.count()
    v = store.find("letter-utf8.txt", hashlib.sha256(LETTER.encode()).hexdigest()).version
    again = process([bag], db, jobs=1)
    assert again.skipped == 6 and again.new == 0 and store.count() == n
    forced = process([bag], db, jobs=1, force=True)
    assert forced.new == 0 and store.count() == n
    assert store.find("letter-utf8.txt", hashlib.sha256(LETTER.encode()).hexdigest()).version == v + 1


def test_jsonl_export_of_a_batch_validates(tmp_path):
    bag = _mailbag(tmp_path)
    out = tmp_path / "records.jsonl"
    env = dict(os.environ)
    r = subprocess.run([sys.executable, "-m", "xinfang_nlp.cli", "process", str(bag), "--db",
                        str(tmp_path / "r.sqlite"), "--jsonl", str(out), "-j", "1", "-q"],
                       capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(lines) == 6
    for d in lines:
        jsonschema.validate(d, SCHEMA)
    # personal data stays out of what the terminal shows
    assert "13853168842" not in r.stdout + r.stderr and "刘桂英" not in r.stdout + r.stderr
    assert "失败 failures: 3" in r.stdout
    # a rerun registers nothing new, and its JSON Lines still give every item's record
    again = subprocess.run([sys.executable, "-m", "xinfang_nlp.cli", "process", str(bag), "--db",
                            str(tmp_path / "r.sqlite"), "--jsonl", str(out), "-j", "1", "-q"],
                           capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert again.returncode == 0 and "已登记跳过 skipped: 6" in again.stdout
    assert [json.loads(x)["record_id"] for x in out.read_text("utf-8").splitlines()] == [d["record_id"] for d in lines]


def test_killed_batch_loses_nothing_and_duplicates_nothing(tmp_path):
    bag = tmp_path / "scans"
    bag.mkdir()
    for i in range(8):
        img = Image.new("RGB", (320 + i, 400), "white")
        draw = ImageDraw.Draw(img)
        for row in range(6):                      # ink strokes, so the page is not blank
            draw.rectangle((20, 30 + 50 * row, 300, 48 + 50 * row), fill="black")
        img.save(bag / f"scan-{i:02d}.png")
    cfg = tmp_path / "court.toml"
    cfg.write_text('ocr_engine = "slow"\n', encoding="utf-8")
    db = tmp_path / "reg.sqlite"
    env = dict(os.environ, XINFANG_PLUGINS="tests.plugins.slow_engine", XINFANG_CONFIG=str(cfg),
               SLOW_ENGINE_SECONDS="0.7", PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "xinfang_nlp.cli", "process", str(bag), "--db", str(db), "-j", "1", "-q"]
    p = subprocess.Popen(cmd, env=env, cwd=ROOT, start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    saved = 0
    while time.time() < deadline and p.poll() is None:
        if db.exists():
            try:
                saved = Store.open(db).count()
            except Exception:
                saved = 0
            if saved >= 2:
                break
        time.sleep(0.2)
    assert p.poll() is None, "batch finished before it could be killed"
    os.killpg(p.pid, signal.SIGKILL)
    p.wait()
    partial = Store.open(db).count()
    assert 2 <= partial < 8
    r = subprocess.run(cmd, env=dict(env, SLOW_ENGINE_SECONDS="0"), cwd=ROOT, capture_output=True,
                       text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    store = Store.open(db)
    recs = list(store.iter_records(status="all"))
    assert len(recs) == 8
    assert sorted(r.source["path"] for r in recs) == [f"scan-{i:02d}.png" for i in range(8)]
    assert all(r.status == "suggested" and "王秀兰" in r.text for r in recs)


def test_a_reader_crash_fails_that_file_only(tmp_path):
    bag = tmp_path / "scans"
    bag.mkdir()
    for w in (320, 333, 340, 350):
        img = Image.new("RGB", (w, 400) if w != 333 else (600, 333), "white")
        ImageDraw.Draw(img).rectangle((20, 30, 300, 48), fill="black")
        img.save(bag / f"scan-{w}.png")
    cfg = tmp_path / "court.toml"
    cfg.write_text('ocr_engine = "crash"\n', encoding="utf-8")
    db = tmp_path / "reg.sqlite"
    env = dict(os.environ, XINFANG_PLUGINS="tests.plugins.crash_engine", XINFANG_CONFIG=str(cfg),
               PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "xinfang_nlp.cli", "process", str(bag), "--db", str(db),
                        "-j", "2", "-q"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    recs = {r.source["path"]: r for r in Store.open(db).iter_records(status="all")}
    assert len(recs) == 4
    assert recs["scan-333.png"].status == "failed" and recs["scan-333.png"].error["code"] == "unreadable"
    assert all(recs[f"scan-{w}.png"].status == "suggested" for w in (320, 340, 350))


def test_force_never_overwrites_what_a_clerk_confirmed(tmp_path):
    bag = _mailbag(tmp_path)
    db = tmp_path / "reg.sqlite"
    process([bag], db, jobs=1)
    store = Store.open(db)
    rec = store.find("letter-utf8.txt", hashlib.sha256(LETTER.encode()).hexdigest())
    rec.status, rec.confirmed_by, rec.grounds, rec.decision = "confirmed", "王书记员", ["A7"], "accept"
    store.save(rec)
    process([bag], db, jobs=1, force=True)
    again = store.get(rec.record_id)
    assert again.status == "confirmed" and again.grounds == ["A7"] and again.confirmed_by == "王书记员"
    assert any(h["action"] == "reprocess" for h in store.history(rec.record_id))
