// Token revoked (M_UNKNOWN_TOKEN): the bot stays up and pauses instead of hammering
// the server; after a new token is written and reload_token() is called (SIGHUP), it resumes
// and answers what came in meanwhile, exactly once.

#include <gtest/gtest.h>

#include "integration/support/bot_fixture.hpp"

namespace dialoog::testing {
namespace {

const std::string kAlice = "@alice:fake.hs";

TEST(Token, RevokedPausesAndReloadResumes) {
    FakeHomeserver hs;
    auto opts = fast_options();
    opts.token_recheck = 60s;  // only reload_token() can bring it back within the test
    BotFixture f(hs, "", opts);
    std::string room = f.start_in_room();
    std::string first = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({first}));

    hs.revoke_token(BotFixture::kToken);
    std::string during = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.run_until([&] { return !f.bot().token_valid(); }));
    EXPECT_GT(hs.count_responses(Endpoint::Sync, 401) + hs.count_responses(Endpoint::Send, 401), 0);

    // Paused: a second of (nearly) no requests, and nothing was lost or failed.
    std::size_t seen = hs.requests().size();
    f.run_for(1000ms);
    EXPECT_LE(hs.requests().size() - seen, 3u) << "the bot keeps calling with a revoked token";
    EXPECT_EQ(f.outbox_counts().failed, 0);

    // A request racing the revocation may have delivered `during` already; its reply waits.
    EXPECT_EQ(hs.replies_to(during), 0);

    hs.add_token("tok-new", BotFixture::kDevice);
    f.write_token("tok-new");
    f.bot().reload_token();
    ASSERT_TRUE(f.run_until([&] { return f.bot().token_valid(); }, 5s));
    ASSERT_TRUE(f.await_replies({during}));
    std::string after = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({after}));
    f.stop();
    expect_answered_once(hs, {first, during, after});
    EXPECT_EQ(f.outbox_counts().failed, 0);
}

TEST(Token, InvalidAtStartupWaitsForAValidOne) {
    FakeHomeserver hs;
    BotFixture f(hs);
    f.write_token("not-a-token");
    std::string room = hs.create_room(kAlice, {kAlice}, true);
    f.start();
    ASSERT_TRUE(f.run_until([&] { return !f.bot().token_valid(); }));
    EXPECT_EQ(hs.count_requests(Endpoint::Sync), 0);
    f.write_token(BotFixture::kToken);  // picked up by the periodic re-check (200 ms here)
    ASSERT_TRUE(f.run_until([&] { return hs.syncs_served() >= 1; }));
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    f.stop();
    expect_answered_once(hs, {ping});
}

// With bot.password_file the bot logs in with its fixed device_id (transaction ids are per
// device) and, when the session is revoked, logs in again by itself and carries on.
TEST(Token, PasswordLoginKeepsDeviceAndLogsInAgain) {
    FakeHomeserver hs;
    BotFixture f(hs, "", fast_options(), BotFixture::Auth::PasswordFile);
    std::string room = f.start_in_room();
    std::string first = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({first}));
    EXPECT_EQ(hs.count_requests(Endpoint::Login), 1);

    hs.revoke_all_tokens();
    std::string during = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({during}));
    EXPECT_GE(hs.count_requests(Endpoint::Login), 2);
    f.stop();
    expect_answered_once(hs, {first, during});
    for (const auto& a : hs.accepted()) EXPECT_EQ(a.device_id, BotFixture::kDevice);
}

}  // namespace
}  // namespace dialoog::testing
