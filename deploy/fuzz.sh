#!/usr/bin/env bash
# Builds the libFuzzer targets with clang-14 (ASan+UBSan) and runs one or all of them.
#   deploy/fuzz.sh [TARGET|all] [SECONDS]     e.g. deploy/fuzz.sh scrubber 300
#   FUZZ_JOBS=1 nice -n 19 deploy/fuzz.sh all 300   (build parallelism, default 2)
# Targets: command_parser, sync, config, scrubber, wanneer, nudge. Seeds are in
# tests/fuzz/corpus/<target>/; new inputs go to build-fuzz/corpus/<target>/ (not committed);
# crashes go to tests/fuzz/artifacts/ and must become regression tests. The full libFuzzer
# output of each run is kept in build-fuzz/logs/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:-all}
seconds=${2:-60}
deploy/install-deps.sh >/dev/null
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DDIALOOG_FUZZ=ON -DDIALOOG_WERROR=OFF -DDIALOOG_TESTS=OFF -DDIALOOG_BENCH=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
targets=()
if [[ $target == all ]]; then
  for f in tests/fuzz/fuzz_*.cpp; do n=$(basename "$f" .cpp); targets+=("${n#fuzz_}"); done
else
  targets=("$target")
fi
for t in "${targets[@]}"; do cmake --build build-fuzz -j "${FUZZ_JOBS:-2}" --target "fuzz_$t" >/dev/null; done
mkdir -p tests/fuzz/artifacts build-fuzz/logs
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  echo "[fuzz] $t for ${seconds}s"
  build-fuzz/"fuzz_$t" "build-fuzz/corpus/$t" "tests/fuzz/corpus/$t" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="tests/fuzz/artifacts/$t-" -print_final_stats=1 2>&1 | tee "build-fuzz/logs/$t.log" |
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+== ?ERROR|SUMMARY)|^#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs" || true
done
