"""Run the real dialoogbot binary against the local Synapse, for end-to-end and torture tests.

Run the tests with /usr/bin/python3 (Debian's interpreter); only the standard library is used.
Needs a running dev homeserver (deploy/dev-homeserver.sh start) and a built binary: $DIALOOG_BIN,
default build/dialoogbot in the repository.

    from bot_process import BotProcess, new_user
    alice = new_user("alice")                         # fresh account, logged in (a Client)
    bot = BotProcess("core", admins=[alice.user_id])  # fresh bot account, config in a temp dir
    bot.start()                                       # waits for "logged in as"
    ...
    bot.kill()        # SIGKILL
    bot.restart()     # stop (SIGTERM) + start
    bot.stop()        # SIGTERM, waits for the exit
    bot.log_text()    # everything the binary wrote (stdout + stderr), all runs appended
    bot.cleanup()     # stop, remove the temp dir (unless DIALOOG_E2E_KEEP=1)

Every account gets a random suffix, so tests never see each other's rooms or state, and the
tests can run again on the same homeserver. Every wait is bounded.
"""

from __future__ import annotations

import atexit
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))

import matrix_client as mc  # noqa: E402
from matrix_client import Client, Event, mxid, register_user  # noqa: E402

REPO_ROOT = mc.REPO_ROOT

# Every bot started by this process, so none outlives an interrupted or timed-out test run (the
# bots run in their own session, so a Ctrl-C or a `timeout` does not reach them by itself).
_live: "set[BotProcess]" = set()


def _kill_all() -> None:
    for b in list(_live):
        try:
            b.kill()
        except Exception:  # noqa: BLE001 - best effort at exit
            pass


def _on_sigterm(signum, frame):  # noqa: ANN001 - signal handler signature
    raise SystemExit(128 + signum)  # runs atexit handlers and finally blocks


atexit.register(_kill_all)
if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, None):
    signal.signal(signal.SIGTERM, _on_sigterm)


def bot_binary() -> str:
    path = os.environ.get("DIALOOG_BIN") or str(REPO_ROOT / "build" / "dialoogbot")
    if not os.access(path, os.X_OK):
        raise FileNotFoundError(f"dialoogbot binary not found at {path} (build it, or set "
                                "DIALOOG_BIN)")
    return path


def suffix() -> str:
    return secrets.token_hex(4)


def new_password() -> str:
    return "pw-" + secrets.token_urlsafe(18)


def new_user(prefix: str, password: Optional[str] = None) -> Client:
    """Register a fresh user `<prefix>_<random>` and return a logged-in Client. The password is
    kept on the client as `.password` (tests may need it)."""
    pw = password or new_password()
    local = f"{prefix}_{suffix()}"
    register_user(local, pw)
    c = Client.login(local, pw)
    c.password = pw  # type: ignore[attr-defined]
    return c


def yaml_str(s: str) -> str:
    """A YAML scalar: JSON strings are valid YAML double-quoted strings."""
    return json.dumps(s)


