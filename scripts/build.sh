#!/usr/bin/env bash
# npm run build: everything the page and embeds load, in web/build/:
#   actlab.wasm + actlab.mjs   the module (scripts/build-wasm.sh; skipped when fresh)
#   lab-worker.js              the classic worker bundle: the page's worker and every embed's (scripts/bundle-worker.mjs)
#   lab-page.js                the lab page's code as one module (index.html?sources loads the ES modules instead)
#   figure-host.js             the embed's figure code as one module (the element script imports it)
# and, when scripts/build-dist.mjs exists, dist/: a static folder for any static host.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-deps.sh wasm npm
bash scripts/build-wasm.sh "$@"
node scripts/bundle-worker.mjs
if [ -f scripts/build-dist.mjs ]; then
  node scripts/build-dist.mjs
fi
