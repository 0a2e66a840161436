"""The shipped classifier on letters a clerk would recognise (models/ committed, loaded offline)."""
import pytest

from xinfang_nlp.analyse import Analyzer
from xinfang_nlp.classify import Classifier
from xinfang_nlp.evaluate import ece
from xinfang_nlp.settings import load_settings
from xinfang_nlp.types import ACCEPT_GROUNDS, REJECT_GROUNDS

DELAY = ("尊敬的执行局领导：我是（2023）鲁0117执786号案件的申请执行人张玉梅，电话15165321907。"
         "被执行人李建国欠我工钱四万二千元，法院判了快两年了，一分钱没拿到。李建国天天开着小轿车在村里转，"
         "还新盖了两层楼，执行法官就是不去查封，打电话也不接。求求领导督促一下，赶紧把钱给我执行回来。"
         "申请人：张玉梅 2024年5月6日")
OTHER_COURT = ("我是（2022）鲁0112执3321号案件的申请执行人高立新，电话13791123456。被执行人至今没有履行，"
               "执行法院一直拖着不办，请领导督促尽快执行。高立新 2024年6月1日")
OUTSIDER = ("申诉人马红霞，电话18653122340。法院在执行（2023）鲁0117执455号案件时，把登记在我名下的房子查封了，"
            "被执行人是我前夫赵刚，我们2019年就离婚了，这套房子离婚协议分给了我，跟他的债务没有关系。"
            "请求法院解除对我房子的查封。马红霞 2024年3月2日")


@pytest.fixture(scope="module")
def tools():
    s = load_settings()
    return Analyzer(s), Classifier.load(s)


def _run(tools, text):
    an, clf = tools
    a = an(text)
    return a, clf.classify(a)


@pytest.mark.parametrize("text", [DELAY, OTHER_COURT, OUTSIDER])
def test_decision_type_and_grounds_are_consistent_with_evidence(tools, text):
    a, c = _run(tools, text)
    assert c.grounds
    family = ACCEPT_GROUNDS if c.decision == "accept" else REJECT_GROUNDS
    assert set(c.grounds) <= set(family)
    assert 0.0 <= c.confidence <= 1.0
    for ev in c.evidence:
        assert text[ev.start:ev.end] == ev.text     # offsets point into the record's text
    assert {e.label for e in c.evidence} >= set(c.grounds)


def test_delay_by_applicant_is_accepted_as_implementation(tools):
    _, c = _run(tools, DELAY)
    assert c.decision == "accept" and c.type == "implementation" and "A2" in c.grounds


def test_another_courts_case_number_is_rejected_r6_by_rule(tools):
    _, c = _run(tools, OTHER_COURT)
    assert c.decision == "reject" and "R6" in c.grounds
    assert any(r.startswith("R6") for r in c.rules_fired)


def test_older_court_code_setting_counts_as_this_court():
    s = load_settings(court_codes=("鲁0117", "鲁0112"))
    a = Analyzer(s)(OTHER_COURT)
    c = Classifier.load(s).classify(a)
    assert "R6" not in c.grounds


def test_outsider_house_sealed_is_review(tools):
    _, c = _run(tools, OUTSIDER)
    assert c.decision == "accept" and c.type == "review" and "A6" in c.grounds


def test_ece_measures_miscalibration():
    assert ece([0.9] * 10, [True] * 9 + [False]) == pytest.approx(0.0)
    assert ece([0.9] * 10, [False] * 10) == pytest.approx(0.9)
