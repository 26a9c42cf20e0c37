// "Alles kan, tenzij…" nudges through the real SyncProcessor + Dispatcher: who gets one, the
// threaded reply, the rate limit and the opt-out with a manual clock (no sleeping).
#include <gtest/gtest.h>

#include <set>

#include "commands/tenzij/tenzij_feature.hpp"
#include "support/harness.hpp"

using namespace dialoog;
using namespace dialoog::testing;
using nlohmann::json;

namespace {

const std::string kRoom = "!team:hs";
const std::string kLeader = "@leider:hs";
const std::string kMember = "@anna:hs";
const std::string kDoorClosed = "Dat kan niet, past niet in het beleid.";

std::vector<std::unique_ptr<commands::Feature>> tenzij_only() {
    std::vector<std::unique_ptr<commands::Feature>> v;
    v.push_back(std::make_unique<tenzij::TenzijFeature>());
    return v;
}

std::string yaml_config(const std::string& team_extra = "", const std::string& top_extra = "") {
    return base_config(top_extra +
                       "teams:\n  - name: Team Noord\n    room: \"!team:hs\"\n    leaders: "
                       "[\"@leider:hs\", \"@leider2:hs\"]\n    timezone: Europe/Amsterdam\n" +
                       team_extra +
                       "  - name: Team Zuid\n    room: \"!zuid:hs\"\n    leaders: "
                       "[\"@leider:hs\"]\n");
}

struct Fixture {
    explicit Fixture(const std::string& cfg = yaml_config()) : h(tenzij_only(), cfg) {
        h.join_room(kRoom, {kLeader, "@leider2:hs", kMember});
        h.join_room("!zuid:hs", {kLeader});
        h.take();
    }
    std::vector<SentMessage> nudges() {
        std::vector<SentMessage> out;
        for (auto& m : h.take())
            if (m.kind == "send" && m.body().find("Alles kan, tenzij") != std::string::npos)
                out.push_back(m);
        return out;
    }
    std::int64_t nudge_rows() { return h.db().scalar_int("SELECT COUNT(*) FROM nudge"); }
    Harness h;
};

}  // namespace

TEST(TenzijNudge, LeaderClosingADoorGetsOneThreadedNudge) {
    Fixture f;
    auto id = f.h.send(kRoom, kLeader, kDoorClosed);
    auto msgs = f.h.take();
    ASSERT_EQ(msgs.size(), 1u);
    const auto& m = msgs[0];
    EXPECT_EQ(m.room_id, kRoom);
    EXPECT_EQ(m.content["msgtype"], "m.notice");
    auto rel = m.content["m.relates_to"];
    EXPECT_EQ(rel["rel_type"], "m.thread");
    EXPECT_EQ(rel["event_id"], id);
    EXPECT_EQ(rel["is_falling_back"], false);
    EXPECT_EQ(rel["m.in_reply_to"]["event_id"], id);
    const std::string body = m.body();
    EXPECT_NE(body.find("Alles kan, tenzij"), std::string::npos);
    EXPECT_NE(body.find("!besluit"), std::string::npos);
    EXPECT_NE(body.find("!nudge uit"), std::string::npos);
    // Three questions from the library.
    std::size_t items = 0;
    for (std::size_t p = body.find("\n  - "); p != std::string::npos;
         p = body.find("\n  - ", p + 1))
        ++items;
    EXPECT_EQ(items, 3u);

    auto st = f.h.db().prepare(
        "SELECT team, room_id, user_id, event_id, thread_root, pattern_id, created_ms FROM nudge");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.column_text(0), "Team Noord");
    EXPECT_EQ(st.column_text(1), kRoom);
    EXPECT_EQ(st.column_text(2), kLeader);
    EXPECT_EQ(st.column_text(3), id);
    EXPECT_EQ(st.column_text(4), id);
    EXPECT_FALSE(st.column_text(5).empty());
    EXPECT_EQ(st.column_int(6), f.h.services().now_ms());
    EXPECT_FALSE(st.step());
}

TEST(TenzijNudge, MembersAreNotNudgedUnlessTheTeamSaysSo) {
    Fixture f;
    f.h.send(kRoom, kMember, kDoorClosed);
    EXPECT_TRUE(f.nudges().empty());
    EXPECT_EQ(f.nudge_rows(), 0);

    Fixture all(yaml_config("    nudge_all_members: true\n"));
    all.h.send(kRoom, kMember, kDoorClosed);
    EXPECT_EQ(all.nudges().size(), 1u);
}

TEST(TenzijNudge, PowerLevelAloneDoesNotMakeSomeoneANudgedLeader) {
    Harness h(tenzij_only(), yaml_config());
    h.join_room(kRoom, {kLeader, kMember}, {{kMember, 50}});
    h.take();
    h.send(kRoom, kMember, kDoorClosed);
    EXPECT_EQ(h.take().size(), 0u);
}

TEST(TenzijNudge, QuestionsQuotesAndSmallTalkAreNotNudged) {
    Fixture f;
    f.h.send(kRoom, kLeader, "Kan dat niet?");
    f.h.send(kRoom, kLeader, "Ik kan niet wachten tot de teamdag!");
    f.h.send(kRoom, kLeader, "Alles kan, tenzij er echt een wettelijke grens is.");
    // A quoted reply fallback is stripped by the core: only "Ik kijk ernaar" is read.
    f.h.send(kRoom, kLeader, "> <@bob:hs> Dat kan niet.\n\nIk kijk ernaar.");
    EXPECT_TRUE(f.h.take().empty());
    EXPECT_EQ(f.nudge_rows(), 0);
}

