"""From the components' findings to the register fields (004 第十二条).

Every choice here is a rule with a reason; the clerk sees the result and corrects it. Personal data
(names, phones, ID numbers) is never logged.
"""
from __future__ import annotations

import re
from typing import Any, Optional

from ..types import CaseNumber
from .names import read_org, read_person
from .patterns import Match
from .roles import RoleHit

_SEPARATOR = re.compile(r"^\s*[—\-_=＿─━~～*·.]{4,}\s*$", re.M)
_COVER_TITLE = re.compile(r"(信访事项)?(转办单|转办函|转送单|转交单|转办通知|交办函|交办单|交办通知|督办函|督办单|转办)")
_ORG_LINE = re.compile(r"(室|委|委员会|常委会|院|局|办|办公室|政府|部|中心|庭|科|处|厅|所)$")

#: words that mark a hardship/complaint/request sentence for the summary
_REQUEST = re.compile(r"(请求|要求|恳请|希望|请法院|请领导|请你们|请人大|请中院|求求|申请法院|请尽快|麻烦)")
_COMPLAINT = re.compile(r"(没有?执行|未执行|不执行|拖|一分|没拿到|没收到|没给|没发|未发放|冻结|冻了|查封|封条|"
                        r"拘留|罚款|限高|限制高消费|限制消费|失信|终结|终本|回避|追加|拍卖|评估|扣了|扣押|"
                        r"拖走|解封|解除|不合法|违法|不对|错误|没动静|没进展|毫无进展|不管|没有财产|没钱|不还|未履行|没履行|欠)")


# ------------------------------------------------------------------ cover page (转办单/交办函)
def split_cover(text: str) -> tuple[Optional[tuple[int, int]], Optional[str]]:
    """(cover span, channel) when the item starts with a forwarding cover; else (None, None)."""
    head = text[:600]
    m = _COVER_TITLE.search(head)
    if not m:
        return None, None
    kind = "交办" if "交办" in m.group(0) or "督办" in m.group(0) else "转办"
    sep = _SEPARATOR.search(text, m.end())
    if sep:
        end = sep.start()
    else:
        # up to the first full date line after the title (the cover's own date), else 40 %
        dm = re.search(r"^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$", text[m.end():], re.M)
        end = m.end() + dm.end() if dm else max(m.end(), int(len(text) * 0.4))
    return (0, end), kind


def forwarded_by(text: str, cover: tuple[int, int]) -> Optional[str]:
    lines = [ln.strip() for ln in text[cover[0]:cover[1]].splitlines()]
    for idx, ln in enumerate(lines):
        m = _COVER_TITLE.search(ln)
        if not m:
            continue
        own = ln[:m.start()].strip()
        if len(own) >= 4 and _ORG_LINE.search(own):
            return own
        for prev in reversed(lines[:idx]):
            if prev:
                return prev
        break
    # the cover's request: "……反馈我室" with the body named in the sign-off line
    for ln in reversed(lines):
        if 4 <= len(ln) <= 30 and _ORG_LINE.search(ln) and not ln.endswith("："):
            return ln
    return None


def forward_deadline(text: str, cover: tuple[int, int], dates: list[Match]) -> tuple[Optional[str], Optional[int]]:
    """(ISO deadline, days) from the cover: 于2024年6月20日前 / 即2024年10月18日前 / 三十日内."""
    from .textutil import cn_to_int
    s, e = cover
    for d in dates:
        if s <= d.start < e and d.value.get("iso"):
            after = text[d.end:d.end + 4]
            before = text[max(s, d.start - 6):d.start]
            if re.match(r"\s*(前|之前|以前)", after) or re.search(r"(截止|期限|截至|最迟)", before):
                return d.value["iso"], None
    m = re.search(r"(?:之日起|内)?\s*([0-9一二三四五六七八九十两]+)\s*(个工作日|日|天)内", text[s:e])
    if m:
        n = cn_to_int(m.group(1))
        return None, n
    return None, None


# ------------------------------------------------------------------ letter date
_DATE_LINE_REST = re.compile(r"^[\s，,。.：:（）()年月日号\-—0-9]*$")
_DATE_CUES = re.compile(r"(来电时间|来访时间|接待时间|信访日期|日期|落款|时间)\s*[：:]?\s*$")


