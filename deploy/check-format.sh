#!/usr/bin/env bash
# Checks that every C++ source of the repository is formatted as .clang-format says
# (clang-format 14, Debian 12's). Usage: deploy/check-format.sh [--fix] [REPO_DIR]
#   --fix   rewrite the files in place instead of checking
# Exits 0 when every file matches, 1 with clang-format's report of the first differences.
set -euo pipefail
fix=0
dir=""
for a in "$@"; do
  case "$a" in
    --fix) fix=1 ;;
    *) dir="$a" ;;
  esac
done
cd "${dir:-$(dirname "$0")/..}"
formatter=$(command -v clang-format-14 || command -v clang-format || true)
[[ -n "$formatter" ]] || { echo "check-format: clang-format not found (apt-get install clang-format-14)"; exit 1; }
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.cpp' '*.hpp' '*.h' \
    | while read -r f; do [[ -f "$f" ]] && echo "$f"; done)
else
  mapfile -t files < <(find . -path ./build\* -prune -o \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' \) -print)
fi
if [[ $fix == 1 ]]; then
  "$formatter" -i "${files[@]}"
  echo "check-format: formatted ${#files[@]} files"
  exit 0
fi
if "$formatter" --dry-run -Werror "${files[@]}" 2>/tmp/check-format.$$; then
  rm -f /tmp/check-format.$$
  echo "check-format: ${#files[@]} files, all formatted"
else
  n=$(grep -c 'error:' /tmp/check-format.$$ || true)
  grep 'error:' /tmp/check-format.$$ | cut -d: -f1 | sort -u | sed 's/^/not formatted: /'
  rm -f /tmp/check-format.$$
  echo "check-format: $n differences; deploy/check-format.sh --fix rewrites the files"
  exit 1
fi
