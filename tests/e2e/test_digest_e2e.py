"""End-to-end: the scheduled weekly digest on the local Synapse.

The leader's digest time is set (digest.leaders) to a minute or two from now in the team's
timezone, so the real scheduler fires during the test. Checks: the bot opens a direct-message
room with the leader (is_direct invite), the digest of the previous ISO week arrives there once,
with a heading per team the leader leads and nothing of a team they do not lead; after a SIGKILL
and restart the digest is not sent again (exactly once per leader and week).

Run: DIALOOG_BIN=build/dialoogbot /usr/bin/python3 -m unittest tests/e2e/test_digest_e2e.py -v
(part of tests/e2e/run_all.sh).
"""

from __future__ import annotations

import sys
import time
import unittest
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bot_process import (BotProcess, bot_messages, new_user, wait_bot_joined,  # noqa: E402
                         wait_replies)

TZ = ZoneInfo("Europe/Amsterdam")
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
TEAM_A = "Team Digest A"
TEAM_B = "Team Digest B"
TEAM_OTHER = "Team Elders"


def body_of(ev: dict) -> str:
    return ev.get("content", {}).get("body", "")


def digest_slot(lead_s: int = 75) -> datetime:
    """The first whole minute at least `lead_s` seconds from now, in the team's timezone."""
    t = datetime.now(TZ) + timedelta(seconds=lead_s)
    return (t + timedelta(minutes=1)).replace(second=0, microsecond=0)


class ScheduledDigestE2E(unittest.TestCase):
    def test_leader_gets_last_weeks_digest_in_a_dm_once(self) -> None:
        leader = new_user("dlead")
        other = new_user("dother")
        room_a = leader.create_room(TEAM_A)
        room_b = leader.create_room(TEAM_B)
        room_other = other.create_room(TEAM_OTHER)
        slot = digest_slot()
        extra = "\n".join([
            "digest:",
            "  spread: 1s",
            "  leaders:",
            f"    \"{leader.user_id}\": {{weekday: {WEEKDAYS[slot.weekday()]}, "
            f"time: \"{slot:%H:%M}\"}}",
        ])
        bot = BotProcess("digestbot", admins=[leader.user_id], teams=[
            {"name": TEAM_A, "room": room_a, "leaders": [leader.user_id]},
            {"name": TEAM_B, "room": room_b, "leaders": [leader.user_id]},
            {"name": TEAM_OTHER, "room": room_other, "leaders": [other.user_id]}],
            invites_allow=[leader.user_id, other.user_id], extra_yaml=extra)
        try:
            chk = bot.check_config()
            self.assertEqual(chk.returncode, 0, chk.stdout + chk.stderr)
            bot.start()
            for client, room in ((leader, room_a), (leader, room_b), (other, room_other)):
                client.invite(room, bot.user_id)
            for client, room in ((leader, room_a), (leader, room_b), (other, room_other)):
                wait_bot_joined(client, room, bot.user_id)
            leader.mark()
            wait_s = (slot - datetime.now(TZ)).total_seconds()
            self.assertGreater(wait_s, 20, "the bot took too long to start; slot already near")

            # The bot opens a DM with the leader when the digest falls due.
            dm = leader.wait_for_invite(timeout=wait_s + 90)
            leader.join(dm)
            digest = leader.wait_for_history(
                dm, lambda ev: ev.get("sender") == bot.user_id and "Weekoverzicht" in body_of(ev),
                timeout=60)
            body = body_of(digest)
            now_local = datetime.now(TZ)
            prev = (now_local - timedelta(days=7)).isocalendar()
            self.assertIn(f"Weekoverzicht week {prev[1]}, {prev[0]}", body)
            self.assertIn(f"{TEAM_A}", body)
            self.assertIn(f"{TEAM_B}", body)
            self.assertNotIn(TEAM_OTHER, body)
            self.assertEqual(digest["content"].get("format"), "org.matrix.custom.html")
            invite_state = [ev for ev in leader.read_history(dm, 50)
                            if ev.get("type") == "m.room.member"
                            and ev.get("state_key") == leader.user_id
                            and ev.get("content", {}).get("membership") == "invite"]
            self.assertTrue(invite_state and invite_state[0]["content"].get("is_direct"),
                            "the bot's invite is marked is_direct")

            # Exactly once: a SIGKILL and restart do not send it again.
            bot.kill()
            bot.start()
            ping = leader.send_text(room_a, "!ping")
            wait_replies(leader, room_a, bot.user_id, [ping], timeout=60)
            time.sleep(5)
            digests = [ev for ev in bot_messages(leader.read_history(dm, 100), bot.user_id)
                       if "Weekoverzicht" in body_of(ev)]
            self.assertEqual(len(digests), 1, [body_of(d)[:60] for d in digests])
            # The other leader got their own digest? No: their slot is the default (Monday
            # 08:30), so nothing was due for them; and nothing of Team A/B reached them.
            for room in other.joined_rooms():
                for ev in bot_messages(other.read_history(room, 50), bot.user_id):
                    self.assertNotIn(TEAM_A, body_of(ev))
        except Exception:
            print(f"\n[digest e2e] bot log kept in {bot.dir}\n{bot.log_tail(30)}", file=sys.stderr)
            bot.stop()
            raise
        bot.stop()
        bot.cleanup()


if __name__ == "__main__":
    unittest.main(verbosity=2)
