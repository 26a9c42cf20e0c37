#!/usr/bin/env bash
# Builds and runs every benchmark (bench/*_bench.cpp, Google Benchmark) and the matrix-nio peer
# on the same /sync fixture, then prints the /sync ratio (ours vs nio events/s); and the idle
# memory benchmark (bench/idle_rss.py: the bot and a nio bot in 100 rooms on the local Synapse).
# The figures and their meaning are in docs/performance.md.
#   deploy/bench.sh                       everything; `idle` only if the dev homeserver runs
#   deploy/bench.sh sync scrubber         only these benchmarks (names without _bench)
#   deploy/bench.sh idle                  only the idle memory one (starts the homeserver if
#                                         needed; never stops it: other tests share it)
# Environment: BENCH_BUILD_DIR (default build-bench), BENCH_JOBS (build parallelism, default 2),
# BENCH_ARGS (extra Google Benchmark flags for every binary, e.g. --benchmark_repetitions=3),
# NIO_RUNS (peer runs, default 5), IDLE_BIN (bot binary for `idle`; default: build the
# dialoogbot target in the build dir), IDLE_ROOMS (default 100), IDLE_SECONDS (default 300).
# Logs and JSON results go to $BENCH_BUILD_DIR/bench-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${BENCH_BUILD_DIR:-build-bench}
jobs=${BENCH_JOBS:-2}
py=/usr/bin/python3  # Debian's interpreter, which has python3-matrix-nio
deploy/install-deps.sh >/dev/null

names=()
idle=0
if (($#)); then
  for n in "$@"; do
    if [[ $n == idle ]]; then idle=1; else names+=("${n%_bench}_bench"); fi
  done
else
  for f in bench/*_bench.cpp; do names+=("$(basename "$f" .cpp)"); done
  # The full run measures idle memory only when the shared dev homeserver is already up.
  if deploy/dev-homeserver.sh status >/dev/null 2>&1; then idle=1; fi
fi

if ((${#names[@]})) || [[ -z ${IDLE_BIN:-} ]]; then
  # Only DIALOOG_BENCH is set, so an existing build dir keeps its other options.
  cmake -S . -B "$build" -DDIALOOG_BENCH=ON >/dev/null
fi
if ((${#names[@]})) && ! grep -q '^benchmark_DIR:PATH=/' "$build/CMakeCache.txt"; then
  echo "[bench] Google Benchmark not found by CMake (libbenchmark-dev)" >&2
  exit 1
fi
for n in ${names[@]+"${names[@]}"}; do
  echo "[bench] building $n"
  cmake --build "$build" -j "$jobs" --target "$n" >/dev/null
done

logs="$build/bench-logs"
mkdir -p "$logs"
echo "[bench] machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
for n in ${names[@]+"${names[@]}"}; do
  echo "[bench] running $n"
  # shellcheck disable=SC2086  # BENCH_ARGS is a list of flags
  "$build/bench/$n" --benchmark_out="$logs/$n.json" --benchmark_out_format=json ${BENCH_ARGS:-} \
    2>&1 | tee "$logs/$n.log"
done

run_idle() {
  local bin=${IDLE_BIN:-}
  if [[ -z $bin ]]; then
    echo "[bench] building dialoogbot (for idle)"
    cmake --build "$build" -j "$jobs" --target dialoogbot >/dev/null
    bin="$build/dialoogbot"
  fi
  deploy/dev-homeserver.sh status >/dev/null 2>&1 || deploy/dev-homeserver.sh start
  echo "[bench] running idle (bot and nio peer in ${IDLE_ROOMS:-100} rooms, ${IDLE_SECONDS:-300} s idle)"
  "$py" bench/idle_rss.py --bin "$bin" --rooms "${IDLE_ROOMS:-100}" \
    --idle-seconds "${IDLE_SECONDS:-300}" 2>&1 | tee "$logs/idle_rss.log"
}

if [[ " ${names[*]-} " != *" sync_bench "* ]]; then
  if ((idle)); then run_idle; fi
  exit 0
fi

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

if ((idle)); then run_idle; fi