class BotProcess:
    """One bot account, its config and database in a temp dir, and the running binary.

    auth: "password" (bot.password_file, the bot logs in itself with device_id) or "token" (the
    helper logs in with the same device_id and writes bot.access_token_file; `self.token` is it).
    teams: list of dicts {name, room, leaders: [...], language?}; change with set_teams() and
    restart (or reload()).
    """

    def __init__(self, prefix: str = "bot", *, admins: Iterable[str] = (),
                 teams: Optional[list[dict]] = None, auth: str = "password",
                 language: str = "nl", log_level: Optional[str] = None,
                 invites_allow: Iterable[str] = ("@*:localhost",),
                 extra_yaml: str = "", device_id: Optional[str] = None):
        self.localpart = f"{prefix}_{suffix()}"
        self.user_id = mxid(self.localpart)
        self.password = new_password()
        self.device_id = device_id or ("E2E" + secrets.token_hex(3).upper())
        self.admins = list(admins)
        self.teams = list(teams or [])
        self.auth = auth
        self.language = language
        self.log_level = log_level
        self.invites_allow = list(invites_allow)
        self.extra_yaml = extra_yaml
        self.dir = Path(tempfile.mkdtemp(prefix=f"dialoog-e2e-{prefix}-"))
        os.chmod(self.dir, 0o700)
        self.config_path = self.dir / "dialoogbot.yaml"
        self.db_path = self.dir / "dialoogbot.db"
        self.log_path = self.dir / "bot.log"
        self.password_file = self.dir / "bot-password"
        self.token_file = self.dir / "bot-token"
        self.token: Optional[str] = None
        self.proc: Optional[subprocess.Popen] = None
        self.starts = 0
        self._log_fh = None
        register_user(self.localpart, self.password)
        self._write_secret(self.password_file, self.password)
        if auth == "token":
            # Same device id as the config: transaction ids are scoped per device.
            self.token = Client.login(self.localpart, self.password,
                                      device_id=self.device_id).token
            self._write_secret(self.token_file, self.token)
        self.write_config()

    # -- files --------------------------------------------------------------------------------
    @staticmethod
    def _write_secret(path: Path, value: str) -> None:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(value)
        os.chmod(path, 0o600)

    def config_text(self) -> str:
        lines = [
            "# written by tests/e2e/bot_process.py",
            f"homeserver: {mc.base_url()}",
            "bot:",
            f"  user_id: {yaml_str(self.user_id)}",
        ]
        if self.auth == "token":
            lines.append(f"  access_token_file: {yaml_str(str(self.token_file))}")
        else:
            lines.append(f"  password_file: {yaml_str(str(self.password_file))}")
        lines += [
            f"  device_id: {self.device_id}",
            f"storage: {yaml_str(str(self.db_path))}",
            f"language: {self.language}",
            "timezone: Europe/Amsterdam",
            "admins: [" + ", ".join(yaml_str(a) for a in self.admins) + "]",
            "invites:",
            "  allow: [" + ", ".join(yaml_str(a) for a in self.invites_allow) + "]",
        ]
        if self.log_level:
            lines.append(f"log_level: {self.log_level}")
        if self.teams:
            lines.append("teams:")
            for t in self.teams:
                lines.append(f"  - name: {yaml_str(t['name'])}")
                lines.append(f"    room: {yaml_str(t['room'])}")
                lines.append("    leaders: [" + ", ".join(yaml_str(x) for x in
                                                         t.get("leaders", [])) + "]")
                if t.get("language"):
                    lines.append(f"    language: {t['language']}")
        else:
            lines.append("teams: []")
        if self.extra_yaml:
            lines.append(self.extra_yaml.rstrip("\n"))
        return "\n".join(lines) + "\n"

    def write_config(self) -> None:
        self.config_path.write_text(self.config_text(), encoding="utf-8")

    def set_teams(self, teams: list[dict]) -> None:
        self.teams = list(teams)
        self.write_config()

    def check_config(self, path: Optional[Path] = None) -> subprocess.CompletedProcess:
        return subprocess.run([bot_binary(), "--check-config", str(path or self.config_path)],
                              capture_output=True, text=True, timeout=30)

    # -- process ------------------------------------------------------------------------------
    @property
    def pid(self) -> Optional[int]:
        return self.proc.pid if self.proc else None

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            return ""

    def log_size(self) -> int:
        try:
            return self.log_path.stat().st_size
        except FileNotFoundError:
            return 0

    def wait_log(self, needle: str, since: int = 0, timeout: float = 30.0) -> str:
        """Wait until `needle` appears in the log after byte offset `since`; returns the line."""
        deadline = time.monotonic() + timeout
        while True:
            with open(self.log_path, "rb") as f:
                f.seek(since)
                chunk = f.read().decode("utf-8", "replace")
            for line in chunk.splitlines():
                if needle in line:
                    return line
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"dialoogbot exited (code {self.proc.returncode}) before "
                                   f"logging {needle!r}; log tail:\n{self.log_tail()}")
            if time.monotonic() >= deadline:
                raise TimeoutError(f"dialoogbot did not log {needle!r} within {timeout}s; "
                                   f"log tail:\n{self.log_tail()}")
            time.sleep(0.05)

    def log_tail(self, n: int = 20) -> str:
        return "\n".join(self.log_text().splitlines()[-n:])

    def start(self, wait: bool = True, timeout: float = 30.0) -> None:
        """Start the binary (log appended to bot.log); with `wait`, return once it has logged in
        (and, on a first start, done its first sync)."""
        if self.running():
            raise RuntimeError("bot already running")
        self.starts += 1
        offset = self.log_size()
        self._log_fh = open(self.log_path, "ab", buffering=0)
        self._log_fh.write(f"--- test harness: start #{self.starts} ---\n".encode())
        self.proc = subprocess.Popen([bot_binary(), "--config", str(self.config_path)],
                                     stdin=subprocess.DEVNULL, stdout=self._log_fh,
                                     stderr=subprocess.STDOUT, cwd=str(self.dir),
                                     start_new_session=True)
        _live.add(self)
        if wait:
            self.wait_log("logged in as", since=offset, timeout=timeout)
            if self.starts == 1:
                # The very first sync decides what is "backlog"; wait for it so commands sent
                # after start() returns are never mistaken for backlog.
                self.wait_log("first start", since=offset, timeout=timeout)

    def _reap(self, timeout: float) -> Optional[int]:
        assert self.proc is not None
        try:
            return self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stop(self, timeout: float = 15.0) -> Optional[int]:
        """SIGTERM and wait (the bot flushes its outbox for up to 5 s); SIGKILL after `timeout`.
        Returns the exit code (None if it had to be killed)."""
        if not self.running():
            return self.proc.returncode if self.proc else None
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        rc = self._reap(timeout)
        if rc is None:
            self.proc.kill()
            self._reap(10)
        self._close_log()
        return rc

    def kill(self) -> None:
        """SIGKILL: a crash at an arbitrary moment."""
        if self.running():
            assert self.proc is not None
            self.proc.send_signal(signal.SIGKILL)
            self._reap(10)
        self._close_log()

    def restart(self, wait: bool = True) -> None:
        self.stop()
        self.start(wait=wait)

    def reload(self) -> None:
        """SIGHUP: re-read the config and the token."""
        if self.running():
            assert self.proc is not None
            self.proc.send_signal(signal.SIGHUP)

    def _close_log(self) -> None:
        _live.discard(self)
        if self._log_fh is not None:
            self._log_fh.close()
            self._log_fh = None

    def cleanup(self) -> None:
        self.kill() if self.running() else None
        self._close_log()
        if os.environ.get("DIALOOG_E2E_KEEP") == "1":
            print(f"[bot_process] kept {self.dir}", file=sys.stderr)
            return
        shutil.rmtree(self.dir, ignore_errors=True)

    def status(self) -> str:
        """`dialoogbot --status` output (reads the database; works while the bot runs)."""
        r = subprocess.run([bot_binary(), "--config", str(self.config_path), "--status"],
                           capture_output=True, text=True, timeout=30)
        return r.stdout + r.stderr


