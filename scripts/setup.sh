#!/usr/bin/env bash
# Creates .venv and installs Mosty into it (with the test tools when given "test").
# Sourced by demo.sh and test.sh; safe to run again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
extras=""
[ "${1:-}" = "test" ] && extras="[test]"
stamp=".venv/.installed${extras}"
# Reinstall only when pyproject.toml changed since the last install.
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".${extras}"
  touch "$stamp"
fi
# Translations: .po files are the source, .mo files are built (Babel, no system gettext needed).
# Only when a .po file is newer than its .mo: starting Mosty to compile takes seconds.
for po in mosty/locale/*/LC_MESSAGES/*.po; do
  if [ ! -f "${po%.po}.mo" ] || [ "$po" -nt "${po%.po}.mo" ]; then
    DEBUG=1 .venv/bin/mosty compiletranslations >/dev/null
    break
  fi
done
# Test-only JavaScript tools (axe-core for the accessibility audit), pinned in package-lock.json
# and installed from the npm registry into node_modules/ (git-ignored); never loaded from a CDN.
if [ "${1:-}" = "test" ]; then
  if ! command -v npm >/dev/null; then
    echo "Missing: npm (apt-get install npm) for the accessibility audit's axe-core" >&2
  elif [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
  fi
fi
