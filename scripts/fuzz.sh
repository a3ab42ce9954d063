#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) in build-fuzz/ and fuzzes each named target
# (default: all) for --seconds, starting from its seeds in tests/fuzz/corpus/<target>.
#   scripts/fuzz.sh [--seconds N] [--max-len BYTES] [TARGET...]
# What libFuzzer finds goes to build-fuzz/corpus/<target> (new inputs) and
# build-fuzz/crashes/<target>/ (crash-*, timeout-*, oom-*). A crash is fixed in the code and its
# input copied into tests/fuzz/corpus/<target>/, where the CI's replay keeps it fixed.
# Ends with one line per target: executions, edges covered, features, corpus size, and the
# crashes this run found.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=60
max_len=8192
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --max-len) max_len=$2; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if [ ${#targets[@]} -eq 0 ]; then
  targets=(safetensors diffusers_config clip_tokenizer prompt_attention prompt_list image_parameters infotext)
fi
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (apt install clang)" >&2; exit 2; }

build=build-fuzz
if [ ! -f "$build/build.ninja" ]; then
  cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DSTIPPLE_FUZZERS=ON -DSTIPPLE_BUILD_GUI=OFF -DSTIPPLE_BUILD_TESTS=OFF -DSTIPPLE_USE_PCH=OFF >/dev/null
fi
cmake --build "$build" --target $(printf 'fuzz_%s ' "${targets[@]}")

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:detect_odr_violation=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
summary=()
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t" "$build/crashes/$t"
  log="$build/fuzz-$t.log"
  marker=$(mktemp)
  echo "fuzzing $t for ${seconds}s (log: $log)"
  set +e
  "$build/tests/fuzz/fuzz_$t" "$build/corpus/$t" "tests/fuzz/corpus/$t" -max_total_time="$seconds" \
    -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$build/crashes/$t/" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || true)
  crashes=$(find "$build/crashes/$t" -type f -newer "$marker" | wc -l)
  rm -f "$marker"
  corpus=$(find "$build/corpus/$t" -type f | wc -l)
  summary+=("$t: ${execs:-?} executions, ${cov:-?} edges, ${ft:-?} features, corpus $corpus, crashes $crashes (exit $rc)")
done
printf '%s\n' "${summary[@]}"
