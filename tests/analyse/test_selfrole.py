"""The writer who says they are the applicant or an outsider is listed under that role."""
from xinfang_nlp.analyse import Analyzer
from xinfang_nlp.settings import load_settings

AN = Analyzer(load_settings())


def test_writer_who_is_the_applicant_is_listed_as_applicant():
    text = ("执行局的领导你们好，我是史桂英，申请执行人。俺那个案子（2023）鲁0117执309号，被执行人宁学军欠俺借款六万，"
            "判了以后一分钱没给。求领导督促。\n史桂英\n2024年5月2日")
    f = AN(text).fields
    assert f["petitioner_name"] == "史桂英" and "史桂英" in f["applicants"]
    assert "史桂英" not in f["respondents"]


def test_writer_who_is_not_the_debtor_is_listed_as_outsider():
    text = ("我叫庞晓东，本人不是（2024）鲁0117执455号案件的当事人，法院执行吴天保的案子，把我买的车扣了。"
            "请求法院把车还给我。\n庞晓东\n2024年6月1日")
    f = AN(text).fields
    assert "庞晓东" in f["outsiders"] and "庞晓东" not in f["applicants"]


def test_respondent_writer_is_not_made_an_applicant():
    text = ("我是（2023）鲁0117执88号案件的被执行人郭强，我已经申请执行和解，法院还是把我拘留了十五天。\n郭强\n2024年1月5日")
    f = AN(text).fields
    assert "郭强" not in f["applicants"]
