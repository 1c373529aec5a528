#!/usr/bin/env bash
# Installs everything citegraph builds and tests with, from Debian's packages (and the npm
# registry for the JSON-LD consumer tests). Idempotent: a second run installs nothing new.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libboost-graph-dev rapidjson-dev libgraphviz-dev graphviz catch2 libsqlite3-dev sqlite3
  libcli11-dev libbenchmark-dev libpoppler-cpp-dev
  # consumers the tests load the exports with
  libxml2-utils fonts-wqy-microhei python3 python3-networkx python3-numpy python3-scipy
  python3-igraph python3-rdflib raptor2-utils rasqal-utils nodejs npm
  # the HTML export's browser tests and bench (tests/browser, bench/html): headless chromium;
  # DejaVu Sans draws Arabic
  chromium fonts-dejavu-core
  # fuzzing (scripts/run-fuzz.sh): clang++, libFuzzer and the sanitizer runtimes, llvm-symbolizer
  clang libclang-rt-14-dev llvm
)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node may come from outside Debian (e.g. a preinstalled Node.js); accept it if it runs.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/nodejs/}"); missing=("${missing[@]/npm/}")
fi
filtered=()
for p in "${missing[@]}"; do [ -n "$p" ] && filtered+=("$p"); done

if [ "${#filtered[@]}" -gt 0 ]; then
  echo "install-deps: installing ${filtered[*]}"
  # Another apt may hold the lock for a while; wait instead of failing.
  for _ in $(seq 1 60); do
    $SUDO fuser /var/lib/dpkg/lock-frontend >/dev/null 2>&1 || break
    sleep 5
  done
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${filtered[@]}"
else
  echo "install-deps: all Debian packages present"
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -x "$here/install-consumers.sh" ]; then
  "$here/install-consumers.sh"
fi
"$here/install-web.sh"
