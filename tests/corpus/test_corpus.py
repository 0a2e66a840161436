"""The corpus the models learn from: labels consistent, spans exact, gold kept apart."""
from pathlib import Path

from xinfang_nlp import corpus
from xinfang_nlp.types import ACCEPT_GROUNDS, GROUNDS, REJECT_GROUNDS

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT / "corpora"


def test_every_letter_is_consistently_labelled_with_provenance():
    for split in ("train", "gold"):
        for d in corpus.load(CORPORA, split):
            fam = ACCEPT_GROUNDS if d["decision"] == "accept" else REJECT_GROUNDS
            assert d["grounds"] and set(d["grounds"]) <= set(fam), d["id"]
            assert d.get("type") in ("implementation", "review", None), d["id"]
            assert d["provenance"]["method"] in ("hand", "generated"), d["id"]
            if split == "gold":
                assert d["provenance"]["method"] == "hand", d["id"]


def test_corpus_size_and_coverage_meet_the_issue():
    train = corpus.load(CORPORA, "train")
    gold = corpus.load(CORPORA, "gold")
    assert len(train) + len(gold) >= 800 and len(gold) >= 150
    for g in GROUNDS:
        assert sum(g in d["grounds"] for d in train) >= 40, g
    for t in ("implementation", "review"):
        assert sum(d.get("type") == t for d in train) >= 40, t


def test_gold_never_appears_in_training():
    assert corpus.check_disjoint(corpus.load(CORPORA, "train"), corpus.load(CORPORA, "gold")) == 0


def test_derived_spans_are_exact_and_non_overlapping():
    letter = {"text": "申请执行人刘桂英（电话：138-5316-8842）诉济南鑫达建材有限公司，案号（2022）鲁0117执1034号，刘桂英",
              "fields": {"petitioner_name": "刘桂英", "petitioner_phone": "13853168842",
                         "applicants": ["刘桂英"], "respondents": ["济南鑫达建材有限公司"],
                         "case_numbers": ["（2022）鲁0117执1034号"]}}
    sp = corpus.spans(letter)
    got = [(letter["text"][s:e], lab) for s, e, lab in sp]
    assert ("138-5316-8842", "PHONE") in got
    assert ("济南鑫达建材有限公司", "RESPONDENT") in got
    assert ("（2022）鲁0117执1034号", "CASE_NUMBER") in got
    assert sum(t == "刘桂英" for t, _ in got) == 2
    for (s1, e1, _), (s2, e2, _) in zip(sp, sp[1:]):
        assert e1 <= s2
    for d in corpus.load(CORPORA, "train")[:300]:
        for s, e, lab in corpus.spans(d):
            assert 0 <= s < e <= len(d["text"])
