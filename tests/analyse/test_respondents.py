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


# ---- written for the hand-t3 round: relations, lists with 及其, branches, phones among several numbers
def test_respondent_after_relation_word(an):
    t = ("执行局领导：\n我是（2022）鲁0117执2033号案件的申请执行人逯红梅。被执行人是我前夫栾志强，"
         "法院判他给我折价款十五万元，一年半了没动静。\n逯红梅 电话 13793176650\n2023年12月4日")
    assert an(t).fields["respondents"] == ["栾志强"]


def test_list_with_relation_and_branch(an):
    t = ("我公司是（2022）鲁0117执2141号案件的申请执行人，被执行人为济南宏图建筑有限公司、"
         "济南宏图建筑有限公司钢城项目部及董宏图。执行款至今未分配。\n联系人：法务部 全志刚\n"
         "手机：18253408127\n办公电话：0531-76098820\n钢城区泰和商砼有限公司\n2024年6月11日")
    f = an(t).fields
    assert set(f["respondents"]) == {"济南宏图建筑有限公司", "济南宏图建筑有限公司钢城项目部", "董宏图"}
    assert f["petitioner_phone"] == "18253408127"


def test_company_and_its_controller(an):
    t = ("我是（2023）鲁0117执1602号案件的申请执行人栗建国，被执行人济南华泰物流有限公司及其实际控制人时长青。"
         "法院无缘无故解除了扣押。\n栗建国 15153487760")
    assert set(an(t).fields["respondents"]) == {"济南华泰物流有限公司", "时长青"}


def test_asked_to_add_is_not_yet_a_respondent(an):
    t = ("我是申请执行人于海燕，被执行人是莱芜鑫诚商贸有限公司，案号（2022）鲁0117执1744号。"
         "我申请追加房建业、房建国为被执行人，三个月了没有答复。\n于海燕\n电话：133 6534 9917")
    f = an(t).fields
    assert f["respondents"] == ["莱芜鑫诚商贸有限公司"]
    assert f["petitioner_phone"] == "13365349917"


def test_relative_of_the_respondent_is_not_the_respondent(an):
    t = ("我叫邝秀英，我是被执行人邝志刚的母亲，我儿子欠蔺德福钱（（2023）鲁0117执1001号），"
         "执行局的人说我妨碍执行，罚了我五千块钱。请法院把罚款退给我。\n邝秀英 电话：139 5341 2680")
    f = an(t).fields
    assert f["respondents"] == ["邝志刚"]
    assert f["petitioner_phone"] == "13953412680"


def test_name_with_a_note_in_brackets(an):
    t = ("区人大领导：\n我叫亓凤莲，是（2021）鲁0117执1309号案件的申请执行人。被执行人焦永胜（钢城区永胜建材经营部老板）"
         "欠我钢材款十一万。承办的是冷法官，冷法官的电话0531-76235519。\n我的电话：13505341947（我闺女的：15866396022）\n亓凤莲")
    f = an(t).fields
    assert f["respondents"] == ["焦永胜"]
    assert f["petitioner_phone"] == "13505341947"


def test_org_enforced_named_in_brackets(an):
    t = ("我是幸福苑小区业主委员会的主任卜庆林，小区物业公司（济南安居物业服务有限公司）被法院执行，"
         "案号（2023）鲁0117执1609号，法院扣押了公共维修基金账户。\n卜庆林 电话 0531 7681 2230 / 15053421876")
    f = an(t).fields
    assert f["respondents"] == ["济南安居物业服务有限公司"]
    assert f["petitioner_phone"] == "15053421876"


def test_guarantor_named_in_story(an):
    t = ("我把二十万借给了老同事狄长河，他拉着他的连襟樊文海做了担保。法院判决后我申请执行，"
         "案号（2021）鲁0117执577号，到现在没有结果。\n我的联系电话：15966372248\n申请执行人：蒯玉成")
    assert set(an(t).fields["respondents"]) == {"狄长河", "樊文海"}


def test_phone_own_landline_over_nephews_mobile(an):
    t = ("我叫佟玉珍，借给谢长贵两万块钱，法院判了他不还，执行的是秦法官。我侄子的电话是13969341187，"
         "我自己没有手机，家里座机0531-76502316。\n佟玉珍\n2023.12.20")
    assert an(t).fields["petitioner_phone"] == "053176502316"


