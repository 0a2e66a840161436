"""The learned party span model (models/ner_roles) and how it joins the rules."""
import pytest

from xinfang_nlp.analyse import Analyzer
from xinfang_nlp.analyse import ner as N
from xinfang_nlp.analyse.components import assemble
from xinfang_nlp.settings import Settings

needs_model = pytest.mark.skipif(not (N.MODEL_DIR / "ner").is_dir(), reason="models/ner_roles not built")


@needs_model
def test_model_loads_offline(monkeypatch):
    # no network: a loader that tries to fetch anything fails the test
    import socket
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: pytest.fail("network used"))
    N.load.cache_clear()
    m = N.load()
    assert m is not None
    assert set(m.meta["labels"]) == set(N.LABELS)
    spans = m("被执行人邝立新欠我八万元不还。")
    assert all(0 <= s < e <= 15 for s, e, _ in spans)


def test_missing_model_is_rules_only(tmp_path):
    assert N.load(str(tmp_path / "nothing")) is None
    an = Analyzer(Settings(), ner_model=str(tmp_path / "nothing"))
    f = an("被执行人邝立新欠我八万元。").fields
    assert f["respondents"] == ["邝立新"]


def test_model_respondents_are_checked_names():
    text = "我叫乔美霞，借给同学邝立新八万元，他至今不还。"
    s = text.index("邝立新")
    bad = text.index("借给")
    ner = [(s, s + 3, "RESPONDENT"), (bad, bad + 4, "RESPONDENT"), (2, 5, "RESPONDENT")]
    f = assemble(text, [], [], [], [(0, len(text))], ner=ner, ner_mode="fill")
    assert "邝立新" in f["respondents"]
    # the shipped mode (fillorg) takes only organisations from the model
    assert assemble(text, [], [], [], [(0, len(text))], ner=ner)["respondents"] == []
    assert "借给同学" not in f["respondents"]
    f_off = assemble(text, [], [], [], [(0, len(text))], ner=ner, ner_mode="off")
    assert "邝立新" not in f_off["respondents"]


def test_training_refuses_gold():
    with pytest.raises(SystemExit):
        N.main(["train", "corpora/letters/gold/gold-a.jsonl", "--out", "/tmp/never"])
    with pytest.raises(SystemExit):
        N.main(["train", "--dev", "corpora/letters/gold/x.jsonl", "--out", "/tmp/never"])


@needs_model
def test_respondent_found_only_by_the_model():
    t = ("法官您好：我是申请执行人滕玉梅，济南金阳商贸有限公司欠我货款十二万元，判决生效后一直拖着，"
         "（2022）鲁0117执88号，请尽快执行。滕玉梅 13665312200 2023年12月1日")
    assert Analyzer(Settings(), ner_mode="off")(t).fields["respondents"] == []
    f = Analyzer(Settings())(t).fields
    assert f["respondents"] == ["济南金阳商贸有限公司"]
    assert f["applicants"] == ["滕玉梅"]
