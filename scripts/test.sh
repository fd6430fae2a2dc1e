#!/usr/bin/env bash
# Sets up Mosty with its test tools, runs the linter (ruff) and the type checker (mypy), then the
# whole test suite, browser tests included, in parallel workers (pytest-xdist).
# DATABASE_URL chooses the database (SQLite by default; postgres://... for PostgreSQL).
# TEST_WORKERS sets the number of workers ("auto": one per CPU; 0 runs in this one process).
# Arguments go to pytest, e.g. `bash scripts/test.sh mosty/events -n 0`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh test
# Browser tests drive Debian's Chromium; Playwright must never download a browser of its own.
# pdftotext (poppler-utils) reads the generated PDFs back in the tests; LibreOffice (soffice)
# opens the generated DOCX files, as a user's word processor would. npm installs axe-core for
# the accessibility audit (docs/accessibility.md). nginx (nginx-light: no modules we do not use)
# runs in front of gunicorn in the test of the documented proxy set-up, as in production.
# Only what is missing: Debian's nodejs ships npm itself and conflicts with the npm package.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium chromium-driver)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
command -v npm >/dev/null || missing+=(npm)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") \
      >/dev/null
    bash scripts/setup.sh test  # now with npm: installs axe-core
  else
    echo "Missing: sudo apt-get install ${missing[*]}" >&2
  fi
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# Keep Python's bytecode cache (git-ignored __pycache__/) even where the environment turns it
# off: without it every xdist worker compiles the test modules and pytest rewrites their asserts
# anew on each run (collection took 25 s of CPU per worker instead of 11 s).
unset PYTHONDONTWRITEBYTECODE
echo "== ruff"
.venv/bin/ruff check --quiet .
echo "== mypy"
.venv/bin/mypy
echo "== pytest"
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" "$@"
