// The digest's contents on a seeded database: golden files (nl, en), empty weeks, feature
// order, one leader of several teams, each team's own timezone, privacy, rendering.
#include <gtest/gtest.h>

#include "commands/digest/compose.hpp"
#include "commands/digest/digest_config.hpp"
#include "digest_test_fakes.hpp"
#include "matrix/content.hpp"

using namespace dialoog;
using namespace dialoog::testing;
using namespace dialoog::testing::digest_fakes;
using digest::IsoWeek;

namespace {

const char* kTeams =
    "teams:\n"
    "  - name: Team Noord\n"
    "    room: \"!noord:hs\"\n"
    "    leaders: [\"@lea:hs\"]\n"
    "  - name: Team Zuid\n"
    "    room: \"!zuid:hs\"\n"
    "    leaders: [\"@lea:hs\", \"@piet:hs\"]\n"
    "    timezone: Europe/London\n"
    "    digest: {weekday: vrijdag, time: \"16:00\"}\n"
    "  - name: Team Oost\n"
    "    room: \"!oost:hs\"\n"
    "    leaders: [\"@olga:hs\"]\n";

UtcMs wednesday() {
    return local_time("Europe/Amsterdam", 2026, 12, 2, 12, 0);
}

std::unique_ptr<Harness> make(const std::string& extra = "",
                              std::vector<std::unique_ptr<commands::Feature>> more = {}) {
    auto fs = features(std::make_unique<digest::DigestFeature>(), std::make_unique<FakeSessions>(),
                       std::make_unique<Silent>(), std::make_unique<FakeInput>());
    for (auto& f : more) fs.push_back(std::move(f));
    return std::make_unique<Harness>(std::move(fs), base_config(std::string(kTeams) + extra),
                                     wednesday());
}

void add_session(Harness& h, const std::string& team, UtcMs at, const std::string& title,
                 int participants) {
    auto st = h.db().prepare(
        "INSERT INTO fake_sessions(team, at, title, participants) "
        "VALUES(?,?,?,?)");
    st.bind(1, team).bind(2, ms(at)).bind(3, title).bind(4, participants).run();
}

void add_input(Harness& h, const std::string& team, UtcMs at, const std::string& text) {
    auto st = h.db().prepare("INSERT INTO fake_input(team, at, text) VALUES(?,?,?)");
    st.bind(1, team).bind(2, ms(at)).bind(3, text).run();
}

// Week 49 of 2026 (30 November - 6 December), with rows just outside it too.
void seed(Harness& h) {
    add_session(h, "Team Noord", local_time("Europe/Amsterdam", 2026, 12, 1, 10, 0),
                "Terugval na plaatsing", 6);
    add_session(h, "Team Noord", local_time("Europe/Amsterdam", 2026, 12, 3, 14, 0),
                "Stotteren en de werkplekvoorziening", 5);
    add_session(h, "Team Noord", local_time("Europe/Amsterdam", 2026, 11, 29, 23, 30),
                "VORIGE WEEK", 4);
    add_session(h, "Team Noord", local_time("Europe/Amsterdam", 2026, 12, 7, 0, 30),
                "VOLGENDE WEEK", 4);
    // Team Zuid runs on London time: Sunday 23:30 London is Monday 00:30 in Amsterdam.
    add_session(h, "Team Zuid", local_time("Europe/London", 2026, 12, 6, 23, 30),
                "Late sessie in Londen", 7);
    add_session(h, "Team Oost", local_time("Europe/Amsterdam", 2026, 12, 2, 10, 0),
                "GEHEIM VAN OOST", 8);
    add_input(h, "Team Noord", local_time("Europe/Amsterdam", 2026, 12, 2, 9, 0),
              "Ik moest mijn verhaal drie keer vertellen.");
    add_input(h, "Team Noord", local_time("Europe/Amsterdam", 2026, 12, 4, 9, 0),
              "De regels zijn niet gemaakt voor iemand met schulden.");
    add_input(h, "Team Noord", local_time("Europe/Amsterdam", 2026, 12, 5, 9, 0),
              "Derde tekst (niet getoond: max 2).");
    add_input(h, "Team Oost", local_time("Europe/Amsterdam", 2026, 12, 2, 9, 0), "OOST INBRENG");
}

std::string compose_for(Harness& h, const std::string& leader, IsoWeek week,
                        digest::DigestKind kind = digest::DigestKind::Weekly) {
    auto ls = digest::leader_schedule(h.cfg(), leader);
    EXPECT_TRUE(ls);
    return digest::compose_digest(h.services(), *ls, week, kind);
}

}  // namespace