def test_phone_mobile_grouped_four_four_three(an):
    t = ("我是案外人鲍振华，这房子是我从赖文杰手里全款买的，法院在（2024）鲁0117执332号案件中以赖文杰为被执行人查封了。"
         "联系电话：0531—76810352 或 1395 3470 618\n鲍振华")
    f = an(t).fields
    assert f["petitioner_phone"] == "13953470618"
    assert f["respondents"] == ["赖文杰"]


def test_phone_not_the_respondents(an):
    t = ("我是开大车的司机芮伟，老板尚德江欠我工资3万4，案号（2023）鲁0117执1870号。"
         "我手机13562419978，尚德江手机15165431287，你们打他电话。\n芮伟 2024年1月8日")
    assert an(t).fields["petitioner_phone"] == "13562419978"


def test_property_described_by_value_is_not_a_company():
    from xinfang_nlp.analyse import Analyzer
    from xinfang_nlp.settings import load_settings
    text = ("我叫刘玉梅，是济南福源建材有限公司的法定代表人，联系电话15866021358。在（2023）鲁0117执567号案件中，"
            "申请执行人孙立强的执行标的只有二十八万元，但执行法院却查封了我公司价值三百多万元的厂房和全部生产设备。\n"
            "信访人：刘玉梅\n二〇二四年四月二日")
    f = Analyzer(load_settings())(text).fields
    assert "价值三百多万元的厂" not in (f["respondents"] + [f["petitioner_name"]])
    assert f["petitioner_name"] in ("刘玉梅", "济南福源建材有限公司")


def test_name_stops_before_mingxia():
    from xinfang_nlp.analyse import Analyzer
    from xinfang_nlp.settings import load_settings
    f = Analyzer(load_settings())("请求法院尽快查封被执行人李明名下的房产和车辆。\n申诉人：王建国\n2024年3月18日").fields
    assert f["respondents"] == ["李明"]


def test_name_does_not_swallow_the_next_word(an):
    # 谭敏赔偿: the debtor is 谭敏, not 谭敏赔; a 3-character name before 名下 / a list stays whole
    f = an("我与谭敏民间借贷纠纷一案，法院判决谭敏赔偿我四万元，案号（2022）鲁0117执512号，至今未执行。\n"
           "申请执行人：甘玉芬 电话13406348871").fields
    assert f["respondents"] == ["谭敏"]
    f = an("被执行人邓友才名下有一辆货车，法院一直不扣。案号（2023）鲁0117执88号。\n信访人：骆春华 13953420017").fields
    assert f["respondents"] == ["邓友才"]


def test_introduced_name_in_a_debt_story(an):
    f = an("我是替邻居写的。她跟一个叫蔺国栋的打官司，借给他六万块钱，法院判她赢了，三年了一分钱没拿到。"
           "请法院把蔺国栋的钱执行了。\n代写人：屈明 电话15153470263").fields
    assert "蔺国栋" in f["respondents"]


def test_applicant_signed_who_is_the_respondent(an):
    f = an("钢城区人民法院执行局：\n申请人栾庆海，系（2023）鲁0117执640号案件被执行人，"
           "请求解除对我的限制高消费措施，欠款我已分期还了一半。\n栾庆海\n2024年2月1日").fields
    assert f["respondents"] == ["栾庆海"]


def test_writer_who_stood_guarantor_is_the_respondent(an):
    f = an("执行局领导：\n我是隋永福，2017年我给村里人做担保人，他跑了，法院把我的工资卡冻结了，"
           "案号（2019）鲁0117执1201号。请求只扣一半。\n隋永福 电话：18763451290").fields
    assert f["respondents"][:1] == ["隋永福"]


def test_the_writers_son_who_borrowed(an):
    f = an("法官：俺儿子乜国强跟人家借钱做生意赔了，人家告了他，法院把俺住的老房子查封了。"
           "这房子是俺的，不是他的。\n乜桂兰 电话13061342285").fields
    assert "乜国强" in f["respondents"]
    assert "乜桂兰" not in f["respondents"]


def test_short_company_name_beside_the_full_one(an):
    f = an("被执行人山东汇泰机械科技有限公司欠我工资两万元，（2023）鲁0117执77号。汇泰机械科技公司老板说没钱。\n"
           "反映人：石德平 13176341152").fields
    assert f["respondents"] == ["山东汇泰机械科技有限公司"]


