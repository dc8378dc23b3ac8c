#!/usr/bin/env bash
# Set up (first run only) and run the whole test suite, slow end-to-end tests on real audio included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
ruff check transcribe anonymise scripts tests
ruff format --check --quiet transcribe anonymise scripts tests
python -m pytest "$@"
