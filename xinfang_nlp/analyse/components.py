"""Our spaCy components (registered factories; behaviour comes from their config).

    xinfang_sentences  sentence starts at 。！？；!? and newlines (char offsets, any segmenter)
    xinfang_patterns   character-level regexes: case numbers, phones, ID numbers, dates, amounts
    xinfang_roles      role cues → names (申请执行人/被执行人/案外人/承办人/法官/信访人 …)
    xinfang_fields     the register fields, assembled from the above (doc._.xf_fields)

Findings are stored on the Doc: ``doc._.xf_matches`` (patterns.Match), ``doc._.xf_cases``
(types.CaseNumber), ``doc._.xf_roles`` (roles.RoleHit), ``doc._.xf_fields`` (dict), and as spans in
``doc.spans["xinfang"]`` (overlaps allowed) and ``doc.ents`` (non-overlapping).
"""
from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from . import fields as F
from .casenum import find_case_numbers
from .patterns import find_dates, find_ids, find_money, find_phones
import re

from .selfrole import self_roles
from .names import _PUNCT, ORG_SUFFIX, STOP, read_org, read_party, read_person
from .roles import _OF_RELATIVE, DEFAULT_CUES, SELF_DEBTOR, _is_self, find_roles
from .textutil import fold, split_sentences

