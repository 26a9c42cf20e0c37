#!/usr/bin/env bash
# Runs clang-tidy 14 with the repository's .clang-tidy over the C++ sources of the layers
# without Asio (not the tests), using build/compile_commands.json. Usage: deploy/tidy.sh [BUILD_DIR]
# bot/net/ and bot/main.cpp are left out: clang-tidy 14 cannot parse Boost 1.74 Asio's
# co_await support against GCC 12's libstdc++ ("no template named 'awaitable'").
# Takes 15-30 minutes on 2 cores, so CI does not run it; run it before a large change lands.
# Exits 0 when no check fires.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
[[ -f "$build/compile_commands.json" ]] || deploy/build.sh "$build" >/dev/null
tidy=$(command -v clang-tidy-14 || command -v clang-tidy)
mapfile -t files < <(git ls-files -- 'common/*.cpp' 'lib/*.cpp' 'matrix/*.cpp' 'config/*.cpp' \
  'storage/*.cpp' 'commands/*.cpp' 'crypto/*.cpp' 'bot/engine/*.cpp' 'bot/tools/*.cpp' \
  'bot/features.cpp')
status=0
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -n 4 "$tidy" -p "$build" --quiet \
  2>/dev/null >"$build/tidy.log" || status=1
grep -E 'warning:|error:' "$build/tidy.log" || true
echo "tidy: ${#files[@]} files, $(grep -cE 'warning:|error:' "$build/tidy.log" || true) findings"
exit $status
