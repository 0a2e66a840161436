"""Synthetic register records with realistic Chinese content (tests, the review benchmark, demos).

Until the read/analyse/classify/route stages fill the register, these stand in for their output:
``Record``s built directly, with evidence offsets that point into the letter text.
"""
from __future__ import annotations

import hashlib
import random
from typing import Any, Iterator, Optional

from ..types import Record, empty_register

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = ["建国", "秀英", "桂兰", "志强", "海燕", "明", "伟", "芳", "军", "丽", "文华", "玉梅", "德胜", "春花", "国庆",
         "红霞", "永刚", "淑珍", "立新", "晓东"]
COMPANIES = ["济南某建筑工程有限公司", "莱芜某商贸有限公司", "钢城区某物流有限公司", "山东某置业有限公司",
             "济南某机械制造有限公司"]
JUDGES = ["刘法官", "王法官", "孙法官", "赵法官", "陈法官"]
CHANNELS = ["来信", "来访", "网上信访", "上级法院交办", "人大转办"]

# (ground, decision, type, sentence) — each sentence is the evidence for its ground
COMPLAINTS = [
    ("A2", "accept", "implementation",
     "该案立案执行已经两年多，被执行人名下有房产和车辆，承办人至今未采取任何查封措施，案件久拖不执。"),
    ("A7", "accept", "implementation",
     "法院已于去年从被执行人账户扣划执行款十二万元，至今没有发放给我，多次询问均称在走程序。"),
    ("A4", "accept", "review",
     "执行标的只有五万元，法院却查封了我价值八十万元的商铺，明显超标的查封。"),
    ("A6", "accept", "review",
     "被查封的车辆是我本人出资购买的，与被执行人无关，法院执行我这个案外人的财产是违法的。"),
    ("A3", "accept", "review",
     "执行人员在没有出示任何法律文书的情况下对我司法拘留十五日，并处罚款一万元。"),
    ("A5", "accept", "review",
     "法院错误地追加我为被执行人，我只是公司的普通员工，并不是股东。"),
    ("A1", "accept", "review",
     "本案承办人与被执行人是亲戚关系，依法应当回避却没有回避。"),
    ("R2", "reject", None,
     "我反映的是执行干警态度恶劣、接受吃请的问题，请求纪检部门调查。"),
    ("R4", "reject", None,
     "原判决认定事实错误，我根本不欠对方钱，请求撤销原判决。"),
    ("R6", "reject", None,
     "该案由济南市历下区人民法院立案执行，案号为（2022）鲁0102执456号。"),
]


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def _phone(rng: random.Random) -> str:
    return "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9))


def make_record(i: int, *, rng: Optional[random.Random] = None, day: str = "2025-03-18",
                text_extra: str = "", grounds: Optional[list[str]] = None, fmt: str = "txt",
                status: str = "suggested", confidence: Optional[float] = None,
                flags: Optional[list[str]] = None, path: Optional[str] = None) -> Record:
    """One synthetic letter and the record the stages would suggest for it."""
    rng = rng or random.Random(i)
    petitioner = _name(rng)
    respondent = rng.choice(COMPANIES + [_name(rng)])
    judge = rng.choice(JUDGES)
    serial = 100 + i
    case = f"（2023）鲁0117执{serial}号"
    if grounds is None:
        picks = rng.sample(COMPLAINTS[:7], k=rng.choice((1, 1, 2)))
        if rng.random() < 0.15:
            picks = [rng.choice(COMPLAINTS[7:])]
    else:
        picks = [c for c in COMPLAINTS if c[0] in grounds]
    phone = _phone(rng)
    head = (f"钢城区人民法院执行局：\n我叫{petitioner}，联系电话{phone}，是{case}案件的申请执行人，"
            f"被执行人为{respondent}，承办人是{judge}。\n")
    body = ""
    evidence: list[dict[str, Any]] = []
    for g, _, _, sentence in picks:
        start = len(head) + len(body)
        body += sentence
        evidence.append({"label": g, "start": start, "end": start + len(sentence), "text": sentence,
                         "score": round(rng.uniform(0.55, 0.98), 3)})
    tail = f"\n恳请法院依法处理，维护我的合法权益。{text_extra}\n此致\n敬礼\n信访人：{petitioner}\n2025年3月{rng.randint(1, 17)}日\n"
    text = head + body + tail
    decision = "reject" if all(p[1] == "reject" for p in picks) else "accept"
    types = [p[2] for p in picks if p[2]]
    typ = types[0] if types else None
    conf = confidence if confidence is not None else round(rng.uniform(0.35, 0.99), 3)
    reg = empty_register()
    reg.update({
        "received_at": day, "channel": rng.choice(CHANNELS), "petitioner_name": petitioner,
        "petitioner_phone": phone, "applicants": [petitioner], "respondents": [respondent],
        "outsiders": [], "judge": judge,
        "case_numbers": [{"raw": case, "normalized": case, "year": 2023, "court_code": "鲁0117",
                          "type_code": "执", "serial": serial, "kind": "enforcement",
                          "this_court": True, "start": text.index(case),
                          "end": text.index(case) + len(case)}],
        "letter_date": "2025-03-%02d" % rng.randint(1, 17),
        "summary": f"{petitioner}反映{case}案件" + "、".join(p[3][:14] for p in picks) + "等问题。",
        "proposed_action": ("转承办人" + judge + "督促执行，5日内约谈信访人。") if typ == "implementation"
        else ("参照执行异议审查，登记为执异案件。" if decision == "accept" else "不予受理，向信访人释明。"),
    })
    fl = list(flags) if flags is not None else [f for f, p in (("needs_review", 0.2), ("risk", 0.05),
                                                               ("repeat", 0.05)) if rng.random() < p]
    if conf < 0.6 and "needs_review" not in fl:
        fl.append("needs_review")
    rel = path or f"{day}/letter-{i:05d}.{fmt}"
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Record(
        record_id="xf-" + hashlib.sha256(f"{rel}\0{sha}".encode()).hexdigest()[:16],
        source={"path": rel, "sha256": sha, "format": fmt,
                "pages": [{"number": 1, "method": "text" if fmt in ("txt", "docx", "pdf") else "ocr",
                           "confidence": None if fmt in ("txt", "docx", "pdf") else 0.91}]},
        status=status, text=text, decision=decision, type=typ, grounds=[p[0] for p in picks],
        confidence=conf, evidence=evidence, register=reg,
        deadlines=[
            {"name": "handover", "label_zh": "转交承办人", "due": "2025-03-20", "basis": "004 第十三条：2日内转交",
             "working_days": False, "calendar_known": True},
            {"name": "meeting", "label_zh": "约谈信访人", "due": "2025-03-25", "basis": "004 第十三条：5日内约谈",
             "working_days": False, "calendar_known": True},
            {"name": "reply", "label_zh": "答复", "due": "2025-05-16", "basis": "004 第十三条：40个工作日内答复",
             "working_days": True, "calendar_known": True},
        ],
        flags=sorted(fl), model_version="synthetic-0",
    )


def make_records(n: int, seed: int = 7, days: tuple[str, ...] = ("2025-03-17", "2025-03-18")
                 ) -> Iterator[Record]:
    rng = random.Random(seed)
    for i in range(n):
        yield make_record(i, rng=random.Random(rng.random()), day=days[i % len(days)])
