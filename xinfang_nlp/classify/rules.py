"""Rules where the law decides from facts the analyse stage found (DOMAIN.md §1, 004 第十五条).

- R6 (不是本院的执行案件): the letter cites enforcement case numbers and none of them carries this
  court's code (settings.court_codes; a court may list an older code too).
- R1 (案件信息不明确且无法联系): no case number, no party named, no phone — nothing to identify a
  case or reach the petitioner.
- Case-number type codes hint at the type: 执异/执复/执监 numbers mean the matter is already in the
  review procedures (执行审查类).
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RuleResult:
    force_reject: list[str]          # reject grounds the facts establish
    type_hint: str | None            # implementation | review | None
    fired: list[str]


def apply_rules(facts: dict[str, float], analysis) -> RuleResult:
    fired: list[str] = []
    force: list[str] = []
    if facts.get("other_court_enforcement"):
        force.append("R6")
        codes = sorted({c.court_code or "高院" for c in analysis.case_numbers
                        if c.kind in ("enforcement", "enforcement_review") and not c.this_court})
        fired.append("R6: 案号法院代字 " + "、".join(codes) + " 非本院")
    if facts.get("no_identifying_info"):
        force.append("R1")
        fired.append("R1: 无案号、无当事人姓名、无联系电话")
    type_hint = None
    if facts.get("enforcement_review_number"):
        type_hint = "review"
        fired.append("type: 案号含执异/执复/执监 → 执行审查类")
    return RuleResult(force, type_hint, fired)
