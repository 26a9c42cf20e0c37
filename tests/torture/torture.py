#!/usr/bin/python3
"""Crash torture for dialoogbot against the local Synapse.

A scripted client sends N `!ping` commands to a team room at a steady rate while the bot is
killed with SIGKILL at K random moments and restarted each time (after a random pause of up to
--max-down seconds, so commands also pile up while it is down). Then the room history is read
back and checked: every command answered exactly once, in reply to the right event (replies are
matched by m.relates_to.m.in_reply_to, !ping has no argument), and no reply without a command.

Prints one summary line, e.g.
    commands=500 kills=20 lost=0 duplicated=0 orphans=0 crashes=0 ...
and exits 0 only when lost, duplicated, orphans, wrong-type replies and unexpected bot exits are
all zero.

Needs: deploy/dev-homeserver.sh start, and a built binary ($DIALOOG_BIN, default
build/dialoogbot). Examples:
    /usr/bin/python3 tests/torture/torture.py --short       # ~100 commands, 5 kills
    /usr/bin/python3 tests/torture/torture.py --full        # 500 commands, 20 kills
    /usr/bin/python3 tests/torture/torture.py --commands 200 --kills 10 --rate 8 --seed 42
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))

from bot_process import (BotProcess, bot_messages, in_reply_to, new_user,  # noqa: E402
                         wait_bot_joined)
from matrix_client import Client  # noqa: E402


def log(msg: str) -> None:
    print(f"[torture] {msg}", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--short", action="store_true", help="100 commands, 5 kills (default)")
    ap.add_argument("--full", action="store_true", help="500 commands, 20 kills")
    ap.add_argument("--commands", type=int, help="number of !ping commands")
    ap.add_argument("--kills", type=int, help="number of SIGKILLs")
    ap.add_argument("--rate", type=float, default=5.0, help="commands per second (default 5)")
    ap.add_argument("--max-down", type=float, default=2.0,
                    help="longest pause between a kill and the restart, seconds (default 2)")
    ap.add_argument("--seed", type=int, help="random seed (printed; use it to replay a run)")
    ap.add_argument("--catch-up-timeout", type=float, default=120.0,
                    help="seconds to wait for the last answers after the last command")
    ap.add_argument("--settle", type=float, default=5.0,
                    help="seconds to wait after the last answer before counting duplicates")
    a = ap.parse_args()
    n, k = (500, 20) if a.full else (100, 5)
    n = a.commands or n
    k = a.kills if a.kills is not None else k
    seed = a.seed if a.seed is not None else random.SystemRandom().randrange(1 << 30)
    rng = random.Random(seed)
    duration = n / a.rate
    log(f"commands={n} kills={k} rate={a.rate}/s (~{duration:.0f} s of sending) seed={seed}")

    t0 = time.monotonic()
    user = new_user("torturer")
    room = user.create_room("Team Torture")
    bot = BotProcess("torturebot", admins=[user.user_id], teams=[
        {"name": "Team Torture", "room": room, "leaders": [user.user_id]}])
    ok = False
    try:
        bot.start()
        user.invite(room, bot.user_id)
        wait_bot_joined(user, room, bot.user_id)
        log(f"bot {bot.user_id} joined {room}; log: {bot.log_path}")

        # Kill moments: after random commands (by count, so a slow homeserver does not squeeze
        # all kills into the start). The run (3..97 % of the commands) is cut into K equal slots
        # and each kill falls at a random point in the middle 60 % of its slot, so kills are at
        # least 40 % of a slot apart and a restart gets some work done before the next kill;
        # plus a random fraction of the send interval, so kills do not line up with sends.
        lo, hi = 0.03 * n, 0.97 * n
        w = (hi - lo) / max(k, 1)
        kill_after = [max(1, int(lo + i * w + rng.uniform(0.2, 0.8) * w)) for i in range(k)]

        sent: list[tuple[str, float]] = []  # (event id, monotonic send time)
        errors: list[BaseException] = []
        sender = Client(user.token, user.user_id)
        start = time.monotonic()

        def send_all() -> None:
            try:
                for i in range(n):
                    due = start + i / a.rate
                    delay = due - time.monotonic()
                    if delay > 0:
                        time.sleep(delay)
                    sent.append((sender.send_text(room, "!ping"), time.monotonic()))
            except BaseException as e:  # noqa: BLE001 - reported below
                errors.append(e)

        th = threading.Thread(target=send_all, daemon=True)
        th.start()
        kills = 0
        crashes = 0          # exits we did not cause
        downtime = 0.0
        for idx in kill_after:
            while len(sent) < idx and th.is_alive():
                time.sleep(0.01)
            time.sleep(rng.uniform(0.0, 1.0 / a.rate))
            if not bot.running():
                crashes += 1
                log(f"!! bot had exited by itself (code {bot.proc.returncode if bot.proc else '?'})"
                    f"; log tail:\n{bot.log_tail()}")
            bot.kill()
            kills += 1
            down = rng.uniform(0.0, a.max_down)
            time.sleep(down)
            downtime += down
            # Do not wait for the login: the next kill may hit the start-up itself.
            bot.start(wait=False)
            log(f"kill {kills}/{k} at t={time.monotonic() - start:5.1f}s after {len(sent)} "
                f"commands; down {down:.1f}s")
        th.join(timeout=3 * duration + 300)
        if th.is_alive() or errors:
            log(f"!! sender failed: {errors or 'hung'}")
            return 2
        send_done = time.monotonic()
        log(f"all {n} commands sent in {send_done - start:.1f}s; waiting for the answers")
        if not bot.running():
            crashes += 1
            log(f"!! bot had exited by itself; log tail:\n{bot.log_tail()}")
            bot.start(wait=False)

        ids = [e for e, _ in sent]
        want = set(ids)
        deadline = send_done + a.catch_up_timeout
        history: list[dict] = []
        limit = 2 * n + 300
        while True:
            history = user.read_history(room, limit, types=["m.room.message"])
            answered = {in_reply_to(e) for e in bot_messages(history, bot.user_id)}
            missing = want - answered
            if not missing or time.monotonic() >= deadline:
                break
            if not bot.running():
                crashes += 1
                log(f"!! bot had exited by itself; log tail:\n{bot.log_tail()}")
                bot.start(wait=False)
            time.sleep(0.5)
        all_answered_after = time.monotonic() - send_done
        time.sleep(a.settle)
        history = user.read_history(room, limit, types=["m.room.message"])
        if not bot.running():
            crashes += 1
        bot.stop()
        # The bot's own record: nothing may be left pending or failed in its outbox.
        status = bot.status()
        m = re.search(r"outbox: (\d+) pending, (\d+) failed, (\d+) sent", status)
        ob_pending, ob_failed, ob_sent = (int(x) for x in m.groups()) if m else (-1, -1, -1)

        # -- analysis ------------------------------------------------------------------------
        replies = bot_messages(history, bot.user_id)
        per_cmd: dict[str, list[dict]] = {i: [] for i in ids}
        orphans: list[dict] = []      # bot messages that answer no command of ours
        not_notice: list[dict] = []
        welcomes = 0
        for ev in replies:
            target = in_reply_to(ev)
            if ev["content"].get("msgtype") != "m.notice":
                not_notice.append(ev)
            if target in per_cmd:
                per_cmd[target].append(ev)
            elif target is None and welcomes == 0:
                welcomes += 1  # the one greeting posted on joining the team room
            else:
                orphans.append(ev)
        lost = [i for i, r in per_cmd.items() if not r]
        duplicated = {i: len(r) for i, r in per_cmd.items() if len(r) > 1}
        cmd_ts = {e["event_id"]: e["origin_server_ts"] for e in history if e["event_id"] in want}
        lat = sorted(min(r["origin_server_ts"] for r in rs) - cmd_ts[i]
                     for i, rs in per_cmd.items() if rs and i in cmd_ts)
        # The pong says when the bot handled the command ("... {ms} ms"): splits the latency
        # into "seen and handled" and "reply sent" parts.
        handled_ms = sorted(int(m.group(1)) for rs in per_cmd.values() for r in rs[:1]
                            if (m := re.search(r"(\d+) ms", r["content"].get("body", ""))))
        seen_cmds = len(cmd_ts)
        log_text = bot.log_text()
        err_lines = [ln for ln in log_text.splitlines() if " error " in ln or " critical " in ln]

        print(f"commands={n} kills={kills} lost={len(lost)} "
              f"duplicated={sum(c - 1 for c in duplicated.values())} orphans={len(orphans)} "
              f"not_notice={len(not_notice)} crashes={crashes} "
              f"in_history={seen_cmds} outbox_pending={ob_pending} outbox_failed={ob_failed} "
              f"outbox_sent={ob_sent} seed={seed}")
        if lat:
            print(f"latency_ms p50={statistics.median(lat):.0f} "
                  f"p95={lat[int(0.95 * (len(lat) - 1))]:.0f} max={lat[-1]:.0f} "
                  f"handled_ms_p50={statistics.median(handled_ms) if handled_ms else -1:.0f} "
                  f"downtime={downtime:.1f}s last_answer_after_send={all_answered_after:.1f}s "
                  f"total={time.monotonic() - t0:.0f}s")
        for i in lost[:10]:
            log(f"LOST: {i}")
        for i, c in list(duplicated.items())[:10]:
            log(f"DUPLICATED x{c}: {i} -> {[r['event_id'] for r in per_cmd[i]]}")
        for ev in orphans[:10]:
            log(f"ORPHAN: {ev['event_id']} in reply to {in_reply_to(ev)}: "
                f"{ev['content'].get('body', '')[:80]!r}")
        for ln in err_lines[:10]:
            log(f"bot log error line: {ln}")
        if not m:
            log(f"cannot read the outbox figures from --status:\n{status}")
        ok = (not lost and not duplicated and not orphans and not not_notice and crashes == 0
              and seen_cmds == n and ob_pending == 0 and ob_failed == 0)
        if not ok:
            log(f"FAILED; bot log kept at {bot.log_path} (seed {seed})")
        return 0 if ok else 1
    finally:
        if ok:
            bot.cleanup()
        else:
            bot.kill()



if __name__ == "__main__":
    sys.exit(main())
