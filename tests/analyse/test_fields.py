"""Register fields on realistic letters written for these tests (not corpus letters)."""
import pytest

from xinfang_nlp.analyse import Analyzer
from xinfang_nlp.settings import Settings


@pytest.fixture(scope="module")
def an():
    return Analyzer(Settings())


LETTER_ELDERLY = """尊敬的钢城区法院执行局领导：
我叫郝玉珍，今年七十一了，住在里辛街道。我闺女的案子是（2022）鲁0117执733号，被执行人是颜庄的包工头鞠长胜，欠我闺女工钱四万六千元。
执行局的葛法官说他没钱，可他天天开着车到处转。我腿脚不好，去了好几回了，求领导给催催。
我的电话：139-0634-2210
此致
敬礼
信访人：郝玉珍
二〇二四年三月五日"""

LETTER_FORMAL = """申 诉 书
申诉人：庄美玲，女，1982年3月生，住钢城区汶源街道，电话13562001947
被申诉事项：（2023）鲁0117执1502号案件超标的冻结
事实与理由：
申诉人系本案被执行人。申请执行人孟庆斌诉申诉人借款纠纷一案，判决申诉人偿还32000元。执行法官韦建国将申诉人名下三个账户全部冻结，冻结金额达十一万元，明显超过标的。
此致
济南市钢城区人民法院执行局
申诉人：庄美玲
2024年6月17日"""

LETTER_COMPANY = """情况反映
济南市钢城区人民法院执行局：
申请执行人：济南钢城鑫源建材有限公司
被执行人：钢城区福兴置业有限公司
案号：(2022)鲁0117执1999号
我公司与福兴置业买卖合同纠纷一案，判决已生效两年，执行到位仅五万元。福兴置业名下的商铺至今未查封，恳请督促承办人采取措施。
联系人：销售部 杭丽 电话：0531-76550128 / 15263400918
济南钢城鑫源建材有限公司（盖章）
2024年5月9日"""

LETTER_FORWARDED = """钢城区委政法委
信访事项转办单
钢政法信转〔2025〕12号
钢城区人民法院：
现将群众栾德海反映的问题转去，请依法处理，并于2025年4月30日前将办理结果书面反馈我委。
2025年4月2日
————————
政法委领导：
我叫栾德海，是（2024）鲁0117执866号案件的申请执行人，被执行人巩立新欠我货款七万二，法院一直不执行。承办法官是鲁法官。
栾德海 电话 0531-76123456
2025年3月28日"""

LETTER_ONLINE = "我是被执行人鄢春华，（2021）鲁0117执1655号钱已经还清了，还在失信名单上，请撤销。电话 15806341122"

LETTER_AGENT = """钢城法院执行局：
山东泰山律师事务所接受申请执行人牛文斌的委托，指派本所律师吉秀兰就（2023）鲁0117执1204号案件反映：被执行人莱芜恒泰物流有限公司名下车辆已被他人使用，请求依法扣押。
山东泰山律师事务所 律师：吉秀兰
联系电话：0531-76330918
2024年11月5日"""


def test_elderly_letter(an):
    a = an(LETTER_ELDERLY)
    f = a.fields
    assert f["petitioner_name"] == "郝玉珍"
    assert f["petitioner_phone"] == "13906342210"
    assert f["respondents"] == ["鞠长胜"]
    assert f["judge"] == "葛法官"
    assert f["letter_date"] == "2024-03-05"
    assert f["channel"] == "来信"
    assert [c.normalized for c in a.case_numbers] == ["（2022）鲁0117执733号"]
    assert a.case_numbers[0].this_court
    assert f["amounts"] and f["amounts"][0]["value"] == 46000
    assert f["summary"] and len(f["summary"]) <= 120 and "郝玉珍" in f["summary"]


def test_person_with_landline_and_mobile_is_registered_with_the_mobile(an):
    f = an("法院执行局：\n我叫卜庆林，（2023）鲁0117执456号的申请执行人，被执行人孟凡军欠我货款三万元至今不还，"
           "请法院尽快执行。\n卜庆林 电话 0531 7681 2230 / 15053421876\n2024年1月19日").fields
    assert f["petitioner_name"] == "卜庆林"
    assert f["petitioner_phone"] == "15053421876"


