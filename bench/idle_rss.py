#!/usr/bin/python3
"""Idle memory of the running bot next to a minimal matrix-nio bot.

On the local Synapse (deploy/dev-homeserver.sh; start it first) this registers fresh accounts:
an owner, the bot and a nio peer. The owner creates N rooms (default 100) and invites both
bots; the bot's config (written by tests/e2e/bot_process.py) lists every room as a team led by
the owner (--no-teams: the rooms are only invited rooms), invites.allow = the owner. It starts
the bot binary (--bin, default build/dialoogbot) and bench/peers/nio_idle.py (login, joins its
invites, sync_forever with a `!ping` callback), waits until both have joined every room, lets
both idle --idle-seconds (default 300), then reads VmRSS and VmHWM (and RssAnon/RssFile,
Threads) from /proc/PID/status of both processes and prints

    idle_rss bot_kb=... nio_kb=... ratio=... rooms=100 idle_s=300
    idle_hwm bot_kb=... nio_kb=... ratio=...
    idle_target bot_rss<=20480kB:yes|no ratio<=0.25:yes|no

(ratio = bot / nio), then stops both. Nothing is sent into the rooms during the idle time.
Passwords and tokens stay in 0600 files in temp dirs and are never printed.

    /usr/bin/python3 bench/idle_rss.py --bin build/dialoogbot
    /usr/bin/python3 bench/idle_rss.py --rooms 10 --idle-seconds 30      # a quick check

The rooms and accounts stay on the dev homeserver (each run makes new ones; they are small).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "e2e"))

import bot_process as bp  # noqa: E402
import matrix_client as mc  # noqa: E402

STATUS_KEYS = ("VmRSS", "VmHWM", "RssAnon", "RssFile", "RssShmem", "VmSize", "Threads")


def proc_status(pid: int) -> dict[str, int]:
    """The memory lines of /proc/PID/status, in kB (Threads as a count)."""
    out: dict[str, int] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in STATUS_KEYS:
                out[key] = int(value.split()[0])
    return out


def log(msg: str) -> None:
    print(f"[idle_rss] {msg}", flush=True)


def wait_all_joined(owner: mc.Client, rooms: list[str], users: list[str], timeout: float,
                    alive) -> None:
    """Poll the rooms' joined members (as the owner) until every user is in every room."""
    pending = {r: set(users) for r in rooms}
    deadline = time.monotonic() + timeout
    last = None
    while pending:
        alive()
        for room in list(pending):
            pending[room] -= set(owner.joined_members(room))
            if not pending[room]:
                del pending[room]
        counts = tuple(sum(1 for r in rooms if r not in pending or u not in pending[r])
                       for u in users)
        if counts != last:
            log("joined: " + ", ".join(f"{n}={c}/{len(rooms)}"
                                       for n, c in zip(("bot", "nio"), counts)))
            last = counts
        if not pending:
            return
        if time.monotonic() >= deadline:
            raise TimeoutError(f"not every bot joined every room within {timeout:.0f}s "
                               f"({len(pending)} rooms incomplete)")
        time.sleep(2.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(REPO / "build" / "dialoogbot"),
                    help="the dialoogbot binary (default build/dialoogbot)")
    ap.add_argument("--rooms", type=int, default=100)
    ap.add_argument("--idle-seconds", type=float, default=300.0)
    ap.add_argument("--no-teams", action="store_true",
                    help="do not list the rooms as teams in the bot's config (invited rooms only)")
    ap.add_argument("--join-timeout", type=float, default=900.0)
    ap.add_argument("--smaps", metavar="FILE",
                    help="also copy the bot's /proc/PID/smaps to FILE at the sample")
    ap.add_argument("--keep", action="store_true",
                    help="keep the bot's and the peer's temp dirs (config, database, logs)")
    args = ap.parse_args()

    binary = str(Path(args.bin).resolve())
    if not os.access(binary, os.X_OK):
        sys.exit(f"[idle_rss] no dialoogbot binary at {binary} (--bin)")
    os.environ["DIALOOG_BIN"] = binary  # bot_process.bot_binary() reads it
    try:
        mc.request("GET", "/_matrix/client/versions", timeout=5)
    except OSError as e:
        sys.exit(f"[idle_rss] no homeserver at {mc.base_url()} ({e}); "
                 "run deploy/dev-homeserver.sh start")

    log(f"machine: {os.cpu_count()} CPUs; binary {binary}; homeserver {mc.base_url()}")
    owner = bp.new_user("idleowner")
    peer_local = f"idlenio_{bp.suffix()}"
    peer_id = mc.mxid(peer_local)
    peer_pw = bp.new_password()
    mc.register_user(peer_local, peer_pw)
    bot = bp.BotProcess("idlebot", admins=[], invites_allow=[owner.user_id])
    peer_dir = Path(tempfile.mkdtemp(prefix="dialoog-idle-nio-"))
    os.chmod(peer_dir, 0o700)
    peer_pw_file = peer_dir / "password"
    bp.BotProcess._write_secret(peer_pw_file, peer_pw)
    peer_log = peer_dir / "nio_idle.log"
    peer_proc = None
    peer_log_fh = None
    if args.keep:
        os.environ["DIALOOG_E2E_KEEP"] = "1"

    try:
        t0 = time.monotonic()
        rooms = []
        for i in range(args.rooms):
            rooms.append(owner.create_room(f"idle bench {i:03d}",
                                           invite=[bot.user_id, peer_id]))
        log(f"owner created {len(rooms)} rooms and invited both bots "
            f"({time.monotonic() - t0:.0f} s)")
        if not args.no_teams:
            bot.set_teams([{"name": f"Idle team {i:03d}", "room": r, "leaders": [owner.user_id]}
                           for i, r in enumerate(rooms)])
        chk = bot.check_config()
        if chk.returncode != 0:
            raise RuntimeError(f"bot config rejected: {chk.stdout}{chk.stderr}")

        bot.start(timeout=300)
        peer_log_fh = open(peer_log, "ab", buffering=0)
        peer_proc = subprocess.Popen(
            [sys.executable, str(REPO / "bench" / "peers" / "nio_idle.py"),
             "--homeserver", mc.base_url(), "--user", peer_id,
             "--password-file", str(peer_pw_file)],
            stdin=subprocess.DEVNULL, stdout=peer_log_fh, stderr=subprocess.STDOUT,
            start_new_session=True)
        log(f"started bot (pid {bot.pid}) and nio peer (pid {peer_proc.pid})")

        def alive() -> None:
            if not bot.running():
                raise RuntimeError(f"the bot exited; log tail:\n{bot.log_tail()}")
            if peer_proc.poll() is not None:
                raise RuntimeError("the nio peer exited; log tail:\n" +
                                   peer_log.read_text(errors="replace")[-2000:])

        t1 = time.monotonic()
        wait_all_joined(owner, rooms, [bot.user_id, peer_id], args.join_timeout, alive)
        log(f"both joined all {len(rooms)} rooms ({time.monotonic() - t1:.0f} s)")
        at_join = {"bot": proc_status(bot.pid), "nio": proc_status(peer_proc.pid)}
        log(f"at join: bot VmRSS {at_join['bot']['VmRSS']} kB, "
            f"nio VmRSS {at_join['nio']['VmRSS']} kB; idling {args.idle_seconds:.0f} s")

        end = time.monotonic() + args.idle_seconds
        while time.monotonic() < end:
            alive()
            time.sleep(min(5.0, max(0.0, end - time.monotonic())))
        alive()
        s = {"bot": proc_status(bot.pid), "nio": proc_status(peer_proc.pid)}
        if args.smaps:
            shutil.copyfile(f"/proc/{bot.pid}/smaps", args.smaps)

        def ratio(key: str) -> float:
            return s["bot"][key] / s["nio"][key]

        for who in ("bot", "nio"):
            d = s[who]
            print(f"idle_detail who={who} " + " ".join(
                f"{k.lower()}{'' if k == 'Threads' else '_kb'}={d.get(k, 0)}"
                for k in STATUS_KEYS) + f" vmrss_at_join_kb={at_join[who]['VmRSS']}")
        print(f"idle_rss bot_kb={s['bot']['VmRSS']} nio_kb={s['nio']['VmRSS']} "
              f"ratio={ratio('VmRSS'):.3f} rooms={len(rooms)} idle_s={args.idle_seconds:.0f}")
        print(f"idle_hwm bot_kb={s['bot']['VmHWM']} nio_kb={s['nio']['VmHWM']} "
              f"ratio={ratio('VmHWM'):.3f}")
        print(f"idle_target bot_rss<=20480kB:{'yes' if s['bot']['VmRSS'] <= 20480 else 'no'} "
              f"ratio<=0.25:{'yes' if ratio('VmRSS') <= 0.25 else 'no'}", flush=True)
        return 0
    finally:
        if peer_proc is not None and peer_proc.poll() is None:
            peer_proc.terminate()
            try:
                peer_proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                peer_proc.kill()
                peer_proc.wait(timeout=10)
        if peer_log_fh is not None:
            peer_log_fh.close()
        rc = bot.stop()
        log(f"stopped both (bot exit code {rc})")
        if args.keep:
            log(f"kept {bot.dir} and {peer_dir}")
        else:
            shutil.rmtree(peer_dir, ignore_errors=True)
        bot.cleanup()


if __name__ == "__main__":
    sys.exit(main())