TEST(DigestCompose, GoldenDutch) {
    auto h = make();
    seed(*h);
    auto md = compose_for(*h, "@lea:hs", {2026, 49});
    expect_golden("digest_nl.md", md);
    EXPECT_EQ(md.find("VORIGE WEEK"), std::string::npos);
    EXPECT_EQ(md.find("VOLGENDE WEEK"), std::string::npos);
    EXPECT_EQ(md.find("Oost"), std::string::npos);
    EXPECT_EQ(md.find("Derde tekst"), std::string::npos);
}

TEST(DigestCompose, GoldenEnglishFromLeaderOverride) {
    auto h = make("digest:\n  leaders:\n    \"@lea:hs\": {language: en}\n");
    seed(*h);
    expect_golden("digest_en.md", compose_for(*h, "@lea:hs", {2026, 49}));
}

TEST(DigestCompose, RendersHeadingsListsAndTables) {
    auto h = make();
    seed(*h);
    auto html = matrix::markdown_to_html(compose_for(*h, "@lea:hs", {2026, 49}));
    EXPECT_NE(html.find("<h1>"), std::string::npos);
    EXPECT_NE(html.find("<h2>Team Noord</h2>"), std::string::npos);
    EXPECT_NE(html.find("<h3>"), std::string::npos);
    EXPECT_NE(html.find("<table>"), std::string::npos);
    EXPECT_NE(html.find("<li>"), std::string::npos);
}

TEST(DigestCompose, EmptyWeekShowsEveryTeamAndFeatureSaysNothing) {
    auto h = make();
    seed(*h);
    auto md = compose_for(*h, "@lea:hs", {2026, 40});
    EXPECT_NE(md.find("## Team Noord"), std::string::npos);
    EXPECT_NE(md.find("## Team Zuid"), std::string::npos);
    // Two features with a section, two teams: four times "niets deze week".
    std::size_t n = 0;
    for (auto p = md.find("_niets deze week_"); p != std::string::npos;
         p = md.find("_niets deze week_", p + 1))
        ++n;
    EXPECT_EQ(n, 4u);
}

TEST(DigestCompose, FeatureWithoutSectionShowsNothing) {
    // Only the core and the digest itself: no section at all, the team says so.
    Harness h(features(std::make_unique<digest::DigestFeature>()), base_config(kTeams),
              wednesday());
    auto md = compose_for(h, "@olga:hs", {2026, 49});
    EXPECT_NE(md.find("## Team Oost"), std::string::npos);
    EXPECT_NE(md.find("geen onderdelen"), std::string::npos);
    EXPECT_EQ(md.find("silent"), std::string::npos);
}

TEST(DigestCompose, SectionsInFeatureOrderPerTeam) {
    auto h = make();
    seed(*h);
    auto md = compose_for(*h, "@lea:hs", {2026, 49});
    auto noord = md.find("## Team Noord");
    auto zuid = md.find("## Team Zuid");
    ASSERT_NE(noord, std::string::npos);
    ASSERT_NE(zuid, std::string::npos);
    EXPECT_LT(noord, zuid);  // YAML order
    auto s1 = md.find("### Casusbesprekingen", noord);
    auto s2 = md.find("### Cliëntinbreng", noord);
    EXPECT_LT(s1, s2);
    EXPECT_LT(s2, zuid);
    EXPECT_NE(md.find("### Casusbesprekingen", zuid), std::string::npos);
}

