#!/usr/bin/env bash
# Local Matrix test homeserver (Synapse) for dialoogbot's end-to-end tests.
#
# Usage:
#   deploy/dev-homeserver.sh start                       provision if needed, start, wait until it answers
#   deploy/dev-homeserver.sh stop                        stop it (TERM, then KILL after a timeout), unmount
#   deploy/dev-homeserver.sh status                      prints running/stopped; exit 0 = running, 3 = stopped
#   deploy/dev-homeserver.sh register USER PASSWORD [--admin]
#                                                        create a local user (an existing user is not an error)
#   deploy/dev-homeserver.sh url                         prints the client-server base URL
#   deploy/dev-homeserver.sh reset                       stop, wipe the state dir (fresh server); keeps the chroot
#   deploy/dev-homeserver.sh provision                   only build the cached Synapse chroot
#   deploy/dev-homeserver.sh log [N]                     last N (default 50) lines of the Synapse log
#
# Synapse is packaged only in Debian unstable, so it runs from a debootstrapped sid chroot cached
# under /var/cache/dialoogbot/synapse-chroot (built once, ~750 MB; a marker file written after a
# successful install marks it complete, so an interrupted build is redone). The server's state
# (config, signing key, sqlite database, media, log, pid file) lives in a separate state dir on the
# host, bind-mounted into the chroot at the same absolute path, so every path in the config is the
# same inside and outside. It listens on 127.0.0.1 only, server name "localhost", open registration
# off (users are made with the shared secret via `register`), rate limits raised for tests.
#
# Environment:
#   DIALOOG_HS_DIR      state dir            (default /var/lib/dialoogbot-dev/synapse)
#   DIALOOG_HS_PORT     listening port       (default 8008, always on 127.0.0.1)
#   DIALOOG_HS_CHROOT   chroot location      (default /var/cache/dialoogbot/synapse-chroot)
#   DIALOOG_HS_MIRROR   Debian mirror URI    (default: first non-security debian URI in apt sources)
#   DIALOOG_HS_START_TIMEOUT  seconds to wait for the server to answer (default 60)
#
# Must run as root (debootstrap, chroot, mount).
set -euo pipefail

readonly CHROOT="${DIALOOG_HS_CHROOT:-/var/cache/dialoogbot/synapse-chroot}"
readonly STATE_DIR="${DIALOOG_HS_DIR:-/var/lib/dialoogbot-dev/synapse}"
readonly PORT="${DIALOOG_HS_PORT:-8008}"
readonly START_TIMEOUT="${DIALOOG_HS_START_TIMEOUT:-60}"
readonly STOP_TIMEOUT=30
readonly SERVER_NAME="localhost"
readonly BASE_URL="http://127.0.0.1:${PORT}"
readonly MARKER="${CHROOT}/.dialoogbot-synapse-ready"
readonly LOCK_FILE="/run/lock/dialoogbot-dev-homeserver.lock"
readonly CONFIG="${STATE_DIR}/homeserver.yaml"
readonly LOG_CONFIG="${STATE_DIR}/log.config"
readonly LOG_FILE="${STATE_DIR}/homeserver.log"
readonly CONSOLE_LOG="${STATE_DIR}/console.log"
readonly PID_FILE="${STATE_DIR}/homeserver.pid"

say() { printf '[homeserver] %s\n' "$*"; }
die() { printf '[homeserver] ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
    sed -n '4,13p' "$0" | sed 's/^# \{0,1\}//'
}

require_root() {
    [[ "$(id -u)" -eq 0 ]] || die "must run as root (debootstrap, chroot and mount need it)"
}

# Serialise everything that changes state: two test runs starting the server at once must not
# both provision or both launch it.
take_lock() {
    mkdir -p "$(dirname "$LOCK_FILE")"
    exec 9>"$LOCK_FILE"
    if ! flock -w 900 9; then
        die "could not take $LOCK_FILE within 15 minutes"
    fi
}