def test_whose_property_was_seized_when_nothing_else_names_the_debtor(an):
    f = an("尊敬的院长：\n我叫蒲文静，是（2021）鲁0117执902号案件的申请执行人。承办法官是执行法官柯明。\n"
           "荆立伟名下的那辆货车法院当时扣了，后来又放了，现在车找不到了。请领导过问。\n蒲文静 13853489920").fields
    assert f["respondents"] == ["荆立伟"]
    assert f["judge"] == "柯明"


def test_judge_cue_does_not_read_a_name_on_the_next_line(an):
    f = an("案号（2023）鲁0117执1010号。\n承办法官是杨法官\n滕丽云把两万元交到了法院账上，我去领，说要领导签字。\n"
           "我叫程立东，电话15169348821").fields
    assert f["judge"] == "杨法官"
    assert "滕丽云" not in (f["judge"] or "")


def test_company_writer_named_after_wo_gongsi_is_read_whole(an):
    f = an("情况反映\n钢城区人民法院执行局：\n我公司山东汶河精工机械有限公司系（2024）鲁0117执733号案件被执行人，"
           "账户被冻结后已无法发放工资，请求解除对基本账户的冻结。\n联系人：邹红 0531-76338120").fields
    assert f["respondents"] == ["山东汶河精工机械有限公司"]


def test_relative_of_the_respondent_is_not_the_respondent(an):
    f = an("来电记录\n来电人：葛美玲，系被执行人牛国华之妻，持有牛国华签名的授权委托书。\n"
           "来电内容：（2024）鲁0117执402号案件，请求解除对家中唯一住房的查封。").fields
    assert f["respondents"] == ["牛国华"]


def test_writer_who_names_the_respondent_after_the_case_is_the_applicant(an):
    f = an("我是宫秀芝案子（2023）鲁0117执1009号被执形人冉小军欠我三万二千一年了一分没执形他天天开车拉货 "
           "电话13963421187").fields
    assert f["respondents"] == ["冉小军"]
    f = an("执行局：我是(2024)鲁0117执445号的被执行人尉雅琴 我欠的钱在和解协议里约定分期还 我每月按时还款 "
           "请求解冻我的账户 电话18854172203").fields
    assert f["respondents"] == ["尉雅琴"]


def test_creditor_of_a_company_and_company_with_its_shareholder(an):
    f = an("执行局：\n我是济南钢城区丰源饲料有限公司的债权人庞立伟，我的案子（2023）鲁0117执1201号两年没动静。\n"
           "庞立伟 13605345512").fields
    assert f["respondents"] == ["济南钢城区丰源饲料有限公司"]
    f = an("我是（2022）鲁0117执2133号的申请执行人葛海涛。被执行人钢城区天宇建筑安装有限公司的股东邹立军，"
           "认缴的出资期限已经届满却没有缴纳，请求追加邹立军为被执行人。\n葛海涛 13953498821").fields
    assert f["respondents"][:1] == ["钢城区天宇建筑安装有限公司"]


def test_employee_whose_wages_the_court_orders_withheld(an):
    f = an("钢城区人民法院：\n我单位济南钢都物业服务有限公司于2024年3月收到贵院协助执行通知书，要求扣留我单位职工仲德军的工资。"
           "因其3月初已离职，我单位无工资可扣，特此说明。\n联系人：车丽 0531-76221980").fields
    assert f["respondents"] == ["仲德军"]


def test_writer_put_on_the_blacklist_by_a_named_court(an):
    f = an("申诉\n我叫裘德林，今年在网上查到我被钢城法院列入失信被执行人名单、限制高消费，"
           "可我从来没借过钱。请求把我从失信名单里删除。\n裘德林 电话13082714421\n2024年7月19日").fields
    assert f["respondents"] == ["裘德林"]


def test_every_party_the_judgment_orders_to_pay(an):
    f = an("2019年我跟着包工头仉成武干活，他上头是莱芜市钢城区鑫泰建筑安装有限公司。法院判了，仉成武和鑫泰公司一块给钱，"
           "到现在一分没给。案号（2021）鲁0117执903号。\n申请人：阎庆山 13406341209").fields
    assert set(f["respondents"]) == {"仉成武", "莱芜市钢城区鑫泰建筑安装有限公司"}


