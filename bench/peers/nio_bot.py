#!/usr/bin/python3
"""A minimal matrix-nio bot as the peer for the /sync benchmark.

It handles the same fixture as bench/sync_bench.cpp (write it with
`sync_bench --write-fixture DIR`) the way a nio bot does: the raw JSON text is parsed
(json.loads), turned into nio's response classes (SyncResponse.from_dict, which validates it
against nio's schema) and fed to AsyncClient.receive_response, nio's own receive path (room
state, timeline, event callbacks). A RoomMessageText callback dispatches `!ping` the way the
bot does: strip, parse the command word, build the reply content (m.notice with the latency
and m.in_reply_to). Nothing is sent and nothing is stored: nio keeps its state in memory.

The setup response (the 100 rooms joined with their state) goes through the same path first,
untimed, on a fresh client per run, so the timed response is a steady-state sync like on the
C++ side.

Run with Debian's interpreter (python3-matrix-nio): /usr/bin/python3 bench/peers/nio_bot.py DIR
Prints one line per run and a summary line `nio_sync events_per_s=... (median of N runs)`.
"""

import argparse
import asyncio
import json
import os
import statistics
import sys
import time

from nio import AsyncClient, AsyncClientConfig, RoomMessageText, SyncResponse

BOT = "@bot:bench.example"


class PingBot:
    def __init__(self):
        config = AsyncClientConfig(encryption_enabled=False, store_sync_tokens=False)
        self.client = AsyncClient("https://bench.example", BOT, config=config)
        self.client.user_id = BOT
        self.client.add_event_callback(self.on_message, RoomMessageText)
        self.replies = []
        self.now_ms = 0

    async def on_message(self, room, event):
        if event.sender == BOT:
            return
        body = event.body.strip()
        if not body.startswith("!"):
            return
        words = body[1:].split()
        if not words:
            return
        name = words[0].lower()
        if name == "ping":
            ms = max(0, self.now_ms - event.server_timestamp)
            self.replies.append(
                (
                    room.room_id,
                    {
                        "msgtype": "m.notice",
                        "body": f"pong ({ms} ms)",
                        "m.relates_to": {"m.in_reply_to": {"event_id": event.event_id}},
                    },
                )
            )

    async def handle(self, text):
        resp = SyncResponse.from_dict(json.loads(text))
        if not isinstance(resp, SyncResponse):
            raise SystemExit(f"nio did not parse the response: {resp}")
        await self.client.receive_response(resp)
        return resp


async def run_once(setup_text, fixture_text, now_ms):
    bot = PingBot()
    bot.now_ms = now_ms
    await bot.handle(setup_text)
    t0 = time.perf_counter()
    resp = await bot.handle(fixture_text)
    seconds = time.perf_counter() - t0
    events = sum(len(j.timeline.events) for j in resp.rooms.join.values())
    await bot.client.close()
    return events, len(bot.replies), seconds


def parse_only(fixture_text):
    t0 = time.perf_counter()
    resp = SyncResponse.from_dict(json.loads(fixture_text))
    seconds = time.perf_counter() - t0
    return sum(len(j.timeline.events) for j in resp.rooms.join.values()), seconds


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dir", help="directory with sync_setup.json and sync_fixture.json")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with open(os.path.join(args.dir, "sync_setup.json"), encoding="utf-8") as f:
        setup_text = f.read()
    with open(os.path.join(args.dir, "sync_fixture.json"), encoding="utf-8") as f:
        fixture_text = f.read()
    # The fixture's clock (bench/sync_bench.cpp kNow), so the pong latency is computed alike.
    now_ms = 1_795_000_000_000

    rates = []
    for i in range(args.runs):
        events, replies, seconds = asyncio.run(run_once(setup_text, fixture_text, now_ms))
        if events != 10_000 or replies != 1_000:
            raise SystemExit(f"unexpected: events={events} replies={replies}")
        rates.append(events / seconds)
        print(f"nio run {i + 1}: events={events} replies={replies} seconds={seconds:.3f} "
              f"events_per_s={events / seconds:.0f}")
    prates = []
    for i in range(args.runs):
        events, seconds = parse_only(fixture_text)
        prates.append(events / seconds)
    print(f"nio_parse events_per_s={statistics.median(prates):.0f} "
          f"(json.loads + SyncResponse.from_dict only, median of {args.runs} runs)")
    print(f"nio_sync events_per_s={statistics.median(rates):.0f} "
          f"(median of {args.runs} runs; min {min(rates):.0f}, max {max(rates):.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
