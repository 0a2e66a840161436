"""Plain text in every encoding a sender uses, and Word .docx."""
from __future__ import annotations

import pytest

from xinfang_nlp.read import read_file
from xinfang_nlp.read.text import decode_text

EXPECT = "请求恢复（2022）鲁0117执1234号案件的执行。"


@pytest.mark.parametrize("name,encoding", [
    ("gbk.txt", "gb18030"), ("gb18030.txt", "gb18030"), ("utf8.txt", "utf-8"),
    ("utf8_bom.txt", "utf-8-bom"), ("utf16le_bom.txt", "utf-16-le"), ("utf16be.txt", "utf-16-be"),
    ("utf16le_nobom.txt", "utf-16-le"),
])
def test_encodings_never_mojibake(fix, settings, name, encoding):
    rr = read_file(fix / name, name, settings)
    assert rr.error is None
    assert rr.format == "txt"
    assert "申诉人：王建国，住济南市钢城区。" in rr.text
    assert EXPECT in rr.text
    assert "\r" not in rr.text and "\ufeff" not in rr.text and "\ufffd" not in rr.text
    assert [p.method for p in rr.pages] == ["text"]
    assert decode_text((fix / name).read_bytes())[1] == encoding


def test_gb18030_four_byte_characters(fix, settings):
    rr = read_file(fix / "gb18030.txt", "gb18030.txt", settings)
    assert "镕𠀀" in rr.text


def test_real_gbk_bytes():
    raw = "我叫张三，反映（2021）鲁0117执55号案件，执行法官至今未答复。".encode("gbk")
    text, enc = decode_text(raw)
    assert enc == "gb18030"
    assert text.startswith("我叫张三")


def test_big5(fix, settings):
    rr = read_file(fix / "big5.txt", "big5.txt", settings)
    assert "請求恢復執行" in rr.text


def test_english_only_text_is_kept_and_noted(fix, settings):
    rr = read_file(fix / "english_only.txt", "english_only.txt", settings)
    assert rr.error is None
    assert "Complaint about case" in rr.text
    assert "no_chinese" in rr.notes


def test_mailbag_text_files(mailbag, settings):
    gbk = read_file(mailbag / "08_孙丽网上信访_GBK.txt", "08.txt", settings)
    assert "（2023）鲁0117执2011号" in gbk.text and "马强" in gbk.text
    u8 = read_file(mailbag / "09_韩振东网上信访.txt", "09.txt", settings)
    assert "济南市中级人民法院信访办" in u8.text
    u16 = read_file(mailbag / "10_钱桂芳信访材料_UTF16.txt", "10.txt", settings)
    assert "执行法官李鹏" in u16.text


def test_docx_header_body_table_footer(fix, settings):
    rr = read_file(fix / "letter.docx", "letter.docx", settings)
    assert rr.error is None and rr.format == "docx"
    t = rr.text
    assert t.startswith("济南恒通物流有限公司")                    # the letterhead, in the header
    assert "地址：济南市钢城区钢都大街166号" in t
    assert "执行申诉书" in t
    assert "（2022）鲁0117执1876号" in t
    assert "运输合同 我公司与被执行人仅有运输业务往来 3" in t       # a table row
    assert t.index("证据名称") < t.index("我公司已于2024年2月提出书面异议")  # document order
    assert t.rstrip().endswith("本材料共一页　恒通物流法务部制")      # the footer
    assert rr.pages[0].method == "text" and rr.pages[0].confidence is None


def test_originals_untouched(fix, settings):
    import hashlib
    import os
    p = fix / "letter.docx"
    before = (hashlib.sha256(p.read_bytes()).hexdigest(), os.stat(p).st_mtime_ns)
    rr = read_file(p, "letter.docx", settings)
    assert rr.sha256 == before[0]
    assert (hashlib.sha256(p.read_bytes()).hexdigest(), os.stat(p).st_mtime_ns) == before
