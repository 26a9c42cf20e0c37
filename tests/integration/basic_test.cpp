// The real bot against the fake homeserver, without faults: invite -> join -> greeting,
// !ping and !help answered once as m.notice replies, invites from strangers refused, a kick
// reported to the admin by DM (createRoom + m.direct account data).

#include <gtest/gtest.h>

#include "integration/support/bot_fixture.hpp"

namespace dialoog::testing {
namespace {

const std::string kAlice = "@alice:fake.hs";

int notices_in(const FakeHomeserver& hs, const std::string& room) {
    int n = 0;
    for (const auto& a : hs.accepted())
        n += a.room_id == room && a.content.value("msgtype", "") == "m.notice" ? 1 : 0;
    return n;
}

TEST(Basic, InviteJoinPingHelp) {
    FakeHomeserver hs;
    BotFixture f(hs);
    f.start();
    ASSERT_TRUE(f.run_until([&] { return hs.syncs_served() >= 1; }));

    std::string room = hs.invite_bot(kAlice);
    ASSERT_TRUE(f.run_until([&] { return hs.bot_membership(room) == "join"; }));
    ASSERT_TRUE(f.run_until([&] { return notices_in(hs, room) >= 1; })) << "no greeting";

    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    std::string help = hs.post_message(room, kAlice, "!help");
    ASSERT_TRUE(f.await_replies({help}));
    f.stop();

    expect_answered_once(hs, {ping, help});
    for (const auto& id : {ping, help}) {
        auto r = hs.reply_to(id);
        ASSERT_TRUE(r);
        EXPECT_EQ(r->type, "m.room.message");
        EXPECT_EQ(r->room_id, room);
        EXPECT_EQ(r->content.value("msgtype", ""), "m.notice");
        EXPECT_FALSE(r->content.value("body", "").empty());
        EXPECT_TRUE(r->content.contains("m.mentions")) << r->content.dump();
    }
    EXPECT_NE(hs.reply_to(help)->content.value("body", "").find("!ping"), std::string::npos)
        << "help lists the commands";
    // Exactly one greeting, and the bot's own notices (echoed back by /sync) got no answer.
    EXPECT_EQ(notices_in(hs, room), 3);
    auto counts = f.outbox_counts();
    EXPECT_EQ(counts.pending, 0);
    EXPECT_EQ(counts.failed, 0);
    EXPECT_FALSE(hs.saw_query_token()) << "the token belongs in the Authorization header";
}

TEST(Basic, InviteFromStrangerIsRefused) {
    FakeHomeserver hs;
    BotFixture f(hs);
    f.start();
    ASSERT_TRUE(f.run_until([&] { return hs.syncs_served() >= 1; }));
    std::string room = hs.invite_bot("@eve:elsewhere.example");
    ASSERT_TRUE(f.run_until([&] { return hs.bot_membership(room) == "leave"; }));
    f.stop();
    EXPECT_EQ(hs.count_requests(Endpoint::Join), 0);
}

TEST(Basic, KickIsReportedToAdminByDm) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    hs.kick_bot(room, kAlice);
    ASSERT_TRUE(f.run_until([&] { return hs.count_requests(Endpoint::CreateRoom) == 1; }));
    ASSERT_TRUE(f.run_until([&] {
        auto d = hs.account_data("m.direct");
        return d && d->contains("@admin:fake.hs");
    }));
    std::string dm = (*hs.account_data("m.direct"))["@admin:fake.hs"][0];
    ASSERT_TRUE(f.run_until([&] { return notices_in(hs, dm) == 1; }));
    f.stop();
    EXPECT_EQ(notices_in(hs, room), 0);
    EXPECT_EQ(f.outbox_counts().failed, 0);
}

// A join right after an invite can fail ("not invited" while the invite
// travels over federation); the bot retries it.
TEST(Basic, JoinRetriedAfterForbidden) {
    FakeHomeserver hs;
    hs.fail_next(Endpoint::Join, 2, 403, "M_FORBIDDEN");
    BotFixture f(hs);
    f.start();
    ASSERT_TRUE(f.run_until([&] { return hs.syncs_served() >= 1; }));
    std::string room = hs.invite_bot(kAlice);
    ASSERT_TRUE(f.run_until([&] { return hs.bot_membership(room) == "join"; }));
    std::string ping = hs.post_message(room, kAlice, "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    f.stop();
    EXPECT_EQ(hs.count_requests(Endpoint::Join), 3);
    expect_answered_once(hs, {ping});
}

// In an encrypted room the bot says once that it cannot read it.
TEST(Basic, EncryptedRoomGetsOneNotice) {
    FakeHomeserver hs;
    BotFixture f(hs);
    std::string room = f.start_in_room();
    hs.post_raw_event(room, {{"event_id", "$enc:fake.hs"},
                             {"type", "m.room.encryption"},
                             {"state_key", ""},
                             {"sender", kAlice},
                             {"origin_server_ts", 1},
                             {"content", {{"algorithm", "m.megolm.v1.aes-sha2"}}}});
    ASSERT_TRUE(f.run_until([&] { return notices_in(hs, room) == 1; }));
    std::int64_t pos = hs.stream_position();
    ASSERT_TRUE(f.run_until([&] { return f.sync_position() >= pos; }));
    f.stop();
    f.start();  // and not again after a restart
    hs.post_message(room, kAlice, "hello");
    pos = hs.stream_position();
    ASSERT_TRUE(f.run_until([&] { return f.sync_position() >= pos; }));
    f.stop();
    EXPECT_EQ(notices_in(hs, room), 1);
}

}  // namespace
}  // namespace dialoog::testing
