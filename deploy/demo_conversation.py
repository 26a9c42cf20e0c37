#!/usr/bin/python3
"""Scripted demo conversation for deploy/quickstart.sh: the demo account invites the bot into
the team room, waits for it to join, sends !help and !ping, and prints the transcript with the
bot's replies. Exit code 1 when the bot does not answer in time."""
import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
import matrix_client as mc  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--user", required=True)
    ap.add_argument("--password", required=True)
    ap.add_argument("--room", required=True)
    ap.add_argument("--bot", required=True)
    ap.add_argument("--timeout", type=float, default=60)
    a = ap.parse_args()

    c = mc.Client.login(a.user, a.password)
    print("\n=== demo conversation in", a.room, "===")
    c.invite(a.room, a.bot)
    print(f"* {a.user} invites {a.bot}")
    c.wait_for(lambda e: e.get("type") == "m.room.member" and e.get("state_key") == a.bot
               and e.get("content", {}).get("membership") == "join", timeout=a.timeout,
               room_id=a.room)
    print(f"* {a.bot} joined the room")

    def reply_to(event_id):
        return c.wait_for(
            lambda e: e.get("sender") == a.bot and e.get("content", {}).get("m.relates_to", {})
            .get("m.in_reply_to", {}).get("event_id") == event_id,
            timeout=a.timeout, room_id=a.room)

    for text in ["!help", "!ping"]:
        ev_id = c.send_text(a.room, text)
        print(f"\n<{a.user}> {text}")
        try:
            ev = reply_to(ev_id)
        except Exception as e:  # noqa: BLE001 - report and fail clearly
            print(f"!! no reply from the bot within {a.timeout:.0f} s ({e})")
            return 1
        body = ev["content"].get("body", "")
        print(f"<{a.bot}> ({ev['content'].get('msgtype')})")
        for line in body.splitlines():
            print("    " + line)
    print("\n=== end of demo ===")
    return 0


if __name__ == "__main__":
    sys.exit(main())
