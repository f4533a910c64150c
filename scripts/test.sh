#!/usr/bin/env bash
# npm test: every suite, from a fresh clone (installs what is missing, builds what is stale).
set -euo pipefail
cd "$(dirname "$0")/.."

section() { printf '\n==================== %s ====================\n' "$*"; }

# All groups at once, so a fresh machine runs apt-get update a single time.
section "dependencies"
bash scripts/ensure-deps.sh native wasm browser npm

section "native build"
bash scripts/build-native.sh

section "native tests (ctest)"
ctest --test-dir build-native --output-on-failure -j2

section "wasm build and worker bundle"
bash scripts/build.sh

# Node's own naming rules for test files; a suite that does not exist yet is skipped, not failed.
has_tests() {
  [ -d "$1" ] && [ -n "$(find "$1" -type f \( -name '*.test.*js' -o -name '*-test.*js' -o -name '*_test.*js' \
    -o -name 'test-*.*js' -o -name 'test.*js' \) -print -quit)" ]
}
for suite in node browser; do
  if has_tests "tests/$suite"; then
    section "$suite tests"
    node --test "tests/$suite/"
  else
    section "$suite tests: none yet in tests/$suite, skipped"
  fi
done