TEST(TenzijNudge, NeverOnTheBotsOwnMessagesNoticesOrCommands) {
    Fixture f;
    f.h.send(kRoom, kBot, kDoorClosed);
    f.h.send(kRoom, kLeader, kDoorClosed, {{"msgtype", "m.notice"}});
    f.h.send(kRoom, kLeader, "!besluiten dat kan niet");  // a command, answered as such
    for (const auto& m : f.h.take())
        EXPECT_EQ(m.body().find("Alles kan, tenzij"), std::string::npos);
    EXPECT_EQ(f.nudge_rows(), 0);
}

TEST(TenzijNudge, AtMostOnePerPersonPerRoomPerWindow) {
    Fixture f;
    f.h.send(kRoom, kLeader, kDoorClosed);
    EXPECT_EQ(f.nudges().size(), 1u);
    f.h.send(kRoom, kLeader, "Nee, dat mag niet.");
    EXPECT_TRUE(f.nudges().empty());
    // Another leader in the same room, and the same leader in another team room, are separate.
    f.h.send(kRoom, "@leider2:hs", kDoorClosed);
    EXPECT_EQ(f.nudges().size(), 1u);
    f.h.send("!zuid:hs", kLeader, kDoorClosed);
    EXPECT_EQ(f.nudges().size(), 1u);
    f.h.clock().advance(std::chrono::hours(23));
    f.h.send(kRoom, kLeader, kDoorClosed);
    EXPECT_TRUE(f.nudges().empty());
    f.h.clock().advance(std::chrono::hours(1));
    f.h.send(kRoom, kLeader, kDoorClosed);
    EXPECT_EQ(f.nudges().size(), 1u);
    EXPECT_EQ(f.nudge_rows(), 4);
}

TEST(TenzijNudge, WindowComesFromTheYaml) {
    Fixture f(yaml_config("", "nudge:\n  window: 2h\n"));
    f.h.send(kRoom, kLeader, kDoorClosed);
    EXPECT_EQ(f.nudges().size(), 1u);
    f.h.clock().advance(std::chrono::minutes(119));
    f.h.send(kRoom, kLeader, kDoorClosed);
    EXPECT_TRUE(f.nudges().empty());
    f.h.clock().advance(std::chrono::minutes(1));
    f.h.send(kRoom, kLeader, kDoorClosed);
    EXPECT_EQ(f.nudges().size(), 1u);
}

TEST(TenzijNudge, OptOutAndBackInPerPerson) {
    Fixture f;
    f.h.send(kRoom, kLeader, "!nudge uit");
    EXPECT_NE(f.h.last_body().find("!nudge aan"), std::string::npos);
    f.h.send(kRoom, kLeader, kDoorClosed);
    EXPECT_TRUE(f.h.take().empty());
    f.h.send("!zuid:hs", kLeader, kDoorClosed);  // per person: everywhere
    EXPECT_TRUE(f.h.take().empty());
    f.h.send(kRoom, "@leider2:hs", kDoorClosed);  // others still get them
    EXPECT_EQ(f.nudges().size(), 1u);
    f.h.send(kRoom, kLeader, "!nudge");
    EXPECT_NE(f.h.last_body().find("uit"), std::string::npos);
    f.h.send(kRoom, kLeader, "!nudge aan");
    EXPECT_NE(f.h.last_body().find("24 uur"), std::string::npos);
    f.h.send(kRoom, kLeader, kDoorClosed);
    EXPECT_EQ(f.nudges().size(), 1u);
    f.h.send(kRoom, kLeader, "!nudge misschien");
    EXPECT_NE(f.h.last_body().find("!nudge uit"), std::string::npos);
}

TEST(TenzijNudge, QuestionsRotateBetweenNudges) {
    Fixture f;
    std::set<std::string> bodies;
    for (int i = 0; i < 3; ++i) {
        f.h.send(kRoom, kLeader, kDoorClosed);
        auto n = f.nudges();
        ASSERT_EQ(n.size(), 1u);
        bodies.insert(n[0].body());
        f.h.clock().advance(std::chrono::hours(25));
    }
    EXPECT_EQ(bodies.size(), 3u);
}

TEST(TenzijNudge, MessageInAThreadIsNudgedInThatThread) {
    Fixture f;
    auto id = f.h.send_in_thread(kRoom, kLeader, kDoorClosed, "$root:hs");
    auto n = f.nudges();
    ASSERT_EQ(n.size(), 1u);
    EXPECT_EQ(n[0].content["m.relates_to"]["event_id"], "$root:hs");
    EXPECT_EQ(n[0].content["m.relates_to"]["m.in_reply_to"]["event_id"], id);
}

TEST(TenzijNudge, RepeatedDeliveryNudgesOnce) {
    Fixture f;
    auto id = f.h.send(kRoom, kLeader, kDoorClosed);
    EXPECT_EQ(f.nudges().size(), 1u);
    f.h.redeliver(kRoom, id, kLeader, kDoorClosed);
    EXPECT_TRUE(f.h.take().empty());
    EXPECT_EQ(f.nudge_rows(), 1);
}

TEST(TenzijNudge, EnglishTeamGetsEnglishNudge) {
    Harness h(tenzij_only(),
              base_config("teams:\n  - name: Team West\n    room: \"!west:hs\"\n    leaders: "
                          "[\"@lead:hs\"]\n    language: en\n"));
    h.join_room("!west:hs", {"@lead:hs"});
    h.take();
    h.send("!west:hs", "@lead:hs", "Sorry, that's not possible under the current policy.");
    EXPECT_NE(h.last_body().find("Everything is possible, unless"), std::string::npos);
}

TEST(TenzijTexts, EveryTextHasBothLanguages) {
    Harness h(tenzij_only(), base_config());
    EXPECT_TRUE(h.services().texts.missing_translations().empty());
}
