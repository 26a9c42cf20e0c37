// The casus section of the weekly digest: held, planned and missed sessions, lessons and
// actions of one team's ISO week; "Niets deze week" when empty; English for English teams.
#include <gtest/gtest.h>

#include <map>

#include "casus_test_support.hpp"
#include "lib/wanneer/recurrence.hpp"

using namespace casus_test;
using std::chrono::minutes;

namespace {

commands::DigestRequest week_of(Harness& h, const std::string& local, const std::string& lang) {
    const auto* team = &h.cfg().teams[0];
    auto w = wanneer::iso_week_of(utc(local), team->tz);
    auto b = wanneer::iso_week_bounds(w, team->tz);
    return commands::DigestRequest{team, lang, b->first.time_since_epoch().count(),
                                   b->second.time_since_epoch().count()};
}

}  // namespace

TEST(CasusDigest, HeldPlannedMissedLessonsActions) {
    auto h = make_harness(team_config(), "2026-03-23T08:00");  // Monday
    casus::CasusFeature f;
    EXPECT_TRUE(has(f.digest_section(h->services(), week_of(*h, "2026-03-23T12:00", "nl")),
                    "Niets deze week"));
    h->send(kRoom, kLeider, "!casus plan vandaag 10:00 inbrenger @anna:hs Gehouden casus");
    h->send(kRoom, kLeider, "!casus plan dinsdag 10:00 Gemiste casus");
    h->send(kRoom, kLeider, "!casus plan vrijdag 10:00 methode balint Geplande casus");
    h->send(kRoom, kLeider, "!casus plan 1-4 10:00 Volgende week");
    h->take();
    // #1 runs and closes with a lesson, an action and two participants.
    h->clock().set(utc("2026-03-23T10:00"));
    h->fire_jobs();
    // The weekly intervision prompt (Monday 09:00) is posted in the same run: find the root.
    auto root = event_with_ref(echo(*h), "casus:1");
    h->send_in_thread(kRoom, "@anna:hs", "!les Eerst luisteren", root);
    h->send_in_thread(kRoom, "@bob:hs", "!actie Werkgever bellen @anna:hs vrijdag", root);
    h->send_in_thread(kRoom, "@bob:hs", "!casus afronden", root);
    // #2 is missed: the bot is down from Monday until Tuesday noon.
    h->clock().set(utc("2026-03-24T12:00"));
    h->fire_jobs();
    h->take();
    auto md = f.digest_section(h->services(), week_of(*h, "2026-03-25T12:00", "nl"));
    EXPECT_TRUE(has(md, "### Casusbesprekingen")) << md;
    EXPECT_TRUE(has(md,
                    "**Gehouden**\n\n- #1 **Gehouden casus** (ma 23 mrt 10:00, "
                    "Incidentmethode, 2 deelnemers)"))
        << md;
    EXPECT_TRUE(has(md, "**Gepland**\n\n- #3 **Geplande casus** (vr 27 mrt 10:00, Balintmethode)"))
        << md;
    EXPECT_TRUE(has(md, "**Gemist**\n\n- #2 **Gemiste casus**")) << md;
    EXPECT_TRUE(has(md, "- Eerst luisteren (#1)")) << md;
    EXPECT_TRUE(has(md, "- Werkgever bellen — @anna:hs, opvolgen op 27 mrt 2026 (#1)")) << md;
    EXPECT_FALSE(has(md, "Volgende week")) << md;
    auto en = f.digest_section(h->services(), week_of(*h, "2026-03-25T12:00", "en"));
    EXPECT_TRUE(has(en, "### Case discussions")) << en;
    EXPECT_TRUE(has(en, "2 participants")) << en;
    auto next = f.digest_section(h->services(), week_of(*h, "2026-04-01T12:00", "nl"));
    EXPECT_TRUE(has(next, "Volgende week")) << next;

    // The same week as export figures (counts only).
    std::map<std::string, std::int64_t> fig;
    for (const auto& x : f.digest_figures(h->services(), week_of(*h, "2026-03-25T12:00", "nl")))
        fig[x.column] = x.value;
    EXPECT_EQ(fig["casus_gehouden"], 1);
    EXPECT_EQ(fig["casus_gepland"], 1);
    EXPECT_EQ(fig["casus_gemist"], 1);
    EXPECT_EQ(fig["casus_deelnemers"], 2);
    EXPECT_EQ(fig["casus_lessen"], 1);
    EXPECT_EQ(fig["casus_acties"], 1);
    EXPECT_EQ(fig.size(), 6u);
    fig.clear();
    for (const auto& x : f.digest_figures(h->services(), week_of(*h, "2026-04-01T12:00", "nl")))
        fig[x.column] = x.value;
    EXPECT_EQ(fig["casus_gepland"], 1);
    EXPECT_EQ(fig["casus_gehouden"], 0);
    EXPECT_EQ(fig.size(), 6u) << "the same columns every week";
}
