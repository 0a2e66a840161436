#!/usr/bin/env bash
# One command on a fresh machine: install, then register the sample mailbag shipped in the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
mkdir -p out
.venv/bin/xinfang process examples/mailbag --db out/register.sqlite --jsonl out/records.jsonl "$@"
echo "register: out/register.sqlite   records: out/records.jsonl"
echo "review page: .venv/bin/xinfang serve --db out/register.sqlite --mailbag examples/mailbag"
