#!/usr/bin/env bash
# Install everything xinfang-nlp needs on a fresh Debian machine with Python 3.11:
# the system packages (headless Chromium for the review-page browser test, PostgreSQL for the
# shared-register test) and a virtual environment .venv with the project and its test extras.
# Idempotent: a second run only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test,postgres]"

# system packages (root on the court's/CI machines; skipped with a note otherwise)
if [ "${XINFANG_SKIP_SYSTEM:-0}" != "1" ]; then
  bash scripts/install_browser.sh || echo "note: headless Chromium not installed; browser tests will be skipped" >&2
  bash scripts/install_postgres.sh || echo "note: PostgreSQL not installed; PostgreSQL tests will be skipped" >&2
fi