# Run a command inside the chroot with a clean environment (the host's PYTHON*, LD_* etc. must
# not leak into the chroot's interpreter).
in_chroot() {
    env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 DEBIAN_FRONTEND=noninteractive \
        chroot "$CHROOT" "$@"
}

# ---------------------------------------------------------------------------------------------
# Mounts

is_mounted() { mountpoint -q "$1" 2>/dev/null; }

mount_base() {
    mkdir -p "$CHROOT/proc" "$CHROOT/dev"
    is_mounted "$CHROOT/proc" || mount -t proc proc "$CHROOT/proc"
    is_mounted "$CHROOT/dev" || mount --bind /dev "$CHROOT/dev"
}

mount_state() {
    mkdir -p "$STATE_DIR" "${CHROOT}${STATE_DIR}"
    is_mounted "${CHROOT}${STATE_DIR}" || mount --bind "$STATE_DIR" "${CHROOT}${STATE_DIR}"
}

unmount_one() {
    local target="$1"
    is_mounted "$target" || return 0
    umount "$target" 2>/dev/null || umount -l "$target" || return 1
}

# Any process whose root directory is the chroot (a server of another state dir, an apt run)?
chroot_in_use() {
    local root pid_root
    root="$(readlink -f "$CHROOT")"
    for pid_root in /proc/[0-9]*/root; do
        [[ "$(readlink "$pid_root" 2>/dev/null || true)" == "$root" ]] && return 0
    done
    return 1
}

# All mount points at or below the chroot, deepest first.
mounts_under_chroot() {
    local root
    root="$(readlink -f "$CHROOT" 2>/dev/null || printf '%s' "$CHROOT")"
    awk -v root="$root" '$2 == root || index($2, root "/") == 1 { print $2 }' /proc/self/mounts \
        | sort -r
}

unmount_state() { unmount_one "${CHROOT}${STATE_DIR}"; }

# /proc and /dev are shared by every server using this chroot: release them only when no
# process runs inside it and no other state dir is still bind-mounted there.
unmount_base_if_unused() {
    chroot_in_use && return 0
    local m others=0
    while IFS= read -r m; do
        case "$m" in
            "$(readlink -f "$CHROOT")/proc" | "$(readlink -f "$CHROOT")/dev") ;;
            *) others=1 ;;
        esac
    done < <(mounts_under_chroot)
    [[ "$others" -eq 0 ]] || return 0
    unmount_one "$CHROOT/dev"
    unmount_one "$CHROOT/proc"
}

unmount_all_under_chroot() {
    local m
    while IFS= read -r m; do
        [[ -n "$m" ]] || continue
        umount "$m" 2>/dev/null || umount -l "$m" || true
    done < <(mounts_under_chroot)
    if [[ -n "$(mounts_under_chroot)" ]]; then
        die "could not unmount everything under $CHROOT: $(mounts_under_chroot | tr '\n' ' ')"
    fi
}

# ---------------------------------------------------------------------------------------------
# Provisioning

