"""The review page over a real SQLite register (FastAPI TestClient)."""
import re

import pytest

from xinfang_nlp.review.app import BindRefused, check_bind, create_app, is_local_host

XSS = "<script>alert('x')</script>"      # also in conftest's fifth letter


def version_of(html: str) -> str:
    return re.search(r'name="version" value="(\d+)"', html).group(1)


def form_of(html: str) -> dict:
    """The record form as the browser would submit it (inputs, checked boxes/radios, textareas)."""
    form = {"grounds": []}
    body = html.split('id="record-form"', 1)[1].split("</form>", 1)[0]
    for m in re.finditer(r"<input ([^>]*)>", body):
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        name = attrs.get("name")
        if not name:
            continue
        if attrs.get("type") in ("radio", "checkbox"):
            if " checked" not in m.group(1):
                continue
            if name == "grounds":
                form["grounds"].append(attrs["value"])
                continue
        form[name] = _unescape(attrs.get("value", ""))
    for m in re.finditer(r'<textarea name="(\w+)"[^>]*>(.*?)</textarea>', body, re.S):
        form[m.group(1)] = _unescape(m.group(2))
    return form


def _unescape(s: str) -> str:
    import html
    return html.unescape(s)


def post(client, rid, form, **changes):
    data = dict(form, **changes)
    data["csrf_token"] = client.cookies.get("xf_csrf")
    return client.post(f"/r/{rid}", data=data, follow_redirects=False)


# ---------------------------------------------------------------- queue and filters
def test_queue_lists_unconfirmed_flagged_and_least_confident_first(client, register):
    db, store, ids = register
    html = client.get("/").text
    order = re.findall(r'href="/r/(xf-[0-9a-f]{16})', html)
    # risk first, then the needs_review one (0.41), then by confidence
    assert order[0] == ids[2]
    assert order[1] == ids[1]
    assert order[2:] == [ids[3], ids[0], ids[4]]
    assert "待核对队列" in html and "Alt" in html


def test_filters_by_day_status_type_and_ground(client, register):
    db, store, ids = register
    found = lambda q: set(re.findall(r'href="/r/(xf-[0-9a-f]{16})', client.get("/?" + q).text))  # noqa: E731
    assert found("day=2025-03-17") == {ids[0], ids[1]}
    assert found("ground=A7") == {ids[2]}
    assert found("type=review") == {ids[1]}
    assert found("type=implementation") == {ids[0], ids[2], ids[4]}
    assert found("type=none") == {ids[3]}
    assert found("status=confirmed") == set()
    # confirm one: it leaves the open queue and appears under 已确认
    page = client.get(f"/r/{ids[0]}").text
    assert post(client, ids[0], form_of(page), action="confirm").status_code == 303
    assert found("status=confirmed") == {ids[0]}
    assert ids[0] not in found("")
    assert ids[0] in found("status=all")
    # junk in the filters is ignored, not an error
    assert client.get("/?day=<x>&status=drop&ground=Z9").status_code == 200


# ---------------------------------------------------------------- one record
def test_record_page_shows_text_evidence_and_editable_suggestions(client, register):
    db, store, ids = register
    rec = store.get(ids[2])
    html = client.get(f"/r/{ids[2]}").text
    assert rec.register["petitioner_name"] in html
    for ev in rec.evidence:      # each evidence sentence highlighted in the letter with its ground
        assert re.search(r'<mark class="ev c\d" title="依据：[^"]*%s' % ev["label"], html)
        assert ev["text"] in html
    assert 'id="g-A7" checked' in html and 'id="g-A6" checked' in html and 'id="g-A2" checked' not in html
    assert "拖延发放执行款或其他财产" in html        # grounds carry their Chinese wording
    for name in ("reg_received_at", "reg_channel", "reg_petitioner_name", "reg_petitioner_phone",
                 "reg_applicants", "reg_respondents", "reg_outsiders", "reg_judge", "reg_case_numbers",
                 "reg_letter_date", "reg_summary", "reg_proposed_action", "deadline_reply"):
        assert f'name="{name}"' in html
    assert "确认" in html and "跳过" in html and "Alt+S" in html and "Ctrl" in html


def test_letter_markup_is_shown_as_text(client, register):
    db, store, ids = register
    html = client.get(f"/r/{ids[4]}").text
    assert XSS not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    # in the queue too (summary/text snippet) and in the CSP header
    r = client.get(f"/r/{ids[4]}")
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_xss_in_a_clerk_edit_is_escaped_in_history(client, register):
    db, store, ids = register
    page = client.get(f"/r/{ids[0]}").text
    assert post(client, ids[0], form_of(page), action="save", reg_summary=XSS).status_code == 303
    html = client.get(f"/r/{ids[0]}").text
    assert XSS not in html and "&lt;script&gt;" in html


