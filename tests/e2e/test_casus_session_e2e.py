#!/usr/bin/python3
"""End-to-end test of a case discussion run step by step in a thread.

One bot, one team room with a leader (lisa) and two members (mark, nina), against the real local
Synapse:
1. mark plans a session a minute ahead (`!casus plan over 1 minuut methode roddelmethode
   inbrenger @mark gespreksleider @lisa <titel>`): he named himself, so his role is fixed; lisa
   was named by a member, so she is asked and confirms with `!casus ja <id>`;
2. at the start time the bot posts exactly one start message (title, roles, method) in the room
   and step 1 of the method in that message's thread (rel_type m.thread);
3. in the thread, `!les <tekst>` (mark) and `!actie <tekst> @mark` (nina) are each acknowledged
   once, in the thread; `!volgende` (lisa) posts step 2 in the thread, once;
4. `!casus afronden` (lisa, in the thread) posts one summary with the lesson, the action and the
   number of participants (3: everyone who posted in the thread); `!casus info <id>` then shows
   the session as held ("afgerond") with that summary.

Needs: deploy/dev-homeserver.sh start, and a binary with the casus feature ($DIALOOG_BIN, e.g.
build-digest/dialoogbot). Run: /usr/bin/python3 -m unittest tests/e2e/test_casus_session_e2e.py -v
(or tests/e2e/run_all.sh casus_session). Takes about 1.5 minutes: the start is a real minute
ahead (`over 1 minuut` is the shortest lead time the planner takes: `<wanneer>` has minute
precision and refuses the past).

As in the other e2e tests every answer is read back from the room history and counted. Commands
are answered with m.in_reply_to; messages the bot posts on its own (the start message, the steps,
the summary) are recognised by their text and counted among all of the bot's messages.
The test methods run in order and share the session; a later one is skipped when an earlier
one could not provide what it needs.
"""

from __future__ import annotations

import re
import sys
import time
import unittest
from pathlib import Path
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bot_process import (BotProcess, BotTestCase, bot_messages, in_reply_to, new_user,  # noqa: E402
                         relates, wait_replies)
from matrix_client import Client, wait_until  # noqa: E402

REPLY_TIMEOUT = 45.0
SETTLE = 1.5           # extra time for a duplicate to show up after the first answer
START_TIMEOUT = 120.0  # the start message, planned one minute ahead
HISTORY = 300

TEAM = "Team Casus"
TITLE = "Client zonder vaste woonplaats"
METHOD = "roddelmethode"
STEP1 = "Stap 1 van 5: Vraag introduceren"
STEP2 = "Stap 2 van 5: Open vragen"
LESSON = "Vraag eerst wat de client zelf wil"
ACTION = "Woningcorporatie bellen over een briefadres"


def body_of(ev: dict) -> str:
    return (ev.get("content") or {}).get("body", "")


def plain(ev: dict) -> str:
    """The body without bold markers and Markdown backslash escapes (the bot's plain body is
    its Markdown)."""
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|~])", r"\1", body_of(ev).replace("**", ""))


