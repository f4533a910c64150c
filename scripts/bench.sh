#!/usr/bin/env bash
# npm run bench: the training-core benchmark natively and in WebAssembly (Node), in one run.
#   usage: scripts/bench.sh [--quick] [--json] [--no-build] [--native PATH]
# Every argument goes to scripts/bench.mjs, which also does the building (unless --no-build),
# with the build output on stderr so that `npm run -s bench -- --json` prints only the JSON.
# The page benchmark (Chromium) is separate: npm run bench:page.
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/bench.mjs "$@"
