"""A test plugin: an OCR engine that kills its process on a landscape page,
as a crashing image decoder would, and reads every other page normally."""
import os

from xinfang_nlp.read.pluginspec import OcrLine, register_engine

LINES = ["尊敬的执行局领导：", "我是（2023）鲁0117执77号案件的申请执行人周兰英，电话13562127788。",
         "被执行人一直不还钱，请法院尽快执行。", "周兰英", "2024年6月3日"]


class CrashEngine:
    name = "crash"

    def ocr(self, image):
        if image.size[0] > image.size[1]:
            os._exit(3)
        return [OcrLine(t, 0.96, (10, 10 + 30 * i, 400, 35 + 30 * i)) for i, t in enumerate(LINES)]


register_engine("crash", lambda settings: CrashEngine())
