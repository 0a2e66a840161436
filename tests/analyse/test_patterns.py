"""Case numbers (incl. OCR damage), ID checksums, phones, dates, amounts; offsets exact."""
import pytest

from xinfang_nlp.analyse.casenum import find_case_numbers, normalize_case_number
from xinfang_nlp.analyse.evaluate_fields import ocr_damage
from xinfang_nlp.analyse.patterns import find_dates, find_ids, find_money, find_phones, id_checksum_ok
from xinfang_nlp.analyse.textutil import cn_to_int, fold, split_sentences

THIS = lambda code: code == "鲁0117"  # noqa: E731


@pytest.mark.parametrize("raw, norm, kind, type_code, court", [
    ("（2021）鲁0117执123号", "（2021）鲁0117执123号", "enforcement", "执", "鲁0117"),
    ("(2021)鲁0117执123号", "（2021）鲁0117执123号", "enforcement", "执", "鲁0117"),
    ("〔2022〕鲁0117执异8号", "（2022）鲁0117执异8号", "enforcement_review", "执异", "鲁0117"),
    ("[2020]鲁0117民初1234号", "（2020）鲁0117民初1234号", "trial", "民初", "鲁0117"),
    ("【2023】鲁01执复15号", "（2023）鲁01执复15号", "enforcement_review", "执复", "鲁01"),
    ("2021鲁0117执123号", "（2021）鲁0117执123号", "enforcement", "执", "鲁0117"),
    ("（２０２１）鲁０１１７执恢４５号", "（2021）鲁0117执恢45号", "enforcement", "执恢", "鲁0117"),
    ("( 2021 ) 鲁 0117 执 123 号", "（2021）鲁0117执123号", "enforcement", "执", "鲁0117"),
    ("（2019）鲁执监7号", "（2019）鲁执监7号", "enforcement_review", "执监", "鲁"),
    ("（2023）鲁0117执588号之一", "（2023）鲁0117执588号之一", "enforcement", "执", "鲁0117"),
    ("（2021）鲁0117执保33号", "（2021）鲁0117执保33号", "enforcement", "执保", "鲁0117"),
    ("（2022）鲁01民终456号", "（2022）鲁01民终456号", "trial", "民终", "鲁01"),
    ("（2024）鲁0117破2号", "（2024）鲁0117破2号", "trial", "破", "鲁0117"),
    ("（2023）京0105执19023号", "（2023）京0105执19023号", "enforcement", "执", "京0105"),
])
def test_case_number_forms(raw, norm, kind, type_code, court):
    c = normalize_case_number(raw, THIS)
    assert c is not None
    assert (c.normalized, c.kind, c.type_code, c.court_code) == (norm, kind, type_code, court)
    assert c.this_court == (court == "鲁0117")


@pytest.mark.parametrize("damaged", [
    "（2O21）鲁0117扶123号",     # O for 0, 执 → 扶
    "(2021)鲁Ol17抉l23",         # O/l, 执 → 抉, 号 missing
    "(2021)鲁0117执I23号",       # I for 1
    "（2021〕鲁 0117执123",      # mismatched brackets, space, no 号
    "2o21鲁0117执123号",         # lower-case o
])
def test_ocr_damage_is_repaired(damaged):
    c = normalize_case_number(damaged)
    assert c is not None and c.normalized == "（2021）鲁0117执123号"
    assert (c.year, c.serial) == (2021, 123)


def test_offsets_exact_and_order_kept():
    text = "案号是（２０２１）鲁０１１７执１１５６号，原审（2020）鲁0117民初88号。"
    cs = find_case_numbers(text, this_court=THIS)
    assert [c.normalized for c in cs] == ["（2021）鲁0117执1156号", "（2020）鲁0117民初88号"]
    for c in cs:
        assert text[c.start:c.end] == c.raw
    assert cs[0].this_court and cs[1].kind == "trial"


def test_not_case_numbers():
    text = "（2024）济中法执信交字第115号 钢人大信转〔2024〕37号 鲁S·5K27X 车牌"
    assert find_case_numbers(text) == []


