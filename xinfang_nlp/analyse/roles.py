"""Role cues → names: who applies, who owes, who claims the property, who handles the case, who writes.

Every cue is a regex in ``DEFAULT_CUES`` (role, tier, pattern); the spaCy component
``xinfang_roles`` takes its cue table from config, so another court can add cue words without code.
The name after a cue is read by ``names.read_party`` / ``names.read_person``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional

from .names import (COMPOUND_SURNAMES, RELATIONS, STOP, SURNAMES, TITLES, _PUNCT, name_at_clause_end,
                    name_may_start, read_org, read_party, read_person, skip_cue_glue,
                    word_before)

# role, tier (lower = stronger for the petitioner), regex ending where the name starts
DEFAULT_CUES: list[tuple[str, int, str]] = [
    ("APPLICANT", 1, r"(?<!被)申请执行人(?:为|是|：|:|系)?\s*"),
    ("APPLICANT", 2, r"(?<![被执])申请人(?!民)(?![（(]案外人)(?:为|是|：|:)?\s*(?![向于和对在把给从])"),
    ("APPLICANT", 2, r"(?<![被])原告(?:为|是|：|:)?\s*"),
    ("APPLICANT", 2, r"(?:债权人)(?:为|是|：|:)?\s*"),
    ("RESPONDENT", 1, r"被(?:执[行形型刑]|直行)人[)）]?(?:为|是|：|:|系)?\s*"),
    ("RESPONDENT", 1, r"被执行(?:公司|单位|企业)(?:为|是|：|:|系)?\s*"),
    ("RESPONDENT", 3, r"(?:包工头|肇事司机|肇事者|欠款人|债务人|老赖)(?:为|是|：|:)?\s*"),
    ("RESPONDENT", 2, r"被申请人(?:为|是|：|:)?\s*"),
    # people call the judgment debtor 被告: 被告邹国庆欠我的工程款
    ("RESPONDENT", 2, r"(?<![原])被告(?:人)?(?:为|是|：|:)?\s*(?=[\u4e00-\u9fff]{2,4}(?:欠|不|一直|至今|还|[，,。、和]))"),
    ("RESPONDENT", 2, r"(?:连带责任人|连带保证人|担保人|保证人)(?:为|是|：|:)?\s*"),
    ("OUTSIDER", 1, r"案外人(?:为|是|：|:)?\s*"),
    ("OUTSIDER", 1, r"(?:申请人|异议人)[（(]案外人[）)]\s*[：:]\s*"),
    ("OUTSIDER", 2, r"第三人(?:为|是|：|:)?\s*"),
    ("JUDGE", 1, r"(?:承办人|承办法官|主办法官|执行法官|经办法官|经办人|承办的是|承办人员|承办人为|执行员|法官)(?:为|是|：|:)?\s*"),
    ("PETITIONER", 1, r"(?:信访人|申诉人|来电人|来访人|反映人|代写人|具状人|举报人|写信人|控告人|异议人|申请人)\s*[：:]\s*(?:(?:申请执行人|被执行人|案外人)\s*)?"),
    ("PETITIONER", 1, r"律师(?:：|:)?\s*(?=[^\s事])"),
    ("PETITIONER", 1, r"(?:^|\n)\s*(?:姓名|留言人|赔偿请求人|反映人|投诉人)\s*(?:[：:]\s*|[ \t]+)"),
    ("PETITIONER", 1, r"(?:农民工代表|(?<!法定)代表人|(?<!法定)代表|委托代理人|代理人|受托人)\s*[：:]\s*(?:[^\s，。：:]{2,16}?律师事务所\s*)?"),
    ("PETITIONER", 1, r"指派(?:律师)?"),
    # 我是他表弟，叫牛志强 / …汽修店的老板娘，叫荀晓丽: a name introduced after a comma
    ("PETITIONER", 2, r"(?:^|(?<=[，,。]))\s*(?:我)?(?:名字)?叫(?=[\u4e00-\u9fff]{2,4}(?:[，,。；\s]|$))"),
    ("PETITIONER", 2, r"(?:我叫|我是|我系|本人是|本人叫|本人|鄙人|俺叫|俺是|我们厂是|我们公司是|我公司|本公司|我司|我单位|我厂)\s*[（(]?"),
    ("PETITIONER", 2, r"(?:我|俺|本人)姓[\u4e00-\u9fff]{1,2}[，,]?\s*(?=叫)"),
    ("PETITIONER", 3, r"(?:信访人|申诉人|来电人|来访人|群众)\s*"),
    ("CONTACT", 1, r"联系人(?:：|:)?\s*(?:[\u4e00-\u9fff]{1,6}?部\s*)?"),
]

#: role words that may follow 我是 (我是申请执行人刘爱华)
_SELF_ROLE = re.compile(r"(申请执行人|被执行人|申请人|案外人|申诉人|信访人|原告|被告)")
_SELF_ROLE_CUES = ("我是", "我系", "本人是", "俺是")


@dataclass
class RoleHit:
    start: int          # of the name
    end: int
    role: str           # APPLICANT | RESPONDENT | OUTSIDER | JUDGE | PETITIONER | CONTACT
    name: str
    tier: int
    cue: str
    self_ref: bool = False   # the writer names themself in this role (我是被执行人邵明杰)


def compile_cues(cues: Iterable) -> list[tuple[str, int, re.Pattern]]:
    return [(role, int(tier), re.compile(rx)) for role, tier, rx in cues]


def find_roles(text: str, cues: Optional[list] = None) -> list[RoleHit]:
    compiled = compile_cues(cues or DEFAULT_CUES)
    hits: list[RoleHit] = []
    for role, tier, rx in compiled:
        for m in rx.finditer(text):
            pos = m.end()
            cue = m.group(0).strip()
            if role == "PETITIONER" and tier == 2:
                q = skip_cue_glue(text, pos)
                # 我是申请执行人刘爱华 / 我是被执行人邵明杰
                mm = _SELF_ROLE.match(text, q) if cue.rstrip("（(") in _SELF_ROLE_CUES else None
                if mm:
                    name = read_party(text, mm.end(), loose=True)
                    if name:
                        s = text.find(name, mm.end())
                        hits.append(RoleHit(s, s + len(name), "PETITIONER", name, 2, cue + mm.group(1),
                                            True))
                    continue
                if cue in ("我叫", "本人叫"):
                    name = read_party(text, q, loose=True)
                else:
                    name = read_party(text, q, loose=True)
                    at = text.find(name, q) if name else -1
                    after = text[at + len(name):at + len(name) + 1] if name else ""
                    if name and at > q and after in ("俺", "我"):
                        after = "，"     # 俺是颜庄的谭秀珍俺那个案子: the name ends where 俺 starts
                    # 我是颜庄镇的司德胜 / 我是济南某公司的债权人常宏伟: the name closing the clause
                    if not name or after in ("的", "人", "村", "镇") or (
                            after and after not in _PUNCT and after not in STOP and not after.isspace()
                            and not read_org(name, 0)):
                        ce = name_at_clause_end(text, q)
                        name = ce[1] if ce else None
                        if name and name.endswith(TITLES[:4]):
                            name = None
                if name:
                    s = text.find(name, q)
                    hits.append(RoleHit(s, s + len(name), "PETITIONER", name, 2, cue))
                continue
            if role == "JUDGE":
                q = skip_cue_glue(text, pos)
                name = read_person(text, q, allow_title=True)
                if name and cue.startswith("法官") and name.endswith(TITLES):
                    name = None
                if name and cue.endswith(("是", "为")) and re.match(r"(?:的|之)(?:亲)?" + RELATIONS,
                                                                  text[q + len(name):q + len(name) + 6]):
                    name = None     # 刘法官是刘振江的亲堂叔: the judge's relative, not the judge
            elif role == "CONTACT":
                name = read_person(text, skip_cue_glue(text, pos), allow_title=True)
            else:
                # 向申请执行人发放: an unlisted surname only after 申请执行人：/是/为, not before a verb
                loose = tier == 1 and (role != "APPLICANT" or cue[-1:] in "：:是为系")
                name = read_party(text, pos, loose=loose)
            if not name:
                continue
            s = text.find(name, pos)
            if s < 0 or s - pos > 12:
                continue
            self_ref = role in ("APPLICANT", "RESPONDENT", "OUTSIDER") and _is_self(text, m.start())
            hits.append(RoleHit(s, s + len(name), role, name, tier, cue, self_ref))
            # 被执行人钢城区鼎盛装饰工程部（经营者邓小刚）: an individual business's operator answers for it
            op = re.match(r"[（(](?:经营者|业主|负责人)[：:]?([\u4e00-\u9fff]{2,4})[）)]", text[s + len(name):s + len(name) + 12])
            if role == "RESPONDENT" and op and "有限" not in name and read_person(op.group(1), 0, allow_title=False) == op.group(1):
                a = s + len(name) + op.start(1)
                hits.append(RoleHit(a, a + len(op.group(1)), role, op.group(1), tier, cue, False))
            if role in ("RESPONDENT", "APPLICANT", "OUTSIDER"):
                # 被执行人衣建民、衣建刚和鲍月娥 / 被执行人为甲公司及乙公司: the rest of the list
                e = s + len(name)
                for _ in range(6):
                    jm = _JOIN.match(text, e)
                    if not jm:
                        break
                    nxt = read_party(text, jm.end())
                    if not nxt or not text.startswith(nxt, jm.end()):
                        break
                    hits.append(RoleHit(jm.end(), jm.end() + len(nxt), role, nxt, tier, cue, False))
                    e = jm.end() + len(nxt)
    hits.extend(_judges_before_title(text))
    hits.extend(_respondents_by_verb(text))
    hits.extend(_respondents_by_debt(text))
    hits.extend(_applicants_by_story(text))
    hits.extend(_outsiders_by_story(text))
    hits.sort(key=lambda h: (h.start, h.tier))
    return hits


def _is_boundary(c: str) -> bool:
    return c in _PUNCT or c in STOP or c.isspace() or c.isdigit()


def _judges_before_title(text: str) -> list[RoleHit]:
    """``孙法官`` / ``蒋海波法官`` / ``李强法官``: read the name backwards from 法官."""
    out = []
    for m in re.finditer(r"法官", text):
        i = m.start()
        if i == 0:
            continue
        prev = text[i - 1]
        # 执行法官/承办法官/主办法官 is a cue, not a name
        if text[max(0, i - 2):i] in ("执行", "承办", "主办", "经办", "办案", "审判", "助理", "的是"):
            continue
        cands = []
        b2 = text[i - 2] if i >= 2 else "。"
        if prev in SURNAMES and _is_boundary(b2):
            cands.append((i - 1, prev + "法官"))
        else:
            b3 = text[i - 3] if i >= 3 else "。"
            b4 = text[i - 4] if i >= 4 else "。"
            if i >= 3 and text[i - 3] in SURNAMES and _is_boundary(b4) and not any(
                    c in STOP or c in _PUNCT for c in text[i - 2:i]):
                cands.append((i - 3, text[i - 3:i]))
            elif i >= 2 and (b2 in SURNAMES or text[i - 3:i - 1] in COMPOUND_SURNAMES) and _is_boundary(b3) \
                    and prev not in STOP and prev not in _PUNCT:
                cands.append((i - 2, text[i - 2:i]))
        for s, name in cands:
            out.append(RoleHit(s, s + len(name), "JUDGE", name, 2, "法官"))
    return out


_CLAUSE_END = "。！？\n；，,：:"
_JOIN = re.compile(r"[ \t]*(?:、|和|及|以及|与|跟|还有|，还有|/)[ \t]*"
                   r"(?:(?:其|它|他|她)的?(?:[\u4e00-\u9fff]{2,3}的)?(?:亲)?" + RELATIONS + r"|"
                   r"[\u4e00-\u9fff]{2,3}的(?:亲)?" + RELATIONS + r"|" + RELATIONS + r"(?=[\u4e00-\u9fff]{2,4}(?:[、，,。；和及（(\s]|$)))?[ \t]*")
_THIRD = re.compile(r"(他|她|对方|其|儿子|女儿|哥|弟|姐|妹|父亲|母亲|丈夫|妻子|爱人|老伴|朋友|邻居)")


_OF_RELATIVE = re.compile(r"(?:被执[行形]人)[是为：:]?[^，。；！？\n的之]{2,20}?(?:(?:的|之)(?:亲)?" + RELATIONS
                          + r"|之[妻夫子女父母兄弟姐妹])")


#: 我是申请执行人宋春燕的丈夫路建民: the writer speaks for the applicant
_OF_RELATIVE_APP = re.compile(r"申请执行人[是为：:]?[^，。；！？\n的之]{2,20}?(?:的|之)(?:亲)?" + RELATIONS)


def _is_self(text: str, cue_start: int) -> bool:
    """The clause before the cue makes the writer the party: 我是被执行人 / 申诉人系本案被执行人 /
    我叫阚继友，是被执行人 / 我是房凤霞，（2021）鲁0117执1655号的被执行人."""
    b1 = max(text.rfind(c, 0, cue_start) for c in _CLAUSE_END)
    c1 = text[b1 + 1:cue_start].strip()
    # 我是被执行人邝志刚的母亲 / 卫红梅（被执行人卫长江之妹）: a relative of the party, not the party
    if _OF_RELATIVE.match(text, cue_start) or _OF_RELATIVE_APP.match(text, cue_start):
        return False
    if len(c1) > 40 or _THIRD.search(c1):
        return False
    cue = re.match(r"被执[行形型]人|申请执行人|案外人", text[cue_start:])
    rest = re.sub(r"^(我|本人|俺)(是|系)", "", c1)
    if cue and rest and not rest.endswith("的") and read_party(text, cue_start + cue.end()):
        return False    # 我是柏玉芝案子（…）号被执行人亓小兵: the cue names someone else (…号的被执行人华雅琪 is the writer)
    if re.match(r"(我|本人|我们|我公司|我单位|我厂|申诉人|信访人|来访人|来电人)(就|也|本人)?(是|系|作为|为)", c1):
        return True
    if b1 < 0 or text[b1] not in "，,":
        return False
    b0 = max(text.rfind(c, 0, b1) for c in "。！？\n；，,")
    c0 = text[b0 + 1:b1].strip()
    if not re.search(r"(我叫|我是|本人|俺叫|俺是)", c0) or re.search(r"(申请执行人|被执行人|案外人)", c0):
        return False
    return bool(re.match(r"(就|也)?(是|系|作为|为)", c1) or c1.endswith("的") or c1 == "")


_VERB_PATTERNS = [
    # 我哥司德利欠人家钱 / 吕长海欠我
    (re.compile(r"欠(?!条|款单|据)"), "before"),
    # 我弟弟殷宪军被人告了 / 肇事司机倪勇被判赔钱
    (re.compile(r"被(?:人|人家|他们|对方|法院)?(?:告|起诉|判)"), "before"),
    # 他的连襟樊文海做了担保 / 樊文海承担连带保证责任
    (re.compile(r"(?:做了?|作了?|当了?|提供了?)(?:连带)?(?:担保|保证)|承担连带"), "before"),
    # 朱永海对上述债务承担连带清偿责任
    (re.compile(r"对(?:上述|该|前述|全部|此|其中)?(?:债务|欠款|款项|货款|借款)[^，。；\n]{0,8}?承担(?:连带|补充)"), "before"),
    # 借给熊大勇 / 租给了杜志刚 / 法院判吕长海给 / 执行吴天保的案子 / 起诉的是武建伟
    (re.compile(r"(?:借给|租给|卖给|赊给|借款给)了?"), "after_list"),
    (re.compile(r"(?:判决?令?|判了)(?:对方司机|对方|被告|司机|包工头|车主)?"), "after_pay"),
    (re.compile(r"执行(?=[^，。]{2,4}的(?:案子|案件))"), "after"),
    (re.compile(r"(?:起诉|告)的(?:是)?|告了"), "after_party"),
    # 法院判了，王成武和鑫达公司一块给钱 / 判决苗永强和顺通公司赔偿: every party the judgment orders to pay
    (re.compile(r"(?:判决|判令|判了|判)[，,]?"), "pay_list"),
    # 我与谷振华离婚后财产纠纷一案 / 我公司与某某有限公司买卖合同纠纷
    (re.compile(r"(?:我|俺|我公司|我司|本公司|我厂|我行|本行|我社|申请人|申请执行人|当事人|委托人)[）)”\"]?(?:与|和|跟)(?=[^。]{2,60}(?:纠纷|打官司))"), "after_party"),
    # 彭静申请执行贺芳赔偿款一案 / 我父亲诉杨丽云离婚后财产纠纷
    (re.compile(r"(?:(?<![向去再])申请执行(?![人款案的以后之时了过])|(?<![申上起投告])诉(?![求讼状称至到前说]))"), "after_party"),
]
_PAY = re.compile(r"(给|赔|还|支付|偿还|返还|付)")


def party_list(text: str, pos: int, joiners: str = "、和及与", most: int = 4) -> list[tuple[int, str]]:
    """The parties listed from ``pos`` (诉济南某公司、陈永福、李淑贞 / 卖给韩立新、赵春燕 / 判X及其挂靠单位Y):
    [(start, name)], each read by ``read_party`` (which may skip a relation: 她一个远房侄子宫立平)."""
    found, q = [], pos
    while len(found) < most:
        name = read_party(text, q)
        a = text.find(name, q, q + len(name) + 14) if name else -1
        if a < 0:
            break
        found.append((a, name))
        q = a + len(name)
        j = re.match("[" + joiners + "]|以及", text[q:])
        if not j:
            break
        q += j.end()
    return found


def _respondents_by_verb(text: str) -> list[RoleHit]:
    out = []
    for rx, where in _VERB_PATTERNS:
        for m in rx.finditer(text):
            if where == "before":
                i = m.start()
                name = person_ending_at(text, i)
                if name:
                    s0 = text.find(name) if name not in text[max(0, i - 4):i] else i - len(name)
                    out.append(RoleHit(s0, s0 + len(name), "RESPONDENT", name, 3, "欠"))
            elif where == "pay_list":
                found = party_list(text, m.end())
                q = found[-1][0] + len(found[-1][1]) if found else m.end()
                if len(found) >= 2 and re.match(r"(?:一块|一起|共同|连带)?(?:给付|支付|赔偿|偿还|返还|给|赔|还)", text[q:]):
                    out += [RoleHit(a, a + len(n), "RESPONDENT", n, 3, "判…给") for a, n in found]
            elif where == "after_list":
                # 卖给韩立新、赵春燕两口子 / 借给她一个远房侄子宫立平
                out += [RoleHit(a, a + len(n), "RESPONDENT", n, 3, m.group(0))
                        for a, n in party_list(text, m.end(), joiners="、和跟与及", most=3)]
            elif where == "after_party":
                # 诉济南某公司、陈永福、李淑贞金融借款合同纠纷: every party in the list
                found = party_list(text, m.end())
                # 我行与某公司、郑立新、马秀英金融借款合同纠纷一案: a formal list of the other side is as strong as a cue
                last_end = found[-1][0] + len(found[-1][1]) if found else m.end()
                tier = 2 if len(found) >= 2 and re.match(r"[^，。；\n]{0,12}?(?:纠纷|一案)", text[last_end:]) else 3
                out += [RoleHit(a, a + len(n), "RESPONDENT", n, tier, m.group(0)) for a, n in found]
            else:
                name = read_person(text, m.end(), allow_title=False)
                a = m.end()
                if not name and where == "after_pay":
                    # 法院判孩子他妈殷晓娜每月给800抚养费: a relation before the name
                    name = read_party(text, m.end())
                    a = text.find(name, m.end(), m.end() + len(name) + 10) if name else -1
                    if a < 0:
                        continue
                if not name:
                    continue
                if where == "after_pay" and not re.match(r"(?:每月|每个月|一次性|分期)?(?:给|赔|还|支付|偿还|返还|付)", text[a + len(name):]):
                    continue
                out.append(RoleHit(a, a + len(name), "RESPONDENT", name, 3, m.group(0)))
    return out


#: a party named before these owes: 郭家豪应支付俺借款 / 山东久安商贸有限公司应给付当事人工资
_OWES = re.compile(r"(?:应当|应|需|该|(?<![获取觉记使值显懂晓舍赢落博求免])得)(?:向[^，。；\n]{1,12}?)?(?:给付|支付|赔偿|偿还|返还|归还|付给|赔付|还款|给|还|赔|付|搬出)")
#: ... and after these: 借给同学邬海洋 / 给老板江文利干活 / 车主苏家栋
_DEBTOR_AFTER = re.compile(
    r"(?:(?:借给|借款给|租给|卖给|赊给|欠款人|债务人|老赖|车主|包工头|(?<![的])老板(?!娘)|前夫|前妻|欠钱的人?|对方(?=叫|名叫)|"
    r"(?:对方|肇事|开车的|货车|那个)?司机|欠(?:我|俺|我们|俺们|我家)[^，。；\n]{0,4}?的)(?:了|是|叫|为)?"
    r"(?:同村的|同村|村里的|同学|朋友|老乡|同事|邻居|亲戚|战友|表哥|表弟|表姐|表妹|堂哥|堂弟|一个|个)?)")
#: a person who is arrested/fined/limited by the court is the respondent: 我弟弟谷长友被你们拘留了
_SANCTIONED = re.compile(r"(?:又|也|都|已经|已)?被(?:你们|法院|执行局|钢城法院|你院|贵院)?(?:司法)?(?:拘留|罚款|限高|限制高消费|限制消费|列入失信|纳入失信|拉入黑名单)")
#: X系（2023）鲁0117执1788号案件被执行人 / X是本案的被执行人
_IS_RESPONDENT = re.compile(r"(?<!申请追加)(?<!追加)(?:系|是|为|作为)(?:本案|该案|[^，。；！？\n与和跟及]{0,30}?(?:案件?|号)的?)?被执[行形型]人(?![的之])")


_DISPUTE = re.compile(r"(?:与|和|跟)")
_BORROWED_FROM_ME = re.compile(r"(?<![我俺])借(?:了)?(?:我|俺|我们|俺们|我家|俺家)(?![们的])|(?:向|跟|找)(?:我|俺|我们|俺们)借"
                               r"|(?<![我俺])租(?:了)?(?:我|俺)(?:的|家)|从(?:我|俺)(?:这里|这儿|这|家|店里)?(?:赊|借|拿|进)")
_PROPERTY_OF = re.compile(r"的财产线索|的(?:(?!查封|冻结|扣押|拍卖)[^，。；！？\n、]){0,10}(?:房子|房产|车|门面|门市|账户|存款|工资)"
                          r"(?=[^。；！？\n]{0,12}?(?:查封|冻结|扣押|拍卖|扣了|封了|冻了|拖走))")
_REAL_NAME = re.compile(r"(?:就是|大名(?:叫|是)?|真名(?:叫)?|大号(?:叫)?)\s*|(?:包工头|老板|房东|工头|老[\u4e00-\u9fff]|小[\u4e00-\u9fff])[（(]([\u4e00-\u9fff]{2,4})[）)]")
_DEBT_STORY = re.compile(r"欠|借(?:了)?(?:俺|我)|跟(?:俺|我)借|赊|拖欠|工钱|工资|抚养费|房租|判(?:的)?他|包工头|告(?:了)?他|不还|不给")
_PRINCIPAL = re.compile(r"(?:上头是|上面是|从|给|在)")
_TAKE_FROM = re.compile(r"(?:扣留|扣划|提取|扣押|冻结|查封)了?(?:我单位|本单位|我公司|本公司|我厂)?(?:的)?(?:职工|员工|工人|雇员)")
_NAMED_ASSETS = re.compile(r"名下(?=[^。！？\n]{0,30}?(?:查封|扣押|扣了|冻结|解封|解除|拍卖|过户|转移|财产|房产|房子|车辆|车|存款|账户))")
_INTRO_DEBTOR = re.compile(r"(?:一个|有个|有一个|那个人|那人|对方|司机|老板|小伙子|男的|女的|的人|的|包工头|工头|老[\u4e00-\u9fff][ \t\u3000]*)[，,]?(?:名字)?(?:叫做|名叫|叫)")
_DEBT_WORDS = re.compile(r"欠|撞|打官司|借给|起诉|告了|赔|判")
_KIN_BORROWED = re.compile(r"(?:我|俺)(?:的|家)?(?:那个)?(?:[\u4e00-\u9fff]{0,5}的)?(?:亲)?(?:儿子|女儿|闺女|丈夫|老公|对象|爱人|男人|弟弟|哥哥|侄子|外甥|女婿|"
                           r"表弟|表哥|堂弟|堂哥|姐夫|妹夫|小舅子|朋友|同学)(?:叫)?")
_ENFORCED = re.compile(r"被(?:你们|法院|你院|贵院|钢城法院)?(?:强制)?执行(?![人款])")
_WORKED_FOR = re.compile(r"(?:给|替|在)(?=[^，。；\n]{2,40}?(?:[（(][^）)]{0,16}[）)])?[^，。；\n]{0,8}?(?:干|打工|做工|上班|开车|拉货|送货))|车是(?=[^，。；\n]{4,40}?的)")


def _inside_org(text: str, i: int, maxlen: int = 30) -> bool:
    s = i
    while s > 0 and i - s < maxlen and text[s - 1] not in _PUNCT:
        s -= 1
    for k in range(s, i):
        org = read_org(text, k)
        if org and k + len(org) > i + 1:
            return True
    return False


def party_ending_at(text: str, end: int, maxlen: int = 40) -> Optional[str]:
    """The company or person whose name ends exactly at ``end`` (read backwards within the clause)."""
    start = end
    while start > 0 and end - start < maxlen and text[start - 1] not in _PUNCT and text[start - 1] not in "我他她":
        start -= 1
    orgs = []
    for s in range(start, end - 1):
        if s and text[s - 1:s + 1] == "公司":
            continue    # 我公司山东某某有限公司: not 司山东某某有限公司
        org = read_org(text, s, maxlen=end - s)
        if org and s + len(org) == end:
            orgs.append((s, org))
    # the reading that starts where a word ends (判决|济南某公司, not 判|决济南某公司), else after a
    # function word, else the longest
    for ok in (lambda s: s == start or word_before(text, s) or text[s - 1] in _PUNCT,
               lambda s: text[s - 1] in STOP, lambda s: True):
        for s, org in orgs:
            if ok(s):
                return org
    return person_ending_at(text, end, start)


def person_ending_at(text: str, end: int, start: int = 0) -> Optional[str]:
    """The person whose name ends exactly at ``end`` (not before ``start``); or the company whose short
    name it really is (兴隆食品欠我 → 济南钢城区兴隆食品有限公司, not 隆食品)."""
    readings = []
    for k in (3, 2, 4):
        s = end - k
        if s < start or s < 0:
            continue
        p = read_person(text, s, allow_title=False)
        if p and s + len(p) == end and p[-1] not in "我他她你":
            readings.append((s, p))
    # a reading that starts where a word ends first (业务员|韩志 over 员韩志)
    clean = [r for r in readings if r[0] == start or name_may_start(text, r[0])]
    for s, p in clean or readings:
        if s and text[s - 1:s + 1] == "公司":
            return None     # 瑞丰商砼有限公司尚欠: not 司尚
        if s and "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in STOP:
            full = org_for_alias(text, text[max(start, s - 2):end])
            if full:
                return full
        return p
    return None


def org_for_alias(text: str, alias: str) -> Optional[str]:
    """The registered name the letter gives elsewhere for a short company name (东岳建设 →
    济南东岳建设集团有限公司), or None."""
    for a in (alias, alias[1:]):
        if len(a) < 3:
            continue
        for m in re.finditer(r"[\u4e00-\u9fff]{0,10}?" + re.escape(a) + r"[\u4e00-\u9fff]{0,8}?"
                             r"(?:有限责任公司|股份有限公司|有限公司)", text):
            for k in range(m.start(), text.find(a, m.start()) + 1):
                o = read_org(text, k)
                if o and a in o and "有限" in o:
                    mm = re.match(r"(?:有限责任公司|股份有限公司|有限公司)", text[k + len(o):k + len(o) + 6])
                    return o + (mm.group(0) if mm else "")
    return None


def _respondents_by_debt(text: str) -> list[RoleHit]:
    out = []
    for m in _OWES.finditer(text):
        name = party_ending_at(text, m.start())
        if name:
            out.append(RoleHit(m.start() - len(name), m.start(), "RESPONDENT", name, 3, "应付"))
    for m in _SANCTIONED.finditer(text):
        name = party_ending_at(text, m.start(), maxlen=4)
        s0 = m.start() - len(name) if name else 0
        if name and not name_may_start(text, s0):
            continue    # 已履行完毕仍被列入失信: no name starts inside a word
        if name:
            out.append(RoleHit(m.start() - len(name), m.start(), "RESPONDENT", name, 3, "被拘"))
    for m in _IS_RESPONDENT.finditer(text):
        other = read_party(text, m.end())
        if (other and re.match(r"[的之]", text[m.end() + len(other):m.end() + len(other) + 1])) or re.match(
                r"[^，。；！？\n]{0,12}?(?:的(?:亲)?" + RELATIONS + r"|之[妻夫子女父母兄弟姐妹])", text[m.end():]):
            continue    # 齐美玲，系被执行人牛振华之妻 / 孙建华系被执行人法定代表人许志明的妹夫: a relative of the party
        name = party_ending_at(text, m.start())
        if not name and text[max(0, m.start() - 3):m.start()] in ("该公司", "该单位", "该企业"):
            # 本人原系某某有限公司法定代表人。该公司是…被执行人: the company named before
            cs = max(text.rfind(c, 0, m.start()) for c in "，,。；！？\n")
            before = [(k + len(o), -k, o) for k, o in ((k, read_org(text, k)) for k in range(max(0, m.start() - 200), m.start() - 3)
                                                      if name_may_start(text, k) or text[k - 1] == "系")
                      if o and re.search(r"有限|股份|集团", o)]
            if before and not re.search(r"(?:追加|变更|增加|列为)", text[cs + 1:m.start()]):
                name = max(before)[2]      # the last company named, read from its earliest start
                s0 = text.rfind(name, 0, m.start())
                out.append(RoleHit(s0, s0 + len(name), "RESPONDENT", name, 2, "该公司是被执行人"))
                continue
        cs = max(text.rfind(c, 0, m.start()) for c in "，,。；！？\n")
        if name and re.search(r"(?:追加|变更|增加|列为)", text[cs + 1:m.start()]):
            continue    # 申请追加汲宏伟为被执行人: asked for, not yet a party
        if name:
            out.append(RoleHit(m.start() - len(name), m.start(), "RESPONDENT", name, 2, "系被执行人"))
        elif m.start() and text[m.start() - 1] in "，," and m.group(0).startswith("系"):
            # 申请人亓兴旺，系（2023）鲁0117执207号案件被执行人: the name closing the clause before
            name = party_ending_at(text, m.start() - 1, maxlen=12)
            if name:
                e = m.start() - 1
                out.append(RoleHit(e - len(name), e, "RESPONDENT", name, 2, "系被执行人"))
    # 我是济南某某有限公司的债权人常宏伟: the company owes
    for m in re.finditer(r"(?:是|系)(?=[^，。；！？\n]{4,40}?的债权人)", text):
        name = read_org(text, m.end())
        if name and text.startswith("的债权人", m.end() + len(name)):
            out.append(RoleHit(m.end(), m.end() + len(name), "RESPONDENT", name, 3, "的债权人"))
    # 要求扣留我单位职工伍德军的工资: whose wages the court takes through the employer
    for m in _TAKE_FROM.finditer(text):
        name = read_person(text, m.end(), allow_title=False) or read_org(text, m.end())
        if name and re.match(r"的?(?:工资|存款|账户|退休金|养老金|银行卡|房子|车)", text[m.end() + len(name):]):
            out.append(RoleHit(m.end(), m.end() + len(name), "RESPONDENT", name, 3, m.group(0)))
    # 闫宏伟借我二十万 / 俺村的吴长山说家里盖屋，借了俺三万块钱 / 吕建民和付新宇两个人借我十五万: the borrower
    for m in _BORROWED_FROM_ME.finditer(text):
        ss = max(text.rfind(c, 0, m.start()) for c in "。！？\n；")
        # the clause nearest to 借 first, each read from its start
        starts = [ss + 1] + [i + 1 for i in range(ss + 1, m.start()) if text[i] in "，, \u3000"]
        order = [k for cs, ce in zip(reversed(starts), [m.start()] + list(reversed(starts))[:-1])
                 for k in range(cs, ce)]
        for k in order:
            if k > ss + 1 and text[k - 1] not in _PUNCT and text[k - 1] not in "的年月人是叫名就子" and not (
                    k >= 2 and text[k - 2] in "老小" and text[k - 1] == text[k]):   # 老宫宫成玉
                continue
            name = read_party(text, k)
            if not name or not text.startswith(name, k) or name.endswith("某"):
                continue
            found, q = [(k, name)], k + len(name)
            j = re.match(r"[、和跟与及]", text[q:q + 1])
            if j:
                nxt = read_person(text, q + 1, allow_title=False)
                if nxt:
                    found.append((q + 1, nxt))
            out += [RoleHit(a, a + len(n), "RESPONDENT", n, 3, "借我") for a, n in found]
            break
    # 包工头老刘…老刘就是刘长贵 / 孩子他爹就是张二胖 大名叫张庆福 / 包工头老卜（卜庆海）: the real name of a
    # nickname in a debt story
    for m in _REAL_NAME.finditer(text):
        if m.group(1):
            name = m.group(1)
            q = m.start(1)
            if read_person(text, q, allow_title=False) != name:
                continue
        else:
            q = m.end()
            name = read_person(text, q, allow_title=False)
        if not name or re.match(r"[，,\s]*(?:大名|真名|大号|名字叫)", text[q + len(name):]):
            continue    # 孩子他爹就是张二胖 大名叫张庆福: the nickname, the real name follows
        ss = max(text.rfind(c, 0, m.start()) for c in "。！？\n；")
        se = min([x for x in (text.find(c, q) for c in "。！？\n；") if x >= 0] or [len(text)])
        ctx = text[max(ss + 1, m.start() - 40):min(se, q + len(name) + 40)]
        if _DEBT_STORY.search(ctx) and not re.search(r"(?:俺|我)(?:叫|是)$", text[max(0, m.start() - 3):m.start()]):
            out.append(RoleHit(q, q + len(name), "RESPONDENT", name, 3, "就是"))
    # 他从济南某劳务有限公司包的活 / 他上头是某建设集团有限公司 / 在某公司的工地上干: the foreman's principal
    for m in _PRINCIPAL.finditer(text):
        name = read_org(text, m.end())
        if name and re.search(r"有限|股份|集团", name) and \
                re.match(r"(?:包的|包了|承包|分包|干的|的工地|的活|的项目|的工程|干活)", text[m.end() + len(name):]) \
                and _DEBT_STORY.search(text):
            out.append(RoleHit(m.end(), m.end() + len(name), "RESPONDENT", name, 3, m.group(0)))
    # 某某有限公司管理人 (a bankrupt company's administrator writes): the company is the debtor
    for m in re.finditer(r"管理人", text):
        name = party_ending_at(text, m.start(), maxlen=40)
        if name and read_org(name, 0) == name:
            out.append(RoleHit(m.start() - len(name), m.start(), "RESPONDENT", name, 3, "管理人"))
    # 老孙欠我货款 … 孙德旺在里辛街道跑货车: the full name the letter gives for the nickname
    for m in re.finditer(r"(?<![\u4e00-\u9fff])?老([\u4e00-\u9fff])(?=欠|借了?(?:我|俺)|跟(?:我|俺)借|不还|赖账|拖欠)", text):
        sur = m.group(1)
        if sur not in SURNAMES:
            continue
        for k in [i for i, c in enumerate(text) if c == sur and i != m.start(1)]:
            if not name_may_start(text, k):
                continue
            p = read_person(text, k, allow_title=False)
            if p and len(p) >= 2 and not p.endswith("某"):
                out.append(RoleHit(k, k + len(p), "RESPONDENT", p, 3, "老" + sur))
                break
    # 我叫边丽娟，和吴志鹏2020年离婚 … 抚养费: the former spouse owes the support
    if re.search(r"抚养费|抚养|离婚财产|折价款|搬出|归我|判", text):
        for m in re.finditer(r"(?:和|跟|与)", text):
            name = read_person(text, m.end(), allow_title=False)
            if name and re.match(r"[^，。；\n]{0,20}?离(?:了|的)?婚|[^，。；\n]{0,16}?结的婚", text[m.end() + len(name):]):
                out.append(RoleHit(m.end(), m.end() + len(name), "RESPONDENT", name, 3, "离婚"))
    # 2021年跟着韩建国在某公司的工地上干: the foreman the writer followed
    for m in re.finditer(r"跟着", text):
        name = read_person(text, m.end(), allow_title=False)
        if name and re.match(r"(?:在|干|打工|去)", text[m.end() + len(name):]) and _DEBT_STORY.search(text):
            out.append(RoleHit(m.end(), m.end() + len(name), "RESPONDENT", name, 3, "跟着"))
    # 要求冻结我公司应付济南某运输有限公司的运费: the company the garnishee owes is the debtor
    for m in re.finditer(r"(?:冻结|提取|扣划|扣留|截留)(?:我公司|我单位|本公司|我厂|我村)?(?:应付|应支付|欠付|尚欠)(?:给)?", text):
        name = read_party(text, m.end())
        if name and text.startswith(name, m.end()) and re.match(r"的", text[m.end() + len(name):]):
            out.append(RoleHit(m.end(), m.end() + len(name), "RESPONDENT", name, 3, "应付…的"))
    # 段伟名下的车法院扣了 / 被执行人…，孔令国名下还有房子: whose property the enforcement reaches
    for m in _NAMED_ASSETS.finditer(text):
        name = party_ending_at(text, m.start(), maxlen=20)
        if not name:
            continue
        s0 = m.start() - len(name)
        if re.search(_KIN + r"$|(?:我|俺|他|她|其|自己)的?$", text[max(0, s0 - 6):s0]):
            continue    # 我女儿王芳名下的房子: a relative's property (an outsider's claim), not the debtor's
        out.append(RoleHit(s0, m.start(), "RESPONDENT", name, 4, "名下"))   # tier 4: only when nothing else
    # 郭淑珍的老房子网上拍卖成交了 / 把毕丽娟的财产线索交给了法官: whose property the case is about
    for m in _PROPERTY_OF.finditer(text):
        name = party_ending_at(text, m.start(), maxlen=20)
        if not name or re.search(r"(?:银行|支行|分行|信用社|信用合作联社|农商行|商行|农信社)$", name):
            continue    # 在某银行钢城支行的账户: where the money is, not whose
        s0 = m.start() - len(name)
        if not name_may_start(text, s0):
            continue    # 半成品的: no name starts inside a word
        if re.search(_KIN + r"$|(?:我|俺|他|她|其|自己)的?$", text[max(0, s0 - 6):s0]):
            continue
        tier = 3 if m.group(0).startswith("的财产线索") else 4
        out.append(RoleHit(s0, m.start(), "RESPONDENT", name, tier, "的财产"))
    # 跟一个叫马建军的打官司 / 起诉了一个开超市的叫房德顺的，他欠我 / 撞他的那个人叫刘小兵: an introduced
    # name in a debt or accident story
    for m in _INTRO_DEBTOR.finditer(text):
        name = read_person(text, m.end(), allow_title=False)
        if re.search(r"欠(?:了)?$", text[max(0, m.start() - 3):m.start()]):
            continue    # 欠了一个叫卢海峰的人十六万: the creditor
        if not name or (m.group(0).startswith("的名字") and text[max(0, m.start() - 2):m.start()].endswith(
                ("我", "俺", "本人"))) or text[max(0, m.start() - 2):m.start()].endswith(("官", "人员", "承办人")):
            continue
        e = m.end() + len(name)
        ss = max(text.rfind(c, 0, m.start()) for c in "。！？\n；")
        se = min([x for x in (text.find(c, e) for c in "。！？\n；") if x >= 0] or [len(text)])
        if _DEBT_WORDS.search(text[max(0, m.start() - 30):m.start()]) or \
                _DEBT_WORDS.search(text[e:min(se, e + 24)]):
            out.append(RoleHit(m.end(), e, "RESPONDENT", name, 3, "叫"))
    # 俺儿子鞠传亮跟人家借钱做生意赔了 / 我儿子毕新民…跟同村的杨光辉借了八万块钱: the writer's relative borrowed
    for m in _KIN_BORROWED.finditer(text):
        name = read_person(text, m.end(), allow_title=False)
        if not name:
            continue
        e = m.end() + len(name)
        se = min([x for x in (text.find(c, e) for c in "。！？\n；") if x >= 0] or [len(text)])
        window = re.split(r"他|她|说", text[e:min(se, e + 30)])[0]    # 他爸荀长江欠…: someone else's debt
        if re.search(r"(?<!借)借(?!给)了?[^，。；\n]{0,6}?(?:钱|块|万|元)|贷(?:了)?款|欠(?!我)|被(?:人|人家)?告", window):
            out.append(RoleHit(m.end(), e, "RESPONDENT", name, 3, m.group(0)))
    # 叶静与彭军劳动争议一案 / 夏泽宇和吕杰因为承包费打官司: the second party (the first is the applicant)
    for m in _DISPUTE.finditer(text):
        if _inside_org(text, m.start()):
            continue        # 济南顺和塑料制品有限公司: 和 inside a name
        first = party_ending_at(text, m.start())
        # 她和栾兵的案子 / 她与武恒涛民间借贷纠纷 / 我丈夫与何宝林房屋租赁合同纠纷: the writer's side first
        me = m.start() > 0 and text[m.start() - 1] in "我俺"
        pronoun = m.start() > 0 and (text[m.start() - 1] in "她他其" or re.search(
            r"(?:我|俺|她|他)(?:的|家)?" + _KIN + r"$", text[max(0, m.start() - 8):m.start()]))
        if not first and not pronoun and not me:
            continue
        name = read_party(text, m.end())
        if me and not first and not (name and re.match(r"的(?:执行)?(?:案子|官司)", text[m.end() + len(name):])):
            continue    # 我和何美玲因为货款打官司: the writer may be either side (the assembly decides)
        if name and text.startswith(name, m.end()) and re.match(
                r"(?:之间)?(?:因|的)?[^，。；\n]{0,25}?(?:纠纷|打官司|一案)|的(?:执行)?(?:案子|官司)", text[m.end() + len(name):]):
            out.append(RoleHit(m.end(), m.end() + len(name), "RESPONDENT", name, 3, "与"))
    # 物业公司（济南安居物业服务有限公司）被法院执行 / 济南某公司被你院强制执行
    for m in _ENFORCED.finditer(text):
        end = m.start()
        if end and text[end - 1] in "）)":
            o = max(text.rfind("（", 0, end), text.rfind("(", 0, end))
            name = read_org(text, o + 1) if o >= 0 else None
            if name and o + 1 + len(name) == end - 1:
                out.append(RoleHit(o + 1, end - 1, "RESPONDENT", name, 3, "被执行"))
            continue
        name = party_ending_at(text, end)
        if name:
            out.append(RoleHit(end - len(name), end, "RESPONDENT", name, 3, "被执行"))
    # 给济南润丰建筑工程有限公司（法定代表人符建明）在颜庄镇干活 / 车是山东某运输有限公司的
    for m in _WORKED_FOR.finditer(text):
        name = read_org(text, m.end())
        if name and len(name) < 6:
            continue    # 他在烧烤店干活: a kind of place, not a named party
        if name:
            out.append(RoleHit(m.end(), m.end() + len(name), "RESPONDENT", name, 3, m.group(0)))
            continue
        # 给田大勇田小勇哥俩干活: the people the writer worked for
        q, found = m.end(), []
        while len(found) < 3:
            p = read_person(text, q, allow_title=False)
            if not p:
                break
            found.append((q, p))
            q += len(p)
            if text[q:q + 1] in ("、", "和"):
                q += 1
        if found and re.match(r"(?:哥俩|兄弟俩|两口子|夫妇|父子|两个人)?(?:家)?(?:干|打工|做工|盖房|开车|拉货)", text[q:]):
            out += [RoleHit(a, a + len(n), "RESPONDENT", n, 3, "给…干活") for a, n in found]
    for m in _DEBTOR_AFTER.finditer(text):
        if not m.group(0):
            continue
        name = read_party(text, m.end())
        s = text.find(name, m.end(), m.end() + len(name) + 12) if name else -1
        if s >= 0:
            out.append(RoleHit(s, s + len(name), "RESPONDENT", name, 3, m.group(0)))
    return out


#: the writer owes / is the one enforced against: 我应给付 / 判决我赔偿 / 把我拘留了 / 追加我为被执行人
SELF_DEBTOR = re.compile(
    r"(?:(?<![他她])(?:我|俺|本人|申诉人|来电人|来访人|异议人|其)(?:应当|应|需|该)(?:给付|支付|赔偿|偿还|返还|归还|给|还|赔)"
    r"|判(?:决|令)?(?:我|俺|本人|申诉人|来电人)(?:给付|支付|赔偿|偿还|返还|归还|给|还|赔)"
    r"|(?:把|对|将)(?:我|俺|本人|申诉人)(?:司法)?(?:拘留|罚款|限高|限制高消费|列入失信|纳入失信|追加)"
    r"|(?:我|俺|本人|申诉人)(?:被|又被)(?:你们|[^，。；！？\n]{0,4}?法院|执行局)?(?:司法)?(?:拘留|罚款|限高|限制高消费|列入失信|纳入失信|追加)"
    r"|追加(?:我|俺|本人|申诉人)(?:为|成)"
    r"|(?:说|称)(?:我|俺)欠|(?:我叫|我是|本人)[\u4e00-\u9fff]{2,4}[，,]\s*欠(?!我)"
    r"|申请执行(?:了)?(?:我|俺|本人)(?!们)|(?<![我俺])告(?:了)?(?:我|俺)(?:欠|还钱|赔|的案子|那个案子|的官司|那个官司)"
    r"|(?:我|俺|本人)(?:已经|现在|还|也|一直)?(?:在|上了|进了|被列入了?|被纳入了?|被拉进了?)失信"
    r"|(?:把|将)(?:我|俺|本人)(?:拉进|列入|纳入)(?:了)?失信"
    r"|(?:我|本人|俺)(?:是|系)(?:[^，。；\n]{0,12}的)?(?:担保人|保证人|连带责任人)"
    r"|(?:我|本人|俺)(?:给[^，。；\n]{1,12}?)?(?:做|作|当)(?:了|过)?(?:[^，。；\n]{0,10}的)?(?:担保人|保证人|连带保证|保人))")


#: kin and ties written before a third party's name (我岳父滕树林 / 他亲弟弟宁学东 / 它的关联公司…)
_KIN = (r"(?:亲)?(?:前妻|前夫|丈夫|老公|对象|妻子|老婆|爱人|媳妇|儿子|女儿|闺女|儿媳|女婿|哥哥|弟弟|姐姐|妹妹|"
        r"老父亲|老母亲|父亲|母亲|老伴|岳父|岳母|公公|婆婆|姐夫|妹夫|嫂子|弟媳|堂哥|堂弟|堂姐|堂妹|表哥|表弟|"
        r"表姐|表妹|老表|侄子|外甥|舅舅|叔叔|姑姑|小舅子|连襟|亲戚|朋友|同学|邻居|老乡|同事|关联公司|子公司)")
#: X申请强制执行 / X起诉的是… / 原告X: the creditor named before the verb
_APP_BEFORE = re.compile(r"(?:申请(?:了)?强制执行|(?<![被])起诉(?:了|的是))")
#: 我岳父滕树林的案子 / 我前妻凌晓丽有个案子 / 我村村民王秀兰（七十九岁）有一个执行案件 / 一个朋友叫杭振宇，在…有个执行案子
_APP_KIN_CASE = re.compile(
    r"(?:(?:我|俺)(?:的|们)?(?:一个)?" + _KIN + r"|(?:我村|本村|我社区|社区|小区)?(?:村民|独居老人|老人|业主)|(?:邻居|邻居家)(?:老太太|大爷|大娘)?)"
    r"(?:叫|是)?(?=[\u4e00-\u9fff]{2,4}(?:[（(][^）)\n]{0,20}[）)])?[，,]?(?:的|有个|有一个|有一起|在|于)[^。；！？\n]{0,30}?(?:案子|案件|执行案|胜诉))")


def _applicants_by_story(text: str) -> list[RoleHit]:
    """Weak applicant hits (tier 3): assemble keeps those that are no respondent, judge or writer-debtor."""
    out = []
    for m in _APP_BEFORE.finditer(text):
        name = party_ending_at(text, m.start(), maxlen=20)
        if name:
            out.append(RoleHit(m.start() - len(name), m.start(), "APPLICANT", name, 3, m.group(0)))
    for m in _APP_KIN_CASE.finditer(text):
        name = read_party(text, m.end())
        if name and text.startswith(name, m.end()):
            # 邻居李大爷（李守田）: the name in brackets
            b = re.match(r"[（(]([^）)\n]{2,4})[）)]", text[m.end() + len(name):])
            if b and read_person(b.group(1), 0, allow_title=False) == b.group(1):
                s = m.end() + len(name) + 1
                out.append(RoleHit(s, s + len(b.group(1)), "APPLICANT", b.group(1), 3, m.group(0)))
                continue
            out.append(RoleHit(m.end(), m.end() + len(name), "APPLICANT", name, 3, m.group(0)))
    return out


#: property passed to someone: 过户给了他亲弟弟宁学东 / 全给了王雪梅 / 转给了它的关联公司济南华泰建设有限公司
_OUT_GIVEN = re.compile(r"(?:过户|转让|转移|转|赠与|赠送|全|都)给了?(?:他|她|其|它)?的?(?:" + _KIN + r")?")
#: a relative of the debtor or of the writer holding the property: 他媳妇段玉霞的名字 / 他对象孔丽丽卡上 /
#: 我闺女郑丽的账户也冻了 / 我女儿逄欣悦也列为限制消费对象 / 是我母亲陈桂兰的 / 我姐姐苗秀红在…的房子被法院查封了
_OUT_KIN = re.compile(r"(?:他|她|其|我|俺)(?:的|家)?" + _KIN + r"(?:叫)?")
_HOLDS = re.compile(r"(?:的?名下|的名字|的?(?:银行)?卡|的(?:银行|养老金|工资)?账户|也被?(?:列为|冻|封|查封|限制|限高)"
                    r"|[^，。；！？\n]{0,14}?的(?:房子?|车|门面|门市|商铺|账户|卡)[^。；！？\n]{0,10}?(?:查封|冻结|冻了|封了|扣押|扣了|被扣|拍卖))")
_OWNER_OF = re.compile(r"(?:是|归)(?:我|俺|他)?(?:的)?" + _KIN + r"?(?=[\u4e00-\u9fff]{2,4}的)")
#: an account or property of another company frozen by mistake: 冻结了济南泰钢新材料有限公司的一般账户 / 解除对X账户的冻结
_OUT_FROZEN = re.compile(r"(?:冻结|查封|扣押|划扣|扣划)了?(?=[^，。；\n]{4,40}?的(?:一般|基本|银行)?(?:账户|存款|财产|房产|设备))|解除对(?=[^，。；\n]{4,40}?(?:账户)?的(?:冻结|查封|扣押))")


def _outsiders_by_story(text: str) -> list[RoleHit]:
    """Weak outsider hits (tier 3): assemble keeps those that are no respondent, applicant or judge."""
    out = []
    for m in _OUT_GIVEN.finditer(text):
        name = read_party(text, m.end()) if m.group(0) else None
        if name and text.startswith(name, m.end()):
            out.append(RoleHit(m.end(), m.end() + len(name), "OUTSIDER", name, 3, m.group(0)))
    for m in _OUT_KIN.finditer(text):
        q = m.end()
        name = read_org(text, q) or read_person(text, q, allow_title=False)
        if name and _HOLDS.match(text, q + len(name)):
            out.append(RoleHit(q, q + len(name), "OUTSIDER", name, 3, m.group(0)))
    for m in _OWNER_OF.finditer(text):
        q = m.end()
        name = read_person(text, q, allow_title=False)
        # 不是我哥的，是我母亲陈桂兰的: a claim of ownership after a seizure complaint
        if name and text.startswith("的", q + len(name)) and m.group(0) != "是" and re.search(
                r"不是[^。；！？\n]{0,12}的[，,]\s*$", text[max(0, m.start() - 20):m.start()]):
            out.append(RoleHit(q, q + len(name), "OUTSIDER", name, 3, m.group(0)))
    for m in _OUT_FROZEN.finditer(text):
        name = read_org(text, m.end())
        if name:
            out.append(RoleHit(m.end(), m.end() + len(name), "OUTSIDER", name, 3, m.group(0)))
    return out
