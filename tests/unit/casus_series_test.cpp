// Recurring series (!casus reeks and YAML casus.series): the next session is always planned,
// and a weekly Tuesday 09:00 Europe/Amsterdam series starts at 09:00 local on both sides of
// both DST changes, without a restart.
#include <gtest/gtest.h>

#include "casus_test_support.hpp"

using namespace casus_test;

namespace {

std::int64_t start_of(Harness& h, int id) {
    auto st = h.db().prepare("SELECT start_at FROM casus WHERE id=?");
    st.bind(1, id);
    return st.step() ? st.column_int(0) : 0;
}

/// Runs the start job of the planned session `id` (at its start) and returns the next id.
void run_start(Harness& h, int id) {
    h.clock().set(from_epoch_ms(start_of(h, id)));
    h.fire_jobs();
    h.take();
}

}  // namespace

TEST(CasusSeries, WeeklyTuesdayAcrossSpringDst) {
    auto h = make_harness(team_config(), "2026-03-20T10:00");  // Friday
    h->send(kRoom, "@anna:hs", "!casus reeks dinsdag 09:00");
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 2u) << joined(b);
    EXPECT_TRUE(has(b[0], "Reeks #1 staat: Casusbespreking, elke dinsdag om 09:00")) << b[0];
    EXPECT_TRUE(has(b[1], "#1 Casusbespreking op di 24 mrt 09:00")) << b[1];
    EXPECT_TRUE(has(b[1], "wil jij de inbrenger zijn")) << b[1];
    EXPECT_EQ(start_of(*h, 1), at("2026-03-24T08:00Z"));  // winter time, UTC+1
    run_start(*h, 1);
    EXPECT_EQ(start_of(*h, 2), at("2026-03-31T07:00Z"));  // summer time, UTC+2: still 09:00
    EXPECT_EQ(start_of(*h, 2), at("2026-03-31T09:00"));
    run_start(*h, 2);
    EXPECT_EQ(start_of(*h, 3), at("2026-04-07T09:00"));
}

TEST(CasusSeries, WeeklyTuesdayAcrossAutumnDst) {
    auto h = make_harness(team_config(), "2026-10-16T10:00");
    h->send(kRoom, "@anna:hs", "!casus reeks tuesday 9am Intervisie-uur");
    h->take();
    EXPECT_EQ(start_of(*h, 1), at("2026-10-20T07:00Z"));  // summer time
    run_start(*h, 1);
    EXPECT_EQ(start_of(*h, 2), at("2026-10-27T08:00Z"));  // winter time: still 09:00 local
    EXPECT_EQ(start_of(*h, 2), at("2026-10-27T09:00"));
}

TEST(CasusSeries, EveryTwoWeeksWithMethodAndTitle) {
    auto h = make_harness(team_config(), "2026-03-20T10:00");
    h->send(kRoom, "@anna:hs", "!casus reeks woensdag 14:00 elke 2 weken methode roddel Roddeluur");
    h->take();
    EXPECT_EQ(start_of(*h, 1), at("2026-03-25T14:00"));
    run_start(*h, 1);
    EXPECT_EQ(start_of(*h, 2), at("2026-04-08T14:00"));
    auto st = h->db().prepare("SELECT method, title, reeks_id FROM casus WHERE id=2");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.column_text(0), "roddelmethode");
    EXPECT_EQ(st.column_text(1), "Roddeluur");
    EXPECT_EQ(st.column_int(2), 1);
}

TEST(CasusSeries, CancelOrMissPlansTheNext) {
    auto h = make_harness(team_config(), "2026-03-20T10:00");
    h->send(kRoom, "@anna:hs", "!casus reeks dinsdag 09:00");
    h->take();
    h->send(kRoom, "@anna:hs", "!casus annuleer 1");
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 2u) << joined(b);
    EXPECT_TRUE(has(b[1], "#2")) << b[1];
    EXPECT_EQ(start_of(*h, 2), at("2026-03-31T09:00"));
    // Down over the start of #2 for more than an hour: missed, reported, #3 planned.
    h->clock().set(utc("2026-03-31T11:00"));
    h->fire_jobs();
    b = bodies(*h);
    ASSERT_EQ(b.size(), 2u) << joined(b);
    EXPECT_TRUE(has(b[0], "niet doorgegaan")) << b[0];
    EXPECT_EQ(start_of(*h, 3), at("2026-04-07T09:00"));
}

