// Limited timelines (spec "Syncing": limited + prev_batch): commands that fell into the gap
// are fetched with GET /rooms/{id}/messages?dir=b and answered once, in one or more pages.

#include <gtest/gtest.h>

#include "integration/support/bot_fixture.hpp"

namespace dialoog::testing {
namespace {

const std::string kAlice = "@alice:fake.hs";

std::vector<std::string> pings(int n) {
    return std::vector<std::string>(n, "!ping");
}

TEST(Gaps, CommandsInTheGapAnsweredOnce) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    hs.set_timeline_limit(3);
    auto cmds = hs.post_messages(room, kAlice, pings(20));
    ASSERT_TRUE(f.await_replies(cmds));
    f.stop();
    EXPECT_GE(hs.count_requests(Endpoint::Messages), 1);
    expect_answered_once(hs, cmds);
}

TEST(Gaps, LargeGapIsPaged) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    hs.set_timeline_limit(5);
    auto cmds = hs.post_messages(room, kAlice, pings(150));  // 2 pages of 100
    ASSERT_TRUE(f.await_replies(cmds, 60s));
    f.stop();
    EXPECT_GE(hs.count_requests(Endpoint::Messages), 2);
    expect_answered_once(hs, cmds);
}

// A gap whose /messages call fails transiently must not lose the commands in it.
TEST(Gaps, FailedGapFillIsRetried) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    hs.set_timeline_limit(2);
    hs.fail_next(Endpoint::Messages, 2, 502);
    auto cmds = hs.post_messages(room, kAlice, pings(8));
    ASSERT_TRUE(f.await_replies(cmds, 20s));
    f.stop();
    EXPECT_EQ(hs.pending_faults(), 0);
    expect_answered_once(hs, cmds);
}

// Limited timelines in two rooms at once, with the gap pages also faulty (drop, 429).
TEST(Gaps, TwoRoomsWithFaultyPaging) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    std::string other = hs.create_room(kAlice, {kAlice}, true);
    std::string ping = hs.post_message(other, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    hs.set_timeline_limit(2);
    hs.drop_next(Endpoint::Messages, 1, true);
    hs.rate_limit_next(Endpoint::Messages, 1, std::nullopt, 100);
    auto a = hs.post_messages(room, kAlice, pings(6));
    auto b = hs.post_messages(other, kAlice, pings(6));
    std::vector<std::string> cmds = a;
    cmds.insert(cmds.end(), b.begin(), b.end());
    ASSERT_TRUE(f.await_replies(cmds, 20s));
    f.stop();
    cmds.push_back(ping);
    expect_answered_once(hs, cmds);
}

}  // namespace
}  // namespace dialoog::testing