def test_who_was_sued_and_who_ran_into_me(an):
    f = an("我在钢城法院有个案子（2021）鲁0117执1092号，告的是济南钢城宏运运输有限公司，法院拍了一辆货车，钱一直不给我。\n"
           "蔺秀芝 15866345120").fields
    assert f["respondents"] == ["济南钢城宏运运输有限公司"]
    f = an("我在北关市场摆摊，被一个开电动三轮的撞了。撞我的人叫房长海，法院判他赔我三万七千六百元，"
           "案号（2022）鲁0117执348号。\n蔚桂兰 13562348871").fields
    assert f["respondents"] == ["房长海"]


def test_farm_and_company_boss(an):
    f = an("被执行人济南钢城福泰养殖场名下登记有重型自卸货车一辆，法院至今未扣押。（2023）鲁0117执1733号。\n"
           "申请执行人：荣德顺 13864398812").fields
    assert f["respondents"] == ["济南钢城福泰养殖场"]
    f = an("被执行人莱芜市钢城区富源装饰工程有限公司的老板邰富华跟承办人是同学，案子一年半没进展。"
           "（2022）鲁0117执455号。\n申请执行人：鲍春来 13705349981").fields
    assert f["respondents"] == ["莱芜市钢城区富源装饰工程有限公司"]


def test_borrower_who_borrowed_from_the_writer(an):
    f = an("我叫秦桂兰，今年七十三了。2019年俺村的邵长山说家里盖屋，借了俺三万块钱，说好一年还。法院判了，案号(2021)鲁0117执562号，"
           "这都两年了俺一分钱没见着。\n电话13589341122").fields
    assert f["respondents"] == ["邵长山"]
    f = an("我是殷立波，开烧烤店的，贾建民和卢新宇两个人2020年借我十五万开店，打了欠条。法院判了，案号(2021)鲁0117执1890号，"
           "一分钱没有！\n殷立波 13963418802").fields
    assert set(f["respondents"]) == {"贾建民", "卢新宇"}


def test_writer_whose_creditor_applied_for_enforcement(an):
    f = an("申请执行人员回避\n我是仇文杰，韦丽申请执行我的那个案子，案号(2023)鲁0117执1301号，承办人和韦丽是亲戚，请求回避。\n"
           "仇文杰 13678921540").fields
    assert f["respondents"] == ["仇文杰"]


def test_the_other_side_of_the_writers_case(an):
    f = an("来电记录\n来电人：庞玉珍  电话：13305316678\n反映：她和栾兵的案子去年达成执行和解，栾兵每月往法院账户打款，"
           "她说1月到3月的钱一直没领到。").fields
    assert f["respondents"] == ["栾兵"]


def test_short_company_name_before_a_verb_is_the_registered_company(an):
    f = an("我是济南钢城区兴旺食品有限公司的老员工，兴旺食品欠我和另外几个工友的工资，法院判了，"
           "案号（2023）鲁0117执1501号。\n申请执行人：滕秀梅 13563470921").fields
    assert f["respondents"] == ["济南钢城区兴旺食品有限公司"]


def test_registered_name_in_apposition_and_a_company_that_still_owes(an):
    f = an("执行局：\n我是申请执行人曹淑琴，被执行人是房地产公司济南钢城锦华置业有限公司，案号（2022）鲁0117执77号，"
           "两年了一直说没钱。\n曹淑琴 15166341290").fields
    assert f["respondents"] == ["济南钢城锦华置业有限公司"]
    f = an("请求执行第三人：济南钢城区瑞祥商砼有限公司尚欠被执行人工程款约九十万元，请法院提取。"
           "（2023）鲁0117执1944号。\n联系人：邢光 0531-76221345").fields
    assert "司尚" not in f["respondents"]


def test_sold_to_a_couple_and_lent_to_a_distant_nephew(an):
    f = an("我叫高明远，2019年我把一辆二手挖掘机卖给冯立新、晏春燕两口子，说好分期付款，还欠我十一万五千元。"
           "法院判了，（2021）鲁0117执711号，现在终本了。\n高明远 13583419920").fields
    assert set(f["respondents"]) == {"冯立新", "晏春燕"}
    f = an("我们小区有个老太太叫宫秀英，她前些年把三万块钱借给她一个远房侄子鄂立平做买卖，后来不还，"
           "老太太去法院告了，判了也申请执行了。\n代写人：倪红 13953410092").fields
    assert "鄂立平" in f["respondents"]