def letter_date(text: str, dates: list[Match], cover: Optional[tuple[int, int]]) -> Optional[str]:
    """The writer's own date: a full date standing on its own line (or closing the text, or after
    a 来电时间/日期 cue), the last one outside a forwarding cover. Story dates inside sentences are
    not taken."""
    cands = []
    n = len(text)
    for d in dates:
        iso = d.value.get("iso")
        if not iso:
            continue
        if cover and cover[0] <= d.start < cover[1]:
            continue
        ls = text.rfind("\n", 0, d.start) + 1
        le = text.find("\n", d.end)
        le = n if le < 0 else le
        before, after = text[ls:d.start], text[d.end:le]
        standalone = len(before.strip()) + len(after.strip()) == 0
        signature_line = (len(after.strip(" 。.")) == 0 and len(before.strip()) <= 30
                          and not re.search(r"[，,。；;]", before.strip()[:-1] if before.strip() else ""))
        closing = text[d.end:].strip(" 。.\n\t") == ""
        cued = bool(_DATE_CUES.search(before))
        if standalone or signature_line or closing or cued:
            cands.append((d, cued))
    if not cands:
        return None
    # a record's own time cue (来电时间) wins; else the last standalone date
    cued = [d for d, c in cands if c and re.search(r"(来电|来访|接待)", text[max(0, d.start - 8):d.start])]
    if cued:
        return cued[0].value["iso"]
    return cands[-1][0].value["iso"]


# ------------------------------------------------------------------ phone
_OTHERS = (r"(?:儿子|女儿|闺女|孙子|孙女|外孙|老伴|丈夫|妻子|爱人|媳妇|对象|老公|老婆|家属|邻居|亲戚|代写人|书记员|司机|"
           r"侄子|侄女|外甥|哥哥|弟弟|姐姐|妹妹|女婿|儿媳|同事|朋友|律所|律师事务所|事务所|副代表|法官|承办人|"
           r"执行员|庭长|对方|被执行人|老板|包工头)")
_OTHER_NEAR = re.compile(_OTHERS + r"的?[^，。；\n]{0,8}$")
_OWN_NEAR = re.compile(r"(?:我|本人|俺)(?:自己)?的?(?:家里|家|家庭)?(?:的)?(?:电话|手机|座机|联系方式|联系电话)"
                       r"|(?:^|[，,。：:\s])(?:家里|家)的?(?:座机|电话)")
_OWNER_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,4}?)的?(?:电话|手机|联系电话|座机)?[：:\s]*$")
_BRACKET_AFTER = re.compile(r"\s*[（(]([^）)\n]{1,14})[）)]")


def pick_phone(text: str, phones: list[Match], cover: Optional[tuple[int, int]],
               judge_spans: list[tuple[int, int]], petitioner: Optional[str] = None) -> Optional[str]:
    """The writer's own number among the letter's numbers (the judge's, a relative's, a firm's …)."""
    if not phones:
        return None
    body = [p for p in phones if not (cover and cover[0] <= p.start < cover[1])] or phones
    best, best_score = None, -99.0
    n = len(text)
    is_company = bool(petitioner) and read_org(petitioner, 0) == petitioner
    for p in body:
        before = text[max(0, p.start - 14):p.start]
        score = 0.0
        # a person is reached on a mobile; a company on the first number its 联系人 line gives
        # (联系人：X 电话：0531-…  手机：137…: a strict > keeps the first of equals)
        if p.kind == "mobile" and not is_company:
            score += 2
        if re.search(r"(电话|手机|联系|号码|Tel|TEL|tel|电\s*话)", before):
            score += 1
        if re.search(r"(法官|承办人|执行员|办公室|执行局|法院|庭长|对方|被执行人)[^，。\n]{0,6}(电话|手机|号码)?[^，。\n]{0,4}$", before) \
                and not re.search(r"(我的|本人|我)", before[-8:]):
            score -= 3
        if p.start > n * 0.6:
            score += 0.5
        near = text[max(0, p.start - 10):p.start]
        # 我电话是0531-76812274，儿子的手机是138…: the writer's own number over a relative's
        if _OWN_NEAR.search(near):
            # (家里座机0531-…，手机137…: both the writer's; a person is still registered by the mobile)
            score += 2.5 if p.kind == "mobile" or is_company else 1.5
        elif _OTHER_NEAR.search(text[max(0, p.start - 14):p.start]):
            score -= 2
        # 尚德江手机151… / 查春燕 电话：137…: a number after someone else's name
        if petitioner:
            lb = max(text.rfind(c, 0, p.start) for c in "，,。；;！？\n（(")
            clause = text[lb + 1:p.start]
            if petitioner in clause:
                score += 1.5
            elif petitioner in text[max(text.rfind(c, 0, p.start) for c in "。！？\n") + 1:lb + 1]:
                # 委托代理人：毕玉峰，…律师，电话139…: the writer named earlier in the same sentence
                score += 1.0
            else:
                m = _OWNER_BEFORE.search(clause) if not is_company else None    # 联系人：孙倩 139…: the company's
                if m:
                    who = read_person(m.group(1), 0, allow_title=False)
                    if who and who == m.group(1)[:len(who)] and who != petitioner and len(clause) <= 12:
                        score -= 1.5
        # 18953407761（官德胜） 15965309922（副代表麻长顺）: the owner in brackets after the number
        b = _BRACKET_AFTER.match(text, p.end)
        if b:
            inner = b.group(1)
            if (petitioner and petitioner in inner) or re.search(r"(本人|个人|我的|自己)", inner):
                score += 1.5
            elif re.search(_OTHERS, inner) or (petitioner and len(inner) >= 3
                                                and read_person(inner, len(inner) - 3, allow_title=False)):
                score -= 1.5
        if score > best_score:
            best, best_score = p, score
    return best.value if best else None


