#!/usr/bin/env bash
# Installs, builds and runs the whole test suite (unit, golden, consumer, corpus, examples).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh"
export CITEGRAPH_REQUIRE_CONSUMERS=1
cd "$root/build"
ctest --output-on-failure -j "${CITEGRAPH_JOBS:-$(nproc)}" "$@"
