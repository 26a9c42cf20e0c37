// Inbrenger and gespreksleider rotation: least recently in the role first, never the bot,
// paused members skipped, !casus ja / nee, no answer by the deadline (24 h or the 24 h
// reminder) counts as no, leaders assign directly.
#include <gtest/gtest.h>

#include "casus_test_support.hpp"

using namespace casus_test;
using std::chrono::hours;

namespace {

struct Roles {
    std::string inbrenger, inbrenger_state, leider, leider_state;
};

Roles roles(Harness& h, int id) {
    auto st = h.db().prepare(
        "SELECT COALESCE(inbrenger,''), inbrenger_state, COALESCE(gespreksleider,''), "
        "gespreksleider_state FROM casus WHERE id=?");
    st.bind(1, id);
    if (!st.step()) return {};
    return {st.column_text(0), st.column_text(1), st.column_text(2), st.column_text(3)};
}

/// The answer of `user` to the proposal for `rol`: one person can be asked for both roles of a
/// session (declined or silent as inbrenger, then next in line as gespreksleider).
std::string answer(Harness& h, int id, const std::string& user,
                   const std::string& rol = "inbrenger") {
    auto st = h.db().prepare(
        "SELECT answer FROM casus_voorstel WHERE casus_id=? AND user_id=? AND rol=?");
    st.bind(1, id).bind(2, user).bind(3, rol);
    return st.step() ? st.column_text(0) : "";
}

}  // namespace

TEST(CasusRotation, LeastRecentFirstAndEveryoneGetsATurn) {
    auto h = make_harness(team_config());
    h->send(kRoom, "@anna:hs", "!casus plan morgen 14:00 Eerste");
    auto msgs = h->take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_TRUE(has(msgs[0].body(), "@anna:hs, wil jij de inbrenger zijn")) << msgs[0].body();
    EXPECT_TRUE(has(msgs[0].body(), "!casus ja 1")) << msgs[0].body();
    EXPECT_EQ(msgs[0].content["m.mentions"]["user_ids"].size(), 2u);
    const std::vector<std::pair<std::string, std::string>> expected = {{"@anna:hs", "@bob:hs"},
                                                                       {"@bob:hs", "@anna:hs"},
                                                                       {"@carla:hs", "@dirk:hs"},
                                                                       {"@dirk:hs", "@carla:hs"},
                                                                       {"@leider:hs", "@bob:hs"}};
    for (const char* day : {"29-03", "30-03", "31-03", "1-04"})
        h->send(kRoom, "@anna:hs", std::string("!casus plan ") + day + " 14:00 Sessie");
    h->take();
    for (std::size_t i = 0; i < expected.size(); ++i) {
        auto r = roles(*h, static_cast<int>(i) + 1);
        EXPECT_EQ(r.inbrenger, expected[i].first) << "session " << i + 1;
        EXPECT_EQ(r.leider, expected[i].second) << "session " << i + 1;
        EXPECT_EQ(r.inbrenger_state, "proposed");
        EXPECT_NE(r.inbrenger, kBot);
        EXPECT_NE(r.leider, kBot);
    }
}

TEST(CasusRotation, JaConfirmsNeeAsksNextInLine) {
    auto h = make_harness(team_config());
    h->send(kRoom, "@anna:hs", "!casus plan morgen 14:00 Titel");
    h->take();
    h->send(kRoom, "@anna:hs", "!casus nee 1");
    auto msgs = h->take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_TRUE(has(msgs[0].body(), "@carla:hs, wil jij de inbrenger zijn")) << msgs[0].body();
    EXPECT_EQ(msgs[0].content["m.mentions"]["user_ids"][0], "@carla:hs");
    EXPECT_EQ(answer(*h, 1, "@anna:hs"), "nee");
    h->send(kRoom, "@carla:hs", "!casus ja #1");
    EXPECT_TRUE(has(h->last_body(), "Je bent inbrenger bij casusbespreking #1"));
    EXPECT_EQ(roles(*h, 1).inbrenger_state, "confirmed");
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM jobs WHERE key='casus:1:voorstel:inbrenger'"), 0);
    h->send(kRoom, "@carla:hs", "!casus ja 1");
    EXPECT_TRUE(has(h->last_body(), "al inbrenger"));
    h->send(kRoom, "@dirk:hs", "!casus nee 1");
    EXPECT_TRUE(has(h->last_body(), "geen vraag voor je open"));
    h->send(kRoom, "@dirk:hs", "!casus ja 1");
    EXPECT_TRUE(has(h->last_body(), "geen vraag voor je open"));
    h->send(kRoom, "@dirk:hs", "!casus ja");
    EXPECT_TRUE(has(h->last_body(), "!casus ja 12"));
    h->send(kRoom, "@dirk:hs", "!casus ja 7");
    EXPECT_TRUE(has(h->last_body(), "#7 vind ik niet"));
}

