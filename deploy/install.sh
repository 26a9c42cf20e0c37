#!/usr/bin/env bash
# Installs dialoogbot on a Debian 12 host as a systemd service (docs/admin.md, "Installeren").
# Idempotent: run it again after every upgrade. It never overwrites your config or token.
#
#   deploy/build.sh                 # first: builds build/dialoogbot
#   sudo deploy/install.sh [--prefix /usr/local] [--build-dir build] [--dry-run] [--root DIR]
#
# --dry-run prints every step without changing anything. --root DIR installs into a staging
# tree below DIR (for packaging or to try it out): no user is created, no ownership changed,
# systemd is not touched.
#
# What it does:
#   - creates the system user and group "dialoogbot" (no login, no home of its own);
#   - installs the binary to PREFIX/bin/dialoogbot and the admin guides to
#     PREFIX/share/doc/dialoogbot/;
#   - creates /etc/dialoogbot (root:dialoogbot, 0750) and /var/lib/dialoogbot (dialoogbot, 0700);
#   - writes /etc/dialoogbot/dialoogbot.yaml from the example only when it does not exist yet
#     (with access_token_file: $CREDENTIALS_DIRECTORY/token), and always refreshes
#     /etc/dialoogbot/dialoogbot.example.yaml so new keys are visible after an upgrade;
#   - tightens /etc/dialoogbot/token to root:root 0600 when it exists (it is never created);
#   - installs /etc/systemd/system/dialoogbot.service, reloads systemd and enables the unit
#     (it does not start or restart it: check the config first).
set -euo pipefail

prefix=/usr/local
build_dir=build
dry=0
root=""
usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; }
while (($#)); do
  case "$1" in
    --prefix) prefix="${2:?--prefix needs a directory}"; shift 2 ;;
    --prefix=*) prefix="${1#*=}"; shift ;;
    --build-dir) build_dir="${2:?--build-dir needs a directory}"; shift 2 ;;
    --build-dir=*) build_dir="${1#*=}"; shift ;;
    --dry-run|-n) dry=1; shift ;;
    --root) root="${2:?--root needs a directory}"; shift 2 ;;
    --root=*) root="${1#*=}"; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

