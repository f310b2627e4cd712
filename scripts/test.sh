#!/usr/bin/env bash
# Installs what is missing, builds everything with AddressSanitizer and
# UndefinedBehaviorSanitizer, and runs every test: unit tests, the store conformance
# suite, the fuzz-corpus replays, the CLI and API tests against a real server, and the
# web pages in Chromium (screenshots in build/debug/browser-artifacts). Also checks
# formatting and compiles the benchmarks (in the same sanitizer build). There is no second,
# optimised build here: it cost a fifth of the run, and scripts/start.sh builds the release
# binary without -Werror, so a warning only the optimiser reports cannot stop it
# (docs/decisions/0022).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)

bash scripts/install-deps.sh

echo "== format check"
mapfile -t sources < <(git ls-files '*.h' '*.cc' 2>/dev/null || find src bench fuzz tests -name '*.h' -o -name '*.cc')
clang-format --dry-run --Werror "${sources[@]}"

echo "== debug build (ASan + UBSan)"
cmake --preset debug -DSAMSPILL_BUILD_BENCH=ON >/dev/null
cmake --build build/debug -j"$(nproc)"

echo "== tests"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
ctest --test-dir build/debug --output-on-failure -j"$(nproc)" --timeout 300

echo "== all tests passed in $(( $(date +%s) - start )) s"