TEST(CasusRotation, ConfirmedHolderCanStepBack) {
    auto h = make_harness(team_config());
    h->send(kRoom, "@anna:hs", "!casus plan morgen 14:00 Titel");
    h->send(kRoom, "@bob:hs", "!casus ja 1");
    h->take();
    h->send(kRoom, "@bob:hs", "!casus nee 1");
    EXPECT_TRUE(has(h->last_body(), "gesprek leiden"));
    EXPECT_EQ(roles(*h, 1).leider, "@carla:hs");
}

TEST(CasusRotation, NoAnswerWithin24HoursCountsAsNo) {
    auto h = make_harness(team_config());
    h->send(kRoom, "@anna:hs", "!casus plan 31-03 14:00 Titel");
    h->take();
    h->clock().set(utc("2026-03-28T09:59"));
    h->fire_jobs();
    EXPECT_TRUE(h->take().empty());
    h->clock().set(utc("2026-03-28T10:00"));
    h->fire_jobs();
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 2u) << joined(b);
    EXPECT_TRUE(has(b[0], "@anna:hs heeft (nog) niet gereageerd")) << b[0];
    EXPECT_TRUE(has(b[0], "@carla:hs, wil jij de inbrenger zijn")) << b[0];
    EXPECT_EQ(answer(*h, 1, "@anna:hs"), "timeout");
    EXPECT_EQ(roles(*h, 1).inbrenger, "@carla:hs");
    // bob's gespreksleider proposal timed out at the same instant; anna is next in that line.
    EXPECT_TRUE(has(b[1], "@bob:hs heeft (nog) niet gereageerd")) << b[1];
    EXPECT_EQ(answer(*h, 1, "@bob:hs", "gespreksleider"), "timeout");
    EXPECT_EQ(roles(*h, 1).leider, "@anna:hs");
    EXPECT_EQ(answer(*h, 1, "@anna:hs", "gespreksleider"), "open");
}

TEST(CasusRotation, NoAnswerByThe24HourReminderCountsAsNo) {
    auto h = make_harness(team_config());
    h->send(kRoom, "@anna:hs", "!casus plan morgen 20:00 Titel");  // 24 h reminder at 20:00 today
    h->send(kRoom, "@bob:hs", "!casus ja 1");
    h->take();
    h->clock().set(utc("2026-03-27T20:00"));
    h->fire_jobs();
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 2u) << joined(b);
    EXPECT_TRUE(has(b[0], "niet gereageerd")) << b[0];
    EXPECT_TRUE(has(b[1], "Herinnering")) << b[1];
    EXPECT_TRUE(has(b[1], "@carla:hs (gevraagd)")) << b[1];  // the new proposal, not anna's
    EXPECT_EQ(answer(*h, 1, "@anna:hs"), "timeout");
    // carla's deadline is the start at the latest.
    EXPECT_EQ(count(*h, "SELECT deadline_at FROM casus_voorstel WHERE user_id='@carla:hs'"),
              at("2026-03-28T20:00"));
}

