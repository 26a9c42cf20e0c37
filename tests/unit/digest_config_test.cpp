// The digest's YAML: team and top-level sections, defaults, errors with line numbers.
#include <gtest/gtest.h>

#include "commands/digest/digest_config.hpp"
#include "digest_test_fakes.hpp"

using namespace dialoog;
using namespace dialoog::testing;

namespace {

config::LoadResult load(const std::string& extra) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "test-token", 0);
    return config::load_config_text(base_config(extra), digest::digest_config_sections(), "<t>");
}

std::string errors_of(const config::LoadResult& r) {
    std::string all;
    for (const auto& e : r.errors) all += e.to_string() + "\n";
    return all;
}

const char* kTeam =
    "teams:\n"
    "  - name: Team Noord\n"
    "    room: \"!noord:hs\"\n"
    "    leaders: [\"@lea:hs\"]\n";

}  // namespace

TEST(DigestConfig, DefaultsMondayHalfNineAmsterdamDutch) {
    auto r = load(kTeam);
    ASSERT_TRUE(r.config) << errors_of(r);
    auto ls = digest::leader_schedule(*r.config, "@lea:hs");
    ASSERT_TRUE(ls);
    EXPECT_EQ(ls->rule.weekday, date::Monday);
    EXPECT_EQ(ls->rule.time_of_day, std::chrono::minutes{8 * 60 + 30});
    EXPECT_EQ(ls->timezone, "Europe/Amsterdam");
    EXPECT_EQ(ls->lang, "nl");
    EXPECT_EQ(digest::digest_spread_ms(*r.config), 3 * 60 * 1000);
    EXPECT_EQ(digest::digest_max_texts(*r.config), 5);
}

TEST(DigestConfig, TeamAndTopLevelKeys) {
    auto r = load(std::string(kTeam) +
                  "    digest: {weekday: friday, time: \"4pm\"}\n"
                  "digest:\n  max_texts: 8\n  spread: 90s\n  leaders:\n"
                  "    \"@lea:hs\": {time: \"07:00\", timezone: Europe/Brussels}\n");
    ASSERT_TRUE(r.config) << errors_of(r);
    auto ls = digest::leader_schedule(*r.config, "@lea:hs");
    EXPECT_EQ(ls->rule.weekday, date::Friday);
    EXPECT_EQ(ls->rule.time_of_day, std::chrono::minutes{7 * 60});
    EXPECT_EQ(ls->timezone, "Europe/Brussels");
    EXPECT_EQ(digest::digest_spread_ms(*r.config), 90'000);
    EXPECT_EQ(digest::digest_max_texts(*r.config), 8);
}

TEST(DigestConfig, ErrorsNameKeyAndLine) {
    auto r = load(std::string(kTeam) +
                  "    digest: {weekday: zaterdagochtend, time: \"25:00\", when: now}\n"
                  "digest:\n  spread: 2h\n  max_texts: -1\n  leaders:\n"
                  "    \"lea\": {language: de, timezone: Mars/Olympus}\n");
    EXPECT_FALSE(r.config);
    auto all = errors_of(r);
    EXPECT_NE(all.find("line 13: teams[0].digest.weekday: must be a weekday"), std::string::npos)
        << all;
    EXPECT_NE(all.find("teams[0].digest.time: must be a time of day"), std::string::npos) << all;
    EXPECT_NE(all.find("teams[0].digest.when: unknown key"), std::string::npos) << all;
    EXPECT_NE(all.find("digest.spread: must be a duration up to 1h"), std::string::npos) << all;
    EXPECT_NE(all.find("digest.max_texts: must be a number"), std::string::npos) << all;
    EXPECT_NE(all.find("digest.leaders.lea: must be a Matrix user ID"), std::string::npos) << all;
    EXPECT_NE(all.find("digest.leaders.lea.language: must be nl or en"), std::string::npos) << all;
    EXPECT_NE(all.find("digest.leaders.lea.timezone: unknown time zone"), std::string::npos) << all;
}

TEST(DigestConfig, LeadersInYamlOrderOnce) {
    auto r = load(
        "teams:\n"
        "  - {name: A, room: \"!a:hs\", leaders: [\"@b:hs\", \"@a:hs\"]}\n"
        "  - {name: B, room: \"!b:hs\", leaders: [\"@a:hs\", \"@c:hs\"]}\n");
    ASSERT_TRUE(r.config) << errors_of(r);
    EXPECT_EQ(digest::digest_leaders(*r.config),
              (std::vector<std::string>{"@b:hs", "@a:hs", "@c:hs"}));
}

// Each of weekday and time is checked on its own (with the default of the other), so that is
// how they are read: a weekday and a time that each pass combine. The old reader pasted the two
// texts together and, when the result did not parse, fell back to Monday 08:30 in silence.
TEST(DigestConfig, WeekdayAndTimeThatPassCombine) {
    auto r = load(std::string(kTeam) +
                  "    digest: {weekday: \"wekelijks vrijdag\", time: \"16:00 wekelijks\"}\n");
    ASSERT_TRUE(r.config) << errors_of(r);
    auto ls = digest::leader_schedule(*r.config, "@lea:hs");
    ASSERT_TRUE(ls);
    EXPECT_EQ(ls->rule.weekday, date::Friday);
    EXPECT_EQ(ls->rule.time_of_day, std::chrono::minutes{16 * 60});
    EXPECT_EQ(ls->rule.every_weeks, 1u);

    // A leader's time with the team's weekday, likewise.
    auto mixed = load(std::string(kTeam) +
                      "    digest: {weekday: \"vrijdag om\"}\n"
                      "digest:\n  leaders:\n    \"@lea:hs\": {time: \"om 07:15\"}\n");
    ASSERT_TRUE(mixed.config) << errors_of(mixed);
    auto ml = digest::leader_schedule(*mixed.config, "@lea:hs");
    ASSERT_TRUE(ml);
    EXPECT_EQ(ml->rule.weekday, date::Friday);
    EXPECT_EQ(ml->rule.time_of_day, std::chrono::minutes{7 * 60 + 15});
}

// The reader is the validator: values the check refuses are reported and not read (the old
// reader capped a 2h spread to 1h, took max_texts: 80 and a leader's language "de").
TEST(DigestConfig, RefusedValuesAreNotRead) {
    config::ErrorSink sink;
    auto top = digest::parse_digest_section(
        YAML::Load("{spread: 2h, max_texts: 80, leaders: {\"@lea:hs\": {language: de, "
                   "timezone: Mars/Olympus, time: \"07:00\"}}}"),
        "digest", sink);
    EXPECT_EQ(sink.errors().size(), 4u);
    EXPECT_EQ(top.spread_ms, digest::kDefaultSpreadMs);
    EXPECT_EQ(top.max_texts, digest::kDefaultMaxTexts);
    ASSERT_EQ(top.leaders.count("@lea:hs"), 1u);
    const auto& lea = top.leaders.at("@lea:hs");
    EXPECT_FALSE(lea.language);
    EXPECT_FALSE(lea.timezone);
    EXPECT_EQ(lea.tz, nullptr);
    EXPECT_EQ(lea.time, std::chrono::minutes{7 * 60});
    config::ErrorSink none;
    auto d = digest::parse_digest_section(YAML::Node(YAML::NodeType::Undefined), "digest", none);
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(d.spread_ms, 3 * 60 * 1000);
    EXPECT_TRUE(d.leaders.empty());
}
