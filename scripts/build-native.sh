#!/usr/bin/env bash
# Builds the core library, the CLI and the Catch2 suite natively.
#   usage: scripts/build-native.sh [--sanitize]
#   --sanitize: separate tree build-sanitize with ASan+UBSan, so both builds can coexist.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh native

dir=build-native
flags=(-DCMAKE_BUILD_TYPE=Release)
if [ "${1:-}" = "--sanitize" ]; then
  dir=build-sanitize
  # -O2 -g: sanitizer reports then name files and lines.
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DACTLAB_SANITIZE=ON)
elif [ -n "${1:-}" ]; then
  echo "usage: $0 [--sanitize]" >&2; exit 2
fi

echo "== native build ($dir)"
cmake -S . -B "$dir" "${flags[@]}" --log-level=WARNING
cmake --build "$dir" -j2 -- --no-print-directory
