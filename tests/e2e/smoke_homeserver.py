#!/usr/bin/python3
"""Smoke test of the dev homeserver and the e2e client helpers (no bot involved).

Needs a running server: deploy/dev-homeserver.sh start
Run: /usr/bin/python3 tests/e2e/smoke_homeserver.py      (exit 0 = all good)

Registers two users with a random suffix (alice through `deploy/dev-homeserver.sh register`,
bob through the shared-secret API in matrix_client), alice creates a room and invites bob, bob
joins and sends a message (plus a reply and a thread reply), alice reads them back through
/messages and through /sync.
"""

from __future__ import annotations

import secrets
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from matrix_client import (HS_SCRIPT, Client, MatrixError, mxid,  # noqa: E402
                           register_user, request)


def step(msg: str) -> None:
    print(f"[smoke] {msg}", flush=True)


def main() -> int:
    t0 = time.monotonic()
    versions = request("GET", "/_matrix/client/versions")
    step(f"server answers ({len(versions['versions'])} spec versions advertised)")

    suffix = secrets.token_hex(4)
    alice_name, bob_name = f"smoke_alice_{suffix}", f"smoke_bob_{suffix}"
    password = secrets.token_urlsafe(12)

    subprocess.run([str(HS_SCRIPT), "register", alice_name, password], check=True)
    # A second registration of the same user must not fail.
    subprocess.run([str(HS_SCRIPT), "register", alice_name, password], check=True)
    bob_id = register_user(bob_name, password)
    assert register_user(bob_name, password) == bob_id  # existing user is fine here too
    step(f"registered {mxid(alice_name)} (script) and {bob_id} (shared-secret helper)")

    alice = Client.login(alice_name, password, device_id="SMOKEA")
    bob = Client.login(bob_name, password, device_id="SMOKEB")
    assert alice.whoami()["user_id"] == mxid(alice_name)
    assert alice.device_id == "SMOKEA"
    try:
        Client.login(alice_name, "wrong password")
        raise AssertionError("login with a wrong password succeeded")
    except MatrixError as e:
        assert e.status == 403 and e.errcode == "M_FORBIDDEN", e
    step("both logged in; a wrong password gives 403 M_FORBIDDEN")

    room = alice.create_room(f"smoke {suffix}", invite=[bob.user_id])
    step(f"alice created {room} and invited bob")
    assert bob.wait_for_invite(timeout=15) == room
    assert bob.join(room) == room
    assert sorted(alice.joined_members(room)) == sorted([alice.user_id, bob.user_id])
    step("bob saw the invite through /sync and joined")

    pl = alice.get_power_levels(room)
    assert alice.power_level_of(room, alice.user_id) == 100, pl
    assert alice.power_level_of(room, bob.user_id) == 0, pl

    alice.mark()
    text = f"hello from bob {suffix} ✓"
    ev1 = bob.send_text(room, text)
    ev2 = bob.send_text(room, "a reply", reply_to=ev1)
    ev3 = bob.send_text(room, "in a thread", thread_root=ev1)
    ev4 = bob.send_notice(room, "a notice", thread_root=ev1, reply_to=ev3)
    step("bob sent a message, a reply, a thread message and a threaded notice")

    seen = alice.wait_for(lambda ev: ev.get("event_id") == ev1, timeout=15)
    assert seen["content"]["body"] == text and seen["sender"] == bob.user_id, seen
    step("alice received bob's message through /sync")

    history = alice.read_history(room, limit=200)
    ids = [ev["event_id"] for ev in history]
    assert ids.index(ev1) < ids.index(ev2) < ids.index(ev3) < ids.index(ev4), ids
    assert history[0]["type"] == "m.room.create", history[0]
    by_id = {ev["event_id"]: ev for ev in history}
    assert by_id[ev1]["content"]["body"] == text
    assert by_id[ev2]["content"]["m.relates_to"] == {"m.in_reply_to": {"event_id": ev1}}
    rel3 = by_id[ev3]["content"]["m.relates_to"]
    assert rel3["rel_type"] == "m.thread" and rel3["event_id"] == ev1 and rel3["is_falling_back"]
    rel4 = by_id[ev4]["content"]["m.relates_to"]
    assert rel4["m.in_reply_to"] == {"event_id": ev3} and not rel4["is_falling_back"]
    assert by_id[ev4]["content"]["msgtype"] == "m.notice"
    # Pagination: a small page size must still give the same, complete, ordered history.
    small = alice.read_history(room, limit=6)
    assert [ev["event_id"] for ev in small] == ids[-6:], (small, ids[-6:])
    only_msgs = alice.messages_from(room, bob.user_id)
    assert [ev["event_id"] for ev in only_msgs] == [ev1, ev2, ev3, ev4]
    step(f"alice read the history back in order ({len(history)} events, paginated)")

    found = alice.wait_for_history(room, lambda ev: ev.get("event_id") == ev2, timeout=5)
    assert found["content"]["body"] == "a reply"

    alice.set_power_level(room, bob.user_id, 50)
    assert bob.power_level_of(room, bob.user_id) == 50
    alice.kick(room, bob.user_id, reason="smoke test done")
    kicked = bob.wait_for(lambda ev: ev["_section"] == "leave" and ev.get("type") ==
                          "m.room.member" and ev.get("state_key") == bob.user_id
                          and ev.get("content", {}).get("membership") == "leave", timeout=15)
    assert kicked["sender"] == alice.user_id, kicked
    assert kicked["content"].get("reason") == "smoke test done", kicked
    alice.leave(room)
    step("power level change, kick (seen by bob through /sync) and leave work")

    # A burst of sends must not hit the rate limiter (rc_message raised for tests).
    burst_room = alice.create_room(f"burst {suffix}")
    for i in range(30):
        alice.send_text(burst_room, f"burst {i}")
    assert len(alice.messages_from(burst_room, alice.user_id)) == 30
    step("30 messages in a burst: no 429")

    alice.logout()
    bob.logout()
    step(f"OK in {time.monotonic() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (AssertionError, MatrixError, TimeoutError, ConnectionError,
            subprocess.CalledProcessError) as e:
        print(f"[smoke] FAILED: {type(e).__name__}: {e}", file=sys.stderr)
        sys.exit(1)
