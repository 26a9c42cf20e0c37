// Size limits: a reply over 60,000 bytes is split into parts the server accepts (the spec
// limits a whole event to 65,536 bytes); M_TOO_LARGE from the server marks the row failed
// without a retry loop and without blocking the room; and memory stays bounded under a storm
// of 5 MB syncs.

#include <gtest/gtest.h>

#include <cstdio>

#include "commands/effects.hpp"
#include "integration/support/bot_fixture.hpp"
#include "storage/database.hpp"

namespace dialoog::testing {
namespace {

const std::string kAlice = "@alice:fake.hs";

TEST(Large, LongReplyIsSplitIntoAcceptedParts) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    // A reply of 100 kB (as a long digest or list would be), written the way a handler does,
    // answering a command of alice's; echoed user input is cut short, so no command makes one.
    std::string cmd = hs.post_message(room, kAlice, "een vraag");
    ASSERT_TRUE(f.run_until([&] { return f.sync_position() >= hs.stream_position(); }));
    f.stop();
    {
        storage::Database db(f.db_path());
        SystemClock clock;
        commands::Effects fx(db, clock, "integration-key", "large-reply");
        matrix::Relation rel;
        rel.in_reply_to = cmd;
        storage::Transaction tx(db);
        std::string md;
        for (int i = 0; i < 1000; ++i)
            md += "- regel " + std::to_string(i) + " " + std::string(90, 'q') + "\n";
        fx.notice(room, md, rel);
        tx.commit();
    }
    f.start();
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({cmd, ping}));
    ASSERT_TRUE(f.run_until([&] { return f.outbox_counts().pending == 0; }));
    f.stop();
    int parts = 0;
    for (const auto& a : hs.accepted()) {
        if (a.room_id != room) continue;
        EXPECT_LE(a.content.dump().size(), 65536u);
        parts += a.content.value("body", "").find("qqqq") != std::string::npos ? 1 : 0;
    }
    EXPECT_GE(parts, 2) << "the long answer arrives in parts";
    EXPECT_EQ(hs.count_responses(Endpoint::Send, 413), 0);
    EXPECT_EQ(hs.replies_to(cmd), 1) << "only the first part is a reply";
    EXPECT_EQ(f.outbox_counts().failed, 0);
}

TEST(Large, TooLargeMarksFailedWithoutLooping) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    hs.fail_next(Endpoint::Send, 1, 413, "M_TOO_LARGE");
    std::string big = hs.post_message(room, kAlice, "!help");
    ASSERT_TRUE(f.run_until([&] { return f.outbox_counts().failed == 1; }));
    // The room's lane is not blocked by the failed row.
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    f.stop();
    EXPECT_EQ(hs.count_responses(Endpoint::Send, 413), 1) << "no retry loop on M_TOO_LARGE";
    EXPECT_EQ(hs.replies_to(big), 0);
    EXPECT_EQ(hs.replies_to(ping), 1);
    auto counts = f.outbox_counts();
    EXPECT_EQ(counts.failed, 1);
    EXPECT_EQ(counts.pending, 0);
}

TEST(Large, MemoryBoundedUnderFiveMegabyteSyncs) {
#if defined(__SANITIZE_ADDRESS__)
    // ASan keeps freed memory in its quarantine (up to 256 MB), so RSS then grows with the
    // 100 MB that pass through, not with what the bot keeps (CI saw 57 MB under ASan). The plain
    // build runs this test.
    GTEST_SKIP() << "RSS under AddressSanitizer measures its quarantine, not the bot";
#endif
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    constexpr std::size_t kFiveMb = 5 * 1024 * 1024;
    // Warm up: allocator pools and SQLite caches reach their working size.
    int served = hs.syncs_served();
    hs.pad_next_syncs(3, kFiveMb);
    ASSERT_TRUE(f.run_until([&] { return hs.syncs_served() >= served + 3; }, 30s));
    std::string warm = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({warm}));
    const std::size_t before = rss_bytes();

    constexpr int kStorm = 20;
    served = hs.syncs_served();
    hs.pad_next_syncs(kStorm, kFiveMb);
    ASSERT_TRUE(f.run_until([&] { return hs.syncs_served() >= served + kStorm; }, 60s));
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    const std::size_t after = rss_bytes();
    f.stop();

    const double grown_mb = (static_cast<double>(after) - static_cast<double>(before)) / (1 << 20);
    RecordProperty("rss_before_mb", static_cast<int>(before >> 20));
    RecordProperty("rss_after_mb", static_cast<int>(after >> 20));
    std::printf("RSS %zu MB -> %zu MB after %d syncs of 5 MB\n", before >> 20, after >> 20, kStorm);
    // 20 x 5 MB = 100 MB passed through; keeping even one body per sync would exceed this.
    EXPECT_LT(grown_mb, 48.0);
    expect_answered_once(hs, {warm, ping});
}

}  // namespace
}  // namespace dialoog::testing
