"""Applicants and outsiders read from the story: the creditor of a writer who owes, a relative whose
case it is, the writer who owns the seized property, a relative or company holding the debtor's assets.
All letters here are written for these tests."""
from xinfang_nlp.analyse import Analyzer
from xinfang_nlp.settings import load_settings

AN = Analyzer(load_settings())


def test_creditor_of_a_writer_who_owes_is_the_applicant():
    text = ("执行局领导：\n我是被执行人严国庆，（2024）鲁0117执512号。我欠供货商温立新货款两万三，"
            "法院把我的对公账户全冻了，我愿意分期还。\n严国庆 13905310001\n2024年3月2日")
    f = AN(text).fields
    assert "温立新" in f["applicants"] and "严国庆" in f["respondents"]
    assert "温立新" not in f["respondents"]


def test_judgment_against_the_writer_names_the_creditor():
    text = ("申诉书\n申诉人：程大勇，男，住钢城区里辛街道\n我与鲍兴旺民间借贷纠纷一案，判我偿还鲍兴旺借款五万元。"
            "这个钱我早就还了，现在法院执行我，扣了我的工资。\n申诉人：程大勇\n2024年2月1日")
    f = AN(text).fields
    assert "鲍兴旺" in f["applicants"] and "鲍兴旺" not in f["respondents"]


def test_relative_whose_case_it_is_is_the_applicant():
    text = ("钢城法院：我岳父聂春山的案子（2021）鲁0117执1088号执行三年了，被执行人石建军一分没给。"
            "老人八十了，请领导督促。\n女婿 单立国 13505310002\n2024年5月5日")
    f = AN(text).fields
    assert "聂春山" in f["applicants"] and "单立国" not in f["applicants"]


def test_writer_owed_money_is_the_applicant():
    text = ("尊敬的领导：我叫邓友林，住颜庄镇。（2023）鲁0117执777号，包工头窦长生欠我工资三万八，"
            "判了两年了一分没给。\n邓友林 13605310003\n2024年1月9日")
    f = AN(text).fields
    assert f["applicants"] == ["邓友林"]
    assert "邓友林" not in f["outsiders"]


def test_spouse_of_the_applicant_is_not_the_applicant():
    text = ("执行局领导：\n我是申请执行人祁晓燕的丈夫石文斌。我爱人住院来不了，（2023）鲁0117执66号被执行人"
            "柯长海欠她八万。\n代理人：石文斌 电话13705310004\n2024年4月1日")
    f = AN(text).fields
    assert "祁晓燕" in f["applicants"] and "石文斌" not in f["applicants"]


def test_writer_who_owns_the_seized_car_is_an_outsider():
    text = ("法院执行局：我叫霍建民。2023年5月我从邹文亮手里买了他的面包车，钱付清了。上个月法院说邹文亮是被执行人，"
            "把车扣了。车是我的，请法院把车还给我。\n霍建民 13805310005\n2024年6月3日")
    f = AN(text).fields
    assert "霍建民" in f["outsiders"] and "霍建民" not in f["applicants"]


def test_relative_given_the_property_is_an_outsider():
    text = ("执行局：我是申请执行人柴美玲，被执行人鲁大成欠我九万，判了以后他就把他的车过户给了他亲弟弟鲁建成，"
            "车还是他自己开。请法院查一查。\n柴美玲 13905310006\n2024年7月7日")
    f = AN(text).fields
    assert "鲁建成" in f["outsiders"] and "鲁建成" not in f["respondents"]
    assert "柴美玲" in f["applicants"]


def test_debtors_wife_holding_the_account_is_an_outsider():
    text = ("领导：（2023）鲁0117执900号被执行人冯志刚欠我钱，他的钱都放在他媳妇马丽娜卡上，法官说那是马丽娜的卡不能动。"
            "\n申请执行人 关秀云 13905310007\n2024年8月8日")
    f = AN(text).fields
    assert "马丽娜" in f["outsiders"]


def test_other_company_frozen_by_mistake_is_an_outsider_with_its_full_name():
    text = ("钢城区人民法院：\n我公司济南鸿达机械有限公司是（2024）鲁0117执300号被执行人。贵院同时冻结了济南鸿达机电有限公司的"
            "一般账户，该公司与本案无关。请求解除对济南鸿达机电有限公司账户的冻结。\n联系人：法务 秦明 电话：0531-76000001\n"
            "济南鸿达机械有限公司\n2024年9月9日")
    f = AN(text).fields
    assert f["outsiders"] == ["济南鸿达机电有限公司"]


def test_objection_applicant_marked_outsider_is_not_the_creditor():
    text = ("执行异议申请书\n申请人（案外人）：山东恒信融资租赁有限公司\n被申请执行人：钢城区宏远机械有限公司\n"
            "申请执行人：济南钢城永盛贸易有限公司\n申请人向厂商全额支付了设备价款。请求解除查封。\n"
            "申请人：山东恒信融资租赁有限公司\n2024年10月1日")
    f = AN(text).fields
    assert f["outsiders"] == ["山东恒信融资租赁有限公司"]
    assert f["applicants"] == ["济南钢城永盛贸易有限公司"]


def test_writer_whose_own_property_was_seized_is_an_outsider():
    f = AN("执行局领导：\n我叫苗桂香，法院把我在艾山街道的房子查封了，说是我儿子的。这房子是我的，房产证上是我的名字，"
           "我儿子欠的钱跟我没关系。请求解除查封。\n苗桂香 13853410066").fields
    assert f["outsiders"][:1] == ["苗桂香"]
    f = AN("我叫鲍庆林，是（2023）鲁0117执55号的被执行人，法院把我的车扣了，可车是我自己的，我欠的钱正在还。\n鲍庆林 13905342299").fields
    assert "鲍庆林" not in f["outsiders"]
