#!/usr/bin/env bash
# Sets up Mosty with its test tools and runs the whole test suite, browser tests included.
# DATABASE_URL chooses the database (SQLite by default; postgres://... for PostgreSQL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh test
# Browser tests drive Debian's Chromium; Playwright must never download a browser of its own.
# pdftotext (poppler-utils) reads the generated PDFs back in the tests.
if [ ! -x /usr/bin/chromium ] || ! command -v pdftotext >/dev/null; then
  if [ "$(id -u)" = "0" ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      chromium chromium-driver poppler-utils libreoffice-writer-nogui) >/dev/null
  else
    echo "Missing: sudo apt-get install chromium chromium-driver poppler-utils libreoffice-writer-nogui" >&2
  fi
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
.venv/bin/ruff check --quiet .
exec .venv/bin/python -m pytest "$@"