src="$(cd "$(dirname "$0")/.." && pwd)"
[[ "$build_dir" = /* ]] || build_dir="$src/$build_dir"
prefix="${prefix%/}"
[[ -n "$prefix" ]] || prefix=/
root="${root%/}"
[[ -z "$root" ]] || root="$(realpath -m "$root")"
conf_dir=/etc/dialoogbot          # as the service sees it
state_dir=/var/lib/dialoogbot
bin="$build_dir/dialoogbot"
R="$root"                         # prefix for every path this script writes

say() { echo "[install] $*"; }
run() {
  if ((dry)); then
    printf '+'; printf ' %q' "$@"; echo
  else
    "$@"
  fi
}
# own OWNER:GROUP PATH  (skipped in a --root staging tree)
own() { [[ -n "$root" ]] || run chown "$1" "$2"; }
# write_file MODE OWNER:GROUP PATH  (content on stdin; replaced atomically)
write_file() {
  local mode="$1" owner="$2" path="$3" tmp
  if ((dry)); then
    echo "+ write $path (mode $mode, owner $owner)"
    cat >/dev/null
    return
  fi
  tmp="$(mktemp "$path.XXXXXX")"
  cat >"$tmp"
  chmod "$mode" "$tmp"
  [[ -n "$root" ]] || chown "$owner" "$tmp"
  mv -f "$tmp" "$path"
}

if ((!dry)) && [[ -z "$root" ]] && [[ $EUID -ne 0 ]]; then
  echo "run as root (or with --dry-run to see what would happen)" >&2
  exit 1
fi
if [[ ! -x "$bin" ]]; then
  echo "no binary at $bin: run deploy/build.sh first (or give --build-dir)" >&2
  exit 1
fi

# 1. User and group.
if [[ -n "$root" ]]; then
  say "staging below $root: no user, no ownership, no systemd"
elif getent passwd dialoogbot >/dev/null; then
  say "user dialoogbot exists"
else
  say "creating system user dialoogbot"
  run useradd --system --user-group --home-dir "$state_dir" --no-create-home \
    --shell /usr/sbin/nologin --comment "dialoogbot Matrix bot" dialoogbot
fi

# 2. Binary and documentation.
say "installing $R$prefix/bin/dialoogbot"
run install -d -m 0755 "$R$prefix/bin" "$R$prefix/share/doc/dialoogbot"
run install -m 0755 "$bin" "$R$prefix/bin/dialoogbot"
for doc in admin.md admin.en.md user.md user.en.md; do
  if [[ -f "$src/docs/$doc" ]]; then
    run install -m 0644 "$src/docs/$doc" "$R$prefix/share/doc/dialoogbot/$doc"
  fi
done
run install -m 0644 "$src/deploy/dialoogbot.example.yaml" "$R$prefix/share/doc/dialoogbot/"

# 3. Directories.
run install -d -m 0750 "$R$conf_dir"
own root:dialoogbot "$R$conf_dir"
run install -d -m 0700 "$R$state_dir"
own dialoogbot:dialoogbot "$R$state_dir"
run install -d -m 0755 "$R/etc/systemd/system"

# 4. Config (never overwritten) and the example next to it (always refreshed).
systemd_example() {
  # Under systemd the token comes through LoadCredential=; the database is in the StateDirectory.
  sed -e 's|^\(  *access_token_file:\).*|\1 $CREDENTIALS_DIRECTORY/token|' \
      -e 's|^storage:.*|storage: /var/lib/dialoogbot/dialoogbot.db|' \
      "$src/deploy/dialoogbot.example.yaml"
}
systemd_example | write_file 0640 root:dialoogbot "$R$conf_dir/dialoogbot.example.yaml"
if [[ -e "$R$conf_dir/dialoogbot.yaml" ]]; then
  say "keeping $R$conf_dir/dialoogbot.yaml (compare with dialoogbot.example.yaml for new keys)"
  own root:dialoogbot "$R$conf_dir/dialoogbot.yaml"
  run chmod 0640 "$R$conf_dir/dialoogbot.yaml"
else
  say "writing $R$conf_dir/dialoogbot.yaml from the example: edit it before starting"
  systemd_example | write_file 0640 root:dialoogbot "$R$conf_dir/dialoogbot.yaml"
fi

# 5. Token: only tightened, never created (systemd refuses to start without it, on purpose).
if [[ -e "$R$conf_dir/token" ]]; then
  own root:root "$R$conf_dir/token"
  run chmod 0600 "$R$conf_dir/token"
  have_token=1
else
  have_token=0
fi

# 6. systemd unit (ExecStart and Documentation follow --prefix).
sed -e "s|/usr/local/bin/dialoogbot|$prefix/bin/dialoogbot|" \
    -e "s|file:/usr/local/share/doc/dialoogbot/|file:$prefix/share/doc/dialoogbot/|" \
    "$src/deploy/dialoogbot.service" | write_file 0644 root:root "$R/etc/systemd/system/dialoogbot.service"
if [[ -n "$root" ]]; then
  systemd_up=0
elif [[ -d /run/systemd/system ]]; then
  run systemctl daemon-reload
  run systemctl enable dialoogbot.service
  systemd_up=1
else
  say "systemd is not running here: unit installed, not enabled"
  systemd_up=0
fi

# 7. Next steps.
echo
say "done. Next:"
((have_token)) || echo "  - put the bot's access token in $conf_dir/token (one line) and chmod 600 it"
echo "  - edit $conf_dir/dialoogbot.yaml, then check it:"
echo "      CREDENTIALS_DIRECTORY=$conf_dir $prefix/bin/dialoogbot --check-config $conf_dir/dialoogbot.yaml"
if ((systemd_up)); then
  if systemctl is-active --quiet dialoogbot.service 2>/dev/null; then
    echo "  - the bot is running the old binary: make a backup, then: systemctl restart dialoogbot"
  else
    echo "  - start it: systemctl start dialoogbot; follow it: journalctl -u dialoogbot -f"
  fi
fi
