"""Classification speed on text items (model load excluded, reported apart).

    python -m benchmarks.classify_speed [--jobs 2] [--repeat 3]

Prints letters/s for analyse alone, classify alone (with evidence) and both, in one process, and
for both spread over ``--jobs`` processes (each loads the models once; load time excluded).
Letters: every training + gold letter (texts only; labels are not used).
"""
from __future__ import annotations

import argparse
import time

from joblib import Parallel, delayed

from xinfang_nlp import corpus
from xinfang_nlp.analyse import Analyzer
from xinfang_nlp.classify import Classifier
from xinfang_nlp.settings import load_settings


def _worker(texts: list[str]) -> float:
    s = load_settings()
    an, clf = Analyzer(s), Classifier.load(s)
    an("预热")  # warm-up, excluded like the load
    t = time.perf_counter()
    clf.classify_many([an(x) for x in texts])
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [d["text"] for d in corpus.load("corpora", "train") + corpus.load("corpora", "gold")]
    s = load_settings()
    t0 = time.perf_counter()
    an, clf = Analyzer(s), Classifier.load(s)
    an("预热")
    load = time.perf_counter() - t0
    best = {"analyse": 1e9, "classify": 1e9}
    for _ in range(args.repeat):
        t = time.perf_counter()
        analyses = [an(x) for x in texts]
        best["analyse"] = min(best["analyse"], time.perf_counter() - t)
        t = time.perf_counter()
        clf.classify_many(analyses)
        best["classify"] = min(best["classify"], time.perf_counter() - t)
    n = len(texts)
    chars = sum(map(len, texts)) / n
    print(f"letters: {n} (mean {chars:.0f} characters)   model load: {load:.2f} s")
    print(f"analyse alone:  {n / best['analyse']:.0f} letters/s (1 process)")
    print(f"classify alone: {n / best['classify']:.0f} letters/s (1 process, with evidence)")
    print(f"both:           {n / (best['analyse'] + best['classify']):.0f} letters/s (1 process)")
    chunks = [texts[i::args.jobs] for i in range(args.jobs)]
    wall = []
    for _ in range(args.repeat):
        secs = Parallel(n_jobs=args.jobs)(delayed(_worker)(c) for c in chunks)
        wall.append(max(secs))
    print(f"both:           {n / min(wall):.0f} letters/s ({args.jobs} processes, load excluded)")


if __name__ == "__main__":
    main()
