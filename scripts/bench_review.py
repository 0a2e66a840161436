#!/usr/bin/env python3
"""Review page latency with 10,000 records: ``python scripts/bench_review.py [--records N]``."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from xinfang_nlp.review.bench import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
