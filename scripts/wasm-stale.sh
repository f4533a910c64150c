#!/usr/bin/env bash
# Exit 0 if web/build/actlab.mjs (and actlab.wasm) must be rebuilt, 1 if it is up to date.
# Shared by build-wasm.sh and start.mjs so both agree on "fresh".
# Directories count too: adding or deleting a source changes its folder's mtime.
cd "$(dirname "$0")/.."
out=web/build/actlab.mjs
[ -f "$out" ] && [ -f web/build/actlab.wasm ] || exit 0
[ -n "$(find core CMakeLists.txt scripts/build-wasm.sh -newer "$out" -print -quit)" ] && exit 0
exit 1