def test_creditor_introduced_after_qian_is_not_the_respondent(an):
    f = an("我有个弟弟叫毕振海，在外面欠了一屁股债。其中欠了一个叫卢海军的人十六万，卢海军告了他，法院判了，"
           "后来申请了执行，把我家的房子也查封了。\n毕振芳 13706341125").fields
    assert "卢海军" not in f["respondents"]


def test_bracketed_role_and_the_partner(an):
    f = an("申诉书\n申诉人：山东华岳律师事务所 律师 汤明\n被申诉人（被执行人）：济南钢城华安机械制造有限公司，法定代表人贾永胜。\n"
           "请求：恢复执行（2022）鲁0117执1501号案件。").fields
    assert f["respondents"][:1] == ["济南钢城华安机械制造有限公司"]
    f = an("我是申请执行人范秋云，被执行人是我原来的合伙人滕启亮，他欠我合伙散伙款十四万。案号（2023）鲁0117执1055号。\n"
           "范秋云 15263412290").fields
    assert f["respondents"] == ["滕启亮"]


def test_joint_liability_and_a_cousin_who_took_the_loan(an):
    f = an("我公司与山东恒祥机械设备制造有限公司（以下简称恒祥公司）、该公司法定代表人卓永海买卖合同纠纷一案，"
           "恒祥公司应支付货款387600元，卓永海对上述债务承担连带清偿责任。案号（2022）鲁0117执1201号。\n"
           "联系人：应红 0531-76553120").fields
    assert set(f["respondents"]) == {"山东恒祥机械设备制造有限公司", "卓永海"}
    f = an("我叫陈国栋，在莱钢当合同工。2018年我表弟郎文斌在村镇银行贷款20万元开养殖场，我给他担保了5万。"
           "现在法院把我的车拖走了，郎文斌自己有房子却不执行。\n陈国栋 17806341259").fields
    assert "郎文斌" in f["respondents"]


def test_legal_representative_writing_about_measures_on_him(an):
    f = an("执行局领导：\n本人祁鸿飞，是济南钢城区鸿运国际贸易有限公司的法定代表人。我公司因货款纠纷被申请执行，"
           "法院对我限制出境，导致订单谈不成。请求解除对本人的限制出境措施。\n祁鸿飞 手机：18678010325").fields
    assert f["respondents"] == ["济南钢城区鸿运国际贸易有限公司"]


def test_names_start_where_a_word_ends(an):
    f = an("法院判决济南市钢城区锦泰钢铁贸易有限责任公司应支付我货款十二万元，至今未付。（2022）鲁0117执1275号。\n"
           "申请执行人：鲁新华 13905346678").fields
    assert f["respondents"] == ["济南市钢城区锦泰钢铁贸易有限责任公司"]
    f = an("被执行人司马丽芳欠我房租两万元，（2023）鲁0117执640号，法院说找不到人。\n房东：隋立国 13563418870").fields
    assert f["respondents"] == ["司马丽芳"]


def test_the_other_side_of_a_relatives_dispute_and_whose_property_is_auctioned(an):
    f = an("我叫毛静红，是李振东的妻子，他在外地打工，让我代为反映。\n我丈夫与裴宝林房屋租赁合同纠纷一案，钢城区法院作出民事调解书，"
           "至今未履行。（2018）鲁0117执311号。\n毛静红 13953412290").fields
    assert f["respondents"] == ["裴宝林"]
    f = an("法院说我的案子执行完毕结案了，实际只给了一小部分钱。鞠淑珍的艾山街道的老房子网上拍卖成交了，钱去哪了？"
           "（2020）鲁0117执1733号。\n申请执行人：谷长青 13589347701").fields
    assert f["respondents"] == ["鞠淑珍"]
    f = an("恳请贵院解除对生产线、库存成品的查封及对基本账户的冻结，保障企业正常生产。\n济南钢城华昌铸造有限公司\n"
           "联系人：何平 0531-76338811").fields
    assert "成品" not in f["respondents"]


