"""Do a court's confirmations improve its model? A before/after measurement on the gold split.

Simulates a court whose model was trained without one batch of letters (hand-t2, 200 letters
written independently of the rest), whose clerks then confirmed those letters in the register
(the tool's suggestion corrected to the right labels). It trains the "before" model without them,
fills a real SQLite register with the confirmed records, runs ``xinfang train --with-confirmed``
and prints ``xinfang evaluate --compare`` on the gold split (which neither model saw).

    python -m benchmarks.learn_from_confirmed [--held corpora/letters/train/hand/hand-t2.jsonl]
"""
from __future__ import annotations

import argparse
import hashlib
import datetime as dt
import json
import shutil
import tempfile
from pathlib import Path

from xinfang_nlp.analyse import Analyzer
from xinfang_nlp.classify import Classifier
from xinfang_nlp.classify.train import train_all
from xinfang_nlp.evaluate import run_evaluate
from xinfang_nlp.register.build import build_record, record_id_for
from xinfang_nlp.register.store import Store
from xinfang_nlp.route import route
from xinfang_nlp.settings import load_settings
from xinfang_nlp.types import ReadResult, Page


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--held", default="corpora/letters/train/hand/hand-t2.jsonl")
    ap.add_argument("--corpora", default="corpora")
    args = ap.parse_args()
    held = Path(args.held).resolve()
    tmp = Path(tempfile.mkdtemp(prefix="xf-learn-"))
    corp = tmp / "corpora"
    shutil.copytree(args.corpora, corp, ignore=lambda d, names: [n for n in names if (Path(d) / n).resolve() == held])
    before, after = tmp / "before", tmp / "after"
    train_all(corp, models_dir=before)

    settings = load_settings()
    an, clf = Analyzer(settings), Classifier.load(settings, models_dir=before)
    db = tmp / "register.sqlite"
    store = Store.open(db)
    letters = [json.loads(l) for l in held.read_text("utf-8").splitlines() if l.strip()]
    changed = 0
    for d in letters:
        sha = hashlib.sha256(d["text"].encode("utf-8")).hexdigest()
        rr = ReadResult(path=d["id"] + ".txt", sha256=sha, format="txt",
                        pages=[Page(1, d["text"], "text", None)])
        a = an(d["text"])
        rec = build_record(rr, a, clf.classify(a), received_at=dt.date(2026, 11, 20), settings=settings,
                           record_id=record_id_for(rr.path, sha), store=store, route=route,
                           model_version=clf.version)
        changed += (rec.decision, rec.type, sorted(rec.grounds)) != (d["decision"], d.get("type"), sorted(d["grounds"]))
        rec.decision, rec.type, rec.grounds = d["decision"], d.get("type"), list(d["grounds"])
        rec.status, rec.confirmed_by = "confirmed", "clerk-demo"
        rec.confirmed_at = dt.datetime.now().isoformat(timespec="seconds")
        store.save(rec, audit_entries=[{"clerk": "clerk-demo", "action": "confirm"}])
    print(f"register: {len(letters)} confirmed records, {changed} of them corrected by the clerk")
    train_all(corp, models_dir=after, with_confirmed=str(db))
    run_evaluate(Path(args.corpora), models_dir=before, compare=after)


if __name__ == "__main__":
    main()
