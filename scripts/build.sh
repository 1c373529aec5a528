#!/usr/bin/env bash
# Configures and builds citegraph into build/ (or $CITEGRAPH_BUILD_DIR) with Ninja.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${CITEGRAPH_BUILD_DIR:-$root/build}"
jobs="${CITEGRAPH_JOBS:-$(nproc)}"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${CITEGRAPH_BUILD_TYPE:-RelWithDebInfo}" \
  -DCITEGRAPH_WERROR=ON "$@" >/dev/null
ninja -C "$build" -j "$jobs"
