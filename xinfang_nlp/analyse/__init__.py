"""analyse: text → ``Analysis`` (sentences, entities, case numbers, register fields).

    from xinfang_nlp.analyse import Analyzer
    analysis = Analyzer(settings)(text)

A spaCy blank ``zh`` pipeline (character segmenter by default — every character is a token, so
every character offset is a token boundary; ``segmenter="jieba"`` loads the legal user dictionary
``corpora/lexicons/legal_userdict.txt`` so jieba keeps 申请人马芳 as 申请人/马芳) with our registered
components (see ``components.py``). Offsets in the ``Analysis`` are exact character offsets into the
text as given: no NFKC, full-width digits are folded one character for one character.
"""
from __future__ import annotations

import logging
from typing import Optional

from ..settings import REPO_ROOT, Settings, load_settings
from ..types import Analysis, Span

log = logging.getLogger("xinfang.analyse")

USERDICT = REPO_ROOT / "corpora" / "lexicons" / "legal_userdict.txt"

__all__ = ["Analyzer", "analyse", "build_nlp"]


def build_nlp(settings: Settings, segmenter: str = "char", cues: Optional[list] = None,
              ner_model: Optional[str] = None, ner_mode: str = "fillorg"):
    import spacy

    from . import components  # noqa: F401  (registers the factories)

    if segmenter == "jieba":
        import jieba
        jieba.setLogLevel(logging.WARNING)
        if USERDICT.exists():
            jieba.load_userdict(str(USERDICT))
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    else:
        nlp = spacy.blank("zh")
        nlp.tokenizer = CharTokenizer(nlp.vocab)
    nlp.add_pipe("xinfang_sentences")
    nlp.add_pipe("xinfang_patterns", config={"court_codes": list(settings.court_codes)})
    nlp.add_pipe("xinfang_roles", config={"cues": [list(c) for c in cues] if cues else None})
    if ner_mode != "off":
        # the learned party spans (models/ner_roles, loaded on the first letter); rules only without it
        nlp.add_pipe("xinfang_ner", config={"path": str(ner_model or "")})
    nlp.add_pipe("xinfang_fields", config={"ner_mode": ner_mode})
    return nlp


class CharTokenizer:
    """spaCy's ``zh`` char segmenter, the same tokens (one per non-space character, a single space
    after a character is its trailing whitespace, other whitespace runs are tokens), built in one
    pass instead of ``util.get_words_and_spaces`` re-searching the text for every character."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc
        words: list[str] = []
        spaces: list[bool] = []
        i, n = 0, len(text)
        while i < n:
            c = text[i]
            if c.isspace():
                j = i + 1
                while j < n and text[j].isspace():
                    j += 1
                words.append(text[i:j])
                spaces.append(False)
                i = j
                continue
            words.append(c)
            if i + 1 < n and text[i + 1] == " ":
                spaces.append(True)
                i += 2
            else:
                spaces.append(False)
                i += 1
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if Doc.has_extension("xf_text"):
            doc._.xf_text = text
        return doc

    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self

    def to_disk(self, path, **kwargs):
        return None

    def from_disk(self, path, **kwargs):
        return self


class Analyzer:
    """Callable ``(text) -> Analysis``; build once per batch (the pipeline is cheap to run)."""

    def __init__(self, settings: Optional[Settings] = None, segmenter: str = "char",
                 cues: Optional[list] = None, ner_model: Optional[str] = None, ner_mode: str = "fillorg"):
        """``ner_model``: folder of the party span model (default models/ner_roles; missing = rules
        only); ``ner_mode``: how it joins the rules (``add``: its respondents that read as names;
        ``off``: rules only)."""
        self.settings = settings or load_settings()
        self.nlp = build_nlp(self.settings, segmenter=segmenter, cues=cues, ner_model=ner_model,
                             ner_mode=ner_mode)

    def __call__(self, text: str) -> Analysis:
        text = text or ""
        doc = self.nlp(text)
        entities: list[Span] = []
        for c in doc._.xf_cases or []:
            entities.append(Span(c.start, c.end, "CASE_NUMBER", text[c.start:c.end]))
        for m in doc._.xf_matches or []:
            entities.append(Span(m.start, m.end, m.label, text[m.start:m.end]))
        for h in doc._.xf_roles or []:
            entities.append(Span(h.start, h.end, h.role, text[h.start:h.end]))
        entities.sort(key=lambda s: (s.start, s.end))
        # the register lists each case once, in order of first mention; every mention is an entity
        cases, seen = [], set()
        for c in doc._.xf_cases or []:
            if c.normalized not in seen:
                seen.add(c.normalized)
                cases.append(c)
        return Analysis(text=text, sentences=list(doc._.xf_sentences or []), entities=entities,
                        case_numbers=cases, fields=dict(doc._.xf_fields or {}), doc=doc)


_default: Optional[Analyzer] = None


def analyse(text: str, settings: Optional[Settings] = None) -> Analysis:
    """Convenience: analyse one text with a module-level Analyzer (built on first use)."""
    global _default
    if _default is None or (settings is not None and settings is not _default.settings):
        _default = Analyzer(settings)
    return _default(text)
