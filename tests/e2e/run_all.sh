#!/usr/bin/env bash
# Runs every end-to-end test (tests/e2e/test_*.py, with Debian's /usr/bin/python3 -m unittest)
# and the SHORT crash torture (tests/torture/torture.py --short) against the local Synapse.
# Assumes the homeserver runs (deploy/dev-homeserver.sh start) and the binary is built
# ($DIALOOG_BIN, default build/dialoogbot). deploy/test.sh starts Synapse and calls this.
# Counts test cases (the torture counts as one) and ends with the line "N passed, N failed";
# exits non-zero on any failure.
#   --no-torture   skip the torture run
#   FILTER...      only test files whose name contains one of these words (e.g. core)
set -uo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
py=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1
export DIALOOG_BIN="${DIALOOG_BIN:-$root/build/dialoogbot}"
torture=1
filters=()
for a in "$@"; do
  case "$a" in
    --no-torture) torture=0 ;;
    -h|--help) sed -n 2,10p "$0"; exit 0 ;;
    -*) echo "unknown option $a"; exit 2 ;;
    *) filters+=("$a") ;;
  esac
done

passed=0
failed=0
skipped=0
failures=()
t0=$(date +%s)

if [[ ! -x "$DIALOOG_BIN" ]]; then
  echo "[e2e] no binary at $DIALOOG_BIN (build it, or set DIALOOG_BIN)"
  echo "0 passed, 1 failed"
  exit 1
fi
if ! "$py" -c 'import sys; sys.path.insert(0, "tests/e2e"); import matrix_client as m; m.request("GET", "/_matrix/client/versions", timeout=5)' 2>/dev/null; then
  echo "[e2e] the homeserver does not answer at ${DIALOOG_HS_URL:-http://127.0.0.1:8008} (deploy/dev-homeserver.sh start)"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "[e2e] binary $DIALOOG_BIN ($("$DIALOOG_BIN" --version 2>&1))"

wanted() {
  [[ ${#filters[@]} -eq 0 ]] && return 0
  local f
  for f in "${filters[@]}"; do [[ "$1" == *"$f"* ]] && return 0; done
  return 1
}

for file in tests/e2e/test_*.py; do
  wanted "$(basename "$file")" || continue
  s=$(date +%s)
  echo "=== $file"
  out=$(mktemp)
  # Bounded: the unittest waits are bounded already; this guards against a hang anywhere.
  timeout --kill-after=10 900 "$py" -m unittest -v "$file" 2>&1 | tee "$out"
  rc=${PIPESTATUS[0]}
  ran=$(sed -n 's/^Ran \([0-9]\+\) tests\? in .*/\1/p' "$out" | tail -n1)
  nf=$(sed -n 's/.*failures=\([0-9]\+\).*/\1/p' "$out" | tail -n1)
  ne=$(sed -n 's/.*errors=\([0-9]\+\).*/\1/p' "$out" | tail -n1)
  ns=$(sed -n 's/.*skipped=\([0-9]\+\).*/\1/p' "$out" | tail -n1)
  rm -f "$out"
  ran=${ran:-0}; nf=${nf:-0}; ne=${ne:-0}; ns=${ns:-0}
  bad=$((nf + ne))
  if [[ $rc -ne 0 && $bad -eq 0 ]]; then bad=1; fi  # crashed, timed out, or did not load
  good=$((ran - nf - ne - ns))
  (( good < 0 )) && good=0
  passed=$((passed + good)); failed=$((failed + bad)); skipped=$((skipped + ns))
  [[ $bad -gt 0 ]] && failures+=("$file ($bad)")
  echo "=== $file: $good passed, $bad failed, $ns skipped ($(( $(date +%s) - s )) s)"
done

if [[ $torture == 1 ]] && wanted torture; then
  s=$(date +%s)
  echo "=== crash torture (short)"
  if timeout --kill-after=10 600 "$py" tests/torture/torture.py --short; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); failures+=("crash torture (short)")
  fi
  echo "=== crash torture (short): $(( $(date +%s) - s )) s"
fi

echo
echo "[e2e] finished in $(( $(date +%s) - t0 )) s; $skipped skipped"
for f in "${failures[@]}"; do echo "FAILED: $f"; done
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
