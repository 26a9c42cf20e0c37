#!/usr/bin/python3
"""End-to-end tests of dialoogbot's feature flows against the real local Synapse.

Covers the user-facing flows of the features, one bot with all features (core, casus,
intervisie, inbreng, tenzij, digest) and two teams:
1. client input: a representative allowed by `intake.allow` DMs the bot, sends
   `!inbreng <story>`, sees the scrubbed preview, answers `ja`; the stored text has no BSN, phone
   or name, the original message is redacted on the server, the withdrawal code removes it;
   `!inbreng <story>` in a team room is refused; a DM where the bot cannot redact makes the bot
   open its own DM;
2. nudge and decision log: a leader's door-closing sentence gets one threaded nudge, a
   question gets none, `!besluit … tenzij …` in the nudge's thread is logged, `!besluiten` lists it;
3. case discussions: `!casus plan morgen 14:00 <titel>` is stored and listed, an
   impossible date is refused and nothing is stored;
4. digest: a leader's `!overzicht` in a DM gives this week's digest with a heading per
   team; a member who is no leader is refused.

Needs: deploy/dev-homeserver.sh start, and a binary with every feature ($DIALOOG_BIN, e.g.
build-digest/dialoogbot). Run: /usr/bin/python3 -m unittest tests/e2e/test_features_e2e.py -v
(or tests/e2e/run_all.sh features).

As in test_core_e2e.py, every check reads the room history back and counts the bot's answers,
and "no answer" checks use a sentinel command instead of sleeps. In intake DMs the bot answers
without a reply relation (the submitter's event is about to be redacted, so no outbox row may
name it); there an answer is a bot message between the command and the next message of the
submitter.
"""

from __future__ import annotations

import csv
import io
import re
import subprocess
import sys
import time
import unittest
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bot_process import (BotProcess, BotTestCase, bot_binary, bot_messages, in_reply_to,  # noqa: E402
                         new_user, relates, replies_by_target, wait_bot_joined, wait_replies)
from matrix_client import Client, wait_until  # noqa: E402

REPLY_TIMEOUT = 45.0
SETTLE = 1.5           # extra time for a duplicate to show up after the first answer

TEAM_NOORD = "Team Noord"
TEAM_ZUID = "Team Zuid"

# A story with a name after a form of address, a BSN that passes the elfproef and a mobile number.
BSN = "111222333"
PHONE = "06-12345678"
NAME = "Jansen"
STORY = (f"Mevrouw {NAME} (BSN {BSN}) belde me vanaf {PHONE}: ze wacht al drie maanden op een "
         "antwoord over haar uitkering en durft de post niet meer open te maken.")


def iso_week_now() -> tuple[int, int]:
    """The ISO (year, week) now in the teams' timezone (the bot's config uses it)."""
    return datetime.now(timezone.utc).astimezone(ZoneInfo("Europe/Amsterdam")).isocalendar()[:2]


def body_of(ev: dict) -> str:
    return (ev.get("content") or {}).get("body", "")


def plain(ev: dict) -> str:
    """The body without Markdown backslash escapes (the bot's plain body is its Markdown)."""
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|~])", r"\1", body_of(ev))


