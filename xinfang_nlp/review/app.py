"""The clerks' review page: ``xinfang serve --db REGISTER [--port N] [--mailbag DIR]``.

Server-rendered (FastAPI + Jinja2, autoescaped), no front-end build. A queue of unconfirmed
records, flagged and least confident first; one record at a time with the original page beside the
read text, evidence highlighted per ground, every suggestion editable; 确认 saves and moves on.

Safety: every POST carries a CSRF token equal to the ``xf_csrf`` cookie (double-submit; SameSite
Strict); the clerk's name lives in a cookie and goes into every audit entry; a save states the
version the clerk opened (``StaleRecord`` -> a Chinese message, the clerk's values kept on the
page); binds 127.0.0.1, and a non-local bind is refused unless ``--token`` is given (then every
request needs it: ``?token=…`` once sets a cookie, or ``Authorization: Bearer …``).
"""
from __future__ import annotations

import hmac
import ipaddress
import secrets
import time
from pathlib import Path
from typing import Any, Optional
from urllib.parse import parse_qsl, quote, unquote, urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..register.store import StaleRecord, Store, now_iso
from ..types import ACCEPT_GROUNDS, LABELS_ZH, REJECT_GROUNDS, Record
from . import queue as qmod
from .edit import FormError, apply_form, diff_fields
from .fields import (ACTION_ZH, DATE_FIELDS, DEADLINE_ZH, FIELD_ZH, FLAG_ZH, LIST_FIELDS, LONG_FIELDS,
                     REGISTER_FIELDS_ZH, STATUS_ZH, deadline_label, register_value_text, value_text)
from .highlight import evidence_by_label, ground_colors, segments
from .pages import PageRenderer, has_images, page_count

HERE = Path(__file__).resolve().parent
CSRF_COOKIE = "xf_csrf"
CLERK_COOKIE = "xf_clerk"
TOKEN_COOKIE = "xf_token"
CLERK_MAX = 64


class BindRefused(SystemExit):
    pass


def is_local_host(host: str) -> bool:
    h = (host or "").strip().strip("[]")
    if h in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: Optional[str]) -> None:
    """Refuse to serve the register beyond this machine without an access token."""
    if not is_local_host(host) and not token:
        raise BindRefused(
            f"拒绝在 {host} 上提供服务：登记簿含有信访人的个人信息，只在本机（127.0.0.1）开放。"
            "如确需让其他电脑访问，请用 --token（或环境变量 XINFANG_TOKEN）设置访问口令。\n"
            f"refusing to bind {host} without --token")


def _clerk_of(request: Request) -> Optional[str]:
    raw = request.cookies.get(CLERK_COOKIE)
    if not raw:
        return None
    name = unquote(raw).strip()
    return name[:CLERK_MAX] or None


def _safe_next(path: Optional[str]) -> str:
    """Only a local path may follow the clerk form (no open redirect)."""
    if not path or not path.startswith("/") or path.startswith("//") or "\\" in path:
        return "/"
    return path


