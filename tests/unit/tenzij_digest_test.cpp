// The "Alles kan, tenzij…" section of the weekly digest.
#include <gtest/gtest.h>

#include "commands/tenzij/besluit_log.hpp"
#include "commands/tenzij/tenzij_feature.hpp"
#include "storage/tenzij/besluiten.hpp"
#include "support/harness.hpp"

using namespace dialoog;
using namespace dialoog::testing;

namespace {

const std::string kRoom = "!team:hs";
const std::string kLeader = "@leider:hs";
constexpr std::int64_t kDay = 24LL * 3600 * 1000;

std::string yaml_config(const std::string& lang = "nl") {
    return base_config(
        "teams:\n  - name: Team Noord\n    room: \"!team:hs\"\n    leaders: "
        "[\"@leider:hs\"]\n    language: " +
        lang + "\n");
}

struct Fixture {
    explicit Fixture(const std::string& lang = "nl") {
        std::vector<std::unique_ptr<commands::Feature>> v;
        auto f = std::make_unique<tenzij::TenzijFeature>();
        feature = f.get();
        v.push_back(std::move(f));
        h = std::make_unique<Harness>(std::move(v), yaml_config(lang));
        h->join_room(kRoom, {kLeader, "@anna:hs"});
        h->take();
    }
    // The week that started 2 days ago.
    std::string digest(std::int64_t offset_days = 0) {
        commands::DigestRequest req;
        req.team = h->cfg().team_by_name("Team Noord");
        req.lang = req.team->language;
        req.week_start_ms = start + (offset_days - 2) * kDay;
        req.week_end_ms = req.week_start_ms + 7 * kDay;
        return feature->digest_section(h->services(), req);
    }
    tenzij::TenzijFeature* feature = nullptr;
    std::unique_ptr<Harness> h;
    std::int64_t start = 1'795'000'000'000;
};

bool has(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST(TenzijDigest, EmptyWeekSaysNothingThisWeek) {
    Fixture f;
    auto md = f.digest();
    EXPECT_TRUE(has(md, "### Alles kan, tenzij")) << md;
    EXPECT_TRUE(has(md, "Niets deze week")) << md;
    Fixture en("en");
    EXPECT_TRUE(has(en.digest(), "Nothing this week"));
}

TEST(TenzijDigest, NudgesDecisionsDueOverdueNotesAndOutcomes) {
    Fixture f;
    auto& h = *f.h;
    // Two nudges, one followed by a decision in its thread.
    auto nudged = h.send(kRoom, kLeader, "Dat kan niet, past niet in het beleid.");
    h.send_in_thread(kRoom, kLeader, "!besluit Voorziening aanvragen tenzij de arts twijfelt",
                     nudged);
    h.clock().advance(std::chrono::hours(25));
    h.send(kRoom, kLeader, "Nee, dat mag niet.");
    // A decision with a follow-up in 3 days, one with a note and an outcome, and an old one
    // that is overdue (inserted as another feature would).
    h.send(kRoom, "@anna:hs", "!besluit Werkgever bellen opvolging over 3 dagen");
    h.send(kRoom, "@anna:hs", "!opvolging 1 Arts gebeld, positief");
    h.send(kRoom, "@anna:hs", "!besluit 1 uitkomst Meneer start maandag met de aanpassing");
    tenzij::record_besluit(h.db(),
                           {"Team Noord", "Oud besluit", std::string("pas als het kan"), "@anna:hs",
                            f.start - 20 * kDay, "casus:3", f.start - 40 * kDay, std::nullopt});
    h.take();

    auto md = f.digest();
    EXPECT_TRUE(has(md, "Tenzij-vragen gesteld: **2**; daarna vastgelegd als besluit: **1**"))
        << md;
    EXPECT_TRUE(has(md, "Nieuwe besluiten: **2**")) << md;
    EXPECT_TRUE(has(md, "**Opvolging verlopen**")) << md;
    EXPECT_TRUE(has(md, "Oud besluit _(tenzij pas als het kan)_")) << md;
    EXPECT_TRUE(has(md, "**Opvolging in de komende 7 dagen**")) << md;
    EXPECT_TRUE(has(md, "Werkgever bellen")) << md;
    EXPECT_TRUE(has(md, "**Overige open besluiten (1)**")) << md;
    EXPECT_TRUE(has(md, "Voorziening aanvragen _(tenzij de arts twijfelt)_")) << md;
    EXPECT_TRUE(has(md, "#1 (notitie): Arts gebeld, positief")) << md;
    EXPECT_TRUE(has(md, "**Uitkomsten voor de cliënt**")) << md;
    EXPECT_TRUE(has(md, "Meneer start maandag met de aanpassing")) << md;
    EXPECT_TRUE(has(md, "@leider:hs")) << md;  // owner shown
    EXPECT_FALSE(has(md, "Niets deze week")) << md;

    // A follow-up note after the date takes a decision off the overdue list.
    h.send(kRoom, "@anna:hs", "!opvolging 3 Toch nog gedaan");
    h.take();
    auto later = f.digest();
    EXPECT_FALSE(has(later, "**Opvolging verlopen**")) << later;

    // The next-but-one week still lists what is open, but no nudges or notes of this week.
    auto next = f.digest(14);
    EXPECT_FALSE(has(next, "Tenzij-vragen")) << next;
    EXPECT_TRUE(has(next, "**Opvolging verlopen**")) << next;  // #2 is past due by then
}
