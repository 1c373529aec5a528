#!/usr/bin/env bash
# Builds citegraph with AddressSanitizer + UndefinedBehaviorSanitizer (CITEGRAPH_SANITIZE=ON)
# into build-asan/ and runs the whole test suite there. Any sanitizer report fails the test
# that triggered it (halt_on_error, abort_on_error).
#
#   scripts/run-sanitizers.sh                 # gcc (default compiler)
#   CC=clang CXX=clang++ scripts/run-sanitizers.sh
#   scripts/run-sanitizers.sh -L robustness   # extra arguments go to ctest
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CITEGRAPH_ASAN_BUILD_DIR:-$root/build-asan}"
jobs="${CITEGRAPH_JOBS:-$(nproc)}"
# No -Werror here: with -fsanitize, gcc 12 reports a false -Wuninitialized inside Boost's
# named_graph.hpp; warnings are enforced by the ordinary build (scripts/build.sh).
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCITEGRAPH_SANITIZE=ON \
  -DCITEGRAPH_WERROR=OFF -DCITEGRAPH_BUILD_BENCH=OFF >/dev/null
ninja -C "$build" -j "$jobs"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# Leaks inside Graphviz and its font stack (third-party) are suppressed; ours are not.
export LSAN_OPTIONS="suppressions=$root/scripts/lsan.supp:print_suppressions=0"
export CITEGRAPH_REQUIRE_CONSUMERS="${CITEGRAPH_REQUIRE_CONSUMERS:-1}"
cd "$build"
ctest --output-on-failure -j "$jobs" "$@"
