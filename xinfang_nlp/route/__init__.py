"""route: the 拟办意见 (proposed action) with its basis, the deadlines, and the flags.

    route(analysis, classification, *, received_at, settings, repeats) -> Routing

The action follows DOMAIN.md §3 and the seeds: 004 (this court's rules: 第六条–第八条, 第十一条,
第十三条–第十五条) and 001 (the Supreme People's Court opinions: §6–§18, §22, §25); objections cite
the Civil Procedure Law, 2023 text (第二百三十六条 act, 第二百三十八条 案外人). Every sentence of the
action says what to do; ``Routing.basis`` lists the clauses it rests on. The clerk confirms.

Deadlines (004 第十三条, 第十四条) are counted in ``workdays.py`` — read its docstring for why the
2-day and 5-day periods are calendar days (rolled off rest days) and the 40-day period working days.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Sequence

from ..settings import Settings, load_settings
from ..types import Analysis, Classification, Deadline, Routing
from .workdays import add_days, add_working_days

__all__ = ["route", "detect_flags"]

LAW_OBJECTION_ACT = "民事诉讼法（2023年修正）第二百三十六条"
LAW_OBJECTION_OUTSIDER = "民事诉讼法（2023年修正）第二百三十八条"
LAW_HIGHER_COURT = "民事诉讼法（2023年修正）第二百三十七条"

# ------------------------------------------------------------------ flags
HARDSHIP = re.compile(
    r"(生病|患病|住院|癌|化疗|透析|手术|看病|药费|医药费|医疗费|吃药|残疾|残废|瘫痪|伤残|腿不行|截肢|工伤|车祸|"
    r"摔伤|摔死|去世|死亡|丧葬|工钱|工资|农民工|欠薪|讨薪|抚养费|赡养费|扶养费|生活费|低保|五保|特困|困难户|"
    r"孤寡|年纪大|岁数大|七十|八十|九十|[6-9][0-9]\s*岁|年迈|老两口|老人|活命钱|救命钱|吃不上饭|揭不开锅|交不起|"
    r"生活困难|生活严重困难|没有收入|无收入|单亲|一个女的带)")
RISK = re.compile(
    r"(自杀|跳楼|跳河|喝药|农药|上吊|寻死|不想活|活不下去|同归于尽|拼命|拼了|杀了|砍|炸|放火|点火|自焚|"
    r"以死|死给你们看|堵门|拉横幅|横幅|集体上访|集体去|十几个人|几十个人|一起去|上北京|去北京|到北京|进京|"
    r"北京上访|最高法院|最高人民法院|中央|越级|省里|省委|省政府|天天来|明天还来|闹事|大闹|闹到|缠访|媒体|曝光|网上发)")


def detect_flags(text: str) -> dict[str, list[str]]:
    """{'hardship': [words], 'risk': [words]} found in the letter (the words are evidence)."""
    out = {}
    for name, rx in (("hardship", HARDSHIP), ("risk", RISK)):
        hits = []
        for m in rx.finditer(text):
            if m.group(0) not in hits:
                hits.append(m.group(0))
        if name == "risk":
            # 高消费 限制 etc. do not count; "最高人民法院" in a citation of a rule does not count
            hits = [h for h in hits if not (h in ("最高法院", "最高人民法院") and re.search(
                r"《最高人民法院关于", text))]
        if hits:
            out[name] = hits
    return out


# ------------------------------------------------------------------ facts from the text
_JUDGMENT_WRONG = re.compile(r"(判决|裁决|判的|判得|调解书|仲裁)[^。！？\n]{0,12}(错|不对|不公|冤)|重新(审|判)|再审|申请再审|喊冤")
_BANKRUPTCY = re.compile(r"(受理[^。\n]{0,6}破产|破产(申请|清算|重整)|申报债权|破产管理人|管理人)")
_RETRIAL_SUSPEND = re.compile(r"再审[^。\n]{0,12}中止执行|中止执行[^。\n]{0,12}再审")
_CRIMINAL = re.compile(r"(涉嫌[^。\n]{0,6}(犯罪|诈骗|拒不执行)|移送公安|移送[^。\n]{0,6}(公安|检察)|刑事立案|公安[^。\n]{0,6}立案)")
_ADMIN = re.compile(r"(行政机关[^。\n]{0,10}申请|非诉执行|准予执行[^。\n]{0,4}裁定|行政处罚决定|征收[^。\n]{0,8}(决定|补偿))")
_ZHONGBEN = re.compile(r"(终结本次执行|终本)")
_CLOSED = re.compile(r"(结案|执行完毕|已经结了|案子结了|销案)")
_NOT_DONE = re.compile(r"(没执行完|未执行完|还没执行完|尚未执行完毕|没有执行完|还欠|没给完|没拿全|只执行了|不能结)")
_REVIEW_RULED = re.compile(r"(复议裁定|驳回[^。\n]{0,6}复议|复议[^。\n]{0,8}驳回|执复)")
_OBJECTION_RULED = re.compile(r"(异议裁定|驳回[^。\n]{0,6}异议|异议[^。\n]{0,8}驳回|执异)")
_OVERDUE = re.compile(r"(异议|复议)[^。！？\n]{0,40}(至今|到现在|一直|迟迟|还)[^。！？\n]{0,12}(没|未|不)[^。！？\n]{0,8}(裁定|结果|答复|立案|审查|处理|说法)|超审限|超过审限")
_OWNERSHIP = re.compile(r"(是我的|是我家的|是我母亲的|是我父亲的|是我妈的|是我爸的|属于我|不是他的|不是被执行人的|"
                        r"我买的|我付的|登记在我名下|我名下|房产证上[^。\n]{0,10}名字|所有权|实体权利|案外人)")
_PAYOUT = re.compile(r"(执行款|案款|扣了|扣划|划走|已经交到法院|交到法院|打到我|到账|转给我|发款|发放|发给我们)")


def _cases(analysis: Analysis, kinds: Sequence[str]) -> list:
    return [c for c in analysis.case_numbers if c.kind in kinds]


def _case_label(analysis: Analysis) -> str:
    enf = _cases(analysis, ("enforcement", "enforcement_review"))
    c = (enf or analysis.case_numbers or [None])[0]
    return c.normalized if c else ""


def route(analysis: Analysis, classification: Classification, *, received_at: dt.date,
          settings: Optional[Settings] = None, repeats: Sequence[str] = ()) -> Routing:
    settings = settings or load_settings()
    text = analysis.text or ""
    fields = analysis.fields or {}
    cls = classification
    grounds = list(cls.grounds or [])
    rejects = [g for g in grounds if g.startswith("R")]
    decision = cls.decision or ("reject" if rejects else "accept")
    judge = fields.get("judge")
    case = _case_label(analysis)
    case_s = f"（{case}）" if case else ""
    found = detect_flags(text)
    actions: list[str] = []
    basis: list[str] = []

    def add(action: str, *why: str) -> None:
        if action not in actions:
            actions.append(action)
        for w in why:
            if w not in basis:
                basis.append(w)

    # ---- repeat petitions first: who receives them (004 第八条)
    if repeats:
        add(f"重复信访（同一信访人/同一案件此前已登记{len(repeats)}件）：由分管执行信访工作的副局长或执行局长负责接待；"
            "已依法终结的信访事项不再重复审查", "004 第八条", "001 §25")

    # ---- not escalated as an enforcement petition (001 §8, §18)
    not_escalated = []
    if _BANKRUPTCY.search(text):
        not_escalated.append("因受理破产申请而中止执行的，告知申请执行人向破产管理人依法申报债权（001 §8(1)）")
    if _RETRIAL_SUSPEND.search(text):
        not_escalated.append("再审裁定中止执行的，告知依法参加再审诉讼（001 §8(2)）")
    if _CRIMINAL.search(text):
        not_escalated.append("因涉嫌犯罪已中止执行并移送有关机关的，告知向该机关了解处理情况（001 §8(3)）")
    if _ADMIN.search(text):
        not_escalated.append("针对行政机关申请、法院准予执行裁定的诉求，并非针对执行行为，告知通过行政复议、行政诉讼等途径解决（001 §18(1)）")
    if _JUDGMENT_WRONG.search(text):
        not_escalated.append("认为执行依据（判决、裁决）错误的，告知依审判监督程序申请再审或通过原审程序解决，执行依据错误不作为执行信访处理（001 §8(4)、§18(2)）")

    if decision == "reject":
        _reject_actions(rejects, analysis, fields, settings, add, not_escalated)
    else:
        _accept_actions(cls, grounds, analysis, fields, text, case_s, judge, found, add, not_escalated)

    if not_escalated and decision != "reject":
        for ne in not_escalated:
            add(ne, "001 §8" if "§8" in ne else "001 §18")

    # ---- deadlines
    deadlines, known = _deadlines(decision, received_at, settings, fields)
    if deadlines:
        add(_deadline_sentence(deadlines, judge, decision), "004 第十三条")
        if any(d.name == "forwarded_reply" for d in deadlines):
            basis.append("004 第十四条") if "004 第十四条" not in basis else None

    flags = set()
    if "hardship" in found:
        flags.add("hardship")
    if "risk" in found:
        flags.add("risk")
        add("信访人情绪激烈或有越级、集体访、极端言行风险（" + "、".join(found["risk"][:3]) +
            "）：及时报告分管领导，做好稳控和释明工作", "004 第十条")
    if fields.get("channel") in ("转办", "交办") or fields.get("forwarded_by"):
        flags.add("forwarded")
    if not known:
        flags.add("calendar_unknown")
    action = "；".join(a.rstrip("。；") for a in actions) + "。"
    return Routing(proposed_action=action, basis=basis, deadlines=deadlines, flags=sorted(flags))


# ------------------------------------------------------------------ reject grounds (004 第十五条)
def _reject_actions(rejects, analysis, fields, settings, add, not_escalated) -> None:
    phone = fields.get("petitioner_phone")
    for g in rejects or ["R1"]:
        if g == "R1":
            how = "按登记的联系电话" if phone else "通过来信地址等方式"
            add(f"案件信息不明确：{how}联系信访人核实案号、当事人；经沟通仍无法确认对应执行案件或无法联系的，不予受理，做好释明",
                "004 第十五条第（一）项")
        elif g == "R2":
            add("未反映执行案件问题，仅反映执行干警工作作风、廉洁纪律问题：将信访材料移送纪检监察部门，并向信访人释明",
                "004 第十五条第（二）项")
        elif g == "R3":
            add("信访人不是案件当事人、利害关系人，也未受其委托：向其释明须由当事人本人或持授权委托书的代理人反映",
                "004 第十五条第（三）项")
        elif g == "R4":
            detail = "；".join(not_escalated) if not_escalated else \
                "告知通过审判（再审）、国家赔偿或破产等法定程序寻求救济"
            add("依法应通过审判、国家赔偿、破产等其他法定程序处理：将材料移送相关部门并向信访人释明（" + detail + "）",
                "004 第十五条第（四）项", "001 §8", "001 §11")
            not_escalated.clear()
        elif g == "R5":
            add("反映的问题不属于人民法院管辖范围：向信访人释明救济途径（如公安、劳动监察、乡镇政府、村委会或信访部门）",
                "004 第十五条第（五）项")
        elif g == "R6":
            other = [c for c in analysis.case_numbers if not c.this_court
                     and c.kind in ("enforcement", "enforcement_review")]
            where = "、".join(sorted({c.court_code or "高级人民法院" for c in other}))
            add("反映的不是本院执行案件" + (f"（案号法院代字{where}）" if where else "") +
                "：向信访人释明，告知向执行法院反映；必要时将材料转该院", "004 第十五条第（六）项")
        elif g == "R7":
            add("案件已依法提级执行或指定其他法院执行：向信访人释明，告知向现执行法院反映",
                "004 第十五条第（七）项")


# ------------------------------------------------------------------ accepted items
def _accept_actions(cls, grounds, analysis, fields, text, case_s, judge, found, add, not_escalated) -> None:
    typ = cls.type
    who = f"承办人{judge}" if judge else "案件承办人"
    review_numbers = _cases(analysis, ("enforcement_review",))
    has_fu = any(c.type_code == "执复" for c in review_numbers) or _REVIEW_RULED.search(text)
    has_yi = any(c.type_code == "执异" for c in review_numbers) or _OBJECTION_RULED.search(text)

    if typ == "review" or (typ is None and any(g in grounds for g in ("A1", "A3", "A4", "A5"))):
        if _OVERDUE.search(text):
            add("反映异议、复议案件超审限未作出裁定：督办，责令限期作出异议、复议裁定；已在异议期限内提出异议而未立案审查的，作为执行监督案件立案审查",
                "001 §17", "001 §16")
        elif has_fu:
            add("已经执行复议裁定：对复议裁定不服继续申诉的，作为执行监督案件立案审查，以裁定方式作出结论",
                "001 §15", "001 §16")
        elif has_yi:
            add(f"已经执行异议裁定：告知对异议裁定不服可自裁定送达之日起十日内向上一级人民法院申请执行复议（{LAW_OBJECTION_ACT}）",
                LAW_OBJECTION_ACT, "001 §15")
        elif _ZHONGBEN.search(text):
            add("对终结本次执行程序裁定不服：告知针对该裁定提出执行异议；以申诉书、情况反映形式提出的，参照执行异议申请受理，登记为执行异议案件（执异字）",
                "001 §10", "001 §13", LAW_OBJECTION_ACT)
        elif _CLOSED.search(text) and _NOT_DONE.search(text):
            add("案件已结案但信访人称未执行完毕：制作结案通知书送达，告知可针对结案通知书提出执行异议",
                "001 §9")
        else:
            outsider = ("A6" in grounds and (fields.get("outsiders") or _OWNERSHIP.search(text))) or (
                fields.get("petitioner_name") and fields.get("petitioner_name") in (fields.get("outsiders") or []))
            if outsider:
                add("案外人对执行标的主张实体权利：以申诉书、情况反映形式提出的，参照执行异议申请予以受理，登记立案为案外人异议案件（执异字），"
                    "自收到之日起十五日内审查", "001 §13", LAW_OBJECTION_OUTSIDER, "004 第七条")
            else:
                add("主张执行行为违反法律规定：按“诉访分离”原则，参照执行异议申请予以受理，登记立案为执行异议案件（执异字），"
                    "自收到之日起十五日内审查", "001 §13", LAW_OBJECTION_ACT, "004 第七条")
        if "A1" in grounds:
            add(f"申请{who}回避：报请执行局长（院长）依法审查决定是否回避，审查期间由其他人员办理", "004 第六条第（一）项")
    else:
        # implementation (执行到位、有效化解)
        step = f"转{who}{case_s}督促执行：核查被执行人财产及信访人提供的财产线索，穷尽查询、查封、扣押、冻结、拍卖等执行措施，尽快执行到位"
        add(step, "004 第六条", "001 §6")
        if "A7" in grounds and _PAYOUT.search(text) and not _ZHONGBEN.search(text):
            add("执行款已到账的，核对案款后及时发放，说明未发放原因", "004 第六条第（七）项")
        if _ZHONGBEN.search(text):
            add("对终结本次执行程序不服的，告知可针对终结本次执行程序裁定提出执行异议；有新的财产线索的，依法恢复执行",
                "001 §10", "001 §21")
        if _CLOSED.search(text) and _NOT_DONE.search(text):
            add("已结案但称未执行完毕的，制作结案通知书，告知针对结案通知书提出执行异议", "001 §9")
        add("被执行人确无财产可供执行的，应当尽最大努力解释说明，争取息诉罢访", "001 §6")
        if "hardship" in found:
            add("申请执行人生活困难（" + "、".join(found["hardship"][:3]) + "），经执行确无财产可供执行的，"
                "依司法救助程序报请救助；因未执行到位导致生活严重困难的一般不作信访终结", "004 第十一条", "001 §22")
    # other enforcement matters
    if "A8" in grounds and typ != "review" and len(grounds) == 1:
        add("其他涉执信访事项：转承办人核实情况后答复", "004 第六条第（八）项")


# ------------------------------------------------------------------ deadlines (004 第十三条, 第十四条)
def _deadlines(decision, received_at, settings, fields) -> tuple[list[Deadline], bool]:
    dl = settings.deadlines
    out: list[Deadline] = []
    known_all = True
    if decision != "reject":
        hand, k1 = add_days(received_at, dl.handover_days)
        out.append(Deadline("handover", "转交承办人", hand.isoformat(),
                            f"004 第十三条：执行信访团队{dl.handover_days}日内转交案件承办人（日历日，届满日为休息日顺延）",
                            working_days=False, calendar_known=k1))
        meet, k2 = add_days(hand, dl.meeting_days)
        out.append(Deadline("meeting", "约谈信访人", meet.isoformat(),
                            f"004 第十三条：承办人自收到之日起{dl.meeting_days}日内约谈信访人（自转交期限届满日起算）",
                            working_days=False, calendar_known=k2))
        known_all &= k1 and k2
    reply, k3 = add_working_days(received_at, dl.reply_working_days)
    out.append(Deadline("reply", "答复办理结果" if decision != "reject" else "释明答复", reply.isoformat(),
                        f"004 第十三条：{dl.reply_working_days}个工作日内答复（自登记之日起算，国务院节假日安排）",
                        working_days=True, calendar_known=k3))
    known_all &= k3
    fwd = fields.get("forward_deadline")
    fwd_days = fields.get("forward_days")
    if fwd or fwd_days or fields.get("channel") in ("转办", "交办"):
        who = fields.get("forwarded_by") or "交办/转办机关"
        if fwd:
            out.append(Deadline("forwarded_reply", f"向{who}反馈", fwd,
                                "004 第十四条：按交办、转办通知要求的时间反馈", working_days=False,
                                calendar_known=True))
        elif fwd_days:
            due, k4 = add_days(received_at, int(fwd_days))
            out.append(Deadline("forwarded_reply", f"向{who}反馈", due.isoformat(),
                                f"004 第十四条：通知要求{fwd_days}日内反馈（自收到之日起算）", working_days=False,
                                calendar_known=k4))
            known_all &= k4
    for d in out:
        if not d.calendar_known:
            d.basis += "；该年度节假日安排未知，仅按周末计算，请人工核对"
    return out, known_all


def _deadline_sentence(deadlines: list[Deadline], judge, decision) -> str:
    by = {d.name: d.due for d in deadlines}
    parts = []
    if "handover" in by:
        parts.append(f"{by['handover']}前转交承办人")
    if "meeting" in by:
        parts.append(f"{by['meeting']}前约谈信访人")
    if "reply" in by:
        parts.append(f"{by['reply']}前答复")
    if "forwarded_reply" in by:
        parts.append(f"{by['forwarded_reply']}前向交办/转办机关反馈")
    return "期限：" + "，".join(parts)
