#!/usr/bin/python3
"""End-to-end tests of dialoogbot's core against the real local Synapse.

Needs: deploy/dev-homeserver.sh start, and a built binary ($DIALOOG_BIN, default
build/dialoogbot). Run: /usr/bin/python3 -m unittest tests/e2e/test_core_e2e.py -v
(or tests/e2e/run_all.sh for every e2e test plus the short crash torture).

Every check reads the room history back (GET /messages) and counts the bot's replies per
m.in_reply_to, so a duplicate that arrives after the first answer is seen too. Instead of fixed
sleeps before "nothing happened" checks, a sentinel command is sent after the event that must not
be answered: the bot handles a room's events in order and its outbox sends a room's messages in
order, so once the sentinel's reply is there, any reply to the earlier event would be as well.
"""

from __future__ import annotations

import sys
import threading
import time
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bot_process import (BotProcess, BotTestCase, bot_messages, in_reply_to, new_user,  # noqa: E402
                         relates, replies_by_target, wait_bot_joined, wait_replies)
from matrix_client import Client, wait_until  # noqa: E402

REPLY_TIMEOUT = 45.0   # one answer, including a restart and catch-up
SETTLE = 2.0           # extra time for a duplicate to show up after the first answer


class CoreE2E(BotTestCase):
    label = "core e2e"
    alice: Client   # admin and team leader
    bob: Client     # plain user, kicks the bot in the kick test
    bot: BotProcess
    team_room: str

    @classmethod
    def setUpClass(cls) -> None:
        cls.alice = new_user("alice")
        cls.bob = new_user("bob")
        cls.team_room = cls.alice.create_room("Team E2E", invite=[cls.bob.user_id])
        cls.bob.join(cls.team_room)
        cls.start_bot(BotProcess("corebot", admins=[cls.alice.user_id], teams=[
            {"name": "Team E2E", "room": cls.team_room, "leaders": [cls.alice.user_id]}],
            invites_allow=[cls.alice.user_id, "@bob_*:localhost"]), cls.alice, [cls.team_room],
            check_config=False)


    def setUp(self) -> None:
        if not self.bot.running():
            self.bot.start()



    # -- helpers ------------------------------------------------------------------------------
    def new_room_with_bot(self, name: str, creator: Client | None = None) -> str:
        c = creator or self.alice
        room = c.create_room(name)
        c.invite(room, self.bot.user_id)
        wait_bot_joined(c, room, self.bot.user_id)
        return room

    def history(self, room: str, limit: int = 300) -> list[dict]:
        return self.alice.read_history(room, limit)

    def assert_one_reply(self, room: str, cmd_id: str, timeout: float = REPLY_TIMEOUT) -> dict:
        groups = wait_replies(self.alice, room, self.bot.user_id, [cmd_id], timeout=timeout,
                              settle=SETTLE)
        replies = groups[cmd_id]
        self.assertEqual(len(replies), 1, f"{len(replies)} replies to {cmd_id}: "
                         f"{[r['event_id'] for r in replies]}")
        reply = replies[0]
        content = reply["content"]
        self.assertEqual(content.get("msgtype"), "m.notice", reply)
        self.assertTrue(content.get("body"), reply)
        self.assertIn("m.mentions", content, "replies always carry m.mentions")
        return reply

    def sentinel(self, room: str) -> dict:
        """A !ping after the event under test; returns the sentinel's (single) reply."""
        sid = self.alice.send_text(room, "!ping")
        return self.assert_one_reply(room, sid)

    # -- tests --------------------------------------------------------------------------------
    def test_01_invite_join_help(self) -> None:
        room = self.new_room_with_bot("help room")
        cmd = self.alice.send_text(room, "!help")
        reply = self.assert_one_reply(room, cmd)
        self.assertEqual(reply["content"].get("format"), "org.matrix.custom.html")
        self.assertIn("!ping", reply["content"]["body"])
        # Every bot message in the room: the welcome notice and the one reply, nothing else.
        mine = bot_messages(self.history(room), self.bot.user_id)
        self.assertTrue(all(m["content"].get("msgtype") == "m.notice" for m in mine), mine)
        replies = [m for m in mine if in_reply_to(m)]
        self.assertEqual([in_reply_to(m) for m in replies], [cmd])
        self.assertLessEqual(len(mine), 2, [m["content"].get("body") for m in mine])

    def test_02_command_while_stopped_is_answered_once_after_restart(self) -> None:
        self.assertEqual(self.bot.stop(), 0, "SIGTERM should end the bot cleanly (exit 0)")
        cmd = self.alice.send_text(self.team_room, "!ping")
        time.sleep(0.5)
        self.bot.start()
        self.assert_one_reply(self.team_room, cmd)
        # And a second restart does not answer it again.
        self.bot.restart()
        self.sentinel(self.team_room)
        groups = replies_by_target(self.history(self.team_room), self.bot.user_id)
        self.assertEqual(len(groups.get(cmd, [])), 1)

    def test_03_sigkill_during_burst_of_50(self) -> None:
        room = self.new_room_with_bot("burst room")
        sender = Client(self.alice.token, self.alice.user_id)  # own connection state
        ids: list[str] = []
        errors: list[BaseException] = []

        def send_all() -> None:
            try:
                for _ in range(50):
                    ids.append(sender.send_text(room, "!ping"))
                    time.sleep(0.02)
            except BaseException as e:  # noqa: BLE001 - reported by the main thread
                errors.append(e)

        t = threading.Thread(target=send_all, daemon=True)
        t.start()
        # Kill mid-burst, while the bot is busy: some commands answered, more in flight, the
        # rest still to come while it is down.
        wait_until(lambda: len(ids) >= 25 or errors, timeout=60, interval=0.01,
                   what="half of the burst sent")
        self.bot.kill()
        killed_at = len(ids)
        answered_before = len(replies_by_target(self.alice.read_history(room, 200),
                                                self.bot.user_id))
        t.join(timeout=60)
        self.assertFalse(t.is_alive(), "sender thread hung")
        self.assertEqual(errors, [])
        self.assertEqual(len(ids), 50)
        self.bot.start()
        groups = wait_replies(self.alice, room, self.bot.user_id, ids, timeout=90, limit=400,
                              settle=3.0)
        counts = {i: len(groups.get(i, [])) for i in ids}
        dup = {i: c for i, c in counts.items() if c > 1}
        self.assertEqual(dup, {}, f"duplicated answers (killed after {killed_at} sent)")
        orphans = [e["event_id"] for e in bot_messages(self.alice.read_history(room, 400),
                                                       self.bot.user_id)
                   if in_reply_to(e) and in_reply_to(e) not in counts]
        self.assertEqual(orphans, [], "replies to events that are no command")
        print(f"\n[burst] SIGKILL after {killed_at} of 50 sent ({answered_before} answered by "
              "then); after the restart all 50 answered exactly once",
              file=sys.stderr)

    def test_04_notice_is_never_answered(self) -> None:
        notice = self.alice.send_notice(self.team_room, "!ping")
        self.sentinel(self.team_room)
        groups = replies_by_target(self.history(self.team_room), self.bot.user_id)
        self.assertNotIn(notice, groups, "the bot answered an m.notice (bot loop risk)")

    def test_05_edit_is_not_run(self) -> None:
        room = self.team_room
        original = self.alice.send_text(room, "!help")
        self.assert_one_reply(room, original)
        edit = self.alice.send_edit(room, original, "!ping")             # body "* !ping"
        # A sloppy client may put the bare command in the fallback body; still an edit.
        raw_edit = self.alice.send_event(room, "m.room.message", {
            "msgtype": "m.text", "body": "!ping", "m.mentions": {},
            "m.new_content": {"msgtype": "m.text", "body": "!ping", "m.mentions": {}},
            "m.relates_to": {"rel_type": "m.replace", "event_id": original}})
        self.sentinel(room)
        groups = replies_by_target(self.history(room), self.bot.user_id)
        self.assertNotIn(edit, groups, "an edit was run as a command")
        self.assertNotIn(raw_edit, groups, "an edit (bare fallback body) was run as a command")
        self.assertEqual(len(groups[original]), 1, "the edited command was answered again")

    def test_06_command_in_thread_is_answered_in_thread(self) -> None:
        room = self.team_room
        root = self.alice.send_text(room, "Thread about the ping")
        cmd = self.alice.send_text(room, "!ping", thread_root=root)  # is_falling_back: true
        reply = self.assert_one_reply(room, cmd)
        rel = relates(reply)
        self.assertEqual(rel.get("rel_type"), "m.thread", rel)
        self.assertEqual(rel.get("event_id"), root, rel)
        self.assertIs(rel.get("is_falling_back"), False, rel)
        self.assertEqual(in_reply_to(reply), cmd)
        # A threaded reply to an earlier thread message (is_falling_back: false).
        cmd2 = self.alice.send_text(room, "!help ping", thread_root=root, reply_to=cmd)
        reply2 = self.assert_one_reply(room, cmd2)
        self.assertEqual(relates(reply2).get("rel_type"), "m.thread")
        self.assertEqual(relates(reply2).get("event_id"), root)
        self.assertEqual(in_reply_to(reply2), cmd2)

    def test_07_kicked_bot_tells_admin_and_stays_out(self) -> None:
        room = self.new_room_with_bot("kick room", creator=self.bob)
        self.bob.kick(room, self.bot.user_id, reason="test kick")
        # The admin (alice) gets a DM from the bot: an invite to a direct room with a notice.
        dm = self.alice.wait_for(
            lambda e: e["_section"] == "invite" and e.get("type") == "m.room.member"
            and e.get("state_key") == self.alice.user_id
            and e.get("content", {}).get("membership") == "invite"
            and e.get("sender") == self.bot.user_id, timeout=REPLY_TIMEOUT)["room_id"]
        self.alice.join(dm)
        notice = self.alice.wait_for_history(
            dm, lambda e: e.get("sender") == self.bot.user_id and e.get("type") ==
            "m.room.message" and room in e.get("content", {}).get("body", ""),
            timeout=REPLY_TIMEOUT)
        self.assertEqual(notice["content"].get("msgtype"), "m.notice")
        notices = [e for e in bot_messages(self.alice.read_history(dm, 50), self.bot.user_id)
                   if room in e["content"].get("body", "")]
        self.assertEqual(len(notices), 1, "exactly one notice about the kick")
        # Never rejoins without a new invite (also not after a restart).
        self.bot.restart()
        self.sentinel(self.team_room)
        self.assertNotIn(self.bot.user_id, self.bob.joined_members(room))
        # A new invite brings it back.
        self.bob.invite(room, self.bot.user_id)
        wait_bot_joined(self.bob, room, self.bot.user_id)

    def test_08_encrypted_room_gets_one_notice(self) -> None:
        room = self.alice.create_room("encrypted room", encrypted=True)
        self.alice.invite(room, self.bot.user_id)
        wait_bot_joined(self.alice, room, self.bot.user_id)
        first = self.alice.wait_for_history(
            room, lambda e: e.get("sender") == self.bot.user_id
            and e.get("type") == "m.room.message", timeout=REPLY_TIMEOUT)
        self.assertEqual(first["content"].get("msgtype"), "m.notice")
        self.bot.restart()
        self.sentinel(self.team_room)
        mine = bot_messages(self.history(room), self.bot.user_id)
        self.assertEqual(len(mine), 1, [m["content"].get("body") for m in mine])

    def test_09_invite_from_user_not_allowed_is_rejected(self) -> None:
        mallory = new_user("mallory")
        room = mallory.create_room("not allowed")
        mallory.invite(room, self.bot.user_id)
        member = wait_until(lambda: _membership(mallory, room, self.bot.user_id) == "leave",
                            timeout=REPLY_TIMEOUT, what="the bot rejects the invite")
        self.assertTrue(member)
        self.assertNotIn(self.bot.user_id, mallory.joined_members(room))


def _membership(c: Client, room: str, user: str) -> str:
    try:
        return c.get_state(room, "m.room.member", user).get("membership", "")
    except Exception:  # noqa: BLE001 - not there yet
        return ""


if __name__ == "__main__":
    unittest.main(verbosity=2)