def test_ocr_damage_generator_is_deterministic_and_repairable():
    text = "我的案子（2021）鲁0117执1156号一直没执行，另案（2020）鲁0117民初1001号。"
    raws = ["（2021）鲁0117执1156号", "（2020）鲁0117民初1001号"]
    a, b = ocr_damage(text, raws), ocr_damage(text, raws)
    assert a == b and a != text
    assert [c.normalized for c in find_case_numbers(a)] == raws


def _id_with_check(first17: str) -> str:
    w = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return first17 + "10X98765432"[sum(int(c) * k for c, k in zip(first17, w)) % 11]


def test_id_checksum():
    good = _id_with_check("37012519860417332")
    assert id_checksum_ok(good)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    assert not id_checksum_ok(bad)
    x = _id_with_check("11010519491231002")     # GB 11643 example: check digit X
    assert x.endswith("X") and id_checksum_ok(x) and id_checksum_ok(x.lower())
    ids = find_ids(fold(f"身份证号{good}，另{bad}"))
    assert [(m.value, m.kind) for m in ids] == [(good, "valid"), (bad, "invalid")]


@pytest.mark.parametrize("text, digits, kind", [
    ("电话13905317788", "13905317788", "mobile"),
    ("手机 139-0531-7788", "13905317788", "mobile"),
    ("电话 135 0634 8812", "13506348812", "mobile"),
    ("联系电话：0531-76825530", "053176825530", "landline"),
    ("电话0531 7612345", "05317612345", "landline"),
    ("电话（0531）76330918", "053176330918", "landline"),
    ("手机：１８６１１３７５５０２", "18611375502", "mobile"),
])
def test_phones(text, digits, kind):
    ph = find_phones(fold(text))
    assert [(p.value, p.kind) for p in ph] == [(digits, kind)]
    assert fold(text)[ph[0].start:ph[0].end].replace(" ", "")


def test_phone_not_inside_id_number():
    idn = _id_with_check("37012519860417332")
    f = fold(f"身份证{idn}")
    ids = find_ids(f)
    assert find_phones(f, exclude=[(m.start, m.end) for m in ids]) == []


@pytest.mark.parametrize("text, iso", [
    ("二〇二三年五月六日", "2023-05-06"),
    ("二〇二三年十一月二十八日", "2023-11-28"),
    ("2023.5.6", "2023-05-06"),
    ("2023年5月6日", "2023-05-06"),
    ("23年5月6日", "2023-05-06"),
    ("２０２４年３月１８日", "2024-03-18"),
    ("2024-03-18", "2024-03-18"),
])
def test_dates(text, iso):
    ds = find_dates(fold(text))
    assert ds[0].value["iso"] == iso
    assert (ds[0].start, ds[0].end) == (0, len(text))


def test_month_only_date_has_no_iso():
    ds = find_dates(fold("2023年8月"))
    assert ds[0].value["iso"] is None and ds[0].kind == "month"


@pytest.mark.parametrize("text, value", [
    ("38600元", 38600), ("3.86万元", 38600), ("叁万捌仟陆佰元", 38600), ("六万三千四百元", 63400),
    ("247,600元", 247600), ("二万八千块", 28000),
])
def test_amounts(text, value):
    ms = find_money(fold(text))
    assert ms and abs(ms[0].value - value) < 1e-6


def test_numerals_and_fold_keep_length():
    assert cn_to_int("六万三千四百") == 63400 and cn_to_int("二〇二三") == 2023 and cn_to_int("十一") == 11
    s = "（２０２１）ＡＢ　１２"
    assert len(fold(s)) == len(s) and fold(s) == "（2021）AB 12"


def test_sentences_are_char_offsets():
    text = "第一句。第二句！\n第三行；第四? 完"
    sents = split_sentences(text)
    assert [text[s:e] for s, e in sents] == ["第一句。", "第二句！", "第三行；", "第四?", "完"]


def test_phone_groupings_and_spaced_landline():
    from xinfang_nlp.analyse.patterns import find_phones
    from xinfang_nlp.analyse.textutil import fold
    t = fold("手机 1395 3470 618，座机 0531 7681 2230，另 ＋86 135 0634 1852，案号执1309号，身份证外")
    got = [m.value for m in find_phones(t)]
    assert got == ["13953470618", "053176812230", "13506341852"]
