// The `nudge:` YAML section: window and pattern additions/removals, with errors that name the
// key and line (a bad PCRE2 pattern is a config error, never a crash).
#include <gtest/gtest.h>

#include <algorithm>

#include "commands/tenzij/tenzij_config.hpp"
#include "commands/tenzij/tenzij_feature.hpp"
#include "support/harness.hpp"

using namespace dialoog;
using namespace dialoog::testing;

namespace {

const std::string kTeam =
    "teams:\n  - name: Team Noord\n    room: \"!team:hs\"\n    leaders: [\"@leider:hs\"]\n";

config::LoadResult load(const std::string& nudge_yaml) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "test-token", 0);
    tenzij::TenzijFeature f;
    return config::load_config_text(base_config(nudge_yaml + kTeam), f.config_sections(), "<test>");
}

const config::ConfigError* find(const config::LoadResult& r, const std::string& key) {
    for (const auto& e : r.errors)
        if (e.key == key) return &e;
    return nullptr;
}

std::string all(const config::LoadResult& r) {
    std::string s;
    for (const auto& e : r.errors) s += e.to_string() + "\n";
    return s;
}

std::vector<std::unique_ptr<commands::Feature>> tenzij_only() {
    std::vector<std::unique_ptr<commands::Feature>> v;
    v.push_back(std::make_unique<tenzij::TenzijFeature>());
    return v;
}

}  // namespace

TEST(TenzijConfig, DefaultsWithoutSection) {
    auto r = load("");
    ASSERT_TRUE(r.config) << all(r);
    const auto& s = r.config->section(tenzij::kNudgeSection);
    EXPECT_EQ(s.window_ms, 24LL * 3600 * 1000);
    EXPECT_TRUE(s.patterns.add.empty());
    EXPECT_TRUE(s.patterns.remove_ids.empty());
    // The detector is compiled at load, from the built-in patterns.
    ASSERT_TRUE(s.detector);
    EXPECT_EQ(s.detector->patterns().size(), tenzij::NudgeDetector::default_patterns().size());
}

TEST(TenzijConfig, ValidSectionIsRead) {
    auto r = load(
        "nudge:\n  window: 12h\n  patterns:\n    add:\n      - id: nl.geen_plek\n        "
        "language: nl\n        pcre: \"\\\\bgeen plek\\\\b\"\n    remove: [nl.kan_niet]\n");
    auto defaults = tenzij::NudgeDetector::default_patterns();
    bool has_kan_niet = false;
    for (const auto& p : defaults) has_kan_niet |= p.id == "nl.kan_niet";
    if (!has_kan_niet) GTEST_SKIP() << "built-in ids changed";
    ASSERT_TRUE(r.config) << all(r);
    const auto& s = r.config->section(tenzij::kNudgeSection);
    EXPECT_EQ(s.window_ms, 12LL * 3600 * 1000);
    ASSERT_EQ(s.patterns.add.size(), 1u);
    EXPECT_EQ(s.patterns.add[0].id, "nl.geen_plek");
    EXPECT_EQ(s.patterns.add[0].pcre, "\\bgeen plek\\b");
    EXPECT_EQ(s.patterns.remove_ids, std::vector<std::string>{"nl.kan_niet"});
    ASSERT_TRUE(s.detector);
    EXPECT_TRUE(s.detector->detect("Er is geen plek voor die cursus."));
}

TEST(TenzijConfig, BadPcreIsAnErrorWithKeyAndLine) {
    auto r = load(
        "nudge:\n  patterns:\n    add:\n      - id: nl.kapot\n        language: nl\n        "
        "pcre: \"(geen plek\"\n");
    EXPECT_FALSE(r.config);
    auto* e = find(r, "nudge.patterns.add[0].pcre");
    ASSERT_NE(e, nullptr) << all(r);
    EXPECT_GT(e->line, 0);
    EXPECT_NE(e->message.find("PCRE2"), std::string::npos);
    // The harness refuses such a config (it would otherwise start the bot).
    EXPECT_THROW(Harness(tenzij_only(),
                         base_config("nudge:\n  patterns:\n    add:\n      - {id: x.y, language: "
                                     "nl, pcre: \"[\"}\n" +
                                     kTeam)),
                 std::runtime_error);
}

TEST(TenzijConfig, UnknownKeysAndBadValues) {
    auto r = load("nudge:\n  windw: 24h\n");
    auto* e = find(r, "nudge.windw");
    ASSERT_NE(e, nullptr) << all(r);
    const auto base = base_config();
    const int nudge_line = static_cast<int>(std::count(base.begin(), base.end(), '\n')) + 1;
    EXPECT_EQ(e->line, nudge_line + 1);
    EXPECT_NE(e->message.find("unknown key"), std::string::npos);

    EXPECT_NE(find(load("nudge:\n  window: soms\n"), "nudge.window"), nullptr);
    EXPECT_NE(find(load("nudge:\n  window: 0s\n"), "nudge.window"), nullptr);
    EXPECT_NE(find(load("nudge:\n  patterns:\n    weg: [a]\n"), "nudge.patterns.weg"), nullptr);
    EXPECT_NE(find(load("nudge:\n  patterns:\n    remove: [nl.bestaat_niet]\n"),
                   "nudge.patterns.remove[0]"),
              nullptr);
    EXPECT_NE(find(load("nudge:\n  patterns:\n    add:\n      - id: nl.x\n        pcre: x\n"),
                   "nudge.patterns.add[0].language"),
              nullptr);
    EXPECT_NE(find(load("nudge:\n  patterns:\n    add: nl.x\n"), "nudge.patterns.add"), nullptr);
    EXPECT_NE(find(load("nudge: [1, 2]\n"), "nudge"), nullptr);
    EXPECT_TRUE(load("nudge:\n").config);
}

TEST(TenzijConfig, AddedAndRemovedPatternsWorkThroughTheHandler) {
    Harness h(tenzij_only(),
              base_config("nudge:\n  patterns:\n    add:\n      - id: nl.geen_plek\n        "
                          "language: nl\n        pcre: \"\\\\bgeen plek voor\\\\b\"\n" +
                          kTeam));
    h.join_room("!team:hs", {"@leider:hs"});
    h.take();
    h.send("!team:hs", "@leider:hs", "Er is geen plek voor die cursus.");
    EXPECT_NE(h.last_body().find("Alles kan, tenzij"), std::string::npos);
    EXPECT_EQ(h.db().scalar_int("SELECT COUNT(*) FROM nudge WHERE pattern_id='nl.geen_plek'"), 1);

    // Removing every built-in pattern leaves a detector that never fires.
    std::string remove = "nudge:\n  patterns:\n    remove: [";
    bool first = true;
    for (const auto& p : tenzij::NudgeDetector::default_patterns()) {
        remove += (first ? "\"" : ", \"") + p.id + "\"";
        first = false;
    }
    remove += "]\n";
    Harness quiet(tenzij_only(), base_config(remove + kTeam));
    quiet.join_room("!team:hs", {"@leider:hs"});
    quiet.take();
    quiet.send("!team:hs", "@leider:hs", "Dat kan niet, past niet in het beleid.");
    EXPECT_TRUE(quiet.take().empty());
}
