"""Opening a register: the schema is made or upgraded once, however many processes open it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OPEN = ("import sys; from xinfang_nlp.register.store import Store; "
        "print(Store.open(sys.argv[1]).count())")


def test_processes_opening_a_new_register_at_once_all_succeed(tmp_path):
    # two clerks' commands (or a batch and the review page) starting on a new register together:
    # each used to find no schema and create it, and the later ones failed ("already exists")
    for round_ in range(4):
        db = tmp_path / f"r{round_}.sqlite"
        procs = [subprocess.Popen([sys.executable, "-c", OPEN, str(db)], cwd=ROOT, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(4)]
        results = [(p.wait(timeout=120), p.stdout.read().strip(), p.stderr.read()) for p in procs]
        assert all(code == 0 and out == "0" for code, out, _ in results), \
            [err.strip().splitlines()[-1:] for code, _, err in results if code]
