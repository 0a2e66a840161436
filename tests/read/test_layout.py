from __future__ import annotations

from xinfang_nlp.read.layout import fullwidth_punct, group_rows, order_text
from xinfang_nlp.read.pluginspec import OcrLine


def L(text, x0, y0, x1, y1, c=0.99):
    return OcrLine(text, c, (x0, y0, x1, y1))


def test_rows_top_to_bottom_left_to_right():
    lines = [L("电话：138", 600, 100, 900, 140), L("申诉人：王建国", 100, 102, 400, 142),
             L("申诉书", 450, 20, 600, 60)]
    rows = group_rows(lines)
    assert [[ln.text for ln in r] for r in rows] == [["申诉书"], ["申诉人：王建国", "电话：138"]]


def test_paragraph_wrap_joined_without_space():
    h = 40
    lines = [L("我与李明民间借贷纠纷一案，经法院判决，李明应偿还", 180, 100, 1500, 100 + h),
             L("借款十五万元。", 100, 160, 400, 160 + h),
             L("但据我了解，李明在颜庄镇有一套门市房正在出租，", 180, 220, 1500, 220 + h),
             L("每月收取租金。", 100, 280, 400, 280 + h),
             L("此致", 180, 340, 260, 340 + h)]
    assert order_text(lines).split("\n") == [
        "我与李明民间借贷纠纷一案，经法院判决，李明应偿还借款十五万元。",
        "但据我了解，李明在颜庄镇有一套门市房正在出租，每月收取租金。",
        "此致"]


def test_latin_words_keep_a_space_across_wrap():
    lines = [L("Please call", 100, 100, 1500, 140), L("back soon", 100, 160, 1500, 200)]
    assert order_text(lines) == "Please call back soon"


def test_split_number_not_spaced():
    lines = [L("电话187", 100, 100, 300, 140), L("53109264", 370, 100, 600, 140)]
    assert order_text(lines) == "电话18753109264"


def test_fullwidth_punct():
    assert fullwidth_punct("申请人:赵秀兰,在(2023)鲁0117执567号") == "申请人：赵秀兰，在（2023）鲁0117执567号"
    # one bracket of the pair read half-width (seen on a scanned TIFF read in bf16)
    assert fullwidth_punct("在执行(2023）鲁0117执892号") == "在执行（2023）鲁0117执892号"
    assert fullwidth_punct("在执行（2023)鲁0117执892号") == "在执行（2023）鲁0117执892号"
    assert fullwidth_punct("Tel: 123, ok") == "Tel: 123, ok"


def test_padded_boxes_of_tight_lines_stay_separate_rows():
    # boxes as the detector gives them at side 736 on a 200 dpi scan: each padded line box overlaps
    # the next line's box by more than half its height; the wrapped tail must not jump ahead
    lines = [L("申请书", 764, 158, 938, 246),
             L("申请人：赵秀兰，女，住济南市钢城区汶源街道府前街18号，联系电", 248, 247, 1503, 344),
             L("话13589012746。", 180, 304, 453, 373),
             L("申请事项：请求法院尽快发放执行款。", 242, 365, 1493, 458)]
    rows = group_rows(lines)
    assert [[ln.text[:3] for ln in r] for r in rows] == [["申请书"], ["申请人"], ["话13"], ["申请事"]]
    assert order_text(lines).split("\n")[1] == "申请人：赵秀兰，女，住济南市钢城区汶源街道府前街18号，联系电话13589012746。"