def test_real_name_behind_a_nickname(an):
    f = an("法完领导 俺叫亓凤英 俺和俺对象在包工头老刘那里干活 老刘就是刘长顺 他欠俺两口子工钱两万六 法完判了也不给 "
           "执形案号2022鲁0117执1035号 电话13561348870").fields
    assert "刘长顺" in f["respondents"]
    f = an("来电人称，她父亲2022年跟着包工头老卜（卜庆江）干活，欠工钱一万六，案号（2023）鲁0117执2210号，两年了一分没执行到。\n"
           "来电人：魏红 13905340012").fields
    assert "卜庆江" in f["respondents"]
    f = an("俺叫邱秀云 颜庄镇的 同村的二愣子 大名叫徐建军 一七年借了俺八万块钱 说是盖屋 到现在不还 法院判了 "
           "2019鲁0117执588号 电话15965341127").fields
    assert f["respondents"] == ["徐建军"]


def test_a_right_to_obtain_is_not_a_debt(an):
    f = an("国家赔偿申请书\n申请人：房连海，男，1975年生。\n该拘留决定书已被撤销，依照国家赔偿法，申请人有权获得赔偿。\n"
           "房连海\n2023年2月13日").fields
    assert "权获" not in f["respondents"]


def test_words_after_a_strong_cue_are_not_names(an):
    f = an("请求将我公司从失信被执行人名单中删除。我公司系（2022）鲁0117执311号案件被执行人，已履行完毕。\n"
           "济南钢城区宏润铸造有限公司\n联系人：潘红 0531-76551200").fields
    assert "名单中" not in f["respondents"]
    f = an("被执行人成立于2015年，被执行人应支付货款二十万元。（2023）鲁0117执901号。\n申请执行人：济南钢城区利华建材有限公司").fields
    assert not {"成立", "应支付"} & set(f["respondents"])


def test_foremans_principal_and_a_listed_lawsuit(an):
    f = an("俺和俺对象在包工头老刘那里干活 老刘就是刘长福 他从济南恒瑞建筑劳务有限公司包的活 俺两口子跟着干了大半年 "
           "工钱欠了两万多 法院判了 电话13561340078").fields
    assert set(f["respondents"]) == {"刘长福", "济南恒瑞建筑劳务有限公司"}
    f = an("中国农业银行股份有限公司济南钢城支行诉济南钢城区福祥纺织有限公司、陈永贵、李淑芬金融借款合同纠纷一案，"
           "经贵院判决后进入执行，案号（2022）鲁0117执66号。\n联系人：荣军 0531-76219933").fields
    assert {"济南钢城区福祥纺织有限公司", "陈永贵", "李淑芬"} <= set(f["respondents"])


def test_company_of_a_former_legal_representative_and_an_administrator(an):
    f = an("尊敬的钢城区人民法院执行局领导：\n本人朱庆民，原系济南钢城区嘉和农资有限公司法定代表人。该公司是（2021）鲁0117执1201号案件的被执行人，"
           "本人已于2022年卸任，请求解除对本人的限制高消费。\n朱庆民 13905341277").fields
    assert "济南钢城区嘉和农资有限公司" in f["respondents"]
    f = an("济南钢城区鑫隆建材有限公司管理人\n关于请求中止执行并解除保全措施的函\n\n济南市中级人民法院已受理该公司破产清算一案，"
           "请贵院中止对该公司财产的执行。\n联系人：许晴律师 13573126618").fields
    assert "济南钢城区鑫隆建材有限公司" in f["respondents"]


def test_judge_and_asked_for_party_are_not_respondents(an):
    f = an("请求事项：请求（2021）鲁0117执1466号案件承办法官韦建华回避。\n本律师调查发现，承办法官韦建华系被执行人法定代表人许志强的妹夫，"
           "双方有近亲属关系。\n被执行人：济南钢城区盛隆建筑安装工程有限公司\n律师：钱明 13589316022").fields
    assert "韦建华" not in f["respondents"]
    f = an("追加被执行人申请书\n申请人：济南钢城区宏泰钢管有限公司\n被申请人：魏国梁，男，1980年2月生。\n"
           "被执行人：济南钢城区国梁贸易有限公司\n请求事项：追加被申请人魏国梁为（2023）鲁0117执1702号案件的被执行人。").fields
    assert f["respondents"] == ["济南钢城区国梁贸易有限公司"]
    f = an("我是申请执行人，被执行人是刘振海。承办这个案子的刘法官是刘振海的亲堂叔，这案子一年了一直拖着。\n牛爱华 13563412290").fields
    assert f["respondents"] == ["刘振海"] and f["judge"] != "刘振海"