# ------------------------------------------------------------------ names
def _unique(xs: list[str]) -> list[str]:
    out: list[str] = []
    for x in xs:
        if x and x not in out:
            out.append(x)
    return out


def pick_petitioner(text: str, roles: list[RoleHit], cover: Optional[tuple[int, int]]) -> Optional[str]:
    """Who writes: a lawyer under a power of attorney; a company (its name); the signature cue
    (信访人：/申诉人：/代写人：/来电人：); a self-introduction (我叫/我是); a name closing the letter."""
    def in_cover(h: RoleHit) -> bool:
        return bool(cover and cover[0] <= h.start < cover[1])

    body = [h for h in roles if not in_cover(h)]
    covered = [h for h in roles if in_cover(h)]
    n = len(text)
    lawyer = [h for h in body if h.role == "PETITIONER" and h.cue.startswith(("律师", "指派"))]
    if lawyer:
        return lawyer[-1].name
    company = re.search(r"(我公司|本公司|我司|我单位|本单位|我厂|我社|我们厂|我们公司|我行|本行|我村委会|我村|我会|本会|我所|本所)", text)
    contacts = [h for h in body if h.role == "CONTACT"]
    sig_orgs = _signature_orgs(text[cover[1]:] if cover else text)     # a 转办单's sender is not the writer
    # 山东嘉禾运输股份有限公司（以下简称“我司”）是…
    m = re.search(r"(?:^|\n)\s*([^\n，。：:（(]{4,40}?)[（(]以下简称[“\"]?(?:我司|我公司|本公司|我单位)", text)
    if m and read_org(m.group(1), 0) == m.group(1):
        return m.group(1)
    if company or (contacts and sig_orgs):
        # 异议人：某某有限公司 … 法定代表人：X / 联系人：Y: the organisation signs, its officers do not
        org_hits = [h for h in body if h.role == "PETITIONER" and h.tier == 1 and read_org(h.name, 0) == h.name]
        if org_hits:
            return org_hits[-1].name
        for h in body:
            if h.role == "PETITIONER" and h.tier == 2 and read_org(h.name, 0):
                return h.name
        if sig_orgs:
            return sig_orgs[-1]
        for h in body:
            if h.role in ("APPLICANT", "PETITIONER", "RESPONDENT") and read_org(h.name, 0) and h.self_ref:
                return h.name
    tier1 = [h for h in body if h.role == "PETITIONER" and h.tier == 1 and not h.cue.startswith(("律师", "指派"))
             and not read_org(h.name, 0)]
    if tier1:
        # the signature (last) over a header; 代写人 over 委托人 is in the cue table
        return tier1[-1].name
    # a role cue signing the letter: 申请执行人：展德顺 / 申请执行人于秀云，电话…
    sig_roles = [h for h in body if h.role in ("APPLICANT", "RESPONDENT", "OUTSIDER") and h.tier < 3
                 and h.start > n - 90
                 and _line_or_sentence_start(text, h.start - len(h.cue) - 2)]
    tier2 = [h for h in body if h.role == "PETITIONER" and h.tier == 2]
    if tier2:
        return tier2[0].name
    if sig_roles:
        return sig_roles[-1].name
    selfrole = [h for h in body if h.self_ref]
    if selfrole:
        return selfrole[0].name
    sig = _signature_person(text)
    if sig:
        return sig
    tier3 = [h for h in body + covered if h.role == "PETITIONER"]
    if tier3:
        return tier3[0].name
    app = [h for h in body if h.role == "APPLICANT" and h.tier == 2 and h.cue.startswith("申请人")]
    if app:
        return app[-1].name
    # a record that names only the parties (申请执行人秦凤英 被执行人林耀祖 … / 申请执行人彭丽君反映：): the
    # one applicant speaks
    apps = {h.name for h in body if h.role == "APPLICANT" and h.tier == 1}
    if len(apps) == 1:
        return apps.pop()
    return None


