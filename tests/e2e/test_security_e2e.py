#!/usr/bin/python3
"""Security checks of dialoogbot against the real local Synapse.

1. A whole session (help, ping, commands with a marker in their arguments, a DM, an edit, a
   notice, restarts with SIGTERM and SIGKILL, token login and password login) and then every
   line the binary wrote (stdout and stderr) is searched for the access token, every access
   token Synapse ever issued to the bot account, the bot's password and the marker text sent
   as client input. None may appear.
2. A token (or password) file readable by group or others gives the warning, in
   `--check-config` and in the running bot's log.
3. `--check-config` refuses an http:// homeserver that is not loopback, unless
   `allow_insecure_http: true`.

Needs: deploy/dev-homeserver.sh start and a built binary ($DIALOOG_BIN, default
build/dialoogbot). Run: /usr/bin/python3 -m unittest tests/e2e/test_security_e2e.py -v
"""

from __future__ import annotations

import os
import secrets
import sqlite3
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bot_process import (BotProcess, bot_binary, new_user, replies_by_target,  # noqa: E402
                         wait_bot_joined, wait_replies)

import subprocess  # noqa: E402

REPLY_TIMEOUT = 45.0


def synapse_tokens(user_id: str) -> list[str]:
    """Every access token Synapse holds for `user_id` (read-only look into the dev server's
    database; empty when it cannot be read)."""
    state = Path(os.environ.get("DIALOOG_HS_DIR", "/var/lib/dialoogbot-dev/synapse"))
    db = state / "homeserver.db"
    if not db.exists():
        return []
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
        try:
            rows = con.execute("SELECT token FROM access_tokens WHERE user_id = ?",
                               (user_id,)).fetchall()
        finally:
            con.close()
    except sqlite3.Error as e:
        print(f"[security] cannot read Synapse's tokens ({e}); checking the known token only",
              file=sys.stderr)
        return []
    return [r[0] for r in rows if r[0]]


def find_leaks(text: str, secrets_: dict[str, str]) -> list[str]:
    """Lines (numbered, with the secret masked) that contain any secret (case-insensitive)."""
    out = []
    low = [(name, s.lower()) for name, s in secrets_.items() if s]
    for no, line in enumerate(text.splitlines(), 1):
        ll = line.lower()
        for name, s in low:
            if s in ll:
                out.append(f"line {no}: {name}: {ll.replace(s, '<' + name + '>')[:200]}")
    return out


class SessionLogHasNoSecrets(unittest.TestCase):
    def test_whole_session(self) -> None:
        marker = f"GEHEIM-MARKER-{secrets.token_hex(4).upper()}"
        alice = new_user("secalice")
        room = alice.create_room("Team Security")
        bot = BotProcess("secbot", admins=[alice.user_id], auth="token", log_level="trace",
                         teams=[{"name": "Team Security", "room": room,
                                 "leaders": [alice.user_id]}])
        keep = True
        try:
            bot.start()
            alice.invite(room, bot.user_id)
            wait_bot_joined(alice, room, bot.user_id)

            def answered(cmds: list[str], where: str = room) -> None:
                wait_replies(alice, where, bot.user_id, cmds, timeout=REPLY_TIMEOUT)

            # Commands whose arguments carry the marker, plus ordinary ones.
            cmds = [alice.send_text(room, t) for t in [
                "!help", "!ping", f"!help {marker}", f"!ping {marker}",
                f'!hulp "{marker} met spaties"', f"!help ping {marker}"]]
            # Client input that is no command, or not answered: still must not be logged.
            alice.send_text(room, f"Het verhaal van de cliënt: {marker}, 12 jaar, Utrecht.")
            alice.send_text(room, f"!{marker}")                        # unknown, silent
            alice.send_notice(room, f"!ping {marker}")                # notices are ignored
            alice.send_edit(room, cmds[1], f"!ping {marker} (edit)")  # edits are ignored
            alice.send_reaction(room, cmds[1], marker)
            cmds.append(alice.send_text(room, f"!ping\n\n{marker}", reply_to=cmds[0]))
            answered(cmds)

            # A DM: unknown commands get a pointer to !help there.
            dm = alice.create_room(None, invite=[bot.user_id], is_direct=True,
                                   preset="trusted_private_chat")
            wait_bot_joined(alice, dm, bot.user_id)
            answered([alice.send_text(dm, f"!{marker}"), alice.send_text(dm, "!ping")], dm)

            # Stop, a command while down, start: caught up.
            bot.stop()
            down_cmd = alice.send_text(room, f"!help {marker}")
            bot.start()
            answered([down_cmd])

            # A crash and a restart.
            bot.kill()
            bot.start()
            answered([alice.send_text(room, f"!ping {marker}")])

            # Password login (the bot logs in itself with its device id), restarted twice.
            bot.auth = "password"
            bot.write_config()
            bot.restart()
            answered([alice.send_text(room, f"!help {marker}")])
            bot.restart()
            answered([alice.send_text(room, "!ping")])
            # SIGHUP re-reads config and token.
            bot.reload()
            bot.wait_log("config reloaded", timeout=15)
            answered([alice.send_text(room, f"!ping {marker}")])
            bot.stop()

            groups = replies_by_target(alice.read_history(room, 300), bot.user_id)
            self.assertTrue(all(len(v) == 1 for v in groups.values()),
                            {k: len(v) for k, v in groups.items() if len(v) != 1})

            log = bot.log_text()
            self.assertIn("logged in as", log, "the log looks empty: wrong file?")
            self.assertGreaterEqual(bot.starts, 5)
            tokens = set(synapse_tokens(bot.user_id))
            assert bot.token
            tokens.add(bot.token)
            checked = {"access token (file)": bot.token, "bot password": bot.password,
                       "marker": marker}
            for i, t in enumerate(sorted(tokens)):
                checked[f"synapse token {i}"] = t
            leaks = find_leaks(log, checked)
            self.assertEqual(leaks, [], f"secrets or client text in the bot log {bot.log_path}")
            print(f"\n[security] {len(log.splitlines())} log lines over {bot.starts} starts "
                  f"clean of {len(tokens)} tokens, the password and the marker", file=sys.stderr)
            keep = False
        finally:
            if keep:
                bot.kill()
                print(f"\n[security] bot files kept in {bot.dir}", file=sys.stderr)
            else:
                bot.cleanup()


