"""A clerk in a real browser: Debian's headless Chromium driven by Playwright against the real
server (``xinfang serve``) on a free loopback port and a real SQLite register.

Needs ``scripts/install_browser.sh`` (apt chromium + the playwright package; never
``playwright install``). Skips when either is missing.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(register, tmp_path):
    db, store, ids = register
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop("XINFANG_TOKEN", None)
    log = open(tmp_path / "server.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "xinfang_nlp.cli", "serve", "--db", str(db),
                             "--port", str(port)], cwd=str(ROOT), env=env, stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    log.flush()
                    raise RuntimeError("server did not start: " + (tmp_path / "server.log").read_text())
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("no /usr/bin/chromium (scripts/install_browser.sh)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield b
        finally:
            b.close()


def test_clerk_corrects_a_ground_and_a_field_then_confirms(server, browser, register, tmp_path):
    db, store, ids = register
    page = browser.new_page(locale="zh-CN")
    page.goto(server + "/")
    assert "待核对队列" in page.content()
    first = page.locator("#queue a.open").first
    first_id = first.get_attribute("href").split("/r/", 1)[1].split("?", 1)[0]
    assert first_id == ids[2]                      # the risk-flagged letter leads the queue
    first.click()
    # asked once for the clerk's name, then straight to the record
    page.fill("#name", "王书记员")
    page.click("text=开始核对")
    page.wait_for_selector("#record-form")
    assert page.locator("#clerk-name").inner_text() == "王书记员"
    assert page.locator("mark.ev").count() >= 2                     # evidence highlighted
    assert page.is_checked("#g-A7") and not page.is_checked("#g-A8")
    page.screenshot(path=str(tmp_path / "record.png"), full_page=True)
    # correct: add ground A8, fix the judge, then confirm with the keyboard shortcut
    page.check("#g-A8")
    page.fill("#reg_judge", "孙法官（更正）")
    page.focus("#reg_summary")
    with page.expect_navigation():
        page.keyboard.press("Alt+Enter")
    assert f"/r/{first_id}" not in page.url and "/r/" in page.url    # moved to the next record
    rec = store.get(first_id)
    assert rec.status == "confirmed" and rec.confirmed_by == "王书记员"
    assert "A8" in rec.grounds and rec.register["judge"] == "孙法官（更正）"
    hist = store.history(first_id)
    fields = {h["field"]: h for h in hist}
    assert fields["grounds"]["final"] == sorted(set(fields["grounds"]["suggested"]) | {"A8"},
                                                key=["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"].index)
    assert fields["register.judge"]["final"] == "孙法官（更正）"
    assert fields["status"]["action"] == "confirm"
    assert all(h["clerk"] == "王书记员" for h in hist)
    # Alt+S skips to the following record without saving anything
    skipped = page.url.split("/r/", 1)[1].split("?", 1)[0]
    with page.expect_navigation():
        page.keyboard.press("Alt+S")
    assert skipped not in page.url
    assert store.get(skipped).status == "suggested" and store.history(skipped) == []
    # the confirmed record's history is on its page
    page.goto(server + f"/r/{first_id}")
    hist_text = page.locator("#history").inner_text()
    assert "王书记员" in hist_text and "孙法官（更正）" in hist_text and "确认" in hist_text
    page.close()