def test_correct_suggestion_confirms_in_one_post_and_moves_to_next(client, register):
    db, store, ids = register
    html = client.get(f"/r/{ids[2]}").text          # first in the queue
    r = post(client, ids[2], form_of(html), action="confirm")
    assert r.status_code == 303
    assert r.headers["location"].startswith(f"/r/{ids[1]}")   # the next in queue order
    rec = store.get(ids[2])
    assert rec.status == "confirmed" and rec.confirmed_by == "王书记员" and rec.confirmed_at
    hist = store.history(ids[2])
    assert [h["action"] for h in hist] == ["confirm"]            # nothing changed: only the confirm
    assert hist[0]["clerk"] == "王书记员"


def test_correction_keeps_who_when_suggested_and_final(client, register):
    db, store, ids = register
    before = store.get(ids[1])
    form = form_of(client.get(f"/r/{ids[1]}").text)
    form["grounds"] = ["A4", "A6"]
    r = post(client, ids[1], form, action="confirm", reg_judge="钱法官",
             reg_outsiders="赵某、钱某", reg_petitioner_phone="139 0534 0000", deadline_reply="2025-05-20")
    assert r.status_code == 303
    rec = store.get(ids[1])
    assert rec.grounds == ["A4", "A6"] and rec.register["judge"] == "钱法官"
    assert rec.register["outsiders"] == ["赵某", "钱某"]
    assert rec.register["petitioner_phone"] == "13905340000"
    assert [d["due"] for d in rec.deadlines if d["name"] == "reply"] == ["2025-05-20"]
    assert rec.version == before.version + 1
    hist = {h["field"]: h for h in store.history(ids[1])}
    assert hist["grounds"]["suggested"] == ["A4"] and hist["grounds"]["final"] == ["A4", "A6"]
    assert hist["register.judge"]["suggested"] == before.register["judge"]
    assert hist["register.judge"]["final"] == "钱法官"
    assert hist["status"]["action"] == "confirm"
    assert all(h["clerk"] == "王书记员" and h["at"] for h in hist.values())
    # a second correction of the same field still names what the tool first suggested
    form = form_of(client.get(f"/r/{ids[1]}").text)
    assert post(client, ids[1], form, action="save", reg_judge="李法官").status_code == 303
    last = [h for h in store.history(ids[1]) if h["field"] == "register.judge"][-1]
    assert last["suggested"] == before.register["judge"] and last["final"] == "李法官"


def test_history_is_shown_on_the_record_page(client, register):
    db, store, ids = register
    form = form_of(client.get(f"/r/{ids[3]}").text)
    post(client, ids[3], form, action="confirm", reg_channel="人大转办", decision="accept")
    html = client.get(f"/r/{ids[3]}").text
    hist = html.split('id="history"', 1)[1]
    assert "王书记员" in hist and "案件来源" in hist and "人大转办" in hist
    assert "确认" in hist and "受理/不予受理" in hist and "不予受理" in hist


def test_stale_version_gives_a_clear_message_and_keeps_the_clerks_values(client, register):
    db, store, ids = register
    html = client.get(f"/r/{ids[0]}").text
    mine = form_of(html)
    # another clerk saves the same record meanwhile
    other = store.get(ids[0])
    other.register["judge"] = "赵法官（他人修改）"
    store.save(other, expected_version=other.version,
               audit_entries=[{"clerk": "李书记员", "action": "edit", "field": "register.judge",
                               "suggested": "x", "final": "赵法官（他人修改）"}])
    r = post(client, ids[0], mine, action="confirm", reg_summary="我的摘要，不能丢")
    assert r.status_code == 409
    assert "李书记员 已修改并保存了它" in r.text and "您填写的内容没有丢失" in r.text
    assert "我的摘要，不能丢" in r.text                      # the clerk's value still on the page
    assert "赵法官（他人修改）" in r.text                     # and what the other clerk saved
    rec = store.get(ids[0])
    assert rec.status == "suggested" and rec.register["summary"] != "我的摘要，不能丢"
    # the page now carries the new version: confirming again deliberately succeeds
    again = form_of(r.text)
    assert again["version"] == str(rec.version)
    assert post(client, ids[0], again, action="confirm").status_code == 303
    assert store.get(ids[0]).register["summary"] == "我的摘要，不能丢"


def test_invalid_values_are_refused_with_a_chinese_message(client, register):
    db, store, ids = register
    form = form_of(client.get(f"/r/{ids[0]}").text)
    r = post(client, ids[0], form, action="confirm", reg_letter_date="2025-02-30")
    assert r.status_code == 400 and "未保存" in r.text and "日期" in r.text
    r = post(client, ids[0], form, action="confirm", reg_petitioner_phone="找不到")
    assert r.status_code == 400 and "联系电话" in r.text
    assert store.get(ids[0]).status == "suggested"


