"""The evaluation command's own pieces: OCR-damaged copies and the report."""
from xinfang_nlp.evaluate import ocr_variants

LETTER = {"id": "t-1", "text": "申请执行人马芳：（2021）鲁0117执123号案件被执行人济南某建材有限公司至今未付款，法官葛法官一直拖着，已经两年了。马芳 2023年5月6日",
          "fields": {"petitioner_name": "马芳", "respondents": ["济南某建材有限公司"], "judge": "葛法官",
                     "case_numbers": ["（2021）鲁0117执123号"]}}


def test_ocr_variants_are_deterministic_and_keep_the_labelled_names():
    a = ocr_variants([LETTER], rate=0.3)[0]
    b = ocr_variants([LETTER], rate=0.3)[0]
    assert a["text"] == b["text"] != LETTER["text"]
    for v in ("马芳", "济南某建材有限公司", "葛法官"):
        assert v in a["text"]
    assert "（2021）鲁0117执123号" not in a["text"]     # the case number itself is damaged
    assert a["fields"] == LETTER["fields"] and a["id"] == "t-1-ocr"