def _line_or_sentence_start(text: str, i: int) -> bool:
    i = max(0, i)
    seg = text[max(0, i - 2):i + 1]
    return i == 0 or any(c in "\n。！？，, " for c in seg)


def _signature_orgs(text: str) -> list[str]:
    out = []
    for ln in text.splitlines()[-8:]:
        s = re.sub(r"^\s*(申请执行人|申请人|申诉人|信访人|反映人|反映单位|单位|被执行人|具状人|异议人|复议申请人)\s*[：:]\s*", "",
                   ln.strip())
        org = read_org(s, 0)
        if org and s[len(org):].startswith("管理人"):
            continue    # 某某有限公司管理人: the bankrupt company's administrator writes, not the company
        if org and (len(s) - len(org) <= 12 or re.search(r"(盖章|负责人|法定代表人|联系人)", s)):
            out.append(org)
    # a letterhead: the organisation alone on the first line (钢城区颜庄镇南峪村村民委员会 / 某某商会)
    # (a signature that shortens it, 颜庄镇南峪村村民委员会（章）, gives way to the letterhead's full name)
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if lines:
        org = read_org(lines[0], 0)
        if org and len(lines[0]) - len(org) <= 2 and (not out or any(o in org for o in out)):
            out.append(org)
    return out


def _signature_person(text: str) -> Optional[str]:
    """A name closing the letter: '郭兆林 15069812353', '邵明杰 电话 135…', '…电话152… 孔繁军'."""
    tail = text[-160:]
    off = len(text) - len(tail)
    best = None
    for m in re.finditer(r"(?:^|[\n。！？!?，,：:\s])([\u4e00-\u9fff]{2,4})\s*(?:（[^）]{0,6}）)?[，,]?\s*"
                         r"(?:[\u4e00-\u9fff]{2,10}(?:街道|镇|村|社区|小区)\s+)?"     # 黄月英 里辛街道 136…
                         r"(?:电话|手机|联系电话|Tel)?[：:\s]*(?=1[3-9][0-9]|0[1-9][0-9]{1,2}[-\s]?[0-9])", tail):
        name = read_person(text, off + m.start(1), allow_title=True)
        if name and not name.endswith(("法官", "庭长", "局长", "院长", "执行员")):
            best = name
    if best:
        return best
    m = re.search(r"[0-9]\s*[，,]?\s*([\u4e00-\u9fff]{2,4})\s*[。.]?\s*$", text)
    if m:
        name = read_person(text, m.start(1), allow_title=True)
        if name and name == m.group(1)[:len(name)]:
            return name
    # …请钢城区法院管一管。 郗明华: the name closing the last line
    m = re.search(r"[。！？!?]\s+([\u4e00-\u9fff]{2,4})\s*$", text)
    if m:
        name = read_person(text, m.start(1), allow_title=False)
        if name and name == m.group(1):
            return name
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    for ln in reversed(lines[-4:]):
        if re.fullmatch(r"[\u4e00-\u9fff]{2,4}(（[^）]{0,6}）)?", ln):
            name = read_person(ln, 0, allow_title=False)
            if name and name == re.sub(r"（.*", "", ln):
                return name
    return None


def pick_judge(roles: list[RoleHit], text: str = "") -> Optional[str]:
    """The handling judge: a named 承办人 cue over a bare 某法官; when the letter says the case changed
    hands (刘法官调走了，换了闵法官 / 现在管的是姚法官), the one named after the change."""
    judges = [h for h in roles if h.role == "JUDGE"]
    if not judges:
        return None
    change = list(_JUDGE_CHANGE.finditer(text)) if text else []
    if change:
        after = [h for h in judges if h.start >= change[-1].start()]
        before = {h.name for h in judges if h.start < change[-1].start()}
        new = [h for h in after if h.name not in before] or after
        if new:
            return new[0].name
    strong = [h for h in judges if h.tier == 1]
    pool = strong or judges
    return pool[0].name