class FeaturesE2E(BotTestCase):
    label = "features e2e"
    alice: Client   # leader of both teams, admin
    bob: Client     # member of Team Noord, not a leader
    carla: Client   # client representative (intake.allow), in no team room
    bot: BotProcess
    noord: str
    zuid: str
    # Set by the nudge test: (ISO week, decision description), so the digest test can look for
    # it when both ran in the same week.
    logged_decision: Optional[tuple[tuple[int, int], str]] = None

    @classmethod
    def setUpClass(cls) -> None:
        cls.alice = new_user("falice")
        cls.bob = new_user("fbob")
        cls.carla = new_user("fcarla")
        cls.noord = cls.alice.create_room(TEAM_NOORD, invite=[cls.bob.user_id])
        cls.bob.join(cls.noord)
        cls.zuid = cls.alice.create_room(TEAM_ZUID)
        extra = "\n".join([
            "intake:",
            f"  allow: [\"{cls.carla.user_id}\"]",
            f"  default_team: \"{TEAM_NOORD}\"",
        ])
        # carla is NOT in invites.allow: her DM invite is accepted because of intake.allow.
        cls.start_bot(BotProcess("featbot", admins=[cls.alice.user_id], teams=[
            {"name": TEAM_NOORD, "room": cls.noord, "leaders": [cls.alice.user_id]},
            {"name": TEAM_ZUID, "room": cls.zuid, "leaders": [cls.alice.user_id]}],
            invites_allow=[cls.alice.user_id, cls.bob.user_id], extra_yaml=extra),
            cls.alice, [cls.noord, cls.zuid])




    # -- helpers ------------------------------------------------------------------------------
    def assert_one_reply(self, client: Client, room: str, cmd_id: str,
                         timeout: float = REPLY_TIMEOUT) -> dict:
        """Exactly one bot answer with m.in_reply_to = cmd_id (an m.notice)."""
        groups = wait_replies(client, room, self.bot.user_id, [cmd_id], timeout=timeout,
                              settle=SETTLE)
        replies = groups[cmd_id]
        self.assertEqual(len(replies), 1, f"{len(replies)} replies to {cmd_id}: "
                         f"{[body_of(r)[:80] for r in replies]}")
        reply = replies[0]
        self.assertEqual(reply["content"].get("msgtype"), "m.notice", reply)
        self.assertTrue(body_of(reply), reply)
        return reply

    def command(self, client: Client, room: str, text: str, **kw) -> tuple[str, dict]:
        cmd = client.send_text(room, text, **kw)
        return cmd, self.assert_one_reply(client, room, cmd)

    def sentinel(self, client: Client, room: str) -> dict:
        """A !ping after the event under test; returns its (single) reply."""
        return self.command(client, room, "!ping")[1]

    def answers_after(self, client: Client, room: str, event_id: str) -> list[dict]:
        """Bot messages after `event_id` and before the next message of anyone else."""
        hist = client.read_history(room, 200)
        ids = [e.get("event_id") for e in hist]
        if event_id not in ids:
            return []
        out = []
        for ev in hist[ids.index(event_id) + 1:]:
            if ev.get("type") != "m.room.message":
                continue
            if ev.get("sender") != self.bot.user_id:
                break
            out.append(ev)
        return out

    def dm_answer(self, client: Client, room: str, event_id: str,
                  timeout: float = REPLY_TIMEOUT) -> dict:
        """Exactly one bot message answers `event_id` in a DM (no reply relation there)."""
        wait_until(lambda: self.answers_after(client, room, event_id), timeout=timeout,
                   interval=0.25, what=f"a bot answer after {event_id}")
        time.sleep(SETTLE)
        got = self.answers_after(client, room, event_id)
        self.assertEqual(len(got), 1, f"{len(got)} answers to {event_id}: "
                         f"{[body_of(g)[:80] for g in got]}")
        self.assertEqual(got[0]["content"].get("msgtype"), "m.notice", got[0])
        return got[0]

    def new_dm(self, client: Client, trusted: bool = True) -> str:
        room = client.create_room(None, invite=[self.bot.user_id], is_direct=True,
                                  preset="trusted_private_chat" if trusted else "private_chat")
        wait_bot_joined(client, room, self.bot.user_id)
        return room

    def export(self, team: str) -> list[list[str]]:
        """`dialoogbot inbreng-export` rows (header first)."""
        r = subprocess.run([bot_binary(), "inbreng-export", "--config", str(self.bot.config_path),
                            "--team", team], capture_output=True, text=True, timeout=30)
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        return list(csv.reader(io.StringIO(r.stdout)))

    # -- 1. client input ------------------------------------------------------------------------
    def test_01_intake_in_dm_preview_confirm_redact_withdraw(self) -> None:
        carla, alice = self.carla, self.alice
        dm = self.new_dm(carla)  # carla is not in invites.allow: accepted for the intake

        story_id = carla.send_text(dm, "!inbreng " + STORY)
        preview = plain(self.dm_answer(carla, dm, story_id))
        self.assertIn("Dit is wat ik zou bewaren", preview)
        for item in (BSN, PHONE, NAME):
            self.assertNotIn(item, preview, f"the preview still shows {item!r}")
        for tag in ("[BSN]", "[TELEFOON]", "[NAAM]"):
            self.assertIn(tag, preview)
        self.assertIn("drie maanden", preview)
        self.assertIn(TEAM_NOORD, preview, "the default team is named in the preview")
        self.assertEqual(self.export(TEAM_NOORD)[1:], [], "stored before the confirmation")

        yes_id = carla.send_text(dm, "ja")
        stored = body_of(self.dm_answer(carla, dm, yes_id))
        self.assertIn("Bewaard", stored)
        m = re.search(r"!inbreng intrekken (\S+)", stored)
        self.assertIsNotNone(m, f"no withdrawal code in: {stored}")
        code = m.group(1)

        # The submitter's original message is redacted on the server.
        def redacted() -> bool:
            ev = carla.get_event(dm, story_id)
            return not ev.get("content") and "redacted_because" in (ev.get("unsigned") or {})
        wait_until(redacted, timeout=REPLY_TIMEOUT, what="the story message is redacted")
        self.assertEqual(carla.get_event(dm, yes_id)["content"].get("body"), "ja")

        # Stored without BSN/phone/name: the admin export and the team room's read command.
        rows = self.export(TEAM_NOORD)
        self.assertEqual(len(rows), 2, rows)
        text = rows[1][-1]
        self.assertIn("drie maanden", text)
        for item in (BSN, PHONE, NAME, carla.user_id, dm):
            self.assertNotIn(item, ",".join(rows[1]))
        self.assertEqual(self.export(TEAM_ZUID)[1:], [])
        _, lst = self.command(alice, self.noord, "!inbreng lijst")
        lb = plain(lst)
        self.assertIn("Verhalen van cliënten voor", lb)
        self.assertIn("[BSN]", lb)
        for item in (BSN, PHONE, NAME):
            self.assertNotIn(item, lb)
        input_id = rows[1][0]
        _, one = self.command(alice, self.noord, f"!inbreng {input_id}")
        self.assertIn(f"#{input_id}", body_of(one))
        self.assertIn("drie maanden", body_of(one))
        # The other team does not see it.
        _, other = self.command(alice, self.zuid, "!inbreng lijst")
        self.assertIn("nog geen verhalen", body_of(other))

        # Withdrawal with the code removes it.
        wd_id = carla.send_text(dm, f"!inbreng intrekken {code}")
        self.assertIn("verwijderd", body_of(self.dm_answer(carla, dm, wd_id)))
        self.assertEqual(self.export(TEAM_NOORD)[1:], [])
        _, after = self.command(alice, self.noord, "!inbreng lijst")
        self.assertIn("nog geen verhalen", body_of(after))
        # The same code a second time is unknown.
        again = carla.send_text(dm, f"!inbreng intrekken {code}")
        self.assertIn("ken ik niet", body_of(self.dm_answer(carla, dm, again)))

    def test_02_intake_in_team_room_is_refused(self) -> None:
        cmd, reply = self.command(self.bob, self.noord, "!inbreng " + STORY)
        b = body_of(reply)
        self.assertIn("niet aan in een teamkamer", b)
        self.assertIn("privégesprek", b, "no pointer to the private chat")
        self.assertEqual(self.export(TEAM_NOORD)[1:], [])

    def test_03_intake_where_bot_cannot_redact_opens_own_dm(self) -> None:
        carla = self.carla
        weak = self.new_dm(carla, trusted=False)  # the bot has power level 0 here
        before = set(carla.joined_rooms())
        cmd = carla.send_text(weak, "!inbreng " + STORY)
        refusal = body_of(self.dm_answer(carla, weak, cmd))
        self.assertIn("niets bewaard", refusal)
        self.assertIn("privégesprek", refusal)
        # The bot opens its own DM with her (she had none from it yet) and says what to do there.
        own = self._bot_dm_with(carla, exclude=before)
        hello = carla.wait_for_history(
            own, lambda e: e.get("sender") == self.bot.user_id
            and e.get("type") == "m.room.message" and "kun je veilig" in body_of(e),
            timeout=REPLY_TIMEOUT)
        self.assertEqual(hello["content"].get("msgtype"), "m.notice")
        self.assertEqual([m["event_id"] for m in bot_messages(carla.read_history(own, 50),
                                                             self.bot.user_id)],
                         [hello["event_id"]], "one message in the new DM")
        self.assertEqual(self.export(TEAM_NOORD)[1:], [])
        # A story there works (then thrown away with `nee`).
        sid = carla.send_text(own, "!inbreng " + STORY)
        self.assertIn("Dit is wat ik zou bewaren", body_of(self.dm_answer(carla, own, sid)))
        no = carla.send_text(own, "nee")
        self.assertIn("niets bewaard", body_of(self.dm_answer(carla, own, no)))
        # Discarded: the story message is redacted too.
        wait_until(lambda: not carla.get_event(own, sid).get("content"), timeout=REPLY_TIMEOUT,
                   what="the discarded story message is redacted")
        self.assertEqual(self.export(TEAM_NOORD)[1:], [])

    def _bot_dm_with(self, client: Client, exclude: set[str]) -> str:
        """The DM the bot opened with `client` (joins it when it is an invite)."""
        def find() -> Optional[str]:
            joined = set(client.joined_rooms()) - exclude
            for r in joined:
                try:
                    members = client.joined_members(r)
                except Exception:  # noqa: BLE001
                    continue
                if set(members) == {client.user_id, self.bot.user_id}:
                    return r
            r = client.sync(None, 0, {"room": {"timeline": {"limit": 0}}})
            for rid in ((r.get("rooms") or {}).get("invite") or {}):
                if rid not in exclude:
                    client.join(rid)
                    return rid
            return None
        return wait_until(find, timeout=REPLY_TIMEOUT, interval=0.5,
                          what="the bot's own DM with the representative")

    # -- 2. nudge + decision log ----------------------------------------------------------------
    def test_04_nudge_and_decision_log(self) -> None:
        alice, room = self.alice, self.zuid
        # A question closes no door: no nudge (checked before the first nudge, since only one
        # nudge per person per room per 24 h would hide a wrong one afterwards).
        question = alice.send_text(room, "Hm, kan dat niet?")
        self.sentinel(alice, room)
        self.assertNotIn(question, replies_by_target(alice.read_history(room, 200),
                                                     self.bot.user_id), "a question was nudged")

        week = iso_week_now()
        closing = alice.send_text(room, "Dat kan niet, dat valt buiten het beleid.")
        nudge = self.assert_one_reply(alice, room, closing)
        rel = relates(nudge)
        self.assertEqual(rel.get("rel_type"), "m.thread", rel)
        self.assertEqual(rel.get("event_id"), closing, rel)
        self.assertIn("Alles kan, tenzij", body_of(nudge))
        self.assertIn("!besluit", body_of(nudge))

        besluit = alice.send_text(
            room, "!besluit Werkplekaanpassing aanvragen tenzij het UWV die al vergoedt "
                  "opvolging over 2 weken", thread_root=closing)
        saved = self.assert_one_reply(alice, room, besluit)
        sb = body_of(saved)
        self.assertIn("vastgelegd", sb)
        self.assertIn("Werkplekaanpassing aanvragen", sb)
        self.assertIn("het UWV die al vergoedt", sb)
        self.assertIn("hoort bij de tenzij-vraag", sb, "not linked to the nudge")
        self.assertEqual(relates(saved).get("rel_type"), "m.thread")
        self.assertEqual(relates(saved).get("event_id"), closing)
        m = re.search(r"#(\d+)", sb)
        self.assertIsNotNone(m, sb)
        bid = m.group(1)

        type(self).logged_decision = (week, "Werkplekaanpassing aanvragen")

        _, lst = self.command(alice, room, "!besluiten")
        lb = body_of(lst)
        self.assertIn(f"#{bid}", lb)
        self.assertIn("Werkplekaanpassing aanvragen", lb)
        self.assertIn("het UWV die al vergoedt", lb)
        _, detail = self.command(alice, room, f"!besluit {bid}")
        self.assertIn("na een tenzij-vraag", body_of(detail))

        # Only one nudge in the whole room: the question and the commands got none.
        nudges = [e for e in bot_messages(alice.read_history(room, 200), self.bot.user_id)
                  if "Alles kan, tenzij" in body_of(e)]
        self.assertEqual([in_reply_to(n) for n in nudges], [closing])

    # -- 3. case discussions --------------------------------------------------------------------
    def test_05_casus_plan_list_and_bad_date(self) -> None:
        alice, room = self.alice, self.noord
        title = "Klant die niet komt opdagen"
        _, planned = self.command(alice, room, f"!casus plan morgen 14:00 {title}")
        pb = body_of(planned)
        self.assertIn("Gepland", pb)
        self.assertIn(title, pb)
        self.assertIn("14:00", pb)
        m = re.search(r"#(\d+)", pb)
        self.assertIsNotNone(m, pb)
        cid = m.group(1)

        _, bad = self.command(alice, room, "!casus plan 31-02 14:00 Onmogelijke datum")
        self.assertIn("31-02", body_of(bad))
        self.assertIn("bestaat niet", body_of(bad))

        _, lst = self.command(alice, room, "!casus lijst")
        lb = body_of(lst)
        self.assertIn("Geplande casusbesprekingen", lb)
        self.assertIn(f"#{cid}", lb)
        self.assertIn(title, lb)
        self.assertNotIn("Onmogelijke datum", lb, "the refused plan was stored")
        items = [ln for ln in lb.splitlines() if re.match(r"\s*[-*]\s+#\d+", ln)]
        self.assertEqual(len(items), 1, lb)

    # -- 4. digest ------------------------------------------------------------------------------
    def test_06_overzicht_in_leader_dm(self) -> None:
        alice = self.alice
        dm = self.new_dm(alice)
        cmd, reply = self.command(alice, dm, "!overzicht")
        b = body_of(reply)
        self.assertIn("Weekoverzicht week", b)
        self.assertIn(f"{TEAM_NOORD}", b)
        self.assertIn(f"{TEAM_ZUID}", b)
        self.assertLess(b.index(f"{TEAM_NOORD}"), b.index(f"{TEAM_ZUID}"))
        # The plain body shows each section heading on a line of its own, once per team.
        for section in ("\nCasusbesprekingen\n", "\nAlles kan, tenzij",
                        "\nVerhalen van cliënten"):
            self.assertEqual(b.count(section), 2, f"{section!r} not once per team:\n{b}")
        noord_part = b[b.index(f"{TEAM_NOORD}"):b.index(f"{TEAM_ZUID}")]
        zuid_part = b[b.index(f"{TEAM_ZUID}"):]
        logged = type(self).logged_decision
        if logged and logged[0] == iso_week_now():
            # The nudge and decision of the nudge test (Team Zuid) show in Team Zuid only.
            self.assertIn("Tenzij-vragen gesteld: 1; daarna vastgelegd als besluit: 1",
                          zuid_part)
            self.assertIn(logged[1], zuid_part)
            self.assertNotIn(logged[1], noord_part)
        self.assertEqual(reply["content"].get("format"), "org.matrix.custom.html")
        html = reply["content"].get("formatted_body", "")
        self.assertIn("<h2>", html)
        # No personal data of the representative in the leader's digest.
        for item in (self.carla.user_id, BSN, PHONE):
            self.assertNotIn(item, b)

        # A member who is no leader is refused in their own DM.
        bdm = self.new_dm(self.bob)
        _, refused = self.command(self.bob, bdm, "!overzicht")
        self.assertIn("alleen voor leidinggevenden", body_of(refused))
        # In a team room !overzicht points to the DM.
        _, where = self.command(alice, self.noord, "!overzicht")
        self.assertNotIn("Weekoverzicht", body_of(where))

    def test_07_overzicht_export_is_an_uploaded_csv(self) -> None:
        alice = self.alice
        dm = self.new_dm(alice)
        cmd = alice.send_text(dm, "!overzicht export")
        groups = wait_replies(alice, dm, self.bot.user_id, [cmd], timeout=REPLY_TIMEOUT,
                              settle=SETTLE, count=2)
        replies = groups[cmd]
        self.assertEqual([r["content"].get("msgtype") for r in replies], ["m.notice", "m.file"],
                         [body_of(r)[:80] for r in replies])
        self.assertIn("Cijfers ", body_of(replies[0]))
        f = replies[1]["content"]
        self.assertRegex(f.get("body", ""), r"^dialoogbot-cijfers-\d{4}-K[1-4]\.csv$")
        self.assertEqual(f.get("info", {}).get("mimetype"), "text/csv; charset=utf-8")
        self.assertTrue(f.get("url", "").startswith("mxc://localhost/"), f)
        data = alice.download(f["url"])
        self.assertEqual(len(data), f["info"]["size"])
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"), data[:10])  # BOM for spreadsheets
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        header = rows[0]
        for column in ("team", "week", "casus_gehouden", "intervisie_vragen",
                       "inbreng_ontvangen", "besluiten_nieuw"):
            self.assertIn(column, header)
        teams = {r[0] for r in rows[1:]}
        self.assertEqual(teams, {TEAM_NOORD, TEAM_ZUID})
        this_week = "%d-W%02d" % iso_week_now()
        self.assertIn(this_week, {r[1] for r in rows[1:]})
        # Client-input counts 1..4 read "< 5"; no cell names a person.
        received = header.index("inbreng_ontvangen")
        for r in rows[1:]:
            self.assertTrue(r[received] == "0" or r[received] == "< 5" or int(r[received]) >= 5,
                            r)
        for item in (self.carla.user_id, self.bob.user_id, BSN, PHONE):
            self.assertNotIn(item.encode(), data)


if __name__ == "__main__":
    unittest.main(verbosity=2)
