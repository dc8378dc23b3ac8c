#!/usr/bin/env bash
# Set up (first run only) and process the bundled sample interview into ./demo-output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
transcribe samples/ -o demo-output "$@"
echo
echo "Private transcript:        demo-output/identified/"
echo "Anonymised, for coders:    demo-output/for-coders/"
