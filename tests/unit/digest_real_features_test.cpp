// The digest with the real inbreng and tenzij features (as far as they are committed): their
// sections appear per team, in feature order, with their own "niets deze week" for empty
// weeks, and one team's decisions never reach another team's leader.
#include <gtest/gtest.h>

#include <sstream>

#include "commands/digest/compose.hpp"
#include "commands/digest/digest_config.hpp"
#include "commands/digest/export_csv.hpp"
#include "commands/inbreng/inbreng_feature.hpp"
#include "commands/tenzij/tenzij_feature.hpp"
#include "digest_test_fakes.hpp"
#include "storage/inbreng/inputs.hpp"

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

// `!overzicht export` carries the real features' figures: client input under the k = 5 rule
// ("< 5" for 1..4, a number from 5), decisions as plain counts; only the leader's own team.
TEST(DigestRealFeatures, ExportHasInbrengAndTenzijFigures) {
    auto h = make();
    h->join_room("!noord:hs", {"@lea:hs", "@anna:hs"});
    h->join_room("!oost:hs", {"@olga:hs", "@bert:hs"});
    h->send("!noord:hs", "@anna:hs", "!besluit Werkgever bellen opvolging over 3 dagen");
    h->send("!oost:hs", "@bert:hs", "!besluit Plan van Oost opvolging over 3 dagen");
    inbreng::Inputs inputs(h->db());
    for (int i = 0; i < 2; ++i)
        inputs.insert({"Team Noord",
                       "2026-W49",
                       20'000,
                       {"drempels"},
                       "Verhaal " + std::to_string(i),
                       "hash-n" + std::to_string(i)});
    for (int i = 0; i < 6; ++i)
        inputs.insert({"Team Oost",
                       "2026-W49",
                       20'000,
                       {},
                       "Verhaal " + std::to_string(i),
                       "hash-o" + std::to_string(i)});
    h->take();
    const std::string csv = digest::digest_export_csv(h->services(), "@lea:hs", "");
    std::istringstream lines(csv);
    std::string header, row, wanted;
    std::getline(lines, header);
    for (std::string line; std::getline(lines, line);)
        if (line.find("2026-W49") != std::string::npos) row = line;
    ASSERT_FALSE(row.empty()) << csv;
    EXPECT_NE(header.find("inbreng_ontvangen"), std::string::npos) << header;
    EXPECT_NE(header.find("besluiten_nieuw"), std::string::npos) << header;
    EXPECT_EQ(csv.find("Team Oost"), std::string::npos) << csv;
    // Column by column: split both on commas (no quoted commas in these cells).
    auto split = [](const std::string& s) {
        std::vector<std::string> out;
        std::string cell;
        std::istringstream in(s);
        while (std::getline(in, cell, ',')) out.push_back(cell);
        return out;
    };
    auto names = split(header);
    auto cells = split(row);
    ASSERT_EQ(names.size(), cells.size()) << header << "\n" << row;
    auto cell = [&](const std::string& name) {
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == name) return cells[i];
        return std::string("<missing " + name + ">");
    };
    EXPECT_EQ(cell("inbreng_ontvangen"), "< 5");
    EXPECT_EQ(cell("inbreng_thema_drempels"), "< 5");
    EXPECT_EQ(cell("inbreng_thema_dagelijks"), "0");
    EXPECT_EQ(cell("besluiten_nieuw"), "1");
    EXPECT_EQ(cell("besluiten_open_einde_week"), "1");

    // Olga's team has 6 inputs that week: a number, not "< 5".
    const std::string oost = digest::digest_export_csv(h->services(), "@olga:hs", "");
    EXPECT_NE(oost.find(",6,"), std::string::npos) << oost;
}
