#!/usr/bin/env bash
# Builds and runs every benchmark (bench/*_bench.cpp, Google Benchmark) and the matrix-nio peer
# on the same /sync fixture, then prints the /sync ratio (ours vs nio events/s). Issue 7 item 5;
# the figures and their meaning are in docs/performance.md.
#   deploy/bench.sh                       everything
#   deploy/bench.sh sync scrubber         only these benchmarks (names without _bench)
# Environment: BENCH_BUILD_DIR (default build-bench), BENCH_JOBS (build parallelism, default 2),
# BENCH_ARGS (extra Google Benchmark flags for every binary, e.g. --benchmark_repetitions=3),
# NIO_RUNS (peer runs, default 5). Logs and JSON results go to $BENCH_BUILD_DIR/bench-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD_DIR:-build-bench}
jobs=${BENCH_JOBS:-2}
py=/usr/bin/python3  # Debian's interpreter, which has python3-matrix-nio
deploy/install-deps.sh >/dev/null

# Only DIALOOG_BENCH is set, so an existing build dir keeps its other options.
cmake -S . -B "$build" -DDIALOOG_BENCH=ON >/dev/null
grep -q '^benchmark_DIR:PATH=/' "$build/CMakeCache.txt" || {
  echo "[bench] Google Benchmark not found by CMake (libbenchmark-dev)" >&2
  exit 1
}

names=()
if (($#)); then
  for n in "$@"; do names+=("${n%_bench}_bench"); done
else
  for f in bench/*_bench.cpp; do names+=("$(basename "$f" .cpp)"); done
fi
for n in "${names[@]}"; do
  echo "[bench] building $n"
  cmake --build "$build" -j "$jobs" --target "$n" >/dev/null
done

logs="$build/bench-logs"
mkdir -p "$logs"
echo "[bench] machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
for n in "${names[@]}"; do
  echo "[bench] running $n"
  # shellcheck disable=SC2086  # BENCH_ARGS is a list of flags
  "$build/bench/$n" --benchmark_out="$logs/$n.json" --benchmark_out_format=json ${BENCH_ARGS:-} \
    2>&1 | tee "$logs/$n.log"
done

[[ " ${names[*]} " == *" sync_bench "* ]] || exit 0

echo "[bench] matrix-nio peer on the same fixture"
"$build/bench/sync_bench" --write-fixture "$build/bench-fixture"
"$py" bench/peers/nio_bot.py "$build/bench-fixture" --runs "${NIO_RUNS:-5}" | tee "$logs/nio_bot.log"

"$py" - "$logs/sync_bench.json" "$logs/nio_bot.log" <<'EOF'
import json, re, sys
ours = {}
for b in json.load(open(sys.argv[1]))["benchmarks"]:
    if b.get("run_type", "iteration") == "iteration" and "items_per_second" in b:
        ours.setdefault(b["run_name"], []).append(b["items_per_second"])
nio = None
for line in open(sys.argv[2]):
    m = re.match(r"nio_sync events_per_s=(\d+)", line)
    if m:
        nio = float(m.group(1))
if not nio:
    sys.exit("[bench] no nio_sync line in the peer's output")
rows = [("all features, one response", "BM_SyncHandling/all_features:1/batches:1"),
        ("core only, one response", "BM_SyncHandling/all_features:0/batches:1"),
        ("all features, 100 responses", "BM_SyncHandling/all_features:1/batches:100")]
for label, prefix in rows:
    vals = sorted(v for k, vs in ours.items() if k.startswith(prefix) for v in vs)
    if not vals:
        continue
    med = vals[len(vals) // 2]
    print(f"[bench] /sync ratio ({label}): ours {med:,.0f} events/s vs nio {nio:,.0f} events/s "
          f"= {med / nio:.1f}x (target >= 20x)")
EOF