TEST(CasusSeries, ListAndStop) {
    auto h = make_harness(team_config(), "2026-03-20T10:00");
    h->send(kRoom, "@anna:hs", "!casus reeks");
    EXPECT_TRUE(has(h->last_body(), "geen reeksen"));
    h->send(kRoom, "@anna:hs", "!casus reeks maandag 10:00 elke 3 weken Teamleren");
    h->take();
    h->send(kRoom, "@anna:hs", "!casus reeks");
    auto body = h->last_body();
    EXPECT_TRUE(has(body, "Reeks #1: Teamleren, elke 3 weken op maandag om 10:00")) << body;
    EXPECT_TRUE(has(body, "volgende: #1 op ma 23 mrt 10:00")) << body;
    h->send(kRoom, "@anna:hs", "!casus reeks stop 1");
    body = h->last_body();
    EXPECT_TRUE(has(body, "gestopt")) << body;
    EXPECT_TRUE(has(body, "!casus annuleer 1")) << body;
    run_start(*h, 1);
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus"), 1);  // nothing new planned
    h->send(kRoom, "@anna:hs", "!casus reeks stop 1");
    EXPECT_TRUE(has(h->last_body(), "vind ik niet"));
    h->send(kRoom, "@anna:hs", "!casus reeks stop");
    EXPECT_TRUE(has(h->last_body(), "!casus reeks stop 3"));
}

TEST(CasusSeries, OnlyTheStarterOrALeaderStopsASeries) {
    auto h = make_harness(team_config(), "2026-03-20T10:00");
    h->send(kRoom, "@anna:hs", "!casus reeks maandag 10:00 Teamleren");
    h->send(kRoom, "@anna:hs", "!casus reeks dinsdag 10:00 Intervisie");
    h->take();
    h->send(kRoom, "@bob:hs", "!casus reeks stop 1");
    EXPECT_TRUE(has(h->last_body(), "alleen gestopt worden")) << h->last_body();
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_reeks WHERE active=1"), 2);
    h->send(kRoom, "@anna:hs", "!casus reeks stop 1");  // the starter
    EXPECT_TRUE(has(h->last_body(), "gestopt")) << h->last_body();
    h->send(kRoom, kLeider, "!casus reeks stop 2");  // a leader
    EXPECT_TRUE(has(h->last_body(), "gestopt")) << h->last_body();
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_reeks WHERE active=1"), 0);
}

TEST(CasusSeries, RuleErrorsStoreNothing) {
    auto h = make_harness(team_config());
    h->send(kRoom, "@anna:hs", "!casus reeks dinsdag 25:00");
    EXPECT_TRUE(has(h->last_body(), "25:00"));
    h->send(kRoom, "@anna:hs", "!casus reeks 09:00 Titel");
    EXPECT_TRUE(has(h->last_body(), "Op welke dag"));
    h->send(kRoom, "@anna:hs", "!casus reeks dinsdag Titel");
    EXPECT_TRUE(has(h->last_body(), "Hoe laat"));
    h->send(kRoom, "@anna:hs", "!casus reeks dinsdag 9:00 elke 0 weken");
    EXPECT_TRUE(has(h->last_body(), "1 tot 52 weken"));
    h->send(kRoom, "@anna:hs", "!casus reeks volgende keer");
    EXPECT_TRUE(has(h->last_body(), "volgende"));
    h->send(kRoom, "@anna:hs", "!casus reeks dinsdag 9:00 inbrenger @anna:hs Titel");
    EXPECT_TRUE(has(h->last_body(), "wisselen"));
    h->send(kRoom, "@anna:hs", "!casus reeks dinsdag 9:00 methode nope Titel");
    EXPECT_TRUE(has(h->last_body(), "ken ik niet"));
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_reeks"), 0);
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus"), 0);
}

TEST(CasusSeries, YamlSeriesArePlannedAtStart) {
    const std::string cfg = team_config(
        "    casus:\n      method: vijfstappenmethode\n      series:\n"
        "        - when: \"dinsdag 09:00 elke 2 weken\"\n          title: Casusuur\n"
        "        - when: \"vrijdag 13:00\"\n          method: balintmethode\n");
    auto h = make_harness(cfg, "2026-03-20T10:00", false);
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus_reeks WHERE source='yaml' AND active=1"), 2);
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM casus WHERE status='planned'"), 2);
    auto st = h->db().prepare("SELECT title, method, start_at FROM casus ORDER BY id");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.column_text(0), "Casusuur");
    EXPECT_EQ(st.column_text(1), "vijfstappenmethode");
    EXPECT_EQ(st.column_int(2), at("2026-03-24T09:00"));
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.column_text(0), "Casusbespreking");
    EXPECT_EQ(st.column_text(1), "balintmethode");
    EXPECT_EQ(st.column_int(2), at("2026-03-20T13:00"));  // later today
    // YAML series cannot be stopped from chat.
    h->join_room(kRoom, kMembers, {{kLeider, 50}});
    h->take();
    h->send(kRoom, kLeider, "!casus reeks stop 1");
    EXPECT_TRUE(has(h->last_body(), "configuratie"));
}