# First non-security Debian URI from the machine's own apt sources (deb822 first, then one-line).
detect_mirror() {
    if [[ -n "${DIALOOG_HS_MIRROR:-}" ]]; then
        printf '%s\n' "$DIALOOG_HS_MIRROR"
        return 0
    fi
    local f uri=""
    shopt -s nullglob
    for f in /etc/apt/sources.list.d/*.sources; do
        # One stanza at a time: skip stanzas of security suites or deb-src-only stanzas.
        uri="$(awk '
            function flush() {
                if (uris != "" && !sec && deb) { split(uris, a, " "); print a[1]; found = 1; exit }
                uris = ""; sec = 0; deb = 1
            }
            BEGIN { deb = 1 }
            /^[[:space:]]*$/ { flush(); next }
            /^[[:space:]]*#/ { next }
            tolower($1) == "types:" { deb = ($0 ~ /[[:space:]]deb([[:space:]]|$)/) }
            tolower($1) == "uris:" { $1 = ""; uris = $0 }
            tolower($1) == "suites:" { if ($0 ~ /-security/) sec = 1 }
            tolower($1) == "enabled:" { if (tolower($2) == "no") deb = 0 }
            END { if (!found) flush() }
        ' "$f" | grep -v -i 'security' | grep -i 'debian' | head -n1 || true)"
        if [[ -n "$uri" ]]; then
            shopt -u nullglob
            printf '%s\n' "$uri"
            return 0
        fi
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [[ -f "$f" ]] || continue
        # deb [options] URI suite components...
        uri="$(awk '
            $1 == "deb" {
                i = 2
                if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
                if ($(i + 1) ~ /-security/) next
                print $i
            }
        ' "$f" | grep -v -i 'security' | grep -i 'debian' | head -n1 || true)"
        if [[ -n "$uri" ]]; then
            shopt -u nullglob
            printf '%s\n' "$uri"
            return 0
        fi
    done
    shopt -u nullglob
    return 1
}

# Install missing host tools with apt-get (a fresh Debian 12 may lack curl and debootstrap).
ensure_host_tools() {
    local -a missing=()
    command -v curl >/dev/null 2>&1 || missing+=(curl ca-certificates)
    if [[ ! -f "$MARKER" ]]; then
        command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
        [[ -f /usr/share/keyrings/debian-archive-keyring.gpg ]] || missing+=(debian-archive-keyring)
    fi
    [[ "${#missing[@]}" -gt 0 ]] || return 0
    say "installing on the host: ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null || die "apt-get update failed"
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null \
        || die "could not install ${missing[*]}"
}

provision() {
    if [[ -f "$MARKER" ]]; then
        return 0
    fi
    local t0 mirror keyring
    t0=$(date +%s)
    say "no complete Synapse chroot at $CHROOT: provisioning (one-off, ~750 MB download)"
    ensure_host_tools
    mirror="$(detect_mirror)" || die "no Debian mirror found in /etc/apt sources (set DIALOOG_HS_MIRROR)"
    say "Debian mirror: $mirror"

    if [[ -e "$CHROOT" ]]; then
        say "removing incomplete chroot left by an interrupted provision"
        unmount_all_under_chroot
        rm -rf --one-file-system "$CHROOT"
    fi
    mkdir -p "$(dirname "$CHROOT")"

    keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    local -a keyopt=()
    [[ -f "$keyring" ]] && keyopt=(--keyring="$keyring")
    say "debootstrap --variant=minbase sid (a few minutes)"
    if ! debootstrap --variant=minbase "${keyopt[@]}" sid "$CHROOT" "$mirror" \
            >"/tmp/dialoogbot-debootstrap.log" 2>&1; then
        tail -n 30 /tmp/dialoogbot-debootstrap.log >&2 || true
        unmount_all_under_chroot
        die "debootstrap failed (full log: /tmp/dialoogbot-debootstrap.log)"
    fi

    # Daemons must never be started by package scripts inside the chroot.
    printf '#!/bin/sh\nexit 101\n' >"$CHROOT/usr/sbin/policy-rc.d"
    chmod 755 "$CHROOT/usr/sbin/policy-rc.d"
    # Keep the chroot small: no docs, man pages or translations.
    cat >"$CHROOT/etc/dpkg/dpkg.cfg.d/01-dialoogbot-nodoc" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/locale/*
path-include /usr/share/locale/locale.alias
EOF
    printf 'Acquire::Languages "none";\n' >"$CHROOT/etc/apt/apt.conf.d/99-dialoogbot"
    printf '127.0.0.1 localhost\n::1 localhost ip6-localhost ip6-loopback\n' >"$CHROOT/etc/hosts"

    mount_base
    say "installing matrix-synapse inside the chroot"
    # sid's Release files carry a short Valid-Until; a mirror snapshot may be past it.
    if ! in_chroot apt-get -q -o Acquire::Check-Valid-Until=false update \
            >"/tmp/dialoogbot-synapse-apt.log" 2>&1 \
        || ! in_chroot apt-get -q -o Acquire::Check-Valid-Until=false install -y \
            --no-install-recommends matrix-synapse >>"/tmp/dialoogbot-synapse-apt.log" 2>&1; then
        tail -n 30 /tmp/dialoogbot-synapse-apt.log >&2 || true
        unmount_base_if_unused
        die "installing matrix-synapse in the chroot failed (log: /tmp/dialoogbot-synapse-apt.log)"
    fi
    in_chroot apt-get clean
    local version
    # shellcheck disable=SC2016 # ${Version} is a dpkg-query field, not a shell expansion
    version="$(in_chroot dpkg-query -W -f='${Version}' matrix-synapse)"
    printf 'matrix-synapse %s\nprovisioned %s from %s\n' "$version" "$(date -u +%FT%TZ)" "$mirror" \
        >"$MARKER"
    say "chroot ready: matrix-synapse $version ($(($(date +%s) - t0)) s)"
}

# ---------------------------------------------------------------------------------------------
# Configuration

# Generate the config once (signing key, secrets), then apply our settings at every start so an
# existing state dir picks up changes to this script.
configure() {
    if [[ ! -f "$CONFIG" ]]; then
        say "generating Synapse config in $STATE_DIR"
        in_chroot python3 -m synapse.app.homeserver --server-name "$SERVER_NAME" \
            --config-path "$CONFIG" --data-directory "$STATE_DIR" \
            --generate-config --report-stats=no >/dev/null \
            || die "synapse --generate-config failed"
    fi

    cat >"$LOG_CONFIG" <<EOF
version: 1
formatters:
  precise:
    format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'
filters:
  context:
    (): synapse.logging.context.LoggingContextFilter
    request: ""
handlers:
  file:
    class: logging.handlers.RotatingFileHandler
    formatter: precise
    filename: ${LOG_FILE}
    maxBytes: 10485760
    backupCount: 2
    filters: [context]
    encoding: utf8
loggers:
  synapse.storage.SQL:
    level: WARNING
  twisted:
    level: WARNING
root:
  level: WARNING
  handlers: [file]
disable_existing_loggers: false
EOF

    # Edit the generated YAML with the chroot's own PyYAML (a Synapse dependency).
    in_chroot python3 - "$CONFIG" "$STATE_DIR" "$PORT" "$LOG_CONFIG" "$PID_FILE" <<'PY' \
        || die "could not edit $CONFIG"
import re
import secrets
import sys

import yaml

path, state, port, log_config, pid_file = sys.argv[1:6]
with open(path, encoding="utf-8") as f:
    cfg = yaml.safe_load(f) or {}

high = {"per_second": 1000, "burst_count": 10000}
secret = str(cfg.get("registration_shared_secret") or "")
if not re.fullmatch(r"[A-Za-z0-9_-]{20,}", secret):
    secret = secrets.token_urlsafe(32)

cfg.update({
    "server_name": cfg.get("server_name", "localhost"),
    "pid_file": pid_file,
    "listeners": [{
        "port": int(port),
        "bind_addresses": ["127.0.0.1"],
        "type": "http",
        "tls": False,
        "x_forwarded": False,
        "resources": [{"names": ["client"], "compress": False}],
    }],
    "database": {"name": "sqlite3", "args": {"database": f"{state}/homeserver.db"}},
    "log_config": log_config,
    "media_store_path": f"{state}/media_store",
    "max_upload_size": "50M",
    "signing_key_path": cfg.get("signing_key_path", f"{state}/localhost.signing.key"),
    "trusted_key_servers": [],
    "suppress_key_server_warning": True,
    "report_stats": False,
    "enable_registration": False,
    # URL-safe characters only, so test helpers can read it with a one-line regex.
    "registration_shared_secret": secret,
    "bcrypt_rounds": 4,
    "presence": {"enabled": False},
    "url_preview_enabled": False,
    "enable_metrics": False,
    # Rate limits: high enough that tests never see 429 unless they provoke it on purpose.
    "rc_message": dict(high),
    "rc_registration": dict(high),
    "rc_registration_token_validity": dict(high),
    "rc_login": {"address": dict(high), "account": dict(high), "failed_attempts": dict(high)},
    "rc_admin_redaction": dict(high),
    "rc_joins": {"local": dict(high), "remote": dict(high)},
    "rc_joins_per_room": dict(high),
    "rc_3pid_validation": dict(high),
    "rc_invites": {"per_room": dict(high), "per_user": dict(high), "per_issuer": dict(high)},
    "rc_third_party_invite": dict(high),
    "rc_federation": {"window_size": 1000, "sleep_limit": 1000, "sleep_delay": 1,
                      "reject_limit": 1000, "concurrent": 100},
    "rc_key_requests": dict(high),
    "rc_media_create": dict(high),
    "rc_room_creation": dict(high),
    "rc_reports": dict(high),
    "rc_presence": {"per_user": dict(high)},
    "rc_delayed_event_mgmt": dict(high),
    "rc_user_directory": dict(high),
})
for key in ("url_preview_ip_range_blacklist", "url_preview_ip_range_denylist"):
    cfg.pop(key, None)

with open(path, "w", encoding="utf-8") as f:
    f.write("# Generated by Synapse, then edited by deploy/dev-homeserver.sh at every start.\n")
    yaml.safe_dump(cfg, f, default_flow_style=False, sort_keys=False)
PY
    mkdir -p "$STATE_DIR/media_store"
}

# ---------------------------------------------------------------------------------------------
# Process handling

server_pid() {
    [[ -f "$PID_FILE" ]] || return 1
    local pid
    pid="$(tr -dc '0-9' <"$PID_FILE")"
    [[ -n "$pid" ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    # Guard against a recycled pid after a reboot.
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'synapse.app.homeserver' || return 1
    printf '%s\n' "$pid"
}

answers() {
    curl -fsS -m 3 -o /dev/null "$BASE_URL/_matrix/client/versions" 2>/dev/null
}

port_in_use() {
    (exec 3<>"/dev/tcp/127.0.0.1/${PORT}") 2>/dev/null
}

show_log_tail() {
    local f
    for f in "$CONSOLE_LOG" "$LOG_FILE"; do
        if [[ -s "$f" ]]; then
            printf '[homeserver] --- last lines of %s ---\n' "$f" >&2
            tail -n 15 "$f" >&2
            return 0
        fi
    done
}

cmd_start() {
    require_root
    take_lock
    local pid
    if pid="$(server_pid)"; then
        say "already running (pid $pid) at $BASE_URL"
        return 0
    fi
    ensure_host_tools
    if port_in_use; then
        die "port 127.0.0.1:$PORT is already in use by another process (not the server of $STATE_DIR)"
    fi
    local t0
    t0=$(date +%s)
    provision
    mkdir -p "$STATE_DIR"
    chmod 700 "$STATE_DIR"
    mount_base
    mount_state
    configure
    rm -f "$PID_FILE"

    say "starting Synapse ($SERVER_NAME, state in $STATE_DIR)"
    # setsid: own session, so the server outlives the caller's process group; chroot execs
    # python, so $! is the server's pid. Synapse also writes pid_file itself once it runs.
    setsid env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 LC_ALL=C.UTF-8 \
        chroot "$CHROOT" python3 -m synapse.app.homeserver -c "$CONFIG" \
        </dev/null >"$CONSOLE_LOG" 2>&1 9>&- &
    pid=$!
    printf '%s\n' "$pid" >"$PID_FILE"

    local deadline=$(($(date +%s) + START_TIMEOUT))
    until answers; do
        if ! kill -0 "$pid" 2>/dev/null; then
            show_log_tail
            rm -f "$PID_FILE"
            unmount_state || true
            unmount_base_if_unused || true
            die "Synapse exited during start-up"
        fi
        if (($(date +%s) >= deadline)); then
            show_log_tail
            die "Synapse did not answer on $BASE_URL within ${START_TIMEOUT}s (pid $pid still running; 'stop' to end it)"
        fi
        sleep 0.5
    done
    # Synapse rewrites pid_file with its own pid; the two are the same process here.
    printf '%s\n' "$pid" >"$PID_FILE"
    say "running (pid $pid) at $BASE_URL, ready after $(($(date +%s) - t0)) s"
}

cmd_stop() {
    require_root
    take_lock
    local pid
    if pid="$(server_pid)"; then
        say "stopping Synapse (pid $pid)"
        kill -TERM "$pid" 2>/dev/null || true
        local deadline=$(($(date +%s) + STOP_TIMEOUT))
        while kill -0 "$pid" 2>/dev/null; do
            if (($(date +%s) >= deadline)); then
                say "still running after ${STOP_TIMEOUT}s: sending KILL"
                kill -KILL "$pid" 2>/dev/null || true
                sleep 0.2
                break
            fi
            sleep 0.2
        done
        say "stopped"
    else
        say "not running"
    fi
    rm -f "$PID_FILE"
    if [[ -d "$CHROOT" ]]; then
        unmount_state || say "warning: could not unmount ${CHROOT}${STATE_DIR}"
        unmount_base_if_unused || say "warning: could not unmount $CHROOT/proc or $CHROOT/dev"
    fi
}

cmd_status() {
    local pid
    if pid="$(server_pid)"; then
        if answers; then
            echo "running (pid $pid) at $BASE_URL"
        else
            echo "running (pid $pid) but not answering on $BASE_URL yet"
        fi
        return 0
    fi
    echo "stopped"
    return 3
}

cmd_register() {
    require_root
    local user="${1:-}" password="${2:-}" admin_flag="--no-admin"
    [[ -n "$user" && -n "$password" ]] || die "usage: $0 register USER PASSWORD [--admin]"
    case "${3:-}" in
        "") ;;
        --admin | -a) admin_flag="-a" ;;
        *) die "unknown option '${3}' (expected --admin)" ;;
    esac
    server_pid >/dev/null || die "Synapse is not running (run '$0 start' first)"
    # Accept @user:localhost as well as the bare localpart.
    user="${user#@}"
    user="${user%%:*}"
    local out rc=0
    out="$(in_chroot python3 -m synapse._scripts.register_new_matrix_user \
        -u "$user" -p "$password" "$admin_flag" -c "$CONFIG" "$BASE_URL" 2>&1)" || rc=$?
    if [[ "$rc" -eq 0 ]]; then
        say "registered @$user:$SERVER_NAME$([[ "$admin_flag" == "-a" ]] && echo ' (admin)')"
        return 0
    fi
    if grep -q -e 'M_USER_IN_USE' -e 'User ID already taken' <<<"$out"; then
        say "user @$user:$SERVER_NAME already exists (password and admin flag left unchanged)"
        return 0
    fi
    printf '%s\n' "$out" >&2
    die "registering @$user:$SERVER_NAME failed"
}

cmd_reset() {
    require_root
    case "$STATE_DIR" in
        / | /var | /var/lib | /root | /home | /tmp | "") die "refusing to wipe '$STATE_DIR'" ;;
    esac
    cmd_stop
    if is_mounted "${CHROOT}${STATE_DIR}"; then
        die "${CHROOT}${STATE_DIR} is still mounted; not wiping"
    fi
    say "wiping $STATE_DIR (the chroot is kept)"
    rm -rf --one-file-system "$STATE_DIR"
    say "state wiped; the next 'start' creates a fresh homeserver"
}

cmd_log() {
    local n="${1:-50}"
    [[ -f "$LOG_FILE" ]] || die "no log yet at $LOG_FILE"
    tail -n "$n" "$LOG_FILE"
}

main() {
    local cmd="${1:-}"
    shift || true
    case "$cmd" in
        start) cmd_start ;;
        stop) cmd_stop ;;
        status) cmd_status ;;
        register) cmd_register "$@" ;;
        url) echo "$BASE_URL" ;;
        reset) cmd_reset ;;
        provision)
            require_root
            take_lock
            provision
            unmount_base_if_unused
            ;;
        log) cmd_log "$@" ;;
        -h | --help | help) usage ;;
        *) usage >&2; exit 2 ;;
    esac
}

main "$@"