def test_spoken_debt_stories(an):
    f = an("法完执形局领导我叫牛二柱是颜庄镇的 2021年给田大勇田小勇哥俩干活盖房子 他俩欠我一万二 法完判了 电话13905348812").fields
    assert {"田大勇", "田小勇"} <= set(f["respondents"])
    f = an("李法官你好 我是仇红英 张宝顺借我五万块钱 法院判了让他还 一年了一分没还 电话15763410092").fields
    assert f["respondents"] == ["张宝顺"]
    f = an("我是曹宇，(2023)鲁0117执589号的申请人。老孙欠我货款两万六，法院去年给终本了。可孙德旺在里辛街道还跑着货车拉石子。\n"
           "曹宇 13605341122").fields
    assert f["respondents"] == ["孙德旺"]
    f = an("您好，(2022)鲁0117执640号我是申请人贺立新。被执行人老窦（窦振华）去年冬天病故了，他那套房子现在他儿子住着。\n"
           "贺立新 13953410077").fields
    assert f["respondents"] == ["窦振华"]


def test_former_spouse_and_tenant(an):
    f = an("钢城区人民法院执行局：\n我叫边丽娟，和吴志鹏2020年离婚，孩子跟我，判决他每月给抚养费一千元，两年没给。"
           "案号(2023)鲁0117执恢213号。\n边丽娟 13853410021").fields
    assert f["respondents"] == ["吴志鹏"]
    f = an("执行局：\n我是穆桂兰，(2023)鲁0117执452号的申请人。刘刚租我的门头房开饭店，欠了五万六的房租，判了以后申请执行。\n"
           "穆桂兰 15853410023").fields
    assert f["respondents"] == ["刘刚"]


def test_officers_of_the_debtor_are_not_the_debtor(an):
    f = an("执行异议申请书\n\n申请人：济南钢城区中鼎铸造有限公司\n法定代表人：卜庆云，职务：董事长\n"
           "请求：解除对我公司基本账户的冻结。（2024）鲁0117执612号。").fields
    assert f["petitioner_name"] == "济南钢城区中鼎铸造有限公司"
    f = an("我公司申请执行在先、查封在先，被执行人老板甄宏达分明是看到要拍卖才去申请的破产。"
           "被执行人：济南钢城宏达机械制造有限公司，（2022）鲁0117执77号。\n联系人：邢光 0531-76221345").fields
    assert "甄宏达" not in f["respondents"]


def test_foreman_followed_and_a_vehicle_owner_in_a_judgment(an):
    f = an("我叫贾春来是在工地上干活的 2021年跟着韩建民在济南鑫磊建筑劳务有限公司的工地上干 欠我工钱一万八 法完判了 电话13805340011").fields
    assert "韩建民" in f["respondents"]
    f = an("万春生2019年8月被季伟驾驶的重型货车撞伤。贵院判决季伟及其挂靠单位济南安达运输有限公司连带赔偿各项损失，"
           "（2020）鲁0117执301号至今未执行。\n代理人：万红 13953400012").fields
    assert {"季伟", "济南安达运输有限公司"} <= set(f["respondents"])


def test_more_spoken_introductions(an):
    f = an("额们十几个老乡跟着干 包工头是胖子老杨 叫杨文斌 他欠俺们二十来个人的工钱 法院判了 电话13905341100").fields
    assert "杨文斌" in f["respondents"]
    f = an("咱村东头老谭家的二小子谭永明 一九年跟俺借了五万块钱 说是买车 到现在不还 法院判了 2020鲁0117执311号 电话13563411002").fields
    assert f["respondents"] == ["谭永明"]
    f = an("我告了合作社和栾德福，法院判合作社还钱，栾德才承担连带责任，执行案号（2023）鲁0117执87号。\n鞠文杰 13905342210").fields
    assert "栾德才" in f["respondents"]


def test_garnishee_names_the_debtor(an):
    f = an("贵院（2024）鲁0117执882号协助执行通知书要求冻结我公司应付济南钢城区聚丰运输有限公司的运费，冻结金额150000元。"
           "\n联系人：宁红 0531-76330021").fields
    assert f["respondents"] == ["济南钢城区聚丰运输有限公司"]


