"""Field names in the clerks' words, and how register values read as text.

Shared by the review page and the export (no web imports here).
"""
from __future__ import annotations

import re
from typing import Any, Iterable, Optional

from ..types import LABELS_ZH

#: register fields in 004 第十二条's order, with the Chinese names the clerks know
REGISTER_FIELDS_ZH: list[tuple[str, str]] = [
    ("received_at", "来访（件）时间"),
    ("channel", "案件来源"),
    ("petitioner_name", "信访人姓名"),
    ("petitioner_phone", "联系电话"),
    ("applicants", "申请执行人"),
    ("respondents", "被执行人"),
    ("outsiders", "案外人"),
    ("judge", "案件承办人"),
    ("case_numbers", "执行案号"),
    ("letter_date", "来信日期"),
    ("summary", "来访（件）内容摘要"),
    ("proposed_action", "拟办意见"),
]
LIST_FIELDS = ("applicants", "respondents", "outsiders", "case_numbers")
DATE_FIELDS = ("received_at", "letter_date")
LONG_FIELDS = ("summary", "proposed_action")

#: audit field name -> Chinese
FIELD_ZH: dict[str, str] = {
    "decision": "受理/不予受理",
    "type": "类型",
    "grounds": "事由",
    "deadlines": "期限",
    "status": "状态",
    **{f"register.{k}": v for k, v in REGISTER_FIELDS_ZH},
}

STATUS_ZH = {"suggested": "待确认", "failed": "读取失败", "confirmed": "已确认"}
ACTION_ZH = {"edit": "修改", "confirm": "确认", "skip": "跳过", "reprocess": "重新处理"}
FLAG_ZH = {
    "duplicate": "重复文件", "repeat": "重复信访", "hardship": "生活困难", "risk": "风险",
    "low_ocr_confidence": "识别质量低", "needs_review": "需人工核对",
    "calendar_unknown": "节假日安排未公布", "forwarded": "交办/转办",
}
DEADLINE_ZH = {"handover": "转交承办人", "meeting": "约谈信访人", "reply": "答复",
               "forwarded_reply": "交办回复"}

_SPLIT = re.compile(r"[\n\r、，,；;]+")


def split_list(text: Optional[str]) -> list[str]:
    """A clerk's list field ("张三、李四" or one per line) -> ["张三", "李四"]."""
    if not text:
        return []
    out: list[str] = []
    for part in _SPLIT.split(text):
        part = part.strip()
        if part and part not in out:
            out.append(part)
    return out


def case_number_text(cn: Any) -> str:
    if isinstance(cn, dict):
        return str(cn.get("normalized") or cn.get("raw") or "")
    return str(cn or "")


def join_list(values: Optional[Iterable[Any]], sep: str = "、") -> str:
    if not values:
        return ""
    return sep.join(case_number_text(v) for v in values if case_number_text(v))


def register_value_text(key: str, value: Any) -> str:
    """How a register value reads in a form field or a spreadsheet cell."""
    if key in LIST_FIELDS:
        return join_list(value)
    return "" if value is None else str(value)


def grounds_text(grounds: Iterable[str], with_wording: bool = True) -> str:
    if with_wording:
        return "；".join(f"{g} {LABELS_ZH.get(g, '')}".strip() for g in grounds)
    return "、".join(grounds)


def deadline_label(d: dict[str, Any]) -> str:
    return d.get("label_zh") or DEADLINE_ZH.get(d.get("name", ""), d.get("name", ""))


def deadlines_text(deadlines: Iterable[dict[str, Any]]) -> str:
    return "；".join(f"{deadline_label(d)} {d.get('due') or ''}".strip() for d in deadlines or [])


def value_text(field: Optional[str], value: Any) -> str:
    """An audit value (JSON) as a clerk reads it in the history table."""
    if value is None:
        return "（空）"
    if field == "decision" or field == "type":
        return LABELS_ZH.get(value, str(value))
    if field == "status":
        return STATUS_ZH.get(value, str(value))
    if field == "grounds":
        return grounds_text(value, with_wording=False) or "（无）"
    if field == "deadlines":
        if isinstance(value, list):
            return deadlines_text(value) or "（无）"
    if isinstance(value, list):
        return join_list(value) or "（无）"
    if isinstance(value, dict):
        return "；".join(f"{k}: {v}" for k, v in value.items())
    return str(value) if str(value) else "（空）"
