#!/usr/bin/env bash
# Builds the WebAssembly module with Debian's Emscripten and copies it (actlab.wasm and its glue
# actlab.mjs) into web/build/.
# Skips everything when web/build/actlab.mjs is newer than every source (--force rebuilds anyway).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" != "--force" ] && ! bash scripts/wasm-stale.sh; then
  echo "== wasm build: web/build/actlab.mjs is up to date"
  exit 0
fi
bash scripts/ensure-deps.sh wasm npm  # npm: esbuild minifies the glue

# Emscripten's JS tools need Debian's acorn; our Node does not search /usr/share/nodejs by itself.
export NODE_PATH=/usr/share/nodejs

if [ ! -f core/wasm/CMakeLists.txt ]; then
  echo "build-wasm: core/wasm/CMakeLists.txt does not exist yet: the wasm target is not defined, nothing to build." >&2
  exit 1
fi

echo "== wasm build (build-wasm)"
emcmake cmake -S . -B build-wasm -DCMAKE_BUILD_TYPE=Release --log-level=WARNING
cmake --build build-wasm -j2 -- --no-print-directory

out=build-wasm/core/wasm
if [ ! -f "$out/actlab.mjs" ]; then
  echo "build-wasm: the build finished but produced no $out/actlab.mjs." >&2
  echo "  The wasm target in core/wasm/CMakeLists.txt must output actlab.mjs and actlab.wasm there." >&2
  exit 1
fi
mkdir -p web/build
rm -f web/build/actlab-classic.js  # the single-file classic build of earlier versions
# The glue last, plain cp (not -p): its mtime is what wasm-stale.sh compares against.
cp "$out/actlab.wasm" web/build/
cp "$out/actlab.mjs" web/build/
node scripts/minify-glue.mjs
echo "== wasm build: copied to web/build/"
