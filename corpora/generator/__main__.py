import argparse
import json
import os
import random
import sys

from . import compose


def main(argv=None):
    ap = argparse.ArgumentParser(prog="python -m corpora.generator", description=__doc__)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--n", type=int, default=700)
    ap.add_argument("--out", required=True)
    ap.add_argument("--meta", default=None, help="optional side file with persona/register/variant ids per letter (debugging)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    items = compose.plan(args.n, rng)
    recs, metas = [], []
    for i, combo in enumerate(items):
        L, text = compose.make_letter(i, combo, args.seed)
        recs.append(L.record(text))
        metas.append(L.meta())
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        for r in recs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.meta:
        with open(args.meta, "w", encoding="utf-8", newline="\n") as fh:
            for m in metas:
                fh.write(json.dumps(m, ensure_ascii=False) + "\n")
    print("wrote %d letters to %s" % (len(recs), args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