def test_agent_under_power_of_attorney_gets_own_number(an):
    f = an("申诉人：柴秀兰，女，1958年7月出生，住钢城区汶源街道，联系电话13375348120。\n"
           "委托代理人：贺立平，山东汶源律师事务所律师，电话15806342791。\n"
           "申诉事项：请求撤销（2025）鲁0117执异12号执行裁定。").fields
    assert f["petitioner_name"] == "贺立平"
    assert f["petitioner_phone"] == "15806342791"


def test_formal_complaint_story_date_not_taken(an):
    f = an(LETTER_FORMAL).fields
    assert f["petitioner_name"] == "庄美玲"
    assert f["petitioner_phone"] == "13562001947"
    assert f["applicants"] == ["孟庆斌"]
    assert "庄美玲" in f["respondents"]          # 申诉人系本案被执行人
    assert f["judge"] == "韦建国"
    assert f["letter_date"] == "2024-06-17"


def test_company_letter_uses_company_and_first_contact_number(an):
    # a company is registered with the first number its 联系人 line gives (here the office landline)
    f = an(LETTER_COMPANY).fields
    assert f["petitioner_name"] == "济南钢城鑫源建材有限公司"
    assert f["petitioner_phone"] == "053176550128"
    assert f["respondents"] == ["钢城区福兴置业有限公司"]
    assert f["applicants"] == ["济南钢城鑫源建材有限公司"]


def test_forwarded_cover(an):
    a = an(LETTER_FORWARDED)
    f = a.fields
    assert f["channel"] == "转办"
    assert f["forwarded_by"] == "钢城区委政法委"
    assert f["forward_deadline"] == "2025-04-30"
    assert f["letter_date"] == "2025-03-28"          # the writer's date, not the cover's
    assert f["petitioner_name"] == "栾德海"
    assert f["petitioner_phone"] == "053176123456"
    assert f["respondents"] == ["巩立新"]
    assert f["judge"] == "鲁法官"
    assert [c.normalized for c in a.case_numbers] == ["（2024）鲁0117执866号"]


def test_online_message(an):
    f = an(LETTER_ONLINE).fields
    assert f["channel"] == "网上申诉"
    assert f["petitioner_name"] == "鄢春华" and f["respondents"] == ["鄢春华"]
    assert f["letter_date"] is None
    assert f["petitioner_phone"] == "15806341122"


def test_lawyer_is_the_petitioner(an):
    f = an(LETTER_AGENT).fields
    assert f["petitioner_name"] == "吉秀兰"
    assert f["petitioner_phone"] == "053176330918"
    assert f["applicants"] == ["牛文斌"]
    assert f["respondents"] == ["莱芜恒泰物流有限公司"]


def test_offsets_exact_with_full_width_digits(an):
    text = "申请执行人冯丽，案号（２０２３）鲁０１１７执７７号，电话１３８５４４３６２１０。"
    a = an(text)
    for e in a.entities:
        assert text[e.start:e.end] == e.text
    assert a.fields["petitioner_phone"] == "13854436210"
    assert a.case_numbers[0].normalized == "（2023）鲁0117执77号"
    for s, e in a.sentences:
        assert text[s:e].strip() == text[s:e]


def test_unpunctuated_letter(an):
    text = "法院领导我叫臧桂英我是申请人被执行人是宁宝山他欠我钱三万块判了两年了一分没给案子是2022鲁0117执655号管案子的毛法官我电话18265431977"
    f = an(text).fields
    assert f["petitioner_name"] == "臧桂英"
    assert f["respondents"] == ["宁宝山"]
    assert f["judge"] == "毛法官"
    assert f["petitioner_phone"] == "18265431977"


def test_jieba_segmenter_gives_same_fields():
    a1 = Analyzer(Settings())(LETTER_ELDERLY)
    a2 = Analyzer(Settings(), segmenter="jieba")(LETTER_ELDERLY)
    assert a1.fields == a2.fields
    assert [c.normalized for c in a1.case_numbers] == [c.normalized for c in a2.case_numbers]


def test_empty_text(an):
    a = an("")
    assert a.case_numbers == [] and a.fields["petitioner_name"] is None and a.fields["summary"] is None


