"""Deadlines on the State Council calendar, the unknown-year flag, and the 拟办意见 per ground."""
import datetime as dt

import chinese_calendar
import pytest

from xinfang_nlp.analyse import Analyzer
from xinfang_nlp.route import route
from xinfang_nlp.route.workdays import add_days, add_working_days, workday
from xinfang_nlp.settings import Deadlines, Settings
from xinfang_nlp.types import Classification

D = dt.date
S = Settings()


# ------------------------------------------------------------------ the calendar itself
def test_2026_spring_festival_schedule_as_published():
    for day in range(15, 24):
        assert not chinese_calendar.is_workday(D(2026, 2, day)), day        # 2026-02-15..23 holiday
    assert chinese_calendar.is_workday(D(2026, 2, 14))                      # make-up Saturday
    assert chinese_calendar.is_workday(D(2026, 2, 28))                      # make-up Saturday
    assert D(2026, 2, 14).weekday() == 5 and D(2026, 2, 28).weekday() == 5


def test_2026_national_day_schedule_as_published():
    for day in range(1, 8):
        assert not chinese_calendar.is_workday(D(2026, 10, day))            # 2026-10-01..07
    assert chinese_calendar.is_workday(D(2026, 9, 20))                      # make-up Sunday
    assert chinese_calendar.is_workday(D(2026, 10, 10))                     # make-up Saturday
    assert D(2026, 9, 20).weekday() == 6 and D(2026, 10, 10).weekday() == 5


def test_working_days_across_spring_festival():
    # Fri 2026-02-13: next working days are Sat 02-14 (make-up), then Tue 02-24 (after the holiday)
    assert add_working_days(D(2026, 2, 13), 1) == (D(2026, 2, 14), True)
    assert add_working_days(D(2026, 2, 13), 2) == (D(2026, 2, 24), True)
    # 02-24..27 are 4 working days, Sat 02-28 is a make-up day: the 6th working day after 02-13
    assert add_working_days(D(2026, 2, 13), 6) == (D(2026, 2, 28), True)
    assert add_working_days(D(2026, 2, 13), 7) == (D(2026, 3, 2), True)


def test_forty_working_days_across_spring_festival():
    d, known = add_working_days(D(2026, 2, 2), 40)
    # count by hand with the library as the oracle
    n, x = 0, D(2026, 2, 2)
    while n < 40:
        x += dt.timedelta(days=1)
        n += chinese_calendar.is_workday(x)
    assert (d, known) == (x, True)
    assert d == D(2026, 4, 3)     # 10 in Feb before, 5 after the holiday, 22 in March, 3 in April


def test_calendar_days_roll_off_holidays_not_off_makeup_days():
    # Thu 02-12 + 2 days = Sat 02-14, a make-up working day: stays
    assert add_days(D(2026, 2, 12), 2) == (D(2026, 2, 14), True)
    # Sat 02-14 + 5 days = Thu 02-19, in the holiday: moves to the first working day, Tue 02-24
    assert add_days(D(2026, 2, 14), 5) == (D(2026, 2, 24), True)
    # an ordinary weekend: Thu 2026-03-05 + 2 = Sat 03-07 → Mon 03-09
    assert add_days(D(2026, 3, 5), 2) == (D(2026, 3, 9), True)


def test_national_day_deadlines():
    # Tue 2026-09-29 + 2 = Thu 10-01 (holiday) → Thu 10-08
    assert add_days(D(2026, 9, 29), 2) == (D(2026, 10, 8), True)
    # working days from Fri 09-18: Sun 09-20 is a make-up day and counts
    assert add_working_days(D(2026, 9, 18), 1) == (D(2026, 9, 20), True)
    # from Wed 09-30: holiday 10-01..07, then Thu 10-08, Fri 10-09, Sat 10-10 (make-up)
    assert add_working_days(D(2026, 9, 30), 3) == (D(2026, 10, 10), True)
    assert add_working_days(D(2026, 9, 30), 4) == (D(2026, 10, 12), True)


def test_unknown_year_counts_weekends_only_and_says_so():
    ok, known = workday(D(2027, 1, 1))
    assert (ok, known) == (True, False)       # a Friday; the 2027 New Year holiday is not guessed
    d, known = add_working_days(D(2026, 12, 28), 10)
    assert known is False and d == D(2027, 1, 11)


# ------------------------------------------------------------------ routing
@pytest.fixture(scope="module")
def an():
    return Analyzer(S)


