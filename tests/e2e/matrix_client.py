"""Small synchronous Matrix Client-Server API (v3) helpers for dialoogbot's end-to-end tests.

Run test scripts with /usr/bin/python3 (Debian's interpreter); only the standard library is used.

Why plain urllib and not python3-matrix-nio: the tests need to see and send the exact JSON the
bot deals with (relations, m.mentions, notices, raw sync sections), and a blocking API keeps test
code straight-line. nio is asyncio-only, wraps events in its own classes (dropping or renaming
fields the tests check), and its behaviour shifts between versions; a few hundred lines of
urllib against the spec is more predictable.

Defaults: the homeserver at $DIALOOG_HS_URL, else http://127.0.0.1:8008 (loopback only), server
name "localhost". Each call retries HTTP 429 after Retry-After / retry_after_ms.

Typical use:

    from matrix_client import Client, register_user
    register_user("alice", "secret")                # via deploy/dev-homeserver.sh register
    alice = Client.login("alice", "secret")
    room = alice.create_room("test", invite=["@bob:localhost"])
    alice.send_text(room, "!help")
    reply = alice.wait_for(lambda ev: ev["room_id"] == room and ev["type"] == "m.room.message"
                           and ev["sender"] == "@bot:localhost", timeout=20)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

DEFAULT_URL = "http://127.0.0.1:8008"
SERVER_NAME = "localhost"
REPO_ROOT = Path(__file__).resolve().parents[2]
HS_SCRIPT = REPO_ROOT / "deploy" / "dev-homeserver.sh"

Event = dict[str, Any]


def base_url() -> str:
    return os.environ.get("DIALOOG_HS_URL", DEFAULT_URL).rstrip("/")


def mxid(localpart_or_id: str) -> str:
    """'alice' -> '@alice:localhost'; a full user id is returned unchanged."""
    if localpart_or_id.startswith("@"):
        return localpart_or_id
    return f"@{localpart_or_id}:{SERVER_NAME}"


def _q(part: str) -> str:
    return urllib.parse.quote(part, safe="")


class MatrixError(Exception):
    """A non-2xx answer: HTTP status plus the standard {errcode, error} body."""

    def __init__(self, status: int, body: Any, method: str = "", path: str = ""):
        self.status = status
        self.body = body if isinstance(body, dict) else {"raw": body}
        self.errcode: str = self.body.get("errcode", "")
        self.error: str = self.body.get("error", "")
        super().__init__(f"{method} {path} -> HTTP {status} {self.errcode}: {self.error or body}")


def request(method: str, path: str, body: Any = None, *, token: Optional[str] = None,
            query: Optional[dict[str, Any]] = None, timeout: float = 30.0,
            url: Optional[str] = None, max_429_retries: int = 10) -> Any:
    """One Client-Server API call; `path` starts with /_matrix or /_synapse. Returns parsed JSON."""
    full = (url or base_url()) + path
    if query:
        full += "?" + urllib.parse.urlencode(
            {k: (json.dumps(v) if isinstance(v, (dict, list)) else v)
             for k, v in query.items() if v is not None})
    data = None if body is None else json.dumps(body).encode("utf-8")
    headers = {"Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"  # never ?access_token=
    attempt = 0
    while True:
        req = urllib.request.Request(full, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                raw = resp.read()
                return json.loads(raw) if raw else {}
        except urllib.error.HTTPError as e:
            raw = e.read()
            try:
                parsed = json.loads(raw) if raw else {}
            except ValueError:
                parsed = raw.decode("utf-8", "replace")
            if e.code == 429 and attempt < max_429_retries:
                attempt += 1
                wait = None
                if e.headers.get("Retry-After"):
                    try:
                        wait = float(e.headers["Retry-After"])
                    except ValueError:
                        wait = None
                if wait is None and isinstance(parsed, dict):
                    wait = parsed.get("retry_after_ms", 1000) / 1000.0
                time.sleep(min(max(wait or 1.0, 0.05), 30.0))
                continue
            raise MatrixError(e.code, parsed, method, path) from None
        except urllib.error.URLError as e:
            raise ConnectionError(f"{method} {full}: {e.reason} "
                                  "(is the homeserver running? deploy/dev-homeserver.sh start)") from None


# ------------------------------------------------------------------------------------------------
# Registration (test server only)

def register_user(localpart: str, password: str, admin: bool = False,
                  shared_secret: Optional[str] = None) -> str:
    """Create a user on the dev homeserver; an existing user is fine. Returns the user id.

    With a shared secret ($DIALOOG_HS_SHARED_SECRET, or read from the state dir's homeserver.yaml
    when readable) it uses Synapse's shared-secret admin API directly (fast); otherwise it runs
    `deploy/dev-homeserver.sh register`.
    """
    localpart = localpart.lstrip("@").split(":")[0]
    secret = shared_secret or os.environ.get("DIALOOG_HS_SHARED_SECRET") or _read_shared_secret()
    if not secret:
        cmd = [str(HS_SCRIPT), "register", localpart, password] + (["--admin"] if admin else [])
        subprocess.run(cmd, check=True)
        return mxid(localpart)
    nonce = request("GET", "/_synapse/admin/v1/register")["nonce"]
    # HMAC-SHA1 over nonce NUL user NUL password NUL (admin|notadmin), as Synapse expects.
    mac = hmac.new(secret.encode(), digestmod=hashlib.sha1)
    mac.update(b"\x00".join(p.encode() for p in
                            (nonce, localpart, password, "admin" if admin else "notadmin")))
    body = {"nonce": nonce, "username": localpart, "password": password, "admin": admin,
            "mac": mac.hexdigest()}
    try:
        request("POST", "/_synapse/admin/v1/register", body)
    except MatrixError as e:
        if e.errcode != "M_USER_IN_USE":
            raise
    return mxid(localpart)


def _read_shared_secret() -> Optional[str]:
    state = Path(os.environ.get("DIALOOG_HS_DIR", "/var/lib/dialoogbot-dev/synapse"))
    try:
        text = (state / "homeserver.yaml").read_text(encoding="utf-8")
    except OSError:
        return None
    m = re.search(r"^registration_shared_secret:\s*['\"]?([^'\"\s]+)", text, re.M)
    return m.group(1) if m else None


def login(user: str, password: str, device_id: Optional[str] = None) -> str:
    """Password login; returns the access token (see Client.login for a ready client)."""
    return Client.login(user, password, device_id=device_id).token


# ------------------------------------------------------------------------------------------------

class Client:
    """One logged-in user. All room ids are '!...:localhost'; all methods block."""

    def __init__(self, token: str, user_id: str, device_id: str = "", url: Optional[str] = None):
        self.token = token
        self.user_id = user_id
        self.device_id = device_id
        self.url = (url or base_url()).rstrip("/")
        self.next_batch: Optional[str] = None  # sync position used by wait_for

    @classmethod
    def login(cls, user: str, password: str, device_id: Optional[str] = None,
              url: Optional[str] = None) -> "Client":
        body: dict[str, Any] = {
            "type": "m.login.password",
            "identifier": {"type": "m.id.user", "user": mxid(user)},
            "password": password,
            "initial_device_display_name": "dialoogbot e2e test",
        }
        if device_id:
            body["device_id"] = device_id
        r = request("POST", "/_matrix/client/v3/login", body, url=url)
        return cls(r["access_token"], r["user_id"], r.get("device_id", ""), url=url)

    def __repr__(self) -> str:  # never show the token
        return f"Client({self.user_id}, device={self.device_id})"

    # -- plumbing ---------------------------------------------------------------------------------
    def call(self, method: str, path: str, body: Any = None, **kw: Any) -> Any:
        return request(method, path, body, token=self.token, url=self.url, **kw)

    @staticmethod
    def new_txn_id() -> str:
        return uuid.uuid4().hex

    def whoami(self) -> dict:
        return self.call("GET", "/_matrix/client/v3/account/whoami")

    def logout(self) -> None:
        self.call("POST", "/_matrix/client/v3/logout", {})

    # -- rooms ------------------------------------------------------------------------------------
    def create_room(self, name: Optional[str] = None, invite: Iterable[str] = (),
                    preset: str = "private_chat", *, is_direct: bool = False,
                    topic: Optional[str] = None, room_version: Optional[str] = None,
                    power_level_content_override: Optional[dict] = None,
                    initial_state: Optional[list] = None, encrypted: bool = False,
                    extra: Optional[dict] = None) -> str:
        """POST /createRoom; returns the room id. preset: private_chat | public_chat |
        trusted_private_chat. `encrypted` adds m.room.encryption (to test the bot's refusal)."""
        body: dict[str, Any] = {"preset": preset, "invite": [mxid(u) for u in invite]}
        if name is not None:
            body["name"] = name
        if topic is not None:
            body["topic"] = topic
        if is_direct:
            body["is_direct"] = True
        if room_version:
            body["room_version"] = room_version
        if power_level_content_override:
            body["power_level_content_override"] = power_level_content_override
        state = list(initial_state or [])
        if encrypted:
            state.append({"type": "m.room.encryption", "state_key": "",
                          "content": {"algorithm": "m.megolm.v1.aes-sha2"}})
        if state:
            body["initial_state"] = state
        if extra:
            body.update(extra)
        return self.call("POST", "/_matrix/client/v3/createRoom", body)["room_id"]

    def invite(self, room_id: str, user: str, reason: Optional[str] = None) -> None:
        body = {"user_id": mxid(user)}
        if reason:
            body["reason"] = reason
        self.call("POST", f"/_matrix/client/v3/rooms/{_q(room_id)}/invite", body)

    def join(self, room_id_or_alias: str) -> str:
        return self.call("POST", f"/_matrix/client/v3/join/{_q(room_id_or_alias)}", {})["room_id"]

    def leave(self, room_id: str) -> None:
        self.call("POST", f"/_matrix/client/v3/rooms/{_q(room_id)}/leave", {})

    def kick(self, room_id: str, user: str, reason: Optional[str] = None) -> None:
        body = {"user_id": mxid(user)}
        if reason:
            body["reason"] = reason
        self.call("POST", f"/_matrix/client/v3/rooms/{_q(room_id)}/kick", body)

    def ban(self, room_id: str, user: str, reason: Optional[str] = None) -> None:
        body = {"user_id": mxid(user)}
        if reason:
            body["reason"] = reason
        self.call("POST", f"/_matrix/client/v3/rooms/{_q(room_id)}/ban", body)

    def joined_rooms(self) -> list[str]:
        return self.call("GET", "/_matrix/client/v3/joined_rooms")["joined_rooms"]

    def joined_members(self, room_id: str) -> list[str]:
        r = self.call("GET", f"/_matrix/client/v3/rooms/{_q(room_id)}/joined_members")
        return sorted(r.get("joined", {}))

    # -- state ------------------------------------------------------------------------------------
    def get_state(self, room_id: str, event_type: str, state_key: str = "") -> dict:
        """Content of one state event; raises MatrixError (404 M_NOT_FOUND) when absent."""
        return self.call("GET", f"/_matrix/client/v3/rooms/{_q(room_id)}/state/"
                                f"{_q(event_type)}/{_q(state_key)}")

    def send_state(self, room_id: str, event_type: str, content: dict,
                   state_key: str = "") -> str:
        return self.call("PUT", f"/_matrix/client/v3/rooms/{_q(room_id)}/state/"
                                f"{_q(event_type)}/{_q(state_key)}", content)["event_id"]

    def get_power_levels(self, room_id: str) -> dict:
        return self.get_state(room_id, "m.room.power_levels")

    def power_level_of(self, room_id: str, user: str) -> int:
        pl = self.get_power_levels(room_id)
        return int(pl.get("users", {}).get(mxid(user), pl.get("users_default", 0)))

    def set_power_level(self, room_id: str, user: str, level: int) -> str:
        pl = self.get_power_levels(room_id)
        pl.setdefault("users", {})[mxid(user)] = level
        return self.send_state(room_id, "m.room.power_levels", pl)

    # -- sending ----------------------------------------------------------------------------------
    def send_event(self, room_id: str, event_type: str, content: dict,
                   txn_id: Optional[str] = None) -> str:
        txn = txn_id or self.new_txn_id()
        return self.call("PUT", f"/_matrix/client/v3/rooms/{_q(room_id)}/send/"
                                f"{_q(event_type)}/{_q(txn)}", content)["event_id"]

    def send_text(self, room_id: str, body: str, reply_to: Optional[str] = None,
                  thread_root: Optional[str] = None, *, msgtype: str = "m.text",
                  formatted_body: Optional[str] = None, mentions: Optional[list[str]] = None,
                  txn_id: Optional[str] = None) -> str:
        """Send a message; returns its event id.

        reply_to: rich reply (m.in_reply_to). thread_root: post in that thread; with reply_to too,
        a threaded reply to that event (is_falling_back false), else is_falling_back true with
        m.in_reply_to pointing at the root. mentions: user ids for m.mentions ({} when None).
        """
        content: dict[str, Any] = {"msgtype": msgtype, "body": body,
                                   "m.mentions": {"user_ids": [mxid(u) for u in mentions]}
                                   if mentions else {}}
        if formatted_body is not None:
            content["format"] = "org.matrix.custom.html"
            content["formatted_body"] = formatted_body
        if thread_root:
            content["m.relates_to"] = {
                "rel_type": "m.thread",
                "event_id": thread_root,
                "is_falling_back": reply_to is None,
                "m.in_reply_to": {"event_id": reply_to or thread_root},
            }
        elif reply_to:
            content["m.relates_to"] = {"m.in_reply_to": {"event_id": reply_to}}
        return self.send_event(room_id, "m.room.message", content, txn_id=txn_id)

    def send_notice(self, room_id: str, body: str, **kw: Any) -> str:
        return self.send_text(room_id, body, msgtype="m.notice", **kw)

    def send_edit(self, room_id: str, original_event_id: str, new_body: str) -> str:
        content = {
            "msgtype": "m.text", "body": "* " + new_body, "m.mentions": {},
            "m.new_content": {"msgtype": "m.text", "body": new_body, "m.mentions": {}},
            "m.relates_to": {"rel_type": "m.replace", "event_id": original_event_id},
        }
        return self.send_event(room_id, "m.room.message", content)

    def send_reaction(self, room_id: str, event_id: str, key: str) -> str:
        return self.send_event(room_id, "m.reaction", {"m.relates_to": {
            "rel_type": "m.annotation", "event_id": event_id, "key": key}})

    def redact(self, room_id: str, event_id: str, reason: Optional[str] = None) -> str:
        body = {"reason": reason} if reason else {}
        return self.call("PUT", f"/_matrix/client/v3/rooms/{_q(room_id)}/redact/"
                                f"{_q(event_id)}/{self.new_txn_id()}", body)["event_id"]

    # -- reading ----------------------------------------------------------------------------------
    def get_event(self, room_id: str, event_id: str) -> Event:
        return self.call("GET", f"/_matrix/client/v3/rooms/{_q(room_id)}/event/{_q(event_id)}")

    def messages(self, room_id: str, direction: str = "b", from_token: Optional[str] = None,
                 limit: int = 100, filter: Optional[dict] = None) -> dict:
        """Raw GET /rooms/{id}/messages (dir is required by the spec)."""
        return self.call("GET", f"/_matrix/client/v3/rooms/{_q(room_id)}/messages",
                         query={"dir": direction, "from": from_token, "limit": limit,
                                "filter": filter})

    def read_history(self, room_id: str, limit: int = 100,
                     types: Optional[list[str]] = None) -> list[Event]:
        """The room's latest `limit` events (optionally only these types), oldest first.
        Paginates /messages backwards from the end of the timeline."""
        events: list[Event] = []
        token: Optional[str] = None
        filt = {"types": types} if types else None
        while len(events) < limit:
            r = self.messages(room_id, "b", token, min(100, limit - len(events)), filt)
            chunk = r.get("chunk", [])
            events.extend(chunk)
            token = r.get("end")
            if not chunk or not token:
                break
        for ev in events:
            ev.setdefault("room_id", room_id)
        return list(reversed(events[:limit]))

    def messages_from(self, room_id: str, sender: str, limit: int = 100) -> list[Event]:
        """m.room.message events by `sender` among the latest `limit`, oldest first."""
        return [ev for ev in self.read_history(room_id, limit, types=["m.room.message"])
                if ev.get("sender") == mxid(sender)]

    def sync(self, since: Optional[str] = None, timeout_ms: int = 0,
             filter: Optional[dict | str] = None) -> dict:
        return self.call("GET", "/_matrix/client/v3/sync",
                         query={"since": since, "timeout": timeout_ms, "filter": filter},
                         timeout=timeout_ms / 1000.0 + 30.0)

    def mark(self) -> str:
        """Move the sync position to 'now': a later wait_for sees only newer events."""
        self.next_batch = self.sync(self.next_batch, 0, {"room": {"timeline": {"limit": 0}}})[
            "next_batch"]
        return self.next_batch

    def wait_for(self, predicate: Callable[[Event], bool], timeout: float = 30.0,
                 room_id: Optional[str] = None) -> Event:
        """Long-poll /sync until an event satisfies `predicate`; return it.

        Events carry an added "room_id" and "_section" ("timeline" for joined rooms, "invite"
        for stripped invite state, "leave" for rooms left/kicked from). The first call on a
        client starts with an initial sync whose recent timeline (20 events per room) is checked
        too; later calls continue where the previous one stopped (each event is seen once; use
        mark() to skip ahead, or wait_for_history to look at the room's history instead).
        Raises TimeoutError.
        """
        deadline = time.monotonic() + timeout
        filt = {"room": {"timeline": {"limit": 20}, "state": {"lazy_load_members": True}},
                "presence": {"types": []}, "account_data": {"types": []}}
        if room_id:
            filt["room"]["rooms"] = [room_id]
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.user_id}: no matching event within {timeout}s")
            r = self.sync(self.next_batch, int(min(left, 10.0) * 1000), filt)
            self.next_batch = r["next_batch"]
            found = None
            for ev in _sync_events(r):
                if found is None and predicate(ev):
                    found = ev
            if found is not None:
                return found

    def wait_for_history(self, room_id: str, predicate: Callable[[Event], bool],
                         timeout: float = 30.0, limit: int = 50,
                         poll_interval: float = 0.25) -> Event:
        """Poll the room's latest `limit` events via /messages until one matches (oldest match
        wins). Unlike wait_for this also finds events sent before the call. Raises TimeoutError."""
        deadline = time.monotonic() + timeout
        while True:
            for ev in self.read_history(room_id, limit):
                if predicate(ev):
                    return ev
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{self.user_id}: no matching event in {room_id} "
                                   f"within {timeout}s")
            time.sleep(poll_interval)

    def wait_for_invite(self, timeout: float = 30.0) -> str:
        """Wait until this user is invited somewhere; returns the room id."""
        ev = self.wait_for(lambda e: e["_section"] == "invite" and e.get("type") == "m.room.member"
                           and e.get("state_key") == self.user_id
                           and e.get("content", {}).get("membership") == "invite", timeout)
        return ev["room_id"]

    # -- account data -----------------------------------------------------------------------------
    def get_account_data(self, event_type: str) -> dict:
        return self.call("GET", f"/_matrix/client/v3/user/{_q(self.user_id)}/account_data/"
                                f"{_q(event_type)}")

    def set_account_data(self, event_type: str, content: dict) -> None:
        self.call("PUT", f"/_matrix/client/v3/user/{_q(self.user_id)}/account_data/"
                         f"{_q(event_type)}", content)

    # -- media ------------------------------------------------------------------------------------
    def download(self, mxc: str, timeout: float = 30.0) -> bytes:
        """The bytes behind an mxc:// URI: the authenticated media API (spec v1.11,
        /_matrix/client/v1/media/download), falling back to the older /_matrix/media/v3 one."""
        if not mxc.startswith("mxc://") or mxc.count("/") != 3:
            raise ValueError(f"not an mxc URI: {mxc!r}")
        server, media_id = mxc[len("mxc://"):].split("/")
        last: Optional[Exception] = None
        for prefix in ("/_matrix/client/v1/media/download", "/_matrix/media/v3/download"):
            req = urllib.request.Request(
                f"{self.url}{prefix}/{_q(server)}/{_q(media_id)}",
                headers={"Authorization": f"Bearer {self.token}"})
            try:
                with urllib.request.urlopen(req, timeout=timeout) as resp:
                    return resp.read()
            except urllib.error.HTTPError as e:
                last = MatrixError(e.code, e.read().decode("utf-8", "replace"), "GET", prefix)
        raise last  # type: ignore[misc]

    def set_display_name(self, name: str) -> None:
        self.call("PUT", f"/_matrix/client/v3/profile/{_q(self.user_id)}/displayname",
                  {"displayname": name})


def _sync_events(r: dict) -> Iterable[Event]:
    rooms = r.get("rooms") or {}
    for room_id, room in (rooms.get("join") or {}).items():
        for ev in ((room.get("timeline") or {}).get("events") or []):
            yield dict(ev, room_id=room_id, _section="timeline")
    for room_id, room in (rooms.get("invite") or {}).items():
        for ev in ((room.get("invite_state") or {}).get("events") or []):
            yield dict(ev, room_id=room_id, _section="invite")
    for room_id, room in (rooms.get("leave") or {}).items():
        for ev in ((room.get("timeline") or {}).get("events") or []):
            yield dict(ev, room_id=room_id, _section="leave")


def wait_until(condition: Callable[[], Any], timeout: float = 30.0, interval: float = 0.2,
               what: str = "condition") -> Any:
    """Poll `condition()` until it returns something truthy; return that. Raises TimeoutError."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise TimeoutError(f"{what} not met within {timeout}s")
        time.sleep(interval)
