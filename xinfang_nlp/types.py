"""Plain typed data objects passed between the stages.

read     -> ReadResult (pages of text with provenance and confidence)
analyse  -> Analysis   (spaCy Doc summarised: sentences, entities, case numbers, dates…)
classify -> Classification (decision, type, grounds, confidence, evidence)
route    -> Routing    (proposed action, deadlines, flags)
register -> Record     (the register row; ``Record.to_dict`` is the export contract,
                        documented in ``schema/record.schema.json``)

Every object converts to plain JSON-able dicts with ``to_dict`` so stages can be tested alone.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Optional

# ---------------------------------------------------------------- labels
DECISIONS = ("accept", "reject")
TYPES = ("implementation", "review")
ACCEPT_GROUNDS = ("A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8")
REJECT_GROUNDS = ("R1", "R2", "R3", "R4", "R5", "R6", "R7")
GROUNDS = ACCEPT_GROUNDS + REJECT_GROUNDS

#: Chinese wording shown to clerks (004 第六条 / 第十五条, 001 §6 §11).
LABELS_ZH: dict[str, str] = {
    "accept": "受理",
    "reject": "不予受理",
    "implementation": "执行实施类",
    "review": "执行审查类",
    "A1": "执行人员具有法定回避情形，不依法回避",
    "A2": "对具备执行条件的案件拖延执行、不予执行、久执未果或应当采取执行措施未及时采取",
    "A3": "执行程序中违法采取强制措施",
    "A4": "超标的、超期限查封冻结扣押处分财产，或无法律依据解除查封冻结扣押",
    "A5": "错误变更、追加被执行主体，或应当变更、追加而不变更、追加",
    "A6": "违法执行第三人财产，或应当执行第三人财产而不予执行",
    "A7": "拖延发放执行款或其他财产，违反法律规定暂缓、中止、终结执行",
    "A8": "其他属于涉执信访的事项",
    "R1": "案件信息不明确且无法联系信访人核实，或无法确认对应的执行案件",
    "R2": "未反映执行案件问题，仅反映执行干警工作作风、廉洁纪律问题",
    "R3": "信访人不是当事人、利害关系人，也未受其委托",
    "R4": "依法应通过审判、国家赔偿、破产等其他法定程序处理",
    "R5": "不属于人民法院管辖范围",
    "R6": "不是本院的执行案件",
    "R7": "案件已依法提级执行或指定其他法院执行",
}

STATUSES = ("suggested", "failed", "confirmed")
Status = Literal["suggested", "failed", "confirmed"]

#: flag names a record may carry
FLAGS = ("duplicate", "repeat", "hardship", "risk", "low_ocr_confidence", "needs_review",
         "calendar_unknown", "forwarded")


# ---------------------------------------------------------------- read
@dataclass
class Page:
    number: int                      # 1-based
    text: str
    method: str                      # "text" (native text / text layer) | "ocr"
    confidence: Optional[float]      # mean OCR confidence 0..1, None for native text
    image_path: Optional[str] = None  # where a rendered page image was cached, if any

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "method": self.method, "confidence": self.confidence}


@dataclass
class ReadError(Exception):
    code: str       # corrupt | encrypted | empty | truncated | too_large | unsupported | unreadable | no_text
    message: str    # shown to clerks; must never contain personal data from the letter

    def __str__(self) -> str:  # pragma: no cover - trivial
        return f"{self.code}: {self.message}"


@dataclass
class ReadResult:
    path: str                 # relative to the mailbag folder
    sha256: str
    format: str               # txt | docx | pdf | jpeg | png | tiff | bmp | webp …
    pages: list[Page] = field(default_factory=list)
    error: Optional[ReadError] = None
    seconds: float = 0.0
    #: reader warnings for the record, no personal data: "no_chinese" (text read but none of it
    #: Chinese), "ocr_failed" (the OCR engine failed on some page), "encoding_uncertain"
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages if p.text)

    @property
    def ocr_pages(self) -> int:
        return sum(1 for p in self.pages if p.method == "ocr")


# ---------------------------------------------------------------- analyse
@dataclass
class Span:
    start: int
    end: int
    label: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class CaseNumber:
    raw: str                 # as written in the text
    normalized: str          # （2021）鲁0117执123号
    year: Optional[int]
    court_code: str          # 鲁0117 ('' for a high court)
    type_code: str           # 执, 执恢, 民初 …
    serial: Optional[int]
    kind: str                # enforcement | enforcement_review | trial | other
    this_court: bool
    start: int = -1
    end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Analysis:
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)   # char offsets
    entities: list[Span] = field(default_factory=list)
    case_numbers: list[CaseNumber] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)             # extracted register fields
    doc: Any = None                                                  # the spaCy Doc (not serialised)


# ---------------------------------------------------------------- classify
@dataclass
class Evidence:
    label: str               # a ground id, "decision" or "type"
    start: int
    end: int
    text: str
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Classification:
    decision: Optional[str]
    type: Optional[str]
    grounds: list[str]
    confidence: float                                  # overall, 0..1
    probabilities: dict[str, float] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    rules_fired: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- route
@dataclass
class Deadline:
    name: str               # handover | meeting | reply | forwarded_reply
    label_zh: str
    due: str                # ISO date
    basis: str
    working_days: bool
    calendar_known: bool = True

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Routing:
    proposed_action: str
    basis: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- register
REGISTER_KEYS = ("received_at", "channel", "petitioner_name", "petitioner_phone", "applicants",
                 "respondents", "outsiders", "judge", "case_numbers", "letter_date", "summary",
                 "proposed_action")


def empty_register() -> dict[str, Any]:
    return {"received_at": None, "channel": None, "petitioner_name": None, "petitioner_phone": None,
            "applicants": [], "respondents": [], "outsiders": [], "judge": None, "case_numbers": [],
            "letter_date": None, "summary": None, "proposed_action": None}


@dataclass
class Record:
    """One register row. ``to_dict`` is the JSON Lines export contract."""
    record_id: str
    source: dict[str, Any]
    status: str = "suggested"
    error: Optional[dict[str, str]] = None
    text: str = ""
    decision: Optional[str] = None
    type: Optional[str] = None
    grounds: list[str] = field(default_factory=list)
    confidence: Optional[float] = None
    evidence: list[dict[str, Any]] = field(default_factory=list)
    register: dict[str, Any] = field(default_factory=empty_register)
    deadlines: list[dict[str, Any]] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    model_version: Optional[str] = None
    duplicate_of: Optional[str] = None
    repeat_of: list[str] = field(default_factory=list)
    created_at: Optional[str] = None
    updated_at: Optional[str] = None
    confirmed_by: Optional[str] = None
    confirmed_at: Optional[str] = None
    version: int = 1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Record":
        known = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        reg = empty_register()
        reg.update(known.get("register") or {})
        known["register"] = reg
        return cls(**known)
