"""A test plugin: an OCR engine that takes its time and always 'reads' the same letter.

Loaded through the same plugin API a site uses (``XINFANG_PLUGINS=tests.plugins.slow_engine`` and
``ocr_engine = "slow"`` in the settings), so a batch can be killed while pages are in flight.
"""
import os
import time

from xinfang_nlp.read.pluginspec import OcrLine, register_engine

LINES = ["尊敬的执行局领导：", "我是申请执行人王秀兰，电话13905317788。",
         "（2023）鲁0117执512号案件至今未执行，被执行人有车有房，请法院尽快执行。",
         "此致", "王秀兰", "2024年3月5日"]


class SlowEngine:
    name = "slow"

    def ocr(self, image):
        time.sleep(float(os.environ.get("SLOW_ENGINE_SECONDS", "0.6")))
        return [OcrLine(t, 0.97, (10, 10 + 30 * i, 400, 35 + 30 * i)) for i, t in enumerate(LINES)]


register_engine("slow", lambda settings: SlowEngine())
