#!/bin/sh
# PostgreSQL for the register's PostgreSQL tests (tests/export/test_postgres_store.py) and for a
# court that shares one register between clerks: Debian's server package + the psycopg driver.
# The tests start their own throwaway cluster (initdb/pg_ctl on a temp dir, loopback port); as
# root they run it as the 'postgres' user the package creates. Nothing is started here.
set -eu
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 postgresql
fi
# the Python package goes into the project's virtual environment (scripts/setup.sh makes .venv;
# Debian's system python refuses pip installs)
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PYTHON:-}"
[ -n "$PY" ] || { [ -x "$ROOT/.venv/bin/python" ] && PY="$ROOT/.venv/bin/python"; } || PY=python3
"$PY" -c "import psycopg" 2>/dev/null || "$PY" -m pip install -q "psycopg[binary]>=3.1" \
  || echo "note: could not pip install psycopg into $PY" >&2
ls -d /usr/lib/postgresql/*/bin | head -1
