#!/usr/bin/python3
"""A minimal matrix-nio bot that idles on a real homeserver: the peer for the idle-memory
benchmark (bench/idle_rss.py).

It does what a small nio bot does and nothing more: password login (encryption off, nothing
stored on disk), then `sync_forever` (30 s long-poll, nio's default filterless sync), joining
every room it is invited to (a SyncResponse callback) and answering `!ping` with a pong
(a RoomMessageText callback). Its memory is then nio's in-memory state of the joined rooms plus
the interpreter.

Run with Debian's interpreter (python3-matrix-nio):
    /usr/bin/python3 bench/peers/nio_idle.py --homeserver http://127.0.0.1:8008 \
        --user @peer:localhost --password-file FILE [--device-id ID]
The password is read from a file (never from the command line, which `ps` shows). It prints
`nio_idle joined=N` whenever the number of joined rooms changes, and runs until SIGTERM/SIGINT.
"""

import argparse
import asyncio
import signal
import sys
import time

from nio import AsyncClient, AsyncClientConfig, LoginResponse, RoomMessageText, SyncResponse


class IdleBot:
    def __init__(self, homeserver, user, device_id):
        config = AsyncClientConfig(encryption_enabled=False, store_sync_tokens=False)
        self.client = AsyncClient(homeserver, user, device_id=device_id, config=config)
        self.client.add_event_callback(self.on_message, RoomMessageText)
        self.client.add_response_callback(self.on_sync, SyncResponse)
        self.joined = -1
        self.joining = set()

    async def on_sync(self, response):
        for room_id in response.rooms.invite:
            if room_id in self.joining:
                continue
            self.joining.add(room_id)
            result = await self.client.join(room_id)
            if getattr(result, "room_id", None) is None:
                print(f"nio_idle join failed: {room_id}: {result}", flush=True)
                self.joining.discard(room_id)
        n = len(self.client.rooms)
        if n != self.joined:
            self.joined = n
            print(f"nio_idle joined={n}", flush=True)

    async def on_message(self, room, event):
        if event.sender == self.client.user_id:
            return
        words = event.body.strip().split()
        if not words or words[0].lower() != "!ping":
            return
        ms = max(0, int(time.time() * 1000) - event.server_timestamp)
        await self.client.room_send(
            room.room_id,
            "m.room.message",
            {
                "msgtype": "m.notice",
                "body": f"pong ({ms} ms)",
                "m.relates_to": {"m.in_reply_to": {"event_id": event.event_id}},
            },
        )


async def run(args, password):
    bot = IdleBot(args.homeserver, args.user, args.device_id)
    resp = await bot.client.login(password, device_name="nio idle peer")
    if not isinstance(resp, LoginResponse):
        print(f"nio_idle login failed: {getattr(resp, 'message', resp)}", file=sys.stderr)
        await bot.client.close()
        return 1
    print(f"nio_idle logged in as {bot.client.user_id}", flush=True)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    sync = asyncio.ensure_future(bot.client.sync_forever(timeout=30000))
    waiter = asyncio.ensure_future(stop.wait())
    await asyncio.wait([sync, waiter], return_when=asyncio.FIRST_COMPLETED)
    sync.cancel()
    waiter.cancel()
    await bot.client.close()
    if sync.done() and not sync.cancelled() and sync.exception():
        print(f"nio_idle sync loop failed: {sync.exception()}", file=sys.stderr)
        return 1
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--homeserver", required=True)
    ap.add_argument("--user", required=True, help="full user id, e.g. @peer:localhost")
    ap.add_argument("--password-file", required=True)
    ap.add_argument("--device-id", default="NIOIDLE")
    args = ap.parse_args()
    with open(args.password_file, encoding="utf-8") as f:
        password = f.read().strip()
    return asyncio.run(run(args, password))


if __name__ == "__main__":
    sys.exit(main())