# -- room helpers ------------------------------------------------------------------------------

def relates(ev: Event) -> dict:
    rel = (ev.get("content") or {}).get("m.relates_to")
    return rel if isinstance(rel, dict) else {}


def in_reply_to(ev: Event) -> Optional[str]:
    r = relates(ev).get("m.in_reply_to")
    if isinstance(r, dict) and isinstance(r.get("event_id"), str):
        return r["event_id"]
    return None


def is_message_from(ev: Event, sender: str) -> bool:
    return ev.get("type") == "m.room.message" and ev.get("sender") == sender


def bot_messages(history: list[Event], bot_id: str) -> list[Event]:
    return [ev for ev in history if is_message_from(ev, bot_id)]


def replies_by_target(history: list[Event], bot_id: str) -> dict[str, list[Event]]:
    """Bot messages grouped by the event they answer (m.in_reply_to)."""
    out: dict[str, list[Event]] = {}
    for ev in bot_messages(history, bot_id):
        target = in_reply_to(ev)
        if target:
            out.setdefault(target, []).append(ev)
    return out


def wait_bot_joined(client: Client, room_id: str, bot_id: str, timeout: float = 30.0) -> None:
    """Poll the room's members until the bot has joined."""
    mc.wait_until(lambda: bot_id in client.joined_members(room_id), timeout=timeout,
                  interval=0.2, what=f"{bot_id} joined {room_id}")