# ---------------------------------------------------------------- CSRF, clerk, token, bind
def test_post_without_or_with_wrong_csrf_token_is_refused(client, register):
    db, store, ids = register
    form = form_of(client.get(f"/r/{ids[0]}").text)
    for token in (None, "forged-token-forged-token-forged"):
        data = dict(form, action="confirm")
        if token:
            data["csrf_token"] = token
        else:
            data.pop("csrf_token", None)
        r = client.post(f"/r/{ids[0]}", data=data, follow_redirects=False)
        assert r.status_code == 403 and "安全校验未通过" in r.text
    # a cross-site request carries no cookie: also refused
    from fastapi.testclient import TestClient
    from xinfang_nlp.review.app import create_app
    other = TestClient(create_app(str(db)))
    r = other.post(f"/r/{ids[0]}", data=dict(form, action="confirm"), follow_redirects=False)
    assert r.status_code == 403
    assert store.get(ids[0]).status == "suggested" and store.history(ids[0]) == []


def test_clerk_name_is_asked_once(register):
    from fastapi.testclient import TestClient

    db, store, ids = register
    c = TestClient(create_app(str(db)))
    r = c.get(f"/r/{ids[0]}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/clerk?next=")
    r = c.get(r.headers["location"])
    assert "请填写您的姓名" in r.text
    r = c.post("/clerk", data={"csrf_token": c.cookies.get("xf_csrf"), "name": "赵书记员",
                               "next": f"/r/{ids[0]}"}, follow_redirects=False)
    assert r.headers["location"] == f"/r/{ids[0]}"
    assert "赵书记员" in c.get(f"/r/{ids[0]}").text
    # no open redirect through next=
    r = c.post("/clerk", data={"csrf_token": c.cookies.get("xf_csrf"), "name": "赵书记员",
                               "next": "//evil.example/"}, follow_redirects=False)
    assert r.headers["location"] == "/"


def test_non_local_bind_is_refused_without_a_token():
    assert is_local_host("127.0.0.1") and is_local_host("localhost") and is_local_host("::1")
    assert not is_local_host("0.0.0.0") and not is_local_host("192.168.1.10")
    with pytest.raises(BindRefused) as e:
        check_bind("0.0.0.0", None)
    assert "--token" in str(e.value)
    check_bind("0.0.0.0", "s3cret-token")
    check_bind("127.0.0.1", None)
    from xinfang_nlp.review.app import serve
    with pytest.raises(BindRefused):
        serve(db="unused.sqlite", host="0.0.0.0", port=1, token=None)


def test_token_is_required_when_set(register):
    from fastapi.testclient import TestClient

    db, store, ids = register
    c = TestClient(create_app(str(db), token="s3cret-token"))
    assert c.get("/").status_code == 401
    assert c.get("/?token=wrong").status_code == 401
    r = c.get("/?token=s3cret-token&day=2025-03-17", follow_redirects=False)
    assert r.status_code == 303 and "token" not in r.headers["location"]
    assert c.get("/").status_code == 200                          # the cookie carries it now
    c2 = TestClient(create_app(str(db), token="s3cret-token"))
    assert c2.get("/", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200


# ---------------------------------------------------------------- page images
def test_page_images_for_pdf_and_image_sources(tmp_path):
    from fastapi.testclient import TestClient
    from PIL import Image

    from xinfang_nlp.register.store import Store
    from xinfang_nlp.review.samples import make_record

    bag = tmp_path / "mailbag"
    bag.mkdir()
    Image.new("RGB", (60, 80), "white").save(bag / "scan.jpg")
    Image.new("RGB", (60, 80), "white").save(bag / "scan.png")
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(200, 300)
    pdf.new_page(200, 300)
    pdf.save(str(bag / "letter.pdf"))
    pdf.close()
    db = tmp_path / "r.sqlite"
    store = Store.open(db)
    jpg = make_record(1, fmt="jpeg", path="scan.jpg")
    pdfr = make_record(2, fmt="pdf", path="letter.pdf")
    pdfr.source["pages"] = [{"number": 1, "method": "text", "confidence": None},
                            {"number": 2, "method": "text", "confidence": None}]
    txt = make_record(3, fmt="txt", path="letter.txt")
    evil = make_record(4, fmt="png", path="../../etc/passwd")
    for r in (jpg, pdfr, txt, evil):
        store.save(r)
    c = TestClient(create_app(str(db), mailbag=bag))
    r = c.get(f"/r/{jpg.record_id}/page/1")
    assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
    r = c.get(f"/r/{pdfr.record_id}/page/2")
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    assert r.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert c.get(f"/r/{pdfr.record_id}/page/3").status_code == 404
    assert c.get(f"/r/{txt.record_id}/page/1").status_code == 404
    assert c.get(f"/r/{evil.record_id}/page/1").status_code == 404      # never leaves the mailbag
    c.get("/")
    c.post("/clerk", data={"csrf_token": c.cookies.get("xf_csrf"), "name": "甲"})
    html = c.get(f"/r/{pdfr.record_id}").text
    assert f"/r/{pdfr.record_id}/page/1" in html and f"/r/{pdfr.record_id}/page/2" in html
    assert "/page/1" not in c.get(f"/r/{txt.record_id}").text
    store.close()
