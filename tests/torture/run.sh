#!/usr/bin/env bash
# Crash torture against the local Synapse: a client sends !ping commands to a team room at a
# steady rate while the bot is SIGKILLed at random moments and restarted; then the room history
# must show every command answered exactly once. `deploy/test.sh --torture` calls it with --full.
#   --full    500 commands, 20 kills (default)
#   --short   100 commands, 5 kills (what tests/e2e/run_all.sh runs)
#   other options go to tests/torture/torture.py (--commands N --kills K --rate R --seed S ...)
# Starts the homeserver if it is not running (and leaves it running); needs a built binary
# ($DIALOOG_BIN, default build/dialoogbot).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PYTHONDONTWRITEBYTECODE=1
export DIALOOG_BIN="${DIALOOG_BIN:-$PWD/build/dialoogbot}"
args=("$@")
case " ${args[*]:-} " in
  *" --short "* | *" --full "* | *" --commands "*) ;;
  *) args=(--full "${args[@]}") ;;
esac
if ! deploy/dev-homeserver.sh status >/dev/null 2>&1; then
  deploy/dev-homeserver.sh start
fi
exec timeout --kill-after=10 1800 /usr/bin/python3 tests/torture/torture.py "${args[@]}"