class ConfigChecks(unittest.TestCase):
    def setUp(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="dialoog-e2e-cfg-"))
        os.chmod(self.dir, 0o700)
        self.token = self.dir / "token"
        self.token.write_text("syt_not_a_real_token_" + secrets.token_hex(8))
        os.chmod(self.token, 0o600)

    def tearDown(self) -> None:
        import shutil
        shutil.rmtree(self.dir, ignore_errors=True)

    def config(self, homeserver: str, extra: str = "", secret_key: str = "access_token_file",
               secret_path: Path | None = None) -> Path:
        p = self.dir / f"cfg-{secrets.token_hex(3)}.yaml"
        p.write_text(
            f"homeserver: {homeserver}\n{extra}"
            "bot:\n"
            "  user_id: \"@dialoogbot:example.org\"\n"
            f"  {secret_key}: {secret_path or self.token}\n"
            "  device_id: DIALOOGBOT1\n"
            f"storage: {self.dir}/bot.db\n"
            "admins: [\"@admin:example.org\"]\n"
            "invites:\n  allow: [\"@*:example.org\"]\n", encoding="utf-8")
        return p

    def check(self, path: Path) -> subprocess.CompletedProcess:
        return subprocess.run([bot_binary(), "--check-config", str(path)], capture_output=True,
                              text=True, timeout=30)

    # -- file modes ---------------------------------------------------------------------------
    def test_token_file_0600_no_warning(self) -> None:
        r = self.check(self.config("https://matrix.example.org"))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertNotIn("readable by group or others", r.stdout + r.stderr)

    def test_token_file_0644_warns(self) -> None:
        os.chmod(self.token, 0o644)
        r = self.check(self.config("https://matrix.example.org"))
        out = r.stdout + r.stderr
        self.assertEqual(r.returncode, 0, out)  # a warning, not an error
        self.assertIn("readable by group or others", out)
        self.assertIn("access_token_file", out)
        self.assertNotIn(self.token.read_text(), out, "the token itself must not be printed")

    def test_password_file_0640_warns(self) -> None:
        pw = self.dir / "password"
        pw.write_text("hunter2-" + secrets.token_hex(6))
        os.chmod(pw, 0o640)
        r = self.check(self.config("https://matrix.example.org", secret_key="password_file",
                                   secret_path=pw))
        out = r.stdout + r.stderr
        self.assertEqual(r.returncode, 0, out)
        self.assertIn("readable by group or others", out)
        self.assertNotIn(pw.read_text(), out)

    def test_running_bot_logs_the_warning(self) -> None:
        bot = BotProcess("permbot", auth="token")
        try:
            os.chmod(bot.token_file, 0o644)
            bot.start()
            line = bot.wait_log("readable by group or others", timeout=15)
            self.assertIn("warn", line)
            assert bot.token
            self.assertNotIn(bot.token, bot.log_text())
        finally:
            bot.cleanup()

    # -- plain http ---------------------------------------------------------------------------
    def test_plain_http_to_remote_host_refused(self) -> None:
        for url in ["http://matrix.example.org", "http://matrix.example.org:8008",
                    "http://192.168.1.10:8008", "http://10.0.0.1",
                    # Look like loopback, but are not:
                    "http://localhost.example.org", "http://127.0.0.1.nip.io:8008",
                    "http://127.0.0.1@matrix.example.org", "http://localhost@evil.example.org",
                    "http://127.0.0.1:8008@evil.example.org",
                    "http://localhost:8008@evil.example.org", "http://127.1.example.org",
                    "http://[::1].example.org"]:
            with self.subTest(url=url):
                r = self.check(self.config(url))
                out = r.stdout + r.stderr
                self.assertEqual(r.returncode, 1, f"{url} accepted:\n{out}")
                self.assertIn("homeserver", out)
                if "@" in url:
                    # "user@host": refused for the user part itself, with or without
                    # allow_insecure_http (an address that is logged holds no secret).
                    self.assertIn("must not contain a user name or password", out)
                else:
                    self.assertIn("allow_insecure_http", out)

    def test_plain_http_allowed_with_opt_in(self) -> None:
        r = self.check(self.config("http://matrix.example.org",
                                   extra="allow_insecure_http: true\n"))
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        r = self.check(self.config("http://matrix.example.org",
                                   extra="allow_insecure_http: false\n"))
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)

    def test_loopback_and_https_accepted(self) -> None:
        for url in ["http://127.0.0.1:8008", "http://localhost:8008", "http://localhost",
                    "http://[::1]:8008", "http://127.0.0.2/",
                    "http://LocalHost:8008/", "https://matrix.example.org",
                    "https://matrix.example.org:8448"]:
            with self.subTest(url=url):
                r = self.check(self.config(url))
                self.assertEqual(r.returncode, 0, f"{url} refused:\n{r.stdout}{r.stderr}")


if __name__ == "__main__":
    unittest.main(verbosity=2)
