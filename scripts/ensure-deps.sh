#!/usr/bin/env bash
# Installs whatever the named groups need and is missing, so that every entry point (npm start,
# npm test, .ci/run) works on a fresh Debian bookworm machine. Fast no-op when all is present.
#   usage: scripts/ensure-deps.sh [native] [wasm] [browser] [fuzz] [npm]    (no argument = all but fuzz)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(native wasm browser npm)

missing=()
want_npm=0
# need PACKAGE CHECK...: queue PACKAGE unless CHECK succeeds.
need() { local pkg=$1; shift; "$@" >/dev/null 2>&1 || missing+=("$pkg"); }

for group in "${groups[@]}"; do
  case $group in
    native)
      need cmake command -v cmake
      need g++ command -v g++
      need make command -v make
      need catch2 test -f /usr/include/catch2/catch.hpp
      need libcli11-dev test -f /usr/include/CLI/CLI.hpp ;;  # the CLI's argument parsing
    wasm)
      need cmake command -v cmake
      need make command -v make
      need emscripten command -v em++ ;;
    browser)
      need chromium test -x /usr/bin/chromium
      # Chromium only recommends these fonts; without them pages render in DejaVu and screenshots
      # differ from the ones taken on a developer's machine.
      need fonts-liberation test -d /usr/share/fonts/truetype/liberation
      # The Chinese page's text in screenshots (npm run screenshots) and its browser tests.
      need fonts-noto-cjk test -d /usr/share/fonts/opentype/noto
      want_npm=1 ;;  # the browser tests drive Chromium through playwright-core
    fuzz)  # scripts/fuzz.sh: clang's libFuzzer runtime with ASan and UBSan
      need clang-14 command -v clang++-14
      need libclang-rt-14-dev compgen -G '/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a' ;;
    npm) want_npm=1 ;;
    *) echo "ensure-deps: unknown group '$group' (known: native wasm browser fuzz npm)" >&2; exit 2 ;;
  esac
done

if [ ${#missing[@]} -gt 0 ]; then
  # Deduplicate (cmake and make appear in two groups) while keeping the order.
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | awk '!seen[$0]++')
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-deps: missing Debian packages: ${missing[*]}" >&2
    echo "  install them with: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
  echo "ensure-deps: installing ${missing[*]}"
  # --no-install-recommends is safe for emscripten: every tool it runs (clang-14, wasm-ld-14, llvm-*-14,
  # binaryen, node-acorn) is a hard Depends; Recommends only adds python3-numpy and libjs-d3.
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ "$want_npm" = 1 ]; then
  # Reinstall when absent, or when package-lock.json changed since the last install
  # (npm rewrites node_modules/.package-lock.json on every install).
  if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    command -v npm >/dev/null || { echo "ensure-deps: npm not found; install Node.js >= 20 first" >&2; exit 1; }
    echo "ensure-deps: npm ci"
    npm ci --no-audit --no-fund
  fi
fi
