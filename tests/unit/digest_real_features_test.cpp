// The digest with the real inbreng and tenzij features (as far as they are committed): their
// sections appear per team, in feature order, with their own "niets deze week" for empty
// weeks, and one team's decisions never reach another team's leader.
#include <gtest/gtest.h>

#include "commands/digest/compose.hpp"
#include "commands/digest/digest_config.hpp"
#include "commands/inbreng/inbreng_feature.hpp"
#include "commands/tenzij/tenzij_feature.hpp"
#include "digest_test_fakes.hpp"

using namespace dialoog;
using namespace dialoog::testing;
using namespace dialoog::testing::digest_fakes;

namespace {

const char* kTeams =
    "teams:\n"
    "  - name: Team Noord\n"
    "    room: \"!noord:hs\"\n"
    "    leaders: [\"@lea:hs\"]\n"
    "  - name: Team Oost\n"
    "    room: \"!oost:hs\"\n"
    "    leaders: [\"@olga:hs\"]\n";

std::unique_ptr<Harness> make() {
    // The order of bot/features.cpp, with the digest last.
    return std::make_unique<Harness>(features(std::make_unique<inbreng::InbrengFeature>(),
                                              std::make_unique<tenzij::TenzijFeature>(),
                                              std::make_unique<digest::DigestFeature>()),
                                     base_config(kTeams),
                                     local_time("Europe/Amsterdam", 2026, 12, 1, 10, 0));
}

std::string digest_of(Harness& h, const std::string& leader, digest::IsoWeek w) {
    return digest::compose_digest(h.services(), *digest::leader_schedule(h.cfg(), leader), w);
}

}  // namespace

TEST(DigestRealFeatures, EmptyWeekShowsEachSectionWithNothing) {
    auto h = make();
    auto md = digest_of(*h, "@lea:hs", {2026, 48});
    auto inbreng = md.find("### Verhalen van cliënten");
    auto tenzij = md.find("### Alles kan, tenzij");
    ASSERT_NE(inbreng, std::string::npos) << md;
    ASSERT_NE(tenzij, std::string::npos) << md;
    EXPECT_LT(inbreng, tenzij);
    EXPECT_NE(md.find("iets deze week"), std::string::npos) << md;
}

TEST(DigestRealFeatures, DecisionsReachOnlyTheirOwnLeader) {
    auto h = make();
    h->join_room("!noord:hs", {"@lea:hs", "@anna:hs"});
    h->join_room("!oost:hs", {"@olga:hs", "@bert:hs"});
    h->send("!noord:hs", "@anna:hs", "!besluit Werkgever bellen opvolging over 3 dagen");
    h->send("!oost:hs", "@bert:hs", "!besluit Geheim plan van Oost opvolging over 3 dagen");
    h->take();
    // Monday 7 December 08:30: the digest of week 49 in each leader's DM.
    h->clock().set(local_time("Europe/Amsterdam", 2026, 12, 7, 8, 30));
    h->fire_jobs();
    std::string lea, olga;
    for (const auto& m : h->take()) {
        if (m.kind != "dm") continue;
        (m.target_user == "@lea:hs" ? lea : olga) += m.body();
    }
    EXPECT_NE(lea.find("Werkgever bellen"), std::string::npos) << lea;
    EXPECT_EQ(lea.find("Geheim plan"), std::string::npos) << lea;
    EXPECT_NE(olga.find("Geheim plan van Oost"), std::string::npos) << olga;
    EXPECT_EQ(olga.find("Werkgever"), std::string::npos) << olga;
}