TEST(CasusRotation, PausedMembersAreSkipped) {
    auto h = make_harness(team_config());
    h->send(kRoom, "@anna:hs", "!casus pauze");
    EXPECT_TRUE(has(h->last_body(), "!casus terug"));
    h->send(kRoom, "@bob:hs", "!casus pauze tot 1 april");
    EXPECT_TRUE(has(h->last_body(), "wo 1 apr 00:00"));
    h->send(kRoom, "@carla:hs", "!casus plan morgen 14:00 Titel");
    h->take();
    EXPECT_EQ(roles(*h, 1).inbrenger, "@carla:hs");
    EXPECT_EQ(roles(*h, 1).leider, "@dirk:hs");
    h->send(kRoom, "@anna:hs", "!casus terug");
    EXPECT_TRUE(has(h->last_body(), "Welkom terug"));
    h->send(kRoom, "@anna:hs", "!casus terug");
    EXPECT_TRUE(has(h->last_body(), "niets te pauzeren"));
    h->send(kRoom, "@carla:hs", "!casus plan 29-03 14:00 Twee");
    h->take();
    EXPECT_EQ(roles(*h, 2).inbrenger, "@anna:hs");
    // bob is back on 1 April.
    h->clock().set(utc("2026-04-01T00:00"));
    h->send(kRoom, "@carla:hs", "!casus plan 2-4 14:00 Drie");
    h->take();
    EXPECT_EQ(roles(*h, 3).inbrenger, "@bob:hs");
    // Wrong forms.
    h->send(kRoom, "@bob:hs", "!casus pauze morgen");
    EXPECT_TRUE(has(h->last_body(), "!casus pauze tot 1 juni"));
    h->send(kRoom, "@bob:hs", "!casus pauze tot 31-02");
    EXPECT_TRUE(has(h->last_body(), "bestaat niet"));
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_pauze"), 1);
}

TEST(CasusRotation, LeadersAssignMembersAreAsked) {
    auto h = make_harness(team_config());
    h->send(kRoom, "@anna:hs",
            "!casus plan morgen 14:00 inbrenger @carla:hs gespreksleider @anna:hs Titel");
    auto body = h->last_body();
    EXPECT_TRUE(has(body, "@carla:hs, wil jij de inbrenger zijn")) << body;
    auto r = roles(*h, 1);
    EXPECT_EQ(r.inbrenger, "@carla:hs");
    EXPECT_EQ(r.inbrenger_state, "proposed");
    EXPECT_EQ(r.leider, "@anna:hs");
    EXPECT_EQ(r.leider_state, "confirmed");  // naming yourself needs no question
    h->send(kRoom, kLeider, "!casus plan morgen 15:00 inbrenger @dirk:hs Twee");
    r = roles(*h, 2);
    EXPECT_EQ(r.inbrenger_state, "confirmed");
    EXPECT_EQ(r.leider_state, "proposed");  // not named: rotation asks someone
}

TEST(CasusRotation, NobodyToAskThenVolunteer) {
    auto h = make_harness(team_config(), "2026-03-27T10:00", false);
    h->join_room(kRoom, {"@anna:hs"});
    h->take();
    h->send(kRoom, "@anna:hs", "!casus plan morgen 14:00 Titel");
    auto body = h->last_body();
    EXPECT_TRUE(has(body, "Ik vond niemand om als gespreksleider te vragen")) << body;
    h->send_event(kRoom, "@erik:hs", "m.room.member", {{"membership", "join"}}, "@erik:hs");
    h->send(kRoom, "@erik:hs", "!casus ja 1");
    EXPECT_TRUE(has(h->last_body(), "Je bent gespreksleider"));
    EXPECT_EQ(roles(*h, 1).leider, "@erik:hs");
    EXPECT_EQ(roles(*h, 1).leider_state, "confirmed");
}

TEST(CasusRotation, AnswersAfterTheStartAreRefused) {
    auto h = make_harness(team_config());
    h->send(kRoom, "@anna:hs", "!casus plan over 10 minuten Titel");
    h->advance(std::chrono::minutes(10));
    h->take();
    h->send(kRoom, "@anna:hs", "!casus ja 1");
    EXPECT_TRUE(has(h->last_body(), "al begonnen"));
}
