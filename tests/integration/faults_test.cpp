// Fault injection: each fault kind hits the bot while users send commands;
// then the faults stop. The bot must not crash, and every command must be answered exactly
// once within a bounded time. Timing is asserted only as a lower bound (429 waits).

#include <gtest/gtest.h>

#include <functional>

#include "integration/support/bot_fixture.hpp"

namespace dialoog::testing {
namespace {

const std::string kAlice = "@alice:fake.hs";
const std::string kBob = "@bob:fake.hs";

struct FaultCase {
    std::string name;
    std::function<void(FakeHomeserver&)> inject;
};

void PrintTo(const FaultCase& c, std::ostream* os) {
    *os << c.name;
}

class FaultTest : public ::testing::TestWithParam<FaultCase> {};

TEST_P(FaultTest, EveryCommandAnsweredOnce) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();

    // One command before the faults, to have a send in flight when they start.
    std::vector<std::string> cmds = {hs.post_message(room, kAlice, "!ping")};
    ASSERT_TRUE(f.await_replies(cmds));

    GetParam().inject(hs);
    // Commands during the faults: one alone, then a burst, from two users.
    cmds.push_back(hs.post_message(room, kBob, "!ping"));
    f.run_for(50ms);
    for (const auto& id : hs.post_messages(room, kAlice, {"!ping", "!help", "!ping"}))
        cmds.push_back(id);
    ASSERT_TRUE(f.await_replies(cmds, 20s)) << "not all commands answered while faults ran";
    EXPECT_EQ(hs.pending_faults(), 0) << "every injected fault was exercised";

    // After the faults: still alive and answering.
    std::string after = hs.post_message(room, kBob, "!ping");
    cmds.push_back(after);
    ASSERT_TRUE(f.await_replies({after}, 10s));
    f.stop();

