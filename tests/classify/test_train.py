"""`xinfang train`: reproducible, gold kept out, clerks' confirmations learned from."""
import datetime as dt
import json
import shutil
from pathlib import Path

import joblib
import numpy as np
import pytest

from xinfang_nlp import corpus
from xinfang_nlp.classify.train import train_all
from xinfang_nlp.register.store import Store
from xinfang_nlp.types import Record

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture()
def small_corpora(tmp_path):
    """A small copy of the corpus (the generated letters only, and the gold split) so training is quick."""
    c = tmp_path / "corpora"
    (c / "letters" / "train").mkdir(parents=True)
    shutil.copytree(ROOT / "corpora" / "letters" / "train" / "generated", c / "letters" / "train" / "generated")
    shutil.copytree(ROOT / "corpora" / "letters" / "gold", c / "letters" / "gold")
    return c


def _confirmed_register(db: Path, letters: list[dict]) -> None:
    store = Store.open(db)
    for i, d in enumerate(letters):
        r = Record(record_id=f"xf-{i:016x}", source={"path": f"{i}.txt", "sha256": f"{i:064x}", "format": "txt", "pages": []},
                   status="confirmed", text=d["text"], decision=d["decision"], type=d.get("type"),
                   grounds=d["grounds"], confirmed_by="王书记员")
        r.register["received_at"] = dt.date(2026, 11, 20).isoformat()
        store.save(r)
    store.close()


def test_training_is_reproducible_and_writes_a_model_card(small_corpora, tmp_path):
    a = train_all(small_corpora, models_dir=tmp_path / "m1", quiet=True)
    b = train_all(small_corpora, models_dir=tmp_path / "m2", quiet=True)
    assert a["data"]["train_hash"] == b["data"]["train_hash"]
    assert a["data"]["gold_overlap_with_train"] == 0
    m1, m2 = (joblib.load(tmp_path / m / "classifier.joblib") for m in ("m1", "m2"))
    assert np.array_equal(m1.grounds_["A2"].coef_, m2.grounds_["A2"].coef_)
    card = json.loads((tmp_path / "m1" / "model_card.json").read_text("utf-8"))
    assert card["figures_gold"]["letters"] == len(corpus.load(small_corpora, "gold"))
    assert set(card["figures_gold"]["per_label_f1"]) >= {"A1", "R7"}


def test_confirmed_records_join_training_but_never_gold(small_corpora, tmp_path):
    hand = corpus.load(ROOT / "corpora", "train")
    hand = [d for d in hand if d["provenance"]["method"] == "hand"][:60]
    gold = corpus.load(small_corpora, "gold")[:5]          # a clerk confirmed letters that are also gold
    db = tmp_path / "register.sqlite"
    _confirmed_register(db, hand + gold)
    card = train_all(small_corpora, models_dir=tmp_path / "m", with_confirmed=str(db), quiet=True)
    assert card["data"]["confirmed_letters"] == 60          # the 5 gold letters were left out
    assert card["version"].endswith("+60c")
