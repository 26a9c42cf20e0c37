#!/usr/bin/env bash
# Runs every test of dialoogbot on a fresh Debian 12 machine (as root): installs dependencies,
# builds, runs unit and fake-homeserver integration tests (ctest), starts the local Synapse and
# runs the end-to-end tests and a short crash-torture run against it. Exits non-zero on any
# failure.
#   --sanitize   also build with ASan+UBSan (build-asan/) and run unit + integration tests there
#   --torture    also run the full crash torture (500 commands, 20 SIGKILLs)
#   --no-e2e     skip the Synapse tests (for quick local runs; CI never uses it)
set -euo pipefail
cd "$(dirname "$0")/.."
sanitize=0
torture=0
e2e=1
for a in "$@"; do
  case "$a" in
    --sanitize) sanitize=1 ;;
    --torture) torture=1 ;;
    --no-e2e) e2e=0 ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    *) echo "unknown option $a"; exit 2 ;;
  esac
done

t0=$(date +%s)
failed=()
passed=()
step() {  # step NAME COMMAND... : runs and records the outcome, never stops the script
  local name=$1; shift
  local s=$(date +%s)
  echo "=== $name"
  if "$@"; then passed+=("$name"); echo "=== $name: ok ($(( $(date +%s) - s )) s)"
  else failed+=("$name"); echo "=== $name: FAILED ($(( $(date +%s) - s )) s)"; fi
}

deploy/install-deps.sh
deploy/build.sh build

step "unit and integration tests (ctest)" \
  ctest --test-dir build --output-on-failure --timeout 600 -j 2

if [[ $sanitize == 1 ]]; then
  if deploy/build.sh --sanitize build-asan; then
    step "unit and integration tests under ASan+UBSan" env \
      ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --test-dir build-asan --output-on-failure --timeout 900 -j 2
  else
    failed+=("sanitizer build")
  fi
fi

if [[ $e2e == 1 ]]; then
  stop_hs=0
  if ! deploy/dev-homeserver.sh status >/dev/null 2>&1; then stop_hs=1; fi
  if deploy/dev-homeserver.sh start; then
    export DIALOOG_BIN="$PWD/build/dialoogbot"
    step "end-to-end tests against Synapse" tests/e2e/run_all.sh
    if [[ $torture == 1 ]]; then
      step "full crash torture" tests/torture/run.sh --full
    fi
    step "quickstart demo" deploy/quickstart.sh --no-wait
  else
    failed+=("start local Synapse")
  fi
  if [[ $stop_hs == 1 ]]; then deploy/dev-homeserver.sh stop >/dev/null 2>&1 || true; fi
fi

echo
echo "test.sh finished in $(( $(date +%s) - t0 )) s"
for f in "${failed[@]}"; do echo "FAILED: $f"; done
echo "steps: ${#passed[@]} passed, ${#failed[@]} failed (test counts are in each step's output above)"
[[ ${#failed[@]} -eq 0 ]]