IMPL = ("执行局领导：我是申请执行人潘玉兰，案号（2023）鲁0117执456号，被执行人侯德江欠我工资三万元，"
        "两年了一分没给，我有病在身吃药都吃不起。承办法官是乔立新。请尽快执行。电话13953411111\n2026年2月10日")


def _cls(decision, typ, grounds):
    return Classification(decision=decision, type=typ, grounds=grounds, confidence=0.9)


def test_implementation_goes_to_the_judge_with_deadlines_over_spring_festival(an):
    a = an(IMPL)
    r = route(a, _cls("accept", "implementation", ["A2"]), received_at=D(2026, 2, 12), settings=S, repeats=[])
    assert "乔立新" in r.proposed_action and "督促执行" in r.proposed_action
    assert "司法救助" in r.proposed_action and "hardship" in r.flags
    assert "004 第十一条" in r.basis and "001 §22" in r.basis and "004 第十三条" in r.basis
    by = {d.name: d for d in r.deadlines}
    assert by["handover"].due == "2026-02-14" and not by["handover"].working_days
    assert by["meeting"].due == "2026-02-24"
    assert by["reply"].working_days and by["reply"].due == add_working_days(D(2026, 2, 12), 40)[0].isoformat()
    assert "calendar_unknown" not in r.flags and all(d.calendar_known for d in r.deadlines)


def test_unknown_year_flags_deadline_and_record(an):
    r = route(an(IMPL), _cls("accept", "implementation", ["A2"]), received_at=D(2026, 12, 20), settings=S,
              repeats=[])
    assert "calendar_unknown" in r.flags
    reply = next(d for d in r.deadlines if d.name == "reply")
    assert reply.calendar_known is False and "未知" in reply.basis


def test_deadline_settings_are_used(an):
    s = Settings(deadlines=Deadlines(handover_days=1, meeting_days=3, reply_working_days=30))
    r = route(an(IMPL), _cls("accept", "implementation", ["A2"]), received_at=D(2026, 3, 2), settings=s, repeats=[])
    by = {d.name: d.due for d in r.deadlines}
    assert by["handover"] == "2026-03-03" and by["meeting"] == "2026-03-06"
    assert by["reply"] == add_working_days(D(2026, 3, 2), 30)[0].isoformat()


def test_repeat_goes_to_the_deputy_chief(an):
    r = route(an(IMPL), _cls("accept", "implementation", ["A2"]), received_at=D(2026, 3, 2), settings=S,
              repeats=["xf-0001"])
    assert "副局长" in r.proposed_action and "004 第八条" in r.basis


def test_objection_to_an_act_is_registered_as_zhiyi(an):
    text = ("申诉书\n申诉人：温雅琴，电话13562001947\n（2024）鲁0117执318号案件中，法院将我丈夫的银行卡也冻结了，"
            "冻结金额远超标的，这不合法，请求解除超出部分的冻结。\n申诉人：温雅琴\n2026年3月2日")
    r = route(an(text), _cls("accept", "review", ["A4"]), received_at=D(2026, 3, 2), settings=S, repeats=[])
    assert "执行异议" in r.proposed_action and "执异" in r.proposed_action
    assert "001 §13" in r.basis and "民事诉讼法（2023年修正）第二百三十六条" in r.basis


def test_outsider_claim_cites_238(an):
    text = ("我叫龚晓东，2023年我从被执行人手里买了车，钱付清了，车是我的。法院执行（2024）鲁0117执455号把车拖走了，"
            "请把车还给我。龚晓东 13864312569")
    r = route(an(text), _cls("accept", "review", ["A6"]), received_at=D(2026, 3, 2), settings=S, repeats=[])
    assert "案外人异议" in r.proposed_action
    assert "民事诉讼法（2023年修正）第二百三十八条" in r.basis


def test_ruled_objection_goes_to_review_and_ruled_review_to_supervision(an):
    t1 = "我对（2024）鲁0117执异12号异议裁定不服，法院驳回了我的异议。甄国平 13500000000"
    r1 = route(an(t1), _cls("accept", "review", ["A4"]), received_at=D(2026, 3, 2), settings=S, repeats=[])
    assert "执行复议" in r1.proposed_action
    t2 = "我对（2024）鲁01执复5号复议裁定不服，请求纠正。甄国平 13500000000"
    r2 = route(an(t2), _cls("accept", "review", ["A4"]), received_at=D(2026, 3, 2), settings=S, repeats=[])
    assert "执行监督" in r2.proposed_action and "001 §15" in r2.basis


