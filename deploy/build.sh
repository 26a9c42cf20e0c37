#!/usr/bin/env bash
# Configures and builds dialoogbot. Usage: deploy/build.sh [--sanitize] [BUILD_DIR]
# Default build dir: build/ (build-asan/ with --sanitize).
set -euo pipefail
cd "$(dirname "$0")/.."
sanitize=OFF
dir=""
for a in "$@"; do
  case "$a" in
    --sanitize) sanitize=ON ;;
    *) dir="$a" ;;
  esac
done
[[ -n "$dir" ]] || { [[ $sanitize == ON ]] && dir=build-asan || dir=build; }
jobs=$(nproc 2>/dev/null || echo 2)
# The sanitizer build runs the unit and integration tests only: no benchmarks there.
bench=ON
[[ $sanitize == ON ]] && bench=OFF
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDIALOOG_SANITIZE=$sanitize \
  -DDIALOOG_BENCH=$bench >/dev/null
log="$dir/build.log"
if ! cmake --build "$dir" -j "$jobs" >"$log" 2>&1; then
  grep -E "error|Error" "$log" | head -40
  echo "[build] failed (full log: $log)"
  exit 1
fi
if grep -q "warning:" "$log"; then
  grep "warning:" "$log" | sort -u | head -20
  echo "[build] warnings found (the project keeps them at zero)"
fi
echo "[build] ok: $dir/dialoogbot"