    expect_answered_once(hs, cmds);
    auto counts = f.outbox_counts();
    EXPECT_EQ(counts.pending, 0);
    EXPECT_EQ(counts.failed, 0) << "a reply the server accepted must not be recorded as failed";
}

using E = Endpoint;

std::vector<FaultCase> fault_cases() {
    return {
        {"Sync429Body",
         [](FakeHomeserver& hs) { hs.rate_limit_next(E::Sync, 3, std::nullopt, 150); }},
        {"Send429Body",
         [](FakeHomeserver& hs) { hs.rate_limit_next(E::Send, 4, std::nullopt, 150); }},
        {"Send429Header",
         [](FakeHomeserver& hs) { hs.rate_limit_next(E::Send, 2, 1, std::nullopt); }},
        {"Sync500", [](FakeHomeserver& hs) { hs.fail_next(E::Sync, 3, 500); }},
        {"Sync502", [](FakeHomeserver& hs) { hs.fail_next(E::Sync, 3, 502); }},
        {"Sync503", [](FakeHomeserver& hs) { hs.fail_next(E::Sync, 3, 503); }},
        {"Send500", [](FakeHomeserver& hs) { hs.fail_next(E::Send, 3, 500); }},
        {"Send502", [](FakeHomeserver& hs) { hs.fail_next(E::Send, 3, 502); }},
        {"Send503", [](FakeHomeserver& hs) { hs.fail_next(E::Send, 3, 503); }},
        // The proxy fails after the homeserver stored the event: the retry must dedupe.
        {"Send502AfterStored", [](FakeHomeserver& hs) { hs.fail_next(E::Send, 3, 502, "", true); }},
        {"SyncStall", [](FakeHomeserver& hs) { hs.stall_next(E::Sync, 1, 2000ms); }},
        {"SendStall", [](FakeHomeserver& hs) { hs.stall_next(E::Send, 2, 1500ms); }},
        {"SendStallAfterStored",
         [](FakeHomeserver& hs) { hs.stall_next(E::Send, 1, 1500ms, true); }},
        {"SyncDropHeaders", [](FakeHomeserver& hs) { hs.drop_next(E::Sync, 2, false); }},
        {"SyncDropBody", [](FakeHomeserver& hs) { hs.drop_next(E::Sync, 2, true, true); }},
        {"SendDropHeaders", [](FakeHomeserver& hs) { hs.drop_next(E::Send, 2, false); }},
        {"SendDropBodyAfterStored",
         [](FakeHomeserver& hs) { hs.drop_next(E::Send, 2, true, true); }},
        {"SyncMalformed", [](FakeHomeserver& hs) { hs.malformed_next(E::Sync, 3); }},
        {"SyncTruncated", [](FakeHomeserver& hs) { hs.truncated_next(E::Sync, 3, true); }},
        {"SendMalformedAfterStored",
         [](FakeHomeserver& hs) { hs.malformed_next(E::Send, 2, true); }},
        {"SendTruncatedAfterStored",
         [](FakeHomeserver& hs) { hs.truncated_next(E::Send, 2, true); }},
        {"DuplicateSyncs", [](FakeHomeserver& hs) { hs.duplicate_next_syncs(4); }},
        {"LimitedTimelines",
         [](FakeHomeserver& hs) {
             hs.set_timeline_limit(1);
             hs.force_limited_next(2);
         }},
        {"LargeSyncs", [](FakeHomeserver& hs) { hs.pad_next_syncs(2, 5 * 1024 * 1024); }},
        {"Mixed",
         [](FakeHomeserver& hs) {
             hs.fail_next(E::Sync, 1, 502);
             hs.rate_limit_next(E::Sync, 1, std::nullopt, 100);
             hs.drop_next(E::Sync, 1, true, true);
             hs.malformed_next(E::Sync, 1);
             hs.fail_next(E::Send, 1, 503);
             hs.drop_next(E::Send, 1, true, true);
             hs.rate_limit_next(E::Send, 1, std::nullopt, 100);
             hs.stall_next(E::Send, 1, 500ms, true);
         }},
    };
}

INSTANTIATE_TEST_SUITE_P(Faults, FaultTest, ::testing::ValuesIn(fault_cases()),
                         [](const ::testing::TestParamInfo<FaultCase>& i) { return i.param.name; });

// Malformed events next to valid commands: no event with a missing or wrongly typed field
// stops the batch; the valid commands are answered once, the broken ones are skipped.
TEST(Faults, EventsMissingFields) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    auto ts = [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    };
    std::vector<std::string> cmds = {hs.post_message(room, kAlice, "!ping")};
    hs.post_raw_event(room, {{"event_id", "$nobody:fake.hs"},
                             {"type", "m.room.message"},
                             {"sender", kAlice},
                             {"origin_server_ts", ts()},
                             {"content", {{"msgtype", "m.text"}}}});
    hs.post_raw_event(room, {{"event_id", "$numbody:fake.hs"},
                             {"type", "m.room.message"},
                             {"sender", kAlice},
                             {"origin_server_ts", ts()},
                             {"content", {{"msgtype", "m.text"}, {"body", 42}}}});
    hs.post_raw_event(room, {{"event_id", "$arrbody:fake.hs"},
                             {"type", "m.room.message"},
                             {"sender", kAlice},
                             {"origin_server_ts", ts()},
                             {"content", {{"msgtype", "m.text"}, {"body", {"!ping"}}}}});
    hs.post_raw_event(room, {{"type", "m.room.message"},
                             {"sender", kAlice},
                             {"origin_server_ts", ts()},
                             {"content", {{"msgtype", "m.text"}, {"body", "!ping"}}}});
    hs.post_raw_event(room, {{"event_id", "$nosender:fake.hs"},
                             {"type", "m.room.message"},
                             {"content", {{"msgtype", "m.text"}, {"body", "!ping"}}}});
    hs.post_raw_event(room, {{"event_id", "$strcontent:fake.hs"},
                             {"type", "m.room.message"},
                             {"sender", kAlice},
                             {"content", "!ping"}});
    hs.post_raw_event(room, {{"event_id", "$badts:fake.hs"},
                             {"type", "m.room.message"},
                             {"sender", kAlice},
                             {"origin_server_ts", "yesterday"},
                             {"content", {{"msgtype", "m.text"}, {"body", "!ping"}}}});
    hs.post_raw_event(
        room, {{"event_id", "$badrel:fake.hs"},
               {"type", "m.room.message"},
               {"sender", kAlice},
               {"origin_server_ts", ts()},
               {"content",
                {{"msgtype", "m.text"}, {"body", "!ping"}, {"m.relates_to", "not an object"}}}});
    hs.post_raw_event(room, json::array({1, 2, 3}));
    hs.post_raw_event(room, "just a string");
    hs.post_raw_event(room, {{"event_id", "$nostatekey:fake.hs"},
                             {"type", "m.room.member"},
                             {"sender", kAlice},
                             {"state_key", 7},
                             {"content", nullptr}});
    cmds.push_back(hs.post_message(room, kBob, "!ping"));
    ASSERT_TRUE(f.await_replies(cmds));
    f.stop();
    // Events that are usable despite an odd field may be answered; none twice, and the valid
    // commands exactly once.
    for (const auto& c : cmds) EXPECT_EQ(hs.replies_to(c), 1) << c;
    for (const auto& odd :
         {"$nobody:fake.hs", "$numbody:fake.hs", "$arrbody:fake.hs", "$nosender:fake.hs",
          "$strcontent:fake.hs", "$badts:fake.hs", "$badrel:fake.hs", "$nostatekey:fake.hs"})
        EXPECT_LE(hs.replies_to(odd), 1) << odd;
    EXPECT_EQ(hs.replies_to("$nobody:fake.hs"), 0);
    EXPECT_EQ(hs.replies_to("$numbody:fake.hs"), 0);
    EXPECT_EQ(f.outbox_counts().pending, 0);
}