TEST(DigestCompose, EachTeamUsesItsOwnTimezone) {
    auto h = make();
    seed(*h);
    auto md = compose_for(*h, "@lea:hs", {2026, 49});
    // Sunday 23:30 in London belongs to Zuid's week 49 (Amsterdam would say Monday of W50).
    EXPECT_NE(md.find("Late sessie in Londen"), std::string::npos);
    EXPECT_EQ(compose_for(*h, "@lea:hs", {2026, 50}).find("Late sessie"), std::string::npos);
}

TEST(DigestCompose, OnlyTheLeadersOwnTeams) {
    auto h = make();
    seed(*h);
    auto olga = compose_for(*h, "@olga:hs", {2026, 49});
    EXPECT_NE(olga.find("GEHEIM VAN OOST"), std::string::npos);
    EXPECT_EQ(olga.find("Noord"), std::string::npos);
    EXPECT_EQ(olga.find("Terugval"), std::string::npos);
    auto piet = compose_for(*h, "@piet:hs", {2026, 49});
    EXPECT_NE(piet.find("## Team Zuid"), std::string::npos);
    EXPECT_EQ(piet.find("Noord"), std::string::npos);
    EXPECT_FALSE(digest::leader_schedule(h->cfg(), "@anna:hs"));
}

TEST(DigestCompose, FeatureGetsTeamLanguageAndBounds) {
    auto log = std::make_shared<std::vector<commands::DigestRequest>>();
    std::vector<std::unique_ptr<commands::Feature>> more;
    more.push_back(std::make_unique<Recorder>(log));
    auto h = make("", std::move(more));
    compose_for(*h, "@lea:hs", {2026, 53});
    ASSERT_EQ(log->size(), 2u);
    EXPECT_EQ((*log)[0].team->name, "Team Noord");
    EXPECT_EQ((*log)[0].lang, "nl");
    EXPECT_EQ((*log)[0].week_start_ms, ms(local_time("Europe/Amsterdam", 2026, 12, 28, 0, 0)));
    EXPECT_EQ((*log)[0].week_end_ms, ms(local_time("Europe/Amsterdam", 2027, 1, 4, 0, 0)));
    EXPECT_EQ((*log)[1].team->name, "Team Zuid");
    EXPECT_EQ((*log)[1].week_start_ms, ms(local_time("Europe/London", 2026, 12, 28, 0, 0)));
    EXPECT_EQ((*log)[1].week_end_ms, ms(local_time("Europe/London", 2027, 1, 4, 0, 0)));
}

TEST(DigestCompose, BrokenSectionDoesNotStopTheDigest) {
    std::vector<std::unique_ptr<commands::Feature>> more;
    more.push_back(std::make_unique<Broken>());
    auto h = make("", std::move(more));
    seed(*h);
    auto md = compose_for(*h, "@lea:hs", {2026, 49});
    EXPECT_NE(md.find("Terugval na plaatsing"), std::string::npos);
    EXPECT_NE(md.find("Het onderdeel broken kon ik nu niet maken (foutcode "), std::string::npos);
    EXPECT_EQ(md.find("kapot"), std::string::npos);  // no exception text in the message
}

TEST(DigestCompose, SoFarAndYearEndTitles) {
    auto h = make();
    auto so_far = compose_for(*h, "@lea:hs", {2026, 49}, digest::DigestKind::SoFar);
    EXPECT_NE(so_far.find("# Weekoverzicht week 49, 2026 (tot nu toe)"), std::string::npos);
    auto w53 = compose_for(*h, "@lea:hs", {2026, 53});
    EXPECT_NE(w53.find("week 53 (28 december 2026 t/m 3 januari 2027)"), std::string::npos);
}
