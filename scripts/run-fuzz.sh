#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan + coverage) into build-fuzz/ and runs
# each for N seconds (default 60), one after the other, on one core:
#
#   scripts/run-fuzz.sh [SECONDS] [TARGET...]     # TARGET: fuzz_symbol fuzz_text_import fuzz_store
#                                                 #         fuzz_pdf_layout
#   scripts/run-fuzz.sh 1800 fuzz_text_import     # a longer run of one target
#
# Seed corpora are made at run time in build-fuzz/corpus/<target>/ from tests/fixtures, a few
# small ../shared/corpus texts (when present) and stores imported from the fixtures; the corpus
# grows there from run to run (nothing is committed). A crash leaves build-fuzz/crashes/<target>/
# crash-*; copy it into tests/robustness/regressions/<target>/ and fix the bug. The exit code
# is non-zero if any target found a crash. Per target it prints the last exec/s and cov: lines.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
  targets=(fuzz_symbol fuzz_text_import fuzz_store fuzz_pdf_layout)
fi
build="${CITEGRAPH_FUZZ_BUILD_DIR:-$root/build-fuzz}"
shared="${CITEGRAPH_SHARED_DIR:-$root/../shared}"

if ! command -v clang++ >/dev/null 2>&1; then
  echo "run-fuzz: clang++ is required (Debian: clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCITEGRAPH_FUZZ=ON -DCITEGRAPH_BUILD_TESTS=OFF -DCITEGRAPH_BUILD_EXAMPLES=OFF \
  -DCITEGRAPH_BUILD_BENCH=OFF -DCITEGRAPH_WERROR=ON >/dev/null
ninja -C "$build" -j "${CITEGRAPH_JOBS:-1}" fuzzers

corpus="$build/corpus"
mkdir -p "$corpus"/{fuzz_symbol,fuzz_text_import,fuzz_store,fuzz_pdf_layout}

# Seeds: symbols as written (the first byte picks the organ; 0x80 marks a decision).
i=0
for s in "A/RES/68/193" "S/RES/1373 (2001)" "E/RES/2013/40" "A/RES/49/35 A" "A/RES/2625 (XXV)" \
  "A/RES/S-26/2" "A/RES/ES-10/19" "A/DEC/72/548" "A/HRC/RES/34/19" "CCPCJ/RES/22/7" \
  "E/2013/30/Corr.1" "A/C.3/68/L.15/Rev.1" "A/68/PV.70" "68/193" "1373 (2001)" "1733 (LIV)" \
  "2013/40" "12/18" "2012-2015" "MMXXIV" "A/RES/99999999999/1"; do
  printf '%b%s' "\\x$(printf %02x $((i % 5)))" "$s" >"$corpus/fuzz_symbol/seed-$i"
  i=$((i + 1))
done
# Texts: every fixture, and the small texts of the shared corpus.
find "$root/tests/fixtures" -type f -exec cp {} "$corpus/fuzz_text_import/" \;
if [ -d "$shared/corpus" ]; then
  # (awk, not head: head exits after 40 lines and sort, still writing, dies of SIGPIPE, which
  # pipefail turns into the script's exit 141.)
  find "$shared/corpus" -name '*.txt' -size -12k | sort | awk 'NR <= 40' |
    while read -r f; do cp "$f" "$corpus/fuzz_text_import/"; done
fi
# Stores: a store of one small resolution and one of both language versions, made by the
# store target itself (LLVMFuzzerInitialize), and an empty file.
fixt="$root/tests/fixtures"
rm -f "$corpus"/fuzz_store/seed-*.db*
CITEGRAPH_FUZZ_MAKE_SEED="$corpus/fuzz_store/seed-en.db" "$build/fuzz/fuzz_store" \
  "$fixt/en/small_resolution.en.txt"
CITEGRAPH_FUZZ_MAKE_SEED="$corpus/fuzz_store/seed-en-zh.db" "$build/fuzz/fuzz_store" \
  "$fixt/en/small_resolution.en.txt" "$fixt/zh/small_resolution.zh.txt"
rm -f "$corpus"/fuzz_store/*-wal "$corpus"/fuzz_store/*-shm
: >"$corpus/fuzz_store/seed-empty"

declare -A max_len=([fuzz_symbol]=256 [fuzz_text_import]=16384 [fuzz_store]=131072
  [fuzz_pdf_layout]=4096)
status=0
for t in "${targets[@]}"; do
  crashes="$build/crashes/$t"
  mkdir -p "$crashes"
  log="$build/fuzz-$t.log"
  echo "run-fuzz: $t for ${seconds}s (log $log)"
  set +e
  (cd "$build" && ASAN_OPTIONS="detect_leaks=1:abort_on_error=1" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    "$build/fuzz/$t" -max_total_time="$seconds" -max_len="${max_len[$t]}" -timeout=25 \
    -seed="${CITEGRAPH_FUZZ_SEED:-0}" \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" \
    "$corpus/$t" >"$log" 2>&1)
  rc=$?
  set -e
  grep -E '^#[0-9]+' "$log" | tail -n 1 || true
  grep -E 'stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
  if [ "$rc" -ne 0 ]; then
    echo "run-fuzz: $t FAILED (exit $rc); see $log and $crashes/" >&2
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" | head -n 5 >&2 || true
    status=1
  fi
done
exit "$status"