def create_app(db: str, mailbag: Optional[Path] = None, token: Optional[str] = None,
               secure_cookies: bool = False) -> FastAPI:
    store = Store.open(db)
    renderer = PageRenderer(mailbag)
    app = FastAPI(title="执行信访登记 · 核对确认", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.store = store
    app.state.token = token
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    env = templates.env
    env.globals.update(LABELS_ZH=LABELS_ZH, STATUS_ZH=STATUS_ZH, FLAG_ZH=FLAG_ZH, FIELD_ZH=FIELD_ZH,
                       ACTION_ZH=ACTION_ZH, ACCEPT_GROUNDS=ACCEPT_GROUNDS, REJECT_GROUNDS=REJECT_GROUNDS,
                       REGISTER_FIELDS_ZH=REGISTER_FIELDS_ZH, LIST_FIELDS=LIST_FIELDS,
                       DATE_FIELDS=DATE_FIELDS, LONG_FIELDS=LONG_FIELDS, DEADLINE_ZH=DEADLINE_ZH,
                       STATUS_FILTER_ZH=qmod.STATUS_FILTER_ZH, value_text=value_text,
                       register_value_text=register_value_text, deadline_label=deadline_label)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def cookie(resp: Response, name: str, value: str, max_age: Optional[int] = None,
               samesite: str = "strict") -> None:
        resp.set_cookie(name, value, max_age=max_age, httponly=True, samesite=samesite,
                        secure=secure_cookies, path="/")

    # ------------------------------------------------------------ middleware
    @app.middleware("http")
    async def guard(request: Request, call_next):
        tok = app.state.token
        if tok:
            given = request.cookies.get(TOKEN_COOKIE) or ""
            auth = request.headers.get("authorization", "")
            if auth.lower().startswith("bearer "):
                given = auth[7:].strip()
            q = request.query_params.get("token")
            if q is not None and hmac.compare_digest(q.encode(), tok.encode()):
                rest = [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
                url = request.url.path + ("?" + urlencode(rest) if rest else "")
                resp = RedirectResponse(url, status_code=303)
                cookie(resp, TOKEN_COOKIE, tok)
                return resp
            if not hmac.compare_digest(given.encode(), tok.encode()):
                return HTMLResponse(_plain_page("需要访问口令",
                                                "请使用管理员提供的带口令的链接打开本页面。"), status_code=401)
        csrf = request.cookies.get(CSRF_COOKIE)
        fresh = None
        if not csrf or len(csrf) < 20:
            fresh = csrf = secrets.token_urlsafe(32)
        request.state.csrf = csrf
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            sent = ""
            if ctype == "application/x-www-form-urlencoded":
                body = await request.body()   # cached: the endpoint reads it again
                sent = next((v for k, v in parse_qsl(body.decode("utf-8", "replace"))
                             if k == "csrf_token"), "")
            if fresh is not None or not sent or not hmac.compare_digest(sent.encode(), csrf.encode()):
                return HTMLResponse(_plain_page(
                    "安全校验未通过", "表单已过期或来源不明，未做任何保存。请返回、刷新页面后重试。"),
                    status_code=403)
        t0 = time.perf_counter()
        resp = await call_next(request)
        resp.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - t0) * 1000:.1f}"
        resp.headers.setdefault("X-Frame-Options", "DENY")
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "no-referrer")
        resp.headers.setdefault("Content-Security-Policy",
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; "
                                "script-src 'self'; form-action 'self'; frame-ancestors 'none'")
        resp.headers.setdefault("Cache-Control", "no-store")
        if fresh is not None:
            cookie(resp, CSRF_COOKIE, fresh)
        return resp

    def render(request: Request, name: str, ctx: dict[str, Any], status: int = 200) -> HTMLResponse:
        ctx = dict(ctx, request=request, csrf=request.state.csrf, clerk=_clerk_of(request))
        return templates.TemplateResponse(request, name, ctx, status_code=status)

    def need_clerk(request: Request) -> Optional[RedirectResponse]:
        if _clerk_of(request):
            return None
        nxt = request.url.path + (("?" + request.url.query) if request.url.query else "")
        return RedirectResponse("/clerk?" + urlencode({"next": nxt}), status_code=303)

    # ------------------------------------------------------------ clerk name
    @app.get("/clerk", response_class=HTMLResponse)
    def clerk_form(request: Request, next: str = "/"):
        return render(request, "clerk.html", {"next": _safe_next(next), "error": None})

    @app.post("/clerk")
    async def clerk_save(request: Request):
        form = await request.form()
        name = str(form.get("name") or "").strip()
        nxt = _safe_next(str(form.get("next") or "/"))
        if not name or len(name) > CLERK_MAX:
            return render(request, "clerk.html", {"next": nxt, "error": "请填写您的姓名（不超过64个字）。"},
                          status=400)
        resp = RedirectResponse(nxt, status_code=303)
        # lax: a link to a record from elsewhere still knows the clerk (the name grants nothing)
        cookie(resp, CLERK_COOKIE, quote(name, safe=""), max_age=3600 * 24 * 365, samesite="lax")
        return resp

    # ------------------------------------------------------------ queue
    @app.get("/", response_class=HTMLResponse)
    def queue_page(request: Request, page: int = 1):
        f = qmod.Filters.parse(request.query_params)
        page = max(1, page)
        per = 50
        recs, total = qmod.list_queue(store, f, limit=per, offset=(page - 1) * per)
        return render(request, "queue.html", {
            "f": f, "records": recs, "total": total, "page": page,
            "pages": max(1, (total + per - 1) // per), "days": qmod.days(store),
            "open_count": store.count("suggested") + store.count("failed"),
        })

    # ------------------------------------------------------------ one record
    def record_ctx(rec: Record, f: qmod.Filters, *, shown: Optional[Record] = None) -> dict[str, Any]:
        shown = shown or rec
        pos = qmod.position(store, rec.record_id)
        nxt = qmod.next_after(store, f, pos[0] if pos else None, rec.record_id)
        return {
            "rec": rec, "shown": shown, "f": f, "fq": f.query(),
            "next_id": nxt, "history": store.history(rec.record_id),
            "segments": segments(rec.text, rec.evidence),
            "evidence": evidence_by_label(rec.evidence), "colors": ground_colors(),
            "images": has_images(rec.source) and renderer.mailbag is not None,
            "mailbag_missing": has_images(rec.source) and renderer.mailbag is None,
            "n_pages": page_count(rec.source),
        }

    @app.get("/r/{record_id}", response_class=HTMLResponse)
    def record_page(request: Request, record_id: str):
        redirect = need_clerk(request)
        if redirect:
            return redirect
        rec = store.get(record_id)
        if rec is None:
            return HTMLResponse(_plain_page("找不到记录", "该记录不存在或已被删除。"), status_code=404)
        f = qmod.Filters.parse(request.query_params)
        return render(request, "record.html", record_ctx(rec, f) | {"message": None, "conflict": None})

    @app.post("/r/{record_id}", response_class=HTMLResponse)
    async def record_save(request: Request, record_id: str):
        clerk = _clerk_of(request)
        if not clerk:
            return HTMLResponse(_plain_page("请先填写姓名", "未保存：请先填写您的姓名后再确认。"),
                                status_code=400)
        form_data = await request.form()
        form: dict[str, Any] = {}
        for k in form_data.keys():
            vals = form_data.getlist(k)
            form[k] = vals if k == "grounds" else (vals[-1] if vals else "")
        f = qmod.Filters.parse(dict(parse_qsl(str(form.get("q") or ""))))
        action = str(form.get("action") or "save")
        confirm = action == "confirm"
        try:
            opened = int(str(form.get("version") or ""))
        except ValueError:
            return HTMLResponse(_plain_page("表单不完整", "缺少版本号，未保存。请刷新页面后重试。"),
                                status_code=400)
        current = store.get(record_id)
        if current is None:
            return HTMLResponse(_plain_page("找不到记录", "该记录不存在或已被删除。"), status_code=404)
        pos = qmod.position(store, record_id)
        now = now_iso()
        try:
            new, entries = apply_form(current, form, clerk=clerk, now=now, confirm=confirm,
                                      history=store.history(record_id), court_codes=_court_codes())
        except FormError as e:
            return render(request, "record.html", record_ctx(current, f) | {
                "message": f"未保存：{e}", "conflict": None}, status=400)
        if current.version != opened:
            return _stale(request, current, new, f)
        try:
            if entries or new.to_dict() != current.to_dict():
                store.save(new, expected_version=opened, audit_entries=entries)
        except StaleRecord:
            return _stale(request, store.get(record_id), new, f)
        if action == "save":
            return RedirectResponse(_url(f"/r/{quote(record_id)}", f.query(saved=1)), status_code=303)
        nxt = qmod.next_after(store, f, pos[0] if pos else None, record_id)
        if nxt is None:
            nxt = qmod.first_in_queue(store, f, exclude=record_id)
        if nxt is None:
            return RedirectResponse(_url("/", f.query(done=1)), status_code=303)
        return RedirectResponse(_url(f"/r/{quote(nxt)}", f.query()), status_code=303)

    def _stale(request: Request, theirs: Record, mine: Record, f: qmod.Filters) -> HTMLResponse:
        mine.version = theirs.version
        last = [h for h in store.history(theirs.record_id) if h.get("action") in ("edit", "confirm")]
        who = last[-1]["clerk"] if last else "其他人"
        msg = (f"未保存：您打开此记录后，{who} 已修改并保存了它。您填写的内容没有丢失，仍显示在下方；"
               "请对照下表核对，需要时再次点击“确认”或“保存”即以您的内容为准。")
        return render(request, "record.html", record_ctx(theirs, f, shown=mine) | {
            "message": msg, "conflict": diff_fields(mine, theirs)}, status=409)

    # ------------------------------------------------------------ page images
    @app.get("/r/{record_id}/page/{number}")
    def page_image(record_id: str, number: int):
        rec = store.get(record_id)
        if rec is None:
            return PlainTextResponse("not found", status_code=404)
        out = renderer.render(rec.source, number)
        if out is None:
            return PlainTextResponse("无法显示原件图像", status_code=404)
        data, media = out
        return Response(data, media_type=media, headers={"Cache-Control": "private, max-age=300"})

    @app.get("/healthz")
    def healthz():
        return {"ok": True}

    return app


def _url(path: str, query: str) -> str:
    return path + ("?" + query if query else "")


def _court_codes() -> tuple[str, ...]:
    try:
        from ..settings import load_settings
        return tuple(load_settings().court_codes)
    except Exception:  # pragma: no cover - settings file broken: parsing still works
        return ()


def _plain_page(title: str, body: str) -> str:
    from html import escape
    return (f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<link rel="stylesheet" href="/static/review.css"><body><main class="plain">'
            f'<h1>{escape(title)}</h1><p>{escape(body)}</p><p><a href="/">返回队列</a></p></main></body></html>')


def serve(db: str, host: str = "127.0.0.1", port: int = 8765, token: Optional[str] = None,
          mailbag: Optional[Path] = None) -> None:
    """Run the review page until stopped (Ctrl+C)."""
    import uvicorn

    check_bind(host, token)
    app = create_app(db, mailbag=mailbag, token=token)
    shown = f"[{host}]" if ":" in host else host
    print(f"核对确认页面： http://{shown}:{port}/  （按 Ctrl+C 停止）", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
