"""Respondents, petitioner and phone on letters written for these tests (not corpus letters)."""
import pytest

from xinfang_nlp.analyse import Analyzer, CharTokenizer
from xinfang_nlp.settings import Settings


@pytest.fixture(scope="module")
def an():
    return Analyzer(Settings())


def test_story_debtor_lent_to_classmate(an):
    t = ("法官您好，我叫乔美霞，2020年借给同学邝立新八万块钱，判决后申请执行，案号（2021）鲁0117执1766号。"
         "法院说查不到财产，可他天天开车拉货。请法院查一查。\n乔美霞\n手机：158-6341-2207\n2024年5月2日")
    f = an(t).fields
    assert f["respondents"] == ["邝立新"]
    assert f["petitioner_name"] == "乔美霞"
    assert f["petitioner_phone"] == "15863412207"


def test_debtor_who_should_pay(an):
    t = ("钢城法院执行局：\n我与济南顺和塑料制品有限公司买卖合同纠纷一案，经钢城区法院调解，"
         "济南顺和塑料制品有限公司应支付我货款六万元，至今未履行。（2022）鲁0117执905号。\n"
         "信访人：庞德利\n电话：13705341288\n2023年9月1日")
    f = an(t).fields
    assert f["respondents"] == ["济南顺和塑料制品有限公司"]


def test_list_of_respondents(an):
    t = ("情况反映\n我行与借款人邴建刚、保证人邴建民、樊月霞金融借款合同纠纷一案，"
         "被执行人邴建刚、邴建民和樊月霞至今未履行。案号（2023）鲁0117执311号。")
    f = an(t).fields
    assert set(f["respondents"]) == {"邴建刚", "邴建民", "樊月霞"}


def test_company_is_the_respondent_by_xi(an):
    t = ("关于我公司被罚款的情况反映\n钢城区人民法院：\n济南宏福木业有限公司系（2023）鲁0117执1210号案件被执行人。"
         "执行人员对我公司罚款五万元，请求撤销。\n联系人：岳海 13953170011\n济南宏福木业有限公司\n2024年3月2日")
    f = an(t).fields
    assert f["respondents"] == ["济南宏福木业有限公司"]
    assert f["petitioner_name"] == "济南宏福木业有限公司"


def test_writer_who_owes_is_the_respondent(an):
    t = ("尊敬的执行局领导：\n我叫闻春来，法院判决我给付尹海军借款三万元，我已经还了两万。"
         "上个月法院把我的工资卡全冻了，一家人没法吃饭，请给留点生活费。\n闻春来 13561229087\n2024年4月9日")
    f = an(t).fields
    assert "闻春来" in f["respondents"]
    assert "尹海军" not in f["respondents"]


def test_writer_arrested_is_the_respondent(an):
    t = "我叫邰振山，被钢城法院司法拘留了十五天，我没有妨碍执行，请求撤销拘留决定。电话18253100917"
    f = an(t).fields
    assert f["respondents"] == ["邰振山"]


def test_sanctioned_relative(an):
    t = ("钢城法院您好，我弟弟谷长河被你们拘留了，他有残疾证，拘留所里没人照顾他吃药，"
         "能不能先放出来。我是他姐姐，也是他的监护人，谷长英 18354600019")
    f = an(t).fields
    assert "谷长河" in f["respondents"]


def test_org_name_with_he_and_bad_starts(an):
    t = ("申请执行人：济南恒岳钢材销售有限公司\n被执行人：济南锦程建材有限公司\n"
         "我公司与被执行人买卖合同纠纷一案，判决被执行人支付货款623400元。请求恢复执行。")
    f = an(t).fields
    assert f["respondents"] == ["济南锦程建材有限公司"]


def test_petitioner_from_online_form_and_company_alias(an):
    t = "姓名：邬春燕\n联系电话：0531-78316250\n内容：被执行人樊立军欠我三万元，一直不执行。"
    f = an(t).fields
    assert f["petitioner_name"] == "邬春燕"
    assert f["petitioner_phone"] == "053178316250"
    t2 = ("情况反映\n钢城区人民法院执行局：\n山东嘉运物流股份有限公司（以下简称“我司”）是（2022）鲁0117执88号案件的申请执行人。"
          "被执行人济南金海建材有限公司至今未付款。\n联系人：毕红，手机13743100004\n2025年6月5日")
    assert an(t2).fields["petitioner_name"] == "山东嘉运物流股份有限公司"


def test_own_phone_over_a_relatives(an):
    t = ("申请执行人展德林，案号（2021）鲁0117执628号，被执行人景长海欠我十二万不还。\n"
         "我电话是0531-76812200，儿子的手机是13863498100，有事找我儿子也行。\n申请执行人：展德林\n二〇二三年四月十八日")
    assert an(t).fields["petitioner_phone"] == "053176812200"


def test_char_tokenizer_matches_spacy():
    import spacy
    nlp = spacy.blank("zh")
    ct = CharTokenizer(nlp.vocab)
    for t in ["  a  b \n\n c ", " ", "", "x ", "\u3000字 \t 字  ", "我叫马芳，电话 139 0531 7788。\n"]:
        a, b = nlp.tokenizer(t), ct(t)
        assert [(x.text, x.whitespace_, x.idx) for x in a] == [(x.text, x.whitespace_, x.idx) for x in b]


def test_sentences_and_ents_still_set(an):
    a = an("我叫马芳。电话13905317788！被执行人是济南某建材有限公司")
    doc = a.doc
    assert [s.text for s in doc.sents][:2] == ["我叫马芳。", "电话13905317788！"]
    assert any(e.label_ == "PHONE" for e in doc.ents)
