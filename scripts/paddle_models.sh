#!/usr/bin/env bash
# Optional PaddleOCR engine: a virtualenv with the `paddle` extra, and its model folders made
# offline from the models inside the rapidocr wheel (tools/paddle_models.py). Not needed for the
# default engine. Usage: bash scripts/paddle_models.sh [MODELS_DIR]   (default: models)
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv-paddle}
OUT=${1:-models}
[ -x "$VENV/bin/python" ] || python3.11 -m venv "$VENV"
"$VENV/bin/pip" install -q -e ".[paddle,test]" x2paddle==1.6.0 onnx==1.17.0
"$VENV/bin/python" tools/paddle_models.py "$OUT"
echo "test it: XINFANG_PADDLE_MODELS=$OUT $VENV/bin/python -m pytest tests/read/test_paddle_engine.py"
