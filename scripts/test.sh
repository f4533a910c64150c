#!/usr/bin/env bash
# npm test: every suite, from a fresh clone (installs what is missing, builds what is stale).
set -euo pipefail
cd "$(dirname "$0")/.."

section() { printf '\n==================== %s ====================\n' "$*"; }

# Tests write only into ignored folders (test-results/, build trees, temporary folders): the tree's
# tracked and untracked-but-not-ignored files are compared before and after the suites.
tree_state() { git status --porcelain --untracked-files=all 2>/dev/null; git diff 2>/dev/null | sha1sum; }
tree_before=$(tree_state)

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

section "the tree after the tests"
if [ "$(tree_state)" != "$tree_before" ]; then
  echo "npm test changed files that git tracks or does not ignore (tests must write into test-results/ or a temporary folder):"
  diff <(printf '%s\n' "$tree_before") <(tree_state) || true
  exit 1
fi
echo "unchanged: every output went to an ignored folder"
