#!/usr/bin/env bash
# One command to see dialoogbot work on a fresh Debian 12 machine (as root):
# installs dependencies, builds, starts a local Synapse, registers a bot and a demo account,
# writes a config, starts the bot and runs a scripted demo conversation whose transcript is
# printed. The bot then keeps running until Ctrl-C.
#   --no-wait   stop the bot (and the homeserver, if this run started it) after the demo
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
no_wait=0
for a in "$@"; do
  case "$a" in
    --no-wait) no_wait=1 ;;
    -h|--help) sed -n 2,7p "$0"; exit 0 ;;
    *) echo "unknown option $a"; exit 2 ;;
  esac
done

start=$(date +%s)
deploy/install-deps.sh
deploy/build.sh
# Stop the homeserver afterwards (--no-wait) only when this run started it: another run's tests
# or a developer's session may be using a server that was already up.
hs_was_running=0
if deploy/dev-homeserver.sh status >/dev/null 2>&1; then hs_was_running=1; fi
deploy/dev-homeserver.sh start

state=${DIALOOG_DEMO_DIR:-/var/lib/dialoogbot-dev/demo}
mkdir -p "$state"
chmod 700 "$state"
bot_pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
demo_pw=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
suffix=$(date +%s)
bot_user="dialoogbot"
demo_user="demo$suffix"
# The bot account keeps its password from an earlier run. If the account exists but its
# password is unknown here (e.g. the demo dir was removed), use a fresh bot account name.
if [[ -f "$state/bot-password" && -f "$state/bot-user" ]]; then
  bot_pw=$(cat "$state/bot-password"); bot_user=$(cat "$state/bot-user")
fi
if deploy/dev-homeserver.sh register "$bot_user" "$bot_pw" | grep -q "already exists" &&
   [[ ! -f "$state/bot-user" ]]; then
  bot_user="dialoogbot$suffix"
  deploy/dev-homeserver.sh register "$bot_user" "$bot_pw" >/dev/null
fi
deploy/dev-homeserver.sh register "$demo_user" "$demo_pw" >/dev/null
umask 077
printf '%s' "$bot_pw" > "$state/bot-password"
printf '%s' "$bot_user" > "$state/bot-user"
printf '%s' "$demo_pw" > "$state/demo-password"

# The demo account creates the team room first, so the config can name it as a team.
room_id=$(/usr/bin/python3 - "$demo_user" "$demo_pw" <<'PY'
import sys
sys.path.insert(0, "tests/e2e")
import matrix_client as mc
c = mc.Client.login(sys.argv[1], sys.argv[2])
print(c.create_room("Team Noord (demo)", topic="Demo van dialoogbot"))
PY
)
cat > "$state/dialoogbot.yaml" <<YAML
# Written by deploy/quickstart.sh; see deploy/dialoogbot.example.yaml for every key.
homeserver: http://127.0.0.1:8008
bot:
  user_id: "@${bot_user}:localhost"
  password_file: $state/bot-password
  device_id: DIALOOGBOT1
storage: $state/dialoogbot.db
language: nl
timezone: Europe/Amsterdam
admins: ["@${demo_user}:localhost"]
invites:
  allow: ["@*:localhost"]
teams:
  - name: Team Noord
    room: "${room_id}"
    leaders: ["@${demo_user}:localhost"]
YAML
build/dialoogbot --check-config "$state/dialoogbot.yaml"

build/dialoogbot --config "$state/dialoogbot.yaml" >"$state/bot.log" 2>&1 &
bot_pid=$!
cleanup() {
  kill -TERM "$bot_pid" 2>/dev/null && wait "$bot_pid" 2>/dev/null || true
  if [[ $no_wait == 1 && $hs_was_running == 0 ]]; then
    deploy/dev-homeserver.sh stop >/dev/null || true
  fi
}
trap cleanup EXIT
echo "[quickstart] bot started (pid $bot_pid, log $state/bot.log)"

/usr/bin/python3 deploy/demo_conversation.py --user "$demo_user" --password "$demo_pw" \
  --room "$room_id" --bot "@${bot_user}:localhost"

echo "[quickstart] done in $(( $(date +%s) - start )) s"
if [[ $no_wait == 0 ]]; then
  echo "[quickstart] the bot keeps running; log in with Element to http://127.0.0.1:8008 as"
  echo "             ${demo_user} (password in $state/demo-password). Ctrl-C stops the bot."
  wait "$bot_pid"
fi
