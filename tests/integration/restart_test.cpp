// Restarts and crashes: a command sent while the bot is down is
// answered once after the restart, old commands are never answered again, and a send the
// server accepted just before a crash is re-sent with the same txn_id and deduplicated.

#include <gtest/gtest.h>

#include "integration/support/bot_fixture.hpp"

namespace dialoog::testing {
namespace {

const std::string kAlice = "@alice:fake.hs";

TEST(Restart, CommandWhileDownAnsweredOnceAndOldOnesNotAgain) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    std::string before = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({before}));
    f.stop();
    int syncs_before = hs.count_requests(Endpoint::Sync);

    std::string while_down = hs.post_message(room, kAlice, "!ping");
    f.start();
    ASSERT_TRUE(f.await_replies({while_down}));
    EXPECT_GT(hs.count_requests(Endpoint::Sync), syncs_before);

    // The server replays old events (e.g. after its own restart): nothing is answered again.
    hs.replay_event(before);
    hs.replay_event(while_down);
    std::int64_t pos = hs.stream_position();
    ASSERT_TRUE(f.run_until([&] { return f.sync_position() >= pos; }));
    f.stop();

    // And again across one more restart, with the replay pending in the stream.
    hs.replay_event(before);
    pos = hs.stream_position();
    f.start();
    ASSERT_TRUE(f.run_until([&] { return f.sync_position() >= pos; }));
    f.stop();

    // Every restart resumed from the stored position: one initial sync in all.
    int initial_syncs = 0;
    for (const auto& r : hs.requests())
        initial_syncs +=
            r.endpoint == Endpoint::Sync && r.query.find("since=") == std::string::npos;
    EXPECT_EQ(initial_syncs, 1);
    expect_answered_once(hs, {before, while_down});
    EXPECT_EQ(f.outbox_counts().pending, 0);
}

TEST(Restart, FirstStartDoesNotReplayHistoryButLaterStartsCatchUp) {
    FakeHomeserver hs;
    std::string room = hs.create_room(kAlice, {kAlice}, true);
    std::string ancient = hs.post_message(room, kAlice, "!ping");  // before the bot ever ran
    BotFixture f(hs);
    f.start();
    ASSERT_TRUE(f.run_until([&] { return hs.syncs_served() >= 1; }));
    std::string fresh = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({fresh}));
    f.stop();
    EXPECT_EQ(hs.replies_to(ancient), 0) << "the backlog of a first start is not replayed";
    expect_answered_once(hs, {fresh});
}

// The crash window: the server stored the reply, but the bot died before recording that.
TEST(Restart, CrashAfterServerAcceptedSendIsDeduplicated) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    hs.stall_next(Endpoint::Send, 1, 5000ms, /*after_processing=*/true);
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.run_until([&] { return hs.replies_to(ping) == 1; }));
    std::string txn = hs.reply_to(ping)->txn_id;
    f.crash();  // the response is still stalled: the row stays pending in the database
    EXPECT_EQ(f.outbox_counts().pending, 1);
    EXPECT_EQ(hs.send_attempts(txn), 1);

    f.start();
    ASSERT_TRUE(f.run_until([&] { return hs.send_attempts(txn) >= 2; }));
    ASSERT_TRUE(f.run_until([&] { return f.outbox_counts().pending == 0; }));
    f.stop();
    EXPECT_EQ(hs.send_attempts(txn), 2) << "re-sent once, with the same txn_id";
    expect_answered_once(hs, {ping});
    EXPECT_EQ(f.outbox_counts().failed, 0);
}

// A crash while a sync batch is in flight (the response never arrives): after the restart the
// same position is synced again and every command is answered once.
TEST(Restart, CrashDuringStalledSync) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    hs.stall_next(Endpoint::Sync, 1, 5000ms, /*after_processing=*/true);
    // The next sync request takes the fault; it carries the commands and then stalls.
    ASSERT_TRUE(f.run_until([&] { return hs.pending_faults() == 0; }));
    auto cmds = hs.post_messages(room, kAlice, {"!ping", "!help"});
    f.run_for(300ms);
    f.crash();
    f.start();
    ASSERT_TRUE(f.await_replies(cmds));
    f.stop();
    expect_answered_once(hs, cmds);
}

}  // namespace
}  // namespace dialoog::testing
