#!/usr/bin/env bash
# Sets up Mosty with the demo data on SQLite and serves it at http://127.0.0.1:${PORT:-8000}.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
export DEBUG="${DEBUG:-1}"
# The demo has no separate worker: background tasks (e-mails to the console) run inline.
export TASKS_IMMEDIATE="${TASKS_IMMEDIATE:-1}"
.venv/bin/mosty demo
exec .venv/bin/mosty runserver "127.0.0.1:${PORT:-8000}"
