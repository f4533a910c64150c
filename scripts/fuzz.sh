#!/usr/bin/env bash
# Builds the libFuzzer target over config text and custom data (tests/fuzz/fuzz_core_input.cpp)
# with ASan and UBSan, and runs it for a bounded time from the committed seed corpus.
#   usage: scripts/fuzz.sh [seconds]     (default 60)
# Exits non-zero when the fuzzer finds a crash, a sanitizer report or a broken invariant; the
# input that did it is left in build-fuzz/ (crash-*), to be replayed with
# build-fuzz/fuzz_core_input build-fuzz/crash-<hash>.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh fuzz

seconds=${1:-60}
case $seconds in ''|*[!0-9]*) echo "usage: $0 [seconds]" >&2; exit 2 ;; esac

dir=build-fuzz
mkdir -p "$dir/corpus"
binary=$dir/fuzz_core_input
# Rebuilt only when a source is newer than the binary. The core's numerics flags as in CMake
# (no FMA contraction, no fast-math); -O1 -g so reports name lines.
if [ ! -x "$binary" ] || [ -n "$(find core/lib tests/fuzz -newer "$binary" -name '*.[ch]pp' -print -quit)" ]; then
  echo "== building $binary"
  clang++-14 -std=c++20 -O1 -g -fno-omit-frame-pointer -ffp-contract=off -fno-fast-math \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
    -I core/lib core/lib/*.cpp tests/fuzz/fuzz_core_input.cpp -o "$binary"
fi

echo "== fuzzing for ${seconds} s (seeds: tests/fuzz/corpus, new inputs: $dir/corpus)"
# The first directory receives new inputs; the committed seeds are only read.
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$binary" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=4096 \
  -print_final_stats=1 -artifact_prefix="$dir/" "$dir/corpus" tests/fuzz/corpus