// Startup: whoami fails (500, dropped connection, 429) before the first success.
TEST(Faults, StartupWhoamiFailures) {
    FakeHomeserver hs;
    hs.fail_next(E::Whoami, 1, 500);
    hs.drop_next(E::Whoami, 1, false);
    hs.rate_limit_next(E::Whoami, 1, std::nullopt, 100);
    BotFixture f(hs);
    std::string room = f.start_in_room();
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    f.stop();
    EXPECT_EQ(hs.pending_faults(), 0);
    expect_answered_once(hs, {ping});
}

// A replayed command (the server re-delivers an old event in a later sync) is not answered
// again.
TEST(Faults, ReplayedEventNotAnsweredTwice) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    hs.replay_event(ping);
    hs.replay_event(ping);
    std::string later = hs.post_message(room, kBob, "!ping");
    std::int64_t pos = hs.stream_position();
    ASSERT_TRUE(f.await_replies({later}));
    ASSERT_TRUE(f.run_until([&] { return f.sync_position() >= pos; }));
    f.stop();
    expect_answered_once(hs, {ping, later});
}

// --- 429: the bot waits what it was asked to (lower bounds only) ---

/// The time between the 429 answer to the request carrying `txn` and its next attempt.
std::chrono::milliseconds retry_gap(const FakeHomeserver& hs, Endpoint e, const std::string& txn) {
    std::optional<std::chrono::steady_clock::time_point> limited;
    for (const auto& r : hs.requests()) {
        if (r.endpoint != e || (!txn.empty() && r.txn_id != txn)) continue;
        if (!limited && r.status == 429) {
            limited = r.received;
        } else if (limited) {
            return std::chrono::duration_cast<std::chrono::milliseconds>(r.received - *limited);
        }
    }
    return std::chrono::milliseconds(-1);
}

std::string txn_of_reply(const FakeHomeserver& hs, const std::string& cmd) {
    auto r = hs.reply_to(cmd);
    return r ? r->txn_id : "";
}

TEST(RateLimit, SendHonoursRetryAfterHeaderOverBody) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    hs.rate_limit_next(E::Send, 1, 1, 50);  // header 1 s wins over the body's 50 ms
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    f.stop();
    auto gap = retry_gap(hs, E::Send, txn_of_reply(hs, ping));
    EXPECT_GE(gap.count(), 900) << "retried " << gap.count() << " ms after a 429 asking 1 s";
    expect_answered_once(hs, {ping});
}

TEST(RateLimit, SendHonoursRetryAfterMsBody) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    hs.rate_limit_next(E::Send, 1, std::nullopt, 700);
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    f.stop();
    auto gap = retry_gap(hs, E::Send, txn_of_reply(hs, ping));
    EXPECT_GE(gap.count(), 650) << "retried " << gap.count() << " ms after a 429 asking 700 ms";
    expect_answered_once(hs, {ping});
}

TEST(RateLimit, SyncHonoursRetryAfterHeader) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    hs.rate_limit_next(E::Sync, 1, 1, std::nullopt);
    // Wake the long-poll so the next sync request meets the 429.
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    ASSERT_TRUE(f.run_until([&] { return hs.count_responses(E::Sync, 429) == 1; }));
    ASSERT_TRUE(f.run_until([&] { return retry_gap(hs, E::Sync, "").count() >= 0; }));
    f.stop();
    auto gap = retry_gap(hs, E::Sync, "");
    EXPECT_GE(gap.count(), 900) << "synced again " << gap.count() << " ms after a 429 asking 1 s";
}

}  // namespace
}  // namespace dialoog::testing