class CasusSessionE2E(BotTestCase):
    label = "casus session e2e"
    lisa: Client    # leader
    mark: Client    # member, plans the session and brings the case
    nina: Client    # member
    bot: BotProcess
    room: str
    # Shared by the ordered tests.
    casus_id: Optional[str] = None
    root: Optional[str] = None       # event id of the start message (the thread root)
    closed: bool = False

    @classmethod
    def setUpClass(cls) -> None:
        cls.lisa = new_user("clisa")
        cls.mark = new_user("cmark")
        cls.nina = new_user("cnina")
        cls.room = cls.lisa.create_room(TEAM, invite=[cls.mark.user_id, cls.nina.user_id])
        cls.mark.join(cls.room)
        cls.nina.join(cls.room)
        cls.start_bot(BotProcess("casusbot", admins=[cls.lisa.user_id], teams=[
            {"name": TEAM, "room": cls.room, "leaders": [cls.lisa.user_id]}],
            invites_allow=[cls.lisa.user_id]), cls.lisa, [cls.room])




    # -- helpers ------------------------------------------------------------------------------
    def history(self) -> list[dict]:
        return self.lisa.read_history(self.room, HISTORY)

    def mine(self) -> list[dict]:
        return bot_messages(self.history(), self.bot.user_id)

    def assert_one_reply(self, client: Client, cmd_id: str) -> dict:
        """Exactly one bot answer with m.in_reply_to = cmd_id (an m.notice)."""
        groups = wait_replies(client, self.room, self.bot.user_id, [cmd_id],
                              timeout=REPLY_TIMEOUT, limit=HISTORY, settle=SETTLE)
        replies = groups[cmd_id]
        self.assertEqual(len(replies), 1, f"{len(replies)} replies to {cmd_id}: "
                         f"{[body_of(r)[:80] for r in replies]}")
        reply = replies[0]
        self.assertEqual(reply["content"].get("msgtype"), "m.notice", reply)
        self.assertTrue(body_of(reply), reply)
        return reply

    def command(self, client: Client, text: str, thread: bool = False) -> tuple[str, dict]:
        cmd = client.send_text(self.room, text, thread_root=self.root if thread else None)
        return cmd, self.assert_one_reply(client, cmd)

    def assert_in_thread(self, ev: dict) -> None:
        rel = relates(ev)
        self.assertEqual(rel.get("rel_type"), "m.thread", f"not in a thread: {body_of(ev)[:80]}")
        self.assertEqual(rel.get("event_id"), self.root,
                         f"in another thread than the session's: {body_of(ev)[:80]}")

    def bot_posts(self, match: Callable[[str], bool]) -> list[dict]:
        return [e for e in self.mine() if match(plain(e))]

    def wait_posts(self, match: Callable[[str], bool], timeout: float,
                   what: str) -> list[dict]:
        """Wait for a bot message matching `match`, then SETTLE; all matching ones."""
        try:
            wait_until(lambda: self.bot_posts(match), timeout=timeout, interval=0.5, what=what)
        except TimeoutError:
            self.fail(f"{what} did not come within {timeout:.0f}s; bot log tail:\n"
                      f"{self.bot.log_tail(30)}")
        time.sleep(SETTLE)
        return self.bot_posts(match)

    def need(self, *attrs: str) -> None:
        for a in attrs:
            if not getattr(type(self), a):
                self.skipTest(f"an earlier step failed (no {a})")

    # -- tests --------------------------------------------------------------------------------
    def test_01_member_plans_leader_confirms(self) -> None:
        mark, lisa = self.mark, self.lisa
        _, planned = self.command(
            mark, f"!casus plan over 1 minuut methode {METHOD} inbrenger {mark.user_id} "
                  f"gespreksleider {lisa.user_id} {TITLE}")
        pb = plain(planned)
        self.assertIn("Gepland", pb)
        self.assertIn(TITLE, pb)
        m = re.search(r"casusbespreking #(\d+)", pb)
        self.assertIsNotNone(m, pb)
        cid = m.group(1)
        self.assertIn(f"Inbrenger: {mark.user_id} ·", pb, "mark named himself: fixed at once")
        self.assertIn(f"Gespreksleider: {lisa.user_id} (gevraagd)", pb,
                      "a member named the leader: she is asked first")
        self.assertIn("Roddelmethode", pb)
        self.assertIn(f"!casus ja {cid}", pb)
        self.assertIn(lisa.user_id, (planned["content"].get("m.mentions") or {}).get(
            "user_ids", []), "the asked leader is not mentioned")

        _, yes = self.command(lisa, f"!casus ja {cid}")
        self.assertIn(f"Je bent gespreksleider bij casusbespreking #{cid}", plain(yes))

        _, info = self.command(lisa, f"!casus info {cid}")
        ib = plain(info)
        self.assertIn("gepland", ib)
        self.assertIn(f"Gespreksleider: {lisa.user_id} ·", ib, "the confirmation did not stick")
        type(self).casus_id = cid

    def test_02_start_message_and_first_step_in_its_thread(self) -> None:
        self.need("casus_id")
        cid = self.casus_id
        head = f"Casusbespreking #{cid}: {TITLE} begint nu"
        starts = self.wait_posts(lambda b: head in b, START_TIMEOUT, "the start message")
        self.assertEqual(len(starts), 1, [body_of(s)[:80] for s in starts])
        start = starts[0]
        sb = plain(start)
        self.assertEqual(start["content"].get("msgtype"), "m.notice")
        self.assertNotIn("m.relates_to", start["content"], "the start message is a root")
        self.assertIn(f"Inbrenger: {self.mark.user_id}", sb)
        self.assertIn(f"Gespreksleider: {self.lisa.user_id}", sb)
        self.assertIn("Methode: Roddelmethode", sb)
        self.assertIn("draad", sb, "no pointer to the thread")
        type(self).root = start["event_id"]

        steps = self.wait_posts(lambda b: STEP1 in b, REPLY_TIMEOUT, "step 1")
        self.assertEqual(len(steps), 1, [body_of(s)[:80] for s in steps])
        self.assert_in_thread(steps[0])
        self.assertIn(self.mark.user_id, plain(steps[0]), "step 1 names the inbrenger")
        self.assertIn("!volgende", plain(steps[0]))

    def test_03_lesson_and_action_in_thread(self) -> None:
        self.need("casus_id", "root")
        cid = self.casus_id
        _, les = self.command(self.mark, f"!les {LESSON}", thread=True)
        self.assert_in_thread(les)
        self.assertIn(f"Les vastgelegd (1 bij #{cid})", plain(les))

        _, actie = self.command(self.nina, f"!actie {ACTION} {self.mark.user_id}", thread=True)
        self.assert_in_thread(actie)
        ab = plain(actie)
        self.assertIn(f"Actie vastgelegd voor {self.mark.user_id}", ab)
        self.assertIn("opvolgen op", ab)
        self.assertIn(self.mark.user_id, (actie["content"].get("m.mentions") or {}).get(
            "user_ids", []), "the owner is not mentioned")

    def test_04_volgende_moves_to_step_2_in_thread(self) -> None:
        self.need("casus_id", "root")
        self.assertEqual(self.bot_posts(lambda b: STEP2 in b), [], "step 2 before !volgende")
        cmd = self.lisa.send_text(self.room, "!volgende", thread_root=self.root)
        steps = self.wait_posts(lambda b: STEP2 in b, REPLY_TIMEOUT, "step 2 after !volgende")
        self.assertEqual(len(steps), 1, [body_of(s)[:80] for s in steps])
        self.assert_in_thread(steps[0])
        # Step 2 is the only bot message after the command (no separate answer besides it).
        hist = self.history()
        ids = [e.get("event_id") for e in hist]
        after = [e for e in bot_messages(hist[ids.index(cmd) + 1:], self.bot.user_id)]
        self.assertEqual([e["event_id"] for e in after], [steps[0]["event_id"]],
                         [body_of(e)[:80] for e in after])
        # Step 1 is still posted once (the echo fallback did not post it again).
        self.assertEqual(len(self.bot_posts(lambda b: STEP1 in b)), 1)

    def test_05_afronden_posts_summary(self) -> None:
        self.need("casus_id", "root")
        cid = self.casus_id
        cmd = self.lisa.send_text(self.room, "!casus afronden", thread_root=self.root)
        head = f"Samenvatting casusbespreking #{cid}: {TITLE}"
        sums = self.wait_posts(lambda b: head in b, REPLY_TIMEOUT, "the summary")
        self.assertEqual(len(sums), 1, [body_of(s)[:80] for s in sums])
        sb = plain(sums[0])
        self.assertIn("Methode: Roddelmethode", sb)
        self.assertIn("Deelnemers: 3", sb, "mark, nina and lisa posted in the thread")
        self.assertIn(f"- {LESSON}", sb)
        self.assertIn(f"- {ACTION} — {self.mark.user_id}, opvolgen op", sb)
        # The summary is the one and only bot message after the command.
        hist = self.history()
        ids = [e.get("event_id") for e in hist]
        after = bot_messages(hist[ids.index(cmd) + 1:], self.bot.user_id)
        self.assertEqual([e["event_id"] for e in after], [sums[0]["event_id"]],
                         [body_of(e)[:80] for e in after])
        type(self).closed = True

    def test_06_info_shows_it_held(self) -> None:
        self.need("casus_id", "closed")
        cid = self.casus_id
        _, info = self.command(self.lisa, f"!casus info {cid}")
        ib = plain(info)
        self.assertIn(f"Casusbespreking #{cid}: {TITLE}", ib)
        self.assertIn("afgerond", ib)
        self.assertNotIn("loopt nu", ib)
        self.assertIn(f"Samenvatting casusbespreking #{cid}", ib)
        self.assertIn("Deelnemers: 3", ib)
        self.assertIn(LESSON, ib)
        self.assertIn(ACTION, ib)
        # No longer running: in-session commands are refused, and it is not listed as upcoming.
        _, les = self.command(self.mark, "!les Te laat", thread=True)
        self.assertIn("Er loopt nu geen casusbespreking", plain(les))
        _, lst = self.command(self.lisa, "!casus lijst")
        self.assertNotIn(f"#{cid}", plain(lst))

    def test_07_exactly_one_start_and_no_stray_posts(self) -> None:
        self.need("casus_id", "root")
        cid = self.casus_id
        mine = self.mine()
        starts = [e for e in mine if f"Casusbespreking #{cid}: {TITLE} begint nu" in plain(e)]
        self.assertEqual(len(starts), 1)
        # Every bot message in the thread answers a command or is a step.
        for e in mine:
            if relates(e).get("event_id") == self.root:
                b = plain(e)
                self.assertTrue(in_reply_to(e) not in (None, self.root) or "Stap " in b,
                                f"unexpected post in the thread: {b[:120]}")


if __name__ == "__main__":
    unittest.main(verbosity=2)
