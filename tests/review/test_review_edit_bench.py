"""The form -> record logic alone, and the latency benchmark on a small register."""
import pytest

from xinfang_nlp.review.edit import FormError, apply_form, parse_case_number
from xinfang_nlp.review.samples import make_record


def test_case_numbers_typed_by_a_clerk_are_parsed():
    d = parse_case_number("(２０２４)鲁0117执恢5号", ("鲁0117",))
    assert d["normalized"] == "（2024）鲁0117执恢5号" and d["year"] == 2024
    assert d["court_code"] == "鲁0117" and d["type_code"] == "执恢" and d["serial"] == 5
    assert d["kind"] == "enforcement" and d["this_court"] is True
    d = parse_case_number("〔2022〕鲁0102民初88号", ("鲁0117",))
    assert d["kind"] == "trial" and d["this_court"] is False
    assert parse_case_number("看不清", ())["kind"] == "other"


def test_apply_form_changes_and_audit():
    rec = make_record(1, grounds=["A2"])
    old_case = rec.register["case_numbers"][0]["normalized"]
    form = {"decision": "accept", "type": "review", "grounds": ["A4"], "grounds_present": "1",
            "reg_case_numbers": f"{old_case}、(2024)鲁0117执恢5号", "reg_applicants": "甲\n乙、甲"}
    new, entries = apply_form(rec, form, clerk="王", now="2025-03-18T10:00:00+08:00", confirm=False)
    assert rec.grounds == ["A2"] and new.grounds == ["A4"] and new.type == "review"
    assert new.register["case_numbers"][0] is not rec.register["case_numbers"][0]
    assert new.register["case_numbers"][0] == rec.register["case_numbers"][0]   # kept whole
    assert new.register["case_numbers"][1]["type_code"] == "执恢"
    assert new.register["applicants"] == ["甲", "乙"]
    by = {e["field"]: e for e in entries}
    assert set(by) == {"type", "grounds", "register.case_numbers", "register.applicants"}
    assert by["register.case_numbers"]["final"] == [old_case, "（2024）鲁0117执恢5号"]
    assert new.status == "suggested" and not any(e["action"] == "confirm" for e in entries)
    with pytest.raises(FormError):
        apply_form(rec, {"grounds": ["Z1"]}, clerk="王", now="x", confirm=True)
    with pytest.raises(FormError):
        apply_form(rec, {"decision": "maybe"}, clerk="王", now="x", confirm=True)
    with pytest.raises(FormError):
        apply_form(rec, {"deadline_reply": ""}, clerk="王", now="x", confirm=True)


def test_bench_runs_and_opens_fast():
    from xinfang_nlp.review.bench import run

    r = run(records=300, opens=30)
    assert r["open_ms"]["n"] == 30
    assert r["open_ms"]["p95"] < 300