def test_overdue_objection_is_supervised_with_deadline(an):
    t = "我去年五月就对（2023）鲁0117执88号的查封提出了异议，至今没有作出裁定。甄国平 13500000000"
    r = route(an(t), _cls("accept", "review", ["A4"]), received_at=D(2026, 3, 2), settings=S, repeats=[])
    assert "限期作出" in r.proposed_action and "001 §17" in r.basis


def test_zhongben_and_closed_case(an):
    t = "（2023）鲁0117执588号法院作出终结本次执行程序裁定，我不服，被执行人有房有车。申请执行人：时玉华 13562457190"
    r = route(an(t), _cls("accept", "review", ["A7"]), received_at=D(2026, 3, 2), settings=S, repeats=[])
    assert "终结本次执行程序" in r.proposed_action and "001 §10" in r.basis
    t2 = "（2021）鲁0117执77号法院说已经结案了，可还欠我两万没执行完。申请执行人：时玉华 13562457190"
    r2 = route(an(t2), _cls("accept", "implementation", ["A8"]), received_at=D(2026, 3, 2), settings=S,
               repeats=[])
    assert "结案通知书" in r2.proposed_action and "001 §9" in r2.basis


@pytest.mark.parametrize("ground, words, clause", [
    ("R1", "联系信访人核实", "004 第十五条第（一）项"),
    ("R2", "纪检", "004 第十五条第（二）项"),
    ("R3", "委托书", "004 第十五条第（三）项"),
    ("R4", "再审", "004 第十五条第（四）项"),
    ("R5", "救济途径", "004 第十五条第（五）项"),
    ("R6", "执行法院", "004 第十五条第（六）项"),
    ("R7", "提级执行", "004 第十五条第（七）项"),
])
def test_each_reject_ground_has_its_explanation(an, ground, words, clause):
    text = "我的案子（2022）鲁0116执2871号，那个判决是错的，要求重新审理。郭兆林 15069812353"
    r = route(an(text), _cls("reject", None, [ground]), received_at=D(2026, 3, 2), settings=S, repeats=[])
    assert words in r.proposed_action and clause in r.basis
    assert [d.name for d in r.deadlines] == ["reply"]


def test_r6_names_the_other_court(an):
    text = "我在莱芜区法院有个执行案（2022）鲁0116执2871号，两年没动静，请钢城法院帮忙催。郭兆林 15069812353"
    r = route(an(text), _cls("reject", "implementation", ["R6"]), received_at=D(2026, 3, 2), settings=S, repeats=[])
    assert "鲁0116" in r.proposed_action


def test_bankruptcy_is_not_escalated(an):
    text = "（2023）鲁0117执1445号，法官说被执行人公司已经被中院受理破产了，执行中止，让我去找管理人申报债权。我要求继续执行。常宏伟 13573121046"
    r = route(an(text), _cls("accept", "implementation", ["A7"]), received_at=D(2026, 3, 2), settings=S, repeats=[])
    assert "申报债权" in r.proposed_action and "001 §8" in r.basis


def test_forwarded_item_gets_the_forwarding_deadline_and_flag(an):
    text = ("钢城区人大常委会信访室\n信访事项转办单\n钢城区人民法院：\n现将群众来信转去，请于2026年3月20日前将办理结果反馈我室。\n"
            "2026年3月1日\n————————\n我是申请执行人褚建军，（2024）鲁0117执1420号，被执行人一直不还钱，我要去北京上访。"
            "褚建军 13793401628\n2026年2月25日")
    r = route(an(text), _cls("accept", "implementation", ["A2"]), received_at=D(2026, 3, 2), settings=S, repeats=[])
    fwd = next(d for d in r.deadlines if d.name == "forwarded_reply")
    assert fwd.due == "2026-03-20" and "人大" in fwd.label_zh
    assert {"forwarded", "risk"} <= set(r.flags)
    assert "004 第十四条" in r.basis


def test_forward_days_without_a_date(an):
    text = ("济南市中级人民法院\n执行信访案件交办函\n钢城区人民法院：\n信访人反映的问题交你院处理，请于收到本函之日起十五日内报送处理结果。\n"
            "2026年3月1日\n————————\n我是申请执行人褚建军，（2024）鲁0117执1420号，被执行人一直不还钱。褚建军 13793401628")
    a = an(text)
    assert a.fields["channel"] == "交办" and a.fields["forward_days"] == 15
    r = route(a, _cls("accept", "implementation", ["A2"]), received_at=D(2026, 3, 2), settings=S, repeats=[])
    fwd = next(d for d in r.deadlines if d.name == "forwarded_reply")
    assert fwd.due == "2026-03-17"
