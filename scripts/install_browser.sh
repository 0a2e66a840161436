#!/bin/sh
# Headless Chromium for the review page's browser test (tests/review/test_review_browser.py):
# Debian's chromium package (/usr/bin/chromium) and Chinese fonts, plus the playwright Python
# package only. Never `playwright install`: the browser comes from Debian, not a download.
set -eu
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 chromium fonts-noto-cjk
fi
# the Python package goes into the project's virtual environment (scripts/setup.sh makes .venv;
# Debian's system python refuses pip installs)
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-}"
[ -n "$PY" ] || { [ -x "$ROOT/.venv/bin/python" ] && PY="$ROOT/.venv/bin/python"; } || PY=python3
"$PY" -c "import playwright" 2>/dev/null || "$PY" -m pip install -q "playwright>=1.45" \
  || echo "note: could not pip install playwright into $PY" >&2
/usr/bin/chromium --version
