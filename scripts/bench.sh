#!/usr/bin/env bash
# Placeholder: runs the CLI's benchmark on a Release native build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-native.sh
./build-native/actlab bench "$@"
