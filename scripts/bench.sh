#!/usr/bin/env bash
# npm run bench: the training-core benchmark natively and in WebAssembly (Node), in one run.
#   usage: scripts/bench.sh [--quick] [--json] [--native PATH]   (arguments go to scripts/bench.mjs)
# The page benchmark (Chromium) is separate: npm run bench:page.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh native wasm
# Build output goes to stderr so that `npm run bench -- --json` prints only the JSON on stdout.
bash scripts/build-native.sh >&2
bash scripts/build-wasm.sh >&2
exec node scripts/bench.mjs "$@"