for _name in ("xf_ner", "xf_folded", "xf_matches", "xf_cases", "xf_roles", "xf_fields", "xf_sentences", "xf_ent_spans", "xf_text"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def _text(doc: Doc) -> str:
    """``doc.text`` joins every token on each access; read it once per Doc."""
    t = doc._.xf_text
    if t is None:
        t = doc.text
        doc._.xf_text = t
    return t


def _span(doc: Doc, start: int, end: int, label: str):
    return doc.char_span(start, end, label=label, alignment_mode="expand")


@Language.factory("xinfang_sentences", default_config={"split_on": "。！？；!?;"})
def make_sentences(nlp: Language, name: str, split_on: str):
    def component(doc: Doc) -> Doc:
        sents = split_sentences(_text(doc))
        doc._.xf_sentences = sents
        if len(doc):
            # one array write instead of a per-token setter (the setter re-checks the whole Doc)
            starts = {s for s, _ in sents}
            arr = numpy.full((len(doc), 1), -1, dtype="int64").astype("uint64")
            for tok_i, idx in enumerate(doc.to_array([IDX])):
                if tok_i == 0 or idx in starts:
                    arr[tok_i, 0] = 1
            doc.from_array([SENT_START], arr)
        return doc
    return component


@Language.factory("xinfang_patterns", default_config={
    "case_numbers": True, "phones": True, "ids": True, "dates": True, "money": True,
    "court_codes": ["鲁0117"]})
def make_patterns(nlp: Language, name: str, case_numbers: bool, phones: bool, ids: bool, dates: bool,
                  money: bool, court_codes: list[str]):
    codes = set(court_codes)

    def component(doc: Doc) -> Doc:
        text = _text(doc)
        f = fold(text)
        doc._.xf_folded = f
        matches = []
        cases = find_case_numbers(text, f, this_court=lambda c: c in codes) if case_numbers else []
        idm = find_ids(f) if ids else []
        matches += idm
        taken = [(c.start, c.end) for c in cases] + [(m.start, m.end) for m in idm]
        if phones:
            matches += find_phones(f, exclude=taken)
        if dates:
            matches += [d for d in find_dates(f) if not any(a < d.end and d.start < b for a, b in taken)]
        if money:
            matches += [x for x in find_money(f) if not any(a < x.end and x.start < b for a, b in taken)]
        matches.sort(key=lambda m: m.start)
        doc._.xf_matches = matches
        doc._.xf_cases = cases
        spans = [_span(doc, c.start, c.end, "CASE_NUMBER") for c in cases]
        spans += [_span(doc, m.start, m.end, m.label) for m in matches]
        spans = [s for s in spans if s is not None]
        doc.spans["xinfang"] = list(doc.spans.get("xinfang", [])) + spans
        doc._.xf_ent_spans = (doc._.xf_ent_spans or []) + [spans]
        return doc
    return component


@Language.factory("xinfang_roles", default_config={"cues": None})
def make_roles(nlp: Language, name: str, cues: Optional[list]):
    table = [tuple(c) for c in cues] if cues else DEFAULT_CUES

    def component(doc: Doc) -> Doc:
        hits = find_roles(_text(doc), table)
        doc._.xf_roles = hits
        spans = [_span(doc, h.start, h.end, h.role) for h in hits]
        spans = [s for s in spans if s is not None]
        doc.spans["xinfang"] = list(doc.spans.get("xinfang", [])) + spans
        # names go into doc.ents only where no pattern entity sits (set once, in xinfang_fields)
        doc._.xf_ent_spans = (doc._.xf_ent_spans or []) + [spans]
        return doc
    return component


@Language.factory("xinfang_ner", default_config={"path": ""})
def make_ner(nlp: Language, name: str, path: str):
    """The learned party spans (ner.py) as ``doc._.xf_ner`` = [(start, end, label)], char offsets.
    The model is loaded on the first Doc (once; cached); without models/ner_roles this does nothing."""
    state: dict = {}

    def component(doc: Doc) -> Doc:
        if "model" not in state:
            from .ner import load as load_ner
            state["model"] = load_ner(path or None)
        model = state["model"]
        if model is None:
            doc._.xf_ner = None
        else:
            # lazy: the model runs only when the fields ask for it (≈ 12 ms a letter on CPU)
            text, memo = _text(doc), []

            def spans():
                if not memo:
                    memo.append(model(text))
                return memo[0]
            doc._.xf_ner = spans
        return doc
    return component


@Language.factory("xinfang_fields", default_config={"summary_max": 118, "selfparty_model": "",
                                                    "ner_mode": "fillorg"})
def make_fields(nlp: Language, name: str, summary_max: int, selfparty_model: str, ner_mode: str):
    from .selfparty import load as load_selfparty
    selfparty = load_selfparty(selfparty_model or None)

    def component(doc: Doc) -> Doc:
        if doc._.xf_ent_spans:
            # doc.ents is read and written once per Doc (each access walks every token)
            ents = list(doc.ents)
            for group in doc._.xf_ent_spans:
                ents = filter_spans(ents + group)
            doc.ents = ents
        doc._.xf_fields = assemble(_text(doc), doc._.xf_matches or [], doc._.xf_cases or [],
                                   doc._.xf_roles or [], doc._.xf_sentences or split_sentences(_text(doc)),
                                   summary_max, selfparty, ner=doc._.xf_ner, ner_mode=ner_mode)
        return doc
    return component


ORG_CUE = re.compile(ORG_SUFFIX)
def _only_inside(text: str, short: str, long: str) -> bool:
    """Every mention of ``short`` is the start of ``long`` (郭永 only ever in 郭永强)."""
    i = text.find(short)
    while i >= 0:
        if not text.startswith(long, i):
            return False
        i = text.find(short, i + 1)
    return True


_WRITER_OWNS = re.compile(r"(?:是|归|属于)(?:我|俺|我们|俺们|我公司|我们公司|本公司|我单位|我厂|我行)(?:自己)?(?:的|所有)"
                          r"|(?:登记|写)在(?:我|俺|我公司|本公司)(?:的)?名下|(?:我|俺)(?:自己)?(?:花钱)?买的"
                          r"|(?:我|俺|本人|我公司|本公司)(?:不是|并非|又不是)(?:本案)?(?:的)?(?:被执行人|当事人)"
                          r"|与(?:本案|该案|此案)(?:毫)?无关|(?:出租|租赁|代销|寄存)给(?:了)?(?:被执行人|他|她)"
                          r"|(?:我|俺|本人)(?:的|家的)(?:房子|车|工资卡|账户|存款|设备|货)[^。！？\n]{0,14}?(?:查封|冻结|扣押|扣划|扣了|冻了|封了|拖走)")
_SEIZED = re.compile(r"查封|冻结|扣押|扣划|拍卖|拖走|扣了|冻了|封了|执行了")
_SAYS_DEBTOR = re.compile(r"(?:我|俺|本人|我公司)[^。；！？\n]{0,30}?(?:是|系)[^。；！？\n，,]{0,24}?被执行人(?![的之])|(?:我|俺)(?:确实|是)?欠(?!我)|(?:我|俺)(?:给[^，。]{1,10})?(?:做|作|当)了?(?:担保|保证)")
_WRITER_IS_CREDITOR = re.compile(r"欠(?:我|俺|我们|俺们|我公司|我单位|我行)|(?:我|俺|本人|我公司|我行|我单位)(?:的|那个)?(?:案子|执行案|官司)"
                                 r"|(?:我|俺|本人|我公司|我行|我单位)(?:于[^，。]{0,12})?(?:申请|向[^，。]{0,10}申请)(?:了)?(?:强制)?执行"
                                 r"|(?:借给|租给|卖给|赊给)|给[^，。；\n]{1,20}?干活|拖欠(?:我|俺)|(?:我|俺)(?:的)?(?:工钱|工资|货款|借款)"
                                 r"|(?:我|俺|本人)(?:是|系)[^，。；\n]{0,24}?申请(?:执行)?人|判(?:决|令)?(?:他|她|他们|对方|被告)[^，。；\n]{0,8}?(?:给|还|赔|支付|返还)(?:我|俺)"
                                 r"|(?:我|俺)(?:们)?跟着[^，。；\n]{1,20}?干|(?:给|付)(?:我|俺)(?:的)?(?:抚养费|工钱|工资|房租|货款|赔偿)")
_FOR_SOMEONE = re.compile(r"替(?:她|他|我[^，。]{0,4}|俺[^，。]{0,4})(?:写|反映)|代(?:为|她|他)?(?:反映|写)|委托我|让我(?:代|替|写)"
                          r"|(?:我|俺)(?:的)?(?:父亲|母亲|爹|娘|儿子|女儿|丈夫|妻子|老伴|邻居)(?:的)?(?:案子|官司)")
_ASK_ADD = re.compile(r"(?:申请|请求|要求|请|建议)(?:事项[：:]\s*(?:[一二三四五1-5][、.．]\s*)?)?(?:依法|贵院|法院)?(?:裁定)?"
                      r"(?:变更、?)?追加(?:被申请人)?")
_REP_OF = re.compile(r"(?:我|本人|俺)[^。；\n]{0,16}?(?:是|系|担任)([^，。；\n]{4,40}?)的?(?:法定代表人|法人代表|法人|负责人|实际控制人)")


def _ner_names(text: str, ner, label: str) -> list[str]:
    """The model's spans of ``label`` that read as a whole person or organisation name."""
    out = []
    for s, e, lab in ner or ():
        if lab != label:
            continue
        name = text[s:e]
        if read_org(text, s) == name or read_person(text, s, allow_title=False) == name:
            out.append(name)
    return out


#: the creditor after 欠 / 判我给: 我欠供货商鲍建新货款 / 说我欠司庆民 / 判决我赔偿邻居狄秀英 / 他欠伊昌盛
_CREDITOR = re.compile(r"(?:欠|(?:判|判决|判令)(?:我|俺|本人)(?:给付|支付|赔偿|偿还|返还|给|还|赔))(?:了)?"
                       r"(?:供货商|原工人|工人|邻居|同村的?|村里的|朋友|老乡|同事|原告|申请执行人)?")
_ME_END = ("我", "俺", "我们", "俺们", "本人", "我公司", "我厂")
_KIN_END = ("他", "她", "我儿子", "我丈夫", "我爱人", "我老公", "我对象", "我女儿", "我闺女", "我弟弟", "我哥哥", "我哥",
            "我弟", "我父亲", "我母亲", "俺儿子", "俺对象", "俺男人")


def _story_parties(text, roles, petitioner, applicants, respondents, outsiders, judges, speaks_for):
    """Add the weak (tier 3) applicant / outsider hits and the creditor of a writer who owes.
    Returns (applicants, respondents, outsiders)."""
    apps, outs, resp = list(applicants), list(outsiders), list(respondents)
    # an objection's 申请人（案外人）：X / 申请人：X signing it is the outsider, not the creditor
    apps = [a for a in apps if a not in outs]
    strong = {h.name for h in roles if h.role == "RESPONDENT" and h.tier < 3}
    taken = set(resp) | judges
    writer_owes = bool(petitioner) and petitioner in resp
    if resp:
        for m in _CREDITOR.finditer(text):
            before = text[max(0, m.start() - 8):m.start()].rstrip("，, ")
            if m.group(0).startswith("欠") and not (
                    any(before.endswith(r) for r in resp)
                    or (writer_owes and (before.endswith(_ME_END) or before == "" or before[-1] in "。！？\n"
                                         or text[max(0, m.start() - 6):m.start()].endswith(("被执行人，", "被执行人,"))))
                    or ((speaks_for or before.endswith(("他", "她"))) and before.endswith(_KIN_END)
                        and any(r in text[max(0, m.start() - 60):m.start()] for r in resp))):
                continue
            name = read_party(text, m.end())
            if not name or not text.startswith(name, m.end()) or name == petitioner or name.endswith("某") \
                    or name in judges or name in strong:
                continue
            if name in resp:
                if not writer_owes:
                    continue
                resp.remove(name)      # 我与蔺晓东…纠纷，判我偿还蔺晓东: the other side is the creditor
            apps.append(name)
    for h in roles:
        if h.tier < 3 or h.role not in ("APPLICANT", "OUTSIDER") or h.name in taken or h.name.endswith("某"):
            continue
        if h.role == "APPLICANT" and h.name not in outs:
            apps.append(h.name)
        elif h.role == "OUTSIDER" and h.name not in apps and h.name != petitioner:
            outs.append(h.name)
    return _prefer_full(text, F._unique(apps)), _prefer_full(text, resp), _prefer_full(text, F._unique(outs))


#: a registered name opens with a place (济南钢城区晟达汽车修理厂, 山东某某有限公司)
_PLACE_START = re.compile(r"(?:济南|山东|莱芜|钢城|青岛|淄博|泰安|北京|上海|中国|[\u4e00-\u9fff]{2,3}(?:省|市|区|县|镇))")


def _prefer_full(text: str, names: list[str]) -> list[str]:
    """利民建材公司 beside 济南钢城利民建材有限公司 / 第三人鑫达超市 when the letter writes 济南鑫达超市有限公司:
    the full registered name."""
    out = []
    for n in names:
        # 修理厂 when the letter names 济南钢城区晟达汽车修理厂: the full name that ends with it
        if read_org(n, 0) == n and "有限" not in n and len(n) <= 4:
            longer = [o for o in (read_org(text, k) for k in range(len(text))
                                  if k == 0 or text[k - 1] in _PUNCT or text[k - 1] in STOP)
                      if o and o != n and o.endswith(n) and _PLACE_START.match(o)]
            if longer:
                out.append(max(longer, key=len))
                continue
        stem = re.sub(ORG_SUFFIX + "$", "", n) if "有限" not in n and read_org(n, 0) == n else ""
        full = None
        if len(stem) >= 2:
            for m in re.finditer(re.escape(stem), text):
                # read back from the stem while the name still reads as one (stop at 给 / 人 / punctuation)
                best, k = None, m.start()
                while k >= max(0, m.start() - 12):
                    o = read_org(text, k)
                    if o:
                        # read_org stops at the first suffix: 济南鑫达超市|有限公司
                        mm = re.match(r"(?:有限责任公司|股份有限公司|有限公司)", text[k + len(o):k + len(o) + 6])
                        o += mm.group(0) if mm else ""
                    if o and k + len(o) >= m.end() and "有限" in o:
                        best = o
                    if k == 0 or text[k - 1] in STOP or text[k - 1] in _PUNCT:
                        break
                    k -= 1
                if best and (full is None or len(best) > len(full)):
                    full = best
        out.append(full or n)
    return F._unique(out)


def assemble(text, matches, cases, roles, sentences, summary_max: int = 118, selfparty=None,
             ner=None, ner_mode: str = "fillorg") -> dict:
    cover, cover_kind = F.split_cover(text)
    dates = [m for m in matches if m.label == "DATE"]
    phones = [m for m in matches if m.label == "PHONE"]
    judge_spans = [(h.start, h.end) for h in roles if h.role == "JUDGE"]
    petitioner = F.pick_petitioner(text, roles, cover)
    applicants = [h.name for h in roles if h.role == "APPLICANT" and h.tier < 3]
    # 申请追加X为被执行人 asks for X, who is not yet a party (decided before strong cues outrank weak ones)
    asked = {read_party(text, m.end()) for m in _ASK_ADD.finditer(text)} - {None}
    strong_resp = [h.name for h in roles if h.role == "RESPONDENT" and h.tier < 3 and h.name not in asked]
    # a story debtor written as 赵某某 / 杜某 is an anonymised mention, not the register's party
    weak_resp = [h.name for h in roles if h.role == "RESPONDENT" and h.tier == 3 and not h.name.endswith("某")]
    judges = {h.name for h in roles if h.role == "JUDGE"}
    respondents = strong_resp or [r for r in weak_resp if r != petitioner and r not in applicants
                                  and r not in judges]
    if not respondents:
        # the last resort (tier 4): 段伟名下的车法院扣了 — whose property the enforcement reaches
        respondents = [h.name for h in roles if h.role == "RESPONDENT" and h.tier == 4 and h.name != petitioner
                       and h.name not in applicants and h.name not in judges and not h.name.endswith("某")][:1]
    outsiders = [h.name for h in roles if h.role == "OUTSIDER" and h.tier < 3]
    for h in roles:
        if h.role == "PETITIONER" and h.self_ref:
            if "被执行人" in h.cue:
                respondents.insert(0, h.name)
            elif "申请" in h.cue:
                applicants.insert(0, h.name)
            elif "案外人" in h.cue:
                outsiders.insert(0, h.name)
    # the writer is the debtor (我应给付 / 把我拘留了 / 请解除对我的限高): a rule, or the letter classifier
    # 我是被执行人邝志刚的母亲 / 被执行人某公司的法定代表人: the writer speaks for the party
    speaks_for = bool(petitioner) and any(petitioner not in m.group(0) for m in _OF_RELATIVE.finditer(text))
    if petitioner and petitioner not in respondents and petitioner not in applicants and not speaks_for and (
            SELF_DEBTOR.search(text) or (selfparty is not None and selfparty(text))):
        if not strong_resp:
            # the debt-story names may be the creditor's side: drop those also read as applicants
            respondents = [r for r in respondents if r not in applicants]
        rep = _REP_OF.search(text)
        org = read_org(text, rep.start(1)) if rep else None
        if org and org == rep.group(1):
            # 本人段鸿飞，是某某有限公司的法定代表人 … 对我限制出境: the company is the debtor, its officer
            # carries the measures
            if org not in respondents:
                respondents.insert(0, org)
        else:
            respondents.insert(0, petitioner)
    if petitioner and not speaks_for:
        for role_word, bucket in (("被执[行形型]人", respondents), ("申请执行人", applicants), ("案外人", outsiders)):
            for m in re.finditer(role_word, text):
                if petitioner in bucket:
                    break
                if _is_self(text, m.start()) or re.search(
                        r"(来访人|来电人|申诉人|信访人)[：:]\s*" + re.escape(petitioner) + r"[，,（(][^。\n]{0,16}$",
                        text[max(0, m.start() - 40):m.start()]):
                    bucket.insert(0, petitioner)
    # ner_mode: "fillorg" (default) — the model fills company respondents only when the rules found
    # none; "fill" — any respondent; "off" — rules only. (Always adding the model's spans, or using
    # it to veto rule proposals, measured worse on the held-out hand letters and was removed.)
    fill = set(ner_mode.split("+")) & {"fill", "fillorg"} if ner else set()
    if fill and not respondents and ("fill" in fill or ORG_CUE.search(text)):
        ner = ner() if callable(ner) else ner
        # the rules found no respondent at all: take the model's, when it reads as a name that neither
        # the rules nor the model give another role anywhere in the letter (the writer, a creditor)
        other = {h.name for h in roles if h.role != "RESPONDENT"} | {text[s:e] for s, e, lab in ner
                                                                    if lab != "RESPONDENT"}
        for r in _ner_names(text, ner, "RESPONDENT"):
            if "fillorg" in fill and read_org(text, text.find(r)) != r:
                continue
            if r not in other and r != petitioner and r not in applicants and r not in judges and r not in outsiders \
                    and r not in respondents:
                respondents.append(r)
    judge = F.pick_judge(roles, text)
    # the judge is never the party; 申请追加X为被执行人 asks for X, who is not yet a party
    respondents = [r for r in respondents if r != judge and r not in asked]
    applicants, respondents, outsiders = _story_parties(text, roles, petitioner, applicants, respondents,
                                                        outsiders, judges, speaks_for)
    # the writer who calls themselves the applicant / an outsider is listed under that role
    applicants, outsiders = self_roles(text, petitioner, F._unique(applicants), respondents,
                                       F._unique(outsiders))
    # a writer whose own property was caught up (这房子是我的 / 车登记在我名下 / 我不是被执行人), who is neither
    # creditor nor self-declared debtor, is an outsider (案外人). (Taking them out of the respondents as well
    # measured worse on the development letters: the respondents stay as the rules found them.)
    if petitioner and petitioner not in outsiders and petitioner not in applicants and petitioner not in strong_resp \
            and _WRITER_OWNS.search(text) and _SEIZED.search(text) and not _SAYS_DEBTOR.search(text) \
            and not any(h.role == "PETITIONER" and h.self_ref and "被执行人" in h.cue for h in roles):
        outsiders.insert(0, petitioner)
    # a writer owed by the named debtor, who names no other creditor, is the creditor: 他欠我 / 我的案子 /
    # 我申请执行 (not one writing for someone else: 替她写 / 代为反映 / 我父亲的案子)
    if petitioner and not applicants and respondents and petitioner not in respondents \
            and petitioner not in outsiders and not speaks_for and _WRITER_IS_CREDITOR.search(text) \
            and not _FOR_SOMEONE.search(text):
        applicants = [petitioner]
    fields = {
        "petitioner_name": petitioner,
        "petitioner_phone": F.pick_phone(text, phones, cover, judge_spans, petitioner),
        "applicants": F._unique(applicants),
        # 司马丽娟 and 马丽娟 (or 郭永 and 郭永强) read from one mention: the longer name only
        "respondents": [r for r in F._unique(respondents) if not any(
            r != o and (o.endswith(r) or (len(r) == 2 and o.startswith(r) and _only_inside(text, r, o)))
            for o in respondents)],
        "outsiders": F._unique(outsiders),
        "judge": judge,
        "letter_date": F.letter_date(text, dates, cover),
        "channel": F.channel_of(text, cover_kind),
        "forwarded_by": None,
        "forward_deadline": None,
        "forward_days": None,
        "id_numbers": [m.value for m in matches if m.label == "ID" and m.kind == "valid"],
        "amounts": [{"text": text[m.start:m.end], "value": m.value} for m in matches if m.label == "MONEY"],
    }
    contacts = [h.name for h in roles if h.role == "CONTACT"]
    fields["contacts"] = F._unique(contacts)
    if cover:
        fields["forwarded_by"] = F.forwarded_by(text, cover)
        fields["forward_deadline"], fields["forward_days"] = F.forward_deadline(text, cover, dates)
    fields["summary"] = F.summary_of(text, sentences, fields, cases, summary_max)
    return fields