def test_called_defendant_and_a_workshop_named_in_full(an):
    f = an("执行局：\n我是申请人籍立新，被告邹国强欠我的工程款四万六千元，去年法院判了，一分没给。(2023)鲁0117执611号\n籍立新 13953420011").fields
    assert f["respondents"] == ["邹国强"]
    f = an("我父亲的小轿车在济南钢城区晟祥汽车修理厂修车时被烧毁，法院判决修理厂及其经营者邱德明赔偿车辆损失六万四千元，"
           "（2022）鲁0117执455号。\n宫立波 13605341290").fields
    assert "济南钢城区晟祥汽车修理厂" in f["respondents"] and "修理厂" not in f["respondents"]


def test_writer_who_owes_after_introducing_himself(an):
    f = an("钢城法院执行局：\n我叫任国梁，欠杨春兰的钱，(2022)鲁0117执1201号，和解协议说好每月还两千，我一直按时还，"
           "可法院把我的卡冻了。请求解除冻结。\n任国梁 手机：138-6346-1190").fields
    assert f["respondents"] == ["任国梁"]


def test_divorce_support_and_nickname_brackets(an):
    f = an("法官你好：\n我是亓秀华，住钢城区汶源街道。我和吕建国2020年在莱芜区法院离的婚，孩子判给我，他每月该给一千抚养费，一分没给。\n"
           "亓秀华 13706341188").fields
    assert f["respondents"] == ["吕建国"]
    f = an("我是岳海明，离婚后儿子跟着我过，法院判孩子他妈殷晓丽每月给800抚养费，她从来没给过。\n岳海明 13853472210").fields
    assert f["respondents"] == ["殷晓丽"]
    f = an("我叫牛宝林，是(2022)鲁0117执302号的申请人，被执行人是侯三（侯立山）。钱一直没执行回来。\n牛宝林 15966341120").fields
    assert f["respondents"] == ["侯立山"]


def test_bank_list_of_borrowers_and_a_customer_on_credit(an):
    f = an("中国农业银行股份有限公司济南钢城支行（以下简称我行）与亓长林、吴秀芬金融借款合同纠纷一案，经贵院判决确认，"
           "亓长林应偿还我行借款本金38万元，被执行人吴秀芬承担连带责任。\n联系人：于红 0531-76219988").fields
    assert {"亓长林", "吴秀芬"} <= set(f["respondents"])
    f = an("法院执形局领导 我是卖饲料的秦月芳在艾山开了个饲料门市 养猪的老宫宫成林从我这里赊饲料赊了两年 欠我七万三千多 "
           "法完判了 电话13563418820").fields
    assert f["respondents"] == ["宫成林"]


def test_a_bank_holding_the_card_is_not_the_debtor_and_a_name_ending_in_san(an):
    f = an("我叫聂海林，现在我在钢城农商行的工资卡被冻了，卡里就几千块钱，是发的工资。被执行人是我，案号(2022)鲁0117执556号。\n"
           "聂海林 13869401122").fields
    assert "钢城农商行" not in f["respondents"]
    f = an("我叫牛宝林，是(2022)鲁0117执302号的申请人，被执行人是侯三（侯立三）。钱一直没执行回来。\n牛宝林 15966341120").fields
    assert f["respondents"] == ["侯立三"]


def test_operator_of_an_individual_business_and_a_general_contractor(an):
    f = an("来电记录\n来电人：么振国（自称申请执行人），来电号码：0531-76821459\n内容：来电人称其与被执行人钢城区鼎盛装饰工程部（经营者邓小强）"
           "装修合同纠纷一案，执行案号（2023）鲁0117执611号，至今未执行。").fields
    assert set(f["respondents"]) == {"钢城区鼎盛装饰工程部", "邓小强"}
    f = an("我们去劳动局，劳动局让我们起诉，法院判了褚兴发和总包的山东泰华建工集团有限公司一起给钱。我们申请执行快一年了。\n"
           "农民工代表：韦二军 13953412290").fields
    assert set(f["respondents"]) == {"褚兴发", "山东泰华建工集团有限公司"}


def test_company_stays_the_party_when_its_shareholder_is_asked_for(an):
    f = an("追加被执行人申请书\n申请人：济南钢城宏达钢构有限公司\n被申请人：聂永辉，男，1975年生。\n"
           "请求事项：追加被申请人聂永辉为（2023）鲁0117执879号案件的被执行人。\n事实与理由：\n"
           "申请人与济南瑞祥商贸有限公司建设工程施工合同纠纷一案，经贵院判决后进入执行。").fields
    assert f["respondents"] == ["济南瑞祥商贸有限公司"]