#: the case changed hands: the judge named after this is the current one
_JUDGE_CHANGE = re.compile(r"调离|调走|调到|调去|退休|换成了?|换了|改由|接手|接办|现在管|现在是|现在由|现任|新来的|由[^，。；\n]{0,12}?(?:承办|接手)")


# ------------------------------------------------------------------ channel
def channel_of(text: str, cover_kind: Optional[str]) -> str:
    if cover_kind:
        return cover_kind
    head = text[:80]
    if re.search(r"(来电记录|电话记录|来电登记|来电时间|来电人)", head):
        return "电话"
    if re.search(r"(来访记录|来访登记|接访记录|接谈笔录|来访人|接待记录)", head):
        return "来访"
    if re.search(r"(网上申诉|网上信访|网上留言|网络信访|在线留言|留言板|12368)", text[:200]):
        return "网上申诉"
    if "\n" not in text.strip() and len(text) < 160 and "此致" not in text:
        return "网上申诉"
    return "来信"


# ------------------------------------------------------------------ summary
def summary_of(text: str, sentences: list[tuple[int, int]], fields: dict[str, Any],
               cases: list[CaseNumber], max_len: int = 118) -> Optional[str]:
    """来访（件）内容摘要: who complains about what and what they ask for, ≤ 120 chars."""
    if not text.strip():
        return None
    who = fields.get("petitioner_name") or "信访人"
    role = ""
    if who in (fields.get("applicants") or []):
        role = "申请执行人"
    elif who in (fields.get("respondents") or []):
        role = "被执行人"
    elif who in (fields.get("outsiders") or []):
        role = "案外人"
    case = next((c.normalized for c in cases if c.kind in ("enforcement", "enforcement_review")), None) \
        or (cases[0].normalized if cases else None)
    resp = [r for r in (fields.get("respondents") or []) if r != who]
    head = who + (f"（{role}）" if role else "")
    about = ""
    if case:
        about += f"就{case}案"
    if resp:
        about += ("（" if case else "就") + f"被执行人{resp[0]}" + ("）" if case else "案")
    complaint = _best_sentence(text, sentences, _COMPLAINT, exclude=_REQUEST)
    request = _best_sentence(text, sentences, _REQUEST)
    parts = [head + about + "反映："]
    budget = max_len - len(parts[0]) - 2
    c = _clip(complaint, budget // 2 if request else budget)
    r = _clip(request, budget - len(c)) if request else ""
    body = c
    if request and request == complaint:
        body = _clip(complaint, budget)
    elif r and r != c:
        body = (c + "；" if c else "") + r
    if not body:
        s0 = sentences[0] if sentences else (0, len(text))
        body = _clip(text[s0[0]:s0[1]], budget)
    out = parts[0] + body
    if not out.endswith(("。", "！", "？")):
        out += "。"
    return out[:120]


def _best_sentence(text: str, sentences: list[tuple[int, int]], rx: re.Pattern,
                   exclude: Optional[re.Pattern] = None) -> str:
    best, score = "", 0
    for s, e in sentences:
        sent = text[s:e]
        if len(sent) < 6 or re.fullmatch(r"[\s\S]{0,12}[：:]", sent):
            continue
        if "《" in sent:
            continue
        hits = len(rx.findall(sent))
        if hits and re.search(r"(我|本人|申请执行人|申诉人)", sent):
            hits += 0.5
        if exclude is not None and exclude.search(sent):
            hits -= 1
        if hits > score:
            best, score = sent, hits
    return best


def _clip(s: str, n: int) -> str:
    s = re.sub(r"\s+", "", s or "").strip("。；;，,")
    s = re.sub(r"1[3-9][0-9]{9}|[0-9]{17}[0-9Xx]", "", s)   # no phone or ID in the summary
    if n <= 0:
        return ""
    if len(s) <= n:
        return s
    cut = s[:n]
    k = max(cut.rfind("，"), cut.rfind(","), cut.rfind("；"))
    return cut[:k] if k >= n // 2 else cut[:n - 1] + "…"


__all__ = ["split_cover", "forwarded_by", "forward_deadline", "letter_date", "pick_phone",
           "pick_petitioner", "pick_judge", "channel_of", "summary_of", "_unique"]