def test_petitioner_named_in_many_ways(an):
    assert an("我弟弟的案子一直没动静，我替他来问问你们这边能不能给催催。我是他表哥，叫冉志强，电话15254735621").fields[
        "petitioner_name"] == "冉志强"
    assert an("法完领导俺是颜庄的谭秀芝俺那个执形案子是2021年的到现在没给钱 13562340091").fields["petitioner_name"] == "谭秀芝"
    assert an("他动手推了我，我报了警派出所不管，请法院给处理一下。\n黄月桂 里辛街道 13616342201").fields[
        "petitioner_name"] == "黄月桂"
    assert an("委托人：邱德山，1959年生。\n受托人：邱立强，男，系委托人之子，电话13864307712\n请求对被执行人车辆采取扣押措施。").fields[
        "petitioner_name"] == "邱立强"
    assert an("山东汶源律师事务所接受申请执行人济南华泰钢材销售有限公司的委托，指派律师籍文涛代理该公司申请执行一案。"
              "\n联系人：籍文涛律师 电话：15806341127").fields["petitioner_name"] == "籍文涛"


def test_bank_branch_named_whole(an):
    f = an("情况反映\n我行与被执行人济南泰丰商贸有限公司金融借款合同纠纷一案，（2022）鲁0117执881号，至今未执行到位。\n"
           "中国农业银行股份有限公司济南钢城支行\n联系人：单红 0531-76219911").fields
    assert f["petitioner_name"] == "中国农业银行股份有限公司济南钢城支行"


def test_organisation_letters_are_petitioned_by_the_organisation(an):
    f = an("钢城区颜庄镇北峪村村民委员会\n关于协助执行通知书有关情况的说明\n\n钢城区人民法院执行局：\n"
           "贵院（2023）鲁0117执恢112号协助执行通知书收悉，通知要求我村委会扣留被执行人亓立新的土地流转补偿款，该款已于此前发放。\n"
           "联系人：村委会主任  亓新华\n电话：0531-76598012\n\n颜庄镇北峪村村民委员会（章）\n二〇二三年八月九日").fields
    assert f["petitioner_name"] == "钢城区颜庄镇北峪村村民委员会"
    f = an("执行异议书\n\n异议人（被执行人）：济南钢城区金泰机械制造有限公司，住所地钢城区颜庄镇。\n法定代表人：韩志明，董事长。\n"
           "异议人对贵院在（2023）鲁0117执879号案件中的评估价格不服。\n\n联系人：韩志明  13906348871\n"
           "异议人：济南钢城区金泰机械制造有限公司（盖章）\n2023年11月2日").fields
    assert f["petitioner_name"] == "济南钢城区金泰机械制造有限公司"


def test_judge_after_the_case_changed_hands(an):
    f = an("开始是葛法官管，后来葛法官调到别的地方去了，现在管的是姚法官。一年多了，一分钱没还。\n"
           "案号（2022）鲁0117执901号 申请执行人：石秀兰 13563410027").fields
    assert f["judge"] == "姚法官"
    f = an("原承办人刘法官2023年初调离后，案件由周晓明法官承办，至今未采取任何措施。（2021）鲁0117执55号。\n"
           "联系人：荣红 0531-76550021").fields
    assert f["judge"] == "周晓明"


def test_writer_owed_by_the_debtor_is_the_applicant(an):
    f = an("法完执形局领导我叫牛二柱是颜庄镇的 2021年给田大勇田小勇哥俩干活盖房子 他俩欠我一万二 法完判了 电话13905348812").fields
    assert f["petitioner_name"] == "牛二柱"
    assert f["applicants"] == ["牛二柱"]
    f = an("我是替邻居写的。她跟一个叫蔺国栋的打官司，借给他六万块钱，法院判她赢了。\n代写人：屈明 电话15153470263").fields
    assert f["applicants"] != ["屈明"]


def test_phone_choice_for_a_person_a_company_contact_and_a_forwarded_letter(an):
    f = an("请院长查查这个事，拘留是不是合法。\n联系：家里座机0531-76390215，手机137 9612 4408\n鹿建民\n2024年3月2日").fields
    assert f["petitioner_phone"] == "13796124408"
    f = an("请求贵院依法审查并追加孔令华为本案被执行人。\n联系人：孙倩 13969102358 / 0531-76219900\n济南钢城区宏宇门窗幕墙有限公司").fields
    assert f["petitioner_phone"] == "13969102358"
    f = an("中共济南市钢城区委政法委员会\n信访事项交办函\n钢政法交〔2024〕9号\n区人民法院：\n现将车秀兰来信转你院办理。"
           "请于十五个工作日内将办理情况报区委政法委。\n联系人：宋科长 0531-76068812\n2024年2月5日\n\n"
           "法院领导：\n我被车撞了以后到现在还不能干重活，法院判的钱一直没执行到。\n车秀兰 15154631187\n2024年2月1日").fields
    assert f["petitioner_name"] == "车秀兰"
    assert f["petitioner_phone"] == "15154631187"