def wait_replies(client: Client, room_id: str, bot_id: str, targets: Iterable[str],
                 timeout: float = 60.0, limit: int = 200, settle: float = 0.0,
                 count: int = 1) -> dict[str, list[Event]]:
    """Poll the room history until every target event has at least `count` bot replies
    (oldest first); then wait `settle` seconds more (so duplicates have a chance to show) and
    return the grouping. Raises TimeoutError naming the unanswered targets."""
    want = set(targets)
    deadline = time.monotonic() + timeout
    while True:
        groups = replies_by_target(client.read_history(room_id, limit), bot_id)
        missing = {t for t in want if len(groups.get(t, [])) < count}
        if not missing:
            break
        if time.monotonic() >= deadline:
            raise TimeoutError(f"no bot reply within {timeout}s to {len(missing)} of "
                               f"{len(want)} events, e.g. {sorted(missing)[:5]}")
        time.sleep(0.3)
    if settle > 0:
        time.sleep(settle)
        groups = replies_by_target(client.read_history(room_id, limit), bot_id)
    return groups


def wait_until(cond: Callable[[], Any], timeout: float = 30.0, interval: float = 0.2,
               what: str = "condition") -> Any:
    return mc.wait_until(cond, timeout=timeout, interval=interval, what=what)


class BotTestCase(unittest.TestCase):
    """A test class sharing one bot (`cls.bot`) across its tests: start_bot() starts it and
    waits until it joined the team rooms; a test after which the bot died by itself fails with
    the log's tail; the bot's temp dir (config, database, log) is kept when a test failed.
    `label` names the class in the "log kept in" line."""

    bot: BotProcess
    label = "e2e"

    @classmethod
    def start_bot(cls, bot: BotProcess, inviter: Client, rooms: Iterable[str],
                  check_config: bool = True) -> None:
        """Checks the config (unless told not to), starts `bot`, lets `inviter` invite it into
        `rooms` and waits until it joined each; cleans up and re-raises on any failure."""
        cls.bot = bot
        rooms = list(rooms)
        try:
            if check_config:
                chk = bot.check_config()
                if chk.returncode != 0:
                    raise RuntimeError(f"config refused: {chk.stdout}{chk.stderr}")
            bot.start()
            for room in rooms:
                inviter.invite(room, bot.user_id)
            for room in rooms:
                wait_bot_joined(inviter, room, bot.user_id)
        except Exception:
            bot.cleanup()
            raise

    @classmethod
    def tearDownClass(cls) -> None:
        cls.bot.stop()
        if any(not ok for ok in getattr(cls, "_results", [])):
            print(f"\n[{cls.label}] bot log kept in {cls.bot.dir}", file=sys.stderr)
            return
        cls.bot.cleanup()

    def tearDown(self) -> None:
        # Tests that stop the bot start it again; a bot that is gone now died by itself.
        if not self.bot.running():
            rc = self.bot.proc.returncode if self.bot.proc else None
            self.fail(f"dialoogbot exited by itself during this test (exit code {rc}); log "
                      f"tail:\n{self.bot.log_tail()}")

    def run(self, result=None):  # keep the bot's log when a test fails
        r = super().run(result)
        if result is not None:
            type(self)._results = getattr(type(self), "_results", []) + [
                result.wasSuccessful()]
        return r
