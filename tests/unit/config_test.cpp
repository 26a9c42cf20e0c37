// Config validation: every error names the key and its line; typos never pass silently.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>

#include "common/glob.hpp"
#include "config/config.hpp"

using namespace dialoog;
using namespace dialoog::config;

namespace {
const char* kValid = R"(homeserver: http://127.0.0.1:8008
bot:
  user_id: "@dialoogbot:localhost"
  device_id: DIALOOGBOT1
storage: /tmp/x.db
language: nl
timezone: Europe/Amsterdam
admins: ["@admin:localhost"]
invites:
  allow: ["@*:localhost"]
teams:
  - name: Team Noord
    room: "!abc:localhost"
    leaders: ["@leider:localhost"]
    language: en
    timezone: Europe/London
)";

LoadResult load(const std::string& text) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 1);
    return load_config_text(text, {});
}

bool has_error(const LoadResult& r, int line, const std::string& key,
               const std::string& part = "") {
    for (const auto& e : r.errors)
        if (e.line == line && e.key == key && e.message.find(part) != std::string::npos)
            return true;
    std::string all;
    for (const auto& e : r.errors) all += e.to_string() + "\n";
    ADD_FAILURE() << "expected error at line " << line << " key " << key << "; got:\n" << all;
    return false;
}

std::string replace(std::string s, const std::string& from, const std::string& to) {
    auto p = s.find(from);
    EXPECT_NE(p, std::string::npos) << from;
    return s.replace(p, from.size(), to);
}
}  // namespace

TEST(Config, ValidConfigLoads) {
    auto r = load(kValid);
    ASSERT_TRUE(r.config) << (r.errors.empty() ? "" : r.errors[0].to_string());
    const auto& c = *r.config;
    EXPECT_EQ(c.homeserver, "http://127.0.0.1:8008");
    EXPECT_EQ(c.bot.device_id, "DIALOOGBOT1");
    ASSERT_EQ(c.teams.size(), 1u);
    EXPECT_EQ(c.teams[0].language, "en");
    EXPECT_EQ(c.teams[0].timezone, "Europe/London");
    EXPECT_NE(c.teams[0].tz, nullptr);
    EXPECT_EQ(c.catch_up_max_age_ms, 24LL * 3600 * 1000);
    EXPECT_TRUE(c.invite_allowed("@anna:localhost"));
    EXPECT_FALSE(c.invite_allowed("@anna:elders.org"));
    EXPECT_EQ(c.team_for_room("!abc:localhost")->name, "Team Noord");
    EXPECT_EQ(c.teams_led_by("@leider:localhost").size(), 1u);
}

TEST(Config, TeamInheritsDefaults) {
    auto r = load(
        replace(replace(kValid, "    language: en\n", ""), "    timezone: Europe/London\n", ""));
    ASSERT_TRUE(r.config);
    EXPECT_EQ(r.config->teams[0].language, "nl");
    EXPECT_EQ(r.config->teams[0].timezone, "Europe/Amsterdam");
}

TEST(Config, UnknownKeyNamesKeyAndLine) {
    auto r = load(replace(kValid, "storage:", "storge: /tmp/y\nstorage:"));
    EXPECT_FALSE(r.config);
    EXPECT_TRUE(has_error(r, 5, "storge", "unknown key"));
}

TEST(Config, UnknownTeamKey) {
    auto r = load(replace(kValid, "    leaders:", "    leader: [\"@x:localhost\"]\n    leaders:"));
    EXPECT_TRUE(has_error(r, 14, "teams[0].leader", "unknown key"));
}

TEST(Config, DuplicateKeysAreErrors) {
    auto r = load(replace(kValid, "language: nl\n", "language: nl\nlanguage: en\n"));
    EXPECT_FALSE(r.config);
    EXPECT_TRUE(has_error(r, 7, "language", "duplicate"));
    auto r2 = load(replace(kValid, "    room: \"!abc:localhost\"\n",
                           "    room: \"!abc:localhost\"\n    room: \"!def:localhost\"\n"));
    EXPECT_TRUE(has_error(r2, 14, "teams[0].room", "duplicate"));
}

TEST(Config, BadTimezoneAndLanguage) {
    auto r = load(
        replace(replace(kValid, "Europe/London", "Europe/Londen"), "language: en", "language: de"));
    EXPECT_TRUE(has_error(r, 16, "teams[0].timezone", "Europe/Londen"));
    EXPECT_TRUE(has_error(r, 15, "teams[0].language", "nl or en"));
}

TEST(Config, MissingRequiredKeys) {
    auto r = load("homeserver: http://127.0.0.1:8008\nbot:\n  device_id: X\n");
    EXPECT_FALSE(r.config);
    bool user = false, storage = false;
    for (const auto& e : r.errors) {
        user = user || e.key == "bot.user_id";
        storage = storage || e.key == "storage";
    }
    EXPECT_TRUE(user);
    EXPECT_TRUE(storage);
}

TEST(Config, InsecureHttpOnlyOnLoopback) {
    auto r = load(replace(kValid, "http://127.0.0.1:8008", "http://matrix.example.org"));
    EXPECT_TRUE(has_error(r, 1, "homeserver", "loopback"));
    auto ok = load(replace(kValid, "http://127.0.0.1:8008",
                           "http://matrix.example.org\nallow_insecure_http: true"));
    EXPECT_TRUE(ok.config);
    EXPECT_TRUE(
        load(replace(kValid, "http://127.0.0.1:8008", "https://matrix.example.org")).config);
    EXPECT_TRUE(load(replace(kValid, "http://127.0.0.1:8008", "http://localhost:8008")).config);
    auto bad = load(replace(kValid, "http://127.0.0.1:8008", "matrix.example.org"));
    EXPECT_TRUE(has_error(bad, 1, "homeserver", "https://"));
}

TEST(Config, BadUserIdsAndRooms) {
    auto r = load(replace(replace(kValid, "\"@leider:localhost\"", "\"leider\""),
                          "\"!abc:localhost\"", "\"abc\""));
    EXPECT_TRUE(has_error(r, 14, "teams[0].leaders[0]", "user ID"));
    EXPECT_TRUE(has_error(r, 13, "teams[0].room", "room ID"));
}

TEST(Config, SyntaxErrorHasLine) {
    auto r = load("homeserver: http://127.0.0.1:8008\nbot: [unclosed\nstorage: x\n");
    ASSERT_FALSE(r.errors.empty());
    EXPECT_GT(r.errors[0].line, 0);
    EXPECT_NE(r.errors[0].message.find("YAML"), std::string::npos);
}

TEST(Config, NotAMapping) {
    auto r = load("- just\n- a list\n");
    ASSERT_FALSE(r.errors.empty());
    EXPECT_FALSE(r.config);
}

// Found by a newcomer: `x: &a [*a]` sent --check-config (and a running bot on SIGHUP) into
// endless recursion (segmentation fault).
TEST(Config, AliasThatContainsItselfIsAnError) {
    auto r = load(std::string(kValid) + "x: &a [*a]\n");
    EXPECT_FALSE(r.config);
    EXPECT_TRUE(has_error(r, 17, "x[0]", "refers to itself"));
    auto m = load(std::string(kValid) + "y: &b {k: *b}\n");
    EXPECT_FALSE(m.config);
    EXPECT_TRUE(has_error(m, 17, "y.k", "refers to itself"));
}

TEST(Config, AliasBombIsRefusedQuickly) {
    // Nine levels of ten aliases each stand for 10^9 values.
    std::string text = std::string(kValid) + "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i) {
        std::string prev = "*a" + std::to_string(i - 1);
        text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int j = 0; j < 10; ++j) text += (j ? ", " : "") + prev;
        text += "]\n";
    }
    auto r = load(text);
    EXPECT_FALSE(r.config);
    ASSERT_FALSE(r.errors.empty());
    EXPECT_NE(r.errors.back().message.find("more than 100000 values"), std::string::npos)
        << r.errors.back().to_string();
}

TEST(Config, TooDeepNestingIsAnError) {
    std::string deep = "deep: ";
    for (int i = 0; i < 40; ++i) deep += "[";
    for (int i = 0; i < 40; ++i) deep += "]";
    auto r = load(std::string(kValid) + deep + "\n");
    EXPECT_FALSE(r.config);
    EXPECT_NE(r.errors.front().message.find("nested more than 32 levels"), std::string::npos)
        << r.errors.front().to_string();
}

TEST(Config, SecondYamlDocumentIsAnError) {
    auto r = load(std::string(kValid) + "---\nlanguage: en\n");
    EXPECT_FALSE(r.config);
    ASSERT_EQ(r.errors.size(), 1u);
    EXPECT_NE(r.errors[0].message.find("2 YAML documents"), std::string::npos);
    EXPECT_EQ(r.errors[0].line, 18);  // the second document starts after ---
}

// `storage: ""` passed and SQLite then used a temporary database: all state lost per restart.
TEST(Config, StorageMustNameAFileInAnExistingDirectory) {
    EXPECT_TRUE(has_error(load(replace(kValid, "storage: /tmp/x.db", "storage: \"\"")), 5,
                          "storage", "must name the database file"));
    EXPECT_TRUE(has_error(load(replace(kValid, "storage: /tmp/x.db", "storage: \"  \"")), 5,
                          "storage", "must name the database file"));
    EXPECT_TRUE(has_error(load(replace(kValid, "storage: /tmp/x.db", "storage: /tmp")), 5,
                          "storage", "is a directory"));
    auto missing =
        load(replace(kValid, "storage: /tmp/x.db", "storage: /nonexistent-dir-dialoog/x.db"));
    EXPECT_TRUE(missing.config) << "checked on another machine, perhaps";
    ASSERT_EQ(missing.warnings.size(), 1u);
    EXPECT_NE(missing.warnings[0].find("does not exist"), std::string::npos);
    auto rel = load(replace(kValid, "storage: /tmp/x.db", "storage: x.db"));
    EXPECT_TRUE(rel.config);
    ASSERT_EQ(rel.warnings.size(), 1u);
    EXPECT_NE(rel.warnings[0].find("relative path"), std::string::npos);
    auto mem = load(replace(kValid, "storage: /tmp/x.db", "storage: \":memory:\""));
    EXPECT_TRUE(mem.config);
    ASSERT_EQ(mem.warnings.size(), 1u);
    EXPECT_NE(mem.warnings[0].find("lost"), std::string::npos);
}

TEST(Config, FileThatIsNoRegularFileIsRefused) {
    auto features = std::vector<SectionSchema>{};
    auto empty = load_config_file("", features);
    ASSERT_EQ(empty.errors.size(), 1u);
    EXPECT_NE(empty.errors[0].message.find("no config file named"), std::string::npos);
    auto dir = load_config_file("/tmp", features);
    ASSERT_EQ(dir.errors.size(), 1u);
    EXPECT_NE(dir.errors[0].message.find("is a directory"), std::string::npos);
    auto dev = load_config_file("/dev/zero", features);  // used to read forever
    ASSERT_EQ(dev.errors.size(), 1u);
    EXPECT_NE(dev.errors[0].message.find("not a regular file"), std::string::npos);
    auto missing = load_config_file("/nonexistent-dialoog.yaml", features);
    ASSERT_EQ(missing.errors.size(), 1u);
    EXPECT_NE(missing.errors[0].message.find("does not exist"), std::string::npos);
    const std::string big = ::testing::TempDir() + "/big-config.yaml";
    {
        std::ofstream out(big);
        out << kValid << "# " << std::string(2 << 20, 'x') << "\n";
    }
    auto large = load_config_file(big, features);
    ASSERT_EQ(large.errors.size(), 1u);
    EXPECT_NE(large.errors[0].message.find("at most 1048576"), std::string::npos);
    std::remove(big.c_str());
}

TEST(Config, DurationParsing) {
    EXPECT_EQ(parse_duration_ms("24h"), 24LL * 3600 * 1000);
    EXPECT_EQ(parse_duration_ms("90m"), 90LL * 60 * 1000);
    EXPECT_EQ(parse_duration_ms("30"), 30000);
    EXPECT_EQ(parse_duration_ms("500ms"), 500);
    EXPECT_EQ(parse_duration_ms("7d"), 7LL * 86400 * 1000);
    EXPECT_FALSE(parse_duration_ms("h"));
    EXPECT_FALSE(parse_duration_ms("24 uur"));
    EXPECT_FALSE(parse_duration_ms("99999999999999h"));
    auto r = load(std::string(kValid) + "catch_up_max_age: een dag\n");
    EXPECT_TRUE(has_error(r, 17, "catch_up_max_age", "duration"));
}

TEST(Config, FeatureSectionsAreKnownOnlyWhenDeclared) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 1);
    std::string text = std::string(kValid) + "intake:\n  allow: [\"@*:localhost\"]\n";
    EXPECT_FALSE(load_config_text(text, {}).config);
    bool called = false;
    constexpr TopSection<std::string> kIntake{"intake"};
    auto s = SectionSchema::of(
        kIntake, [&](const YAML::Node& n, const std::string& path, ErrorSink& sink) -> std::string {
            called = true;
            if (!n["allow"]) sink.add(n, path + ".allow", "required");
            return n["allow"][0].as<std::string>();
        });
    auto r = load_config_text(text, {s});
    EXPECT_TRUE(called);
    ASSERT_TRUE(r.config);
    EXPECT_EQ(r.config->section(kIntake), "@*:localhost");
}

namespace {

/// A typed section for the tests below: the number under `n:` (default 7), or an error.
struct Number {
    int n = 7;
};
constexpr TopSection<Number> kTopNumber{"number"};
constexpr TeamSection<Number> kTeamNumber{"number"};

Number parse_number(const YAML::Node& node, const std::string& path, ErrorSink& sink) {
    Number out;
    if (!node.IsDefined()) return out;
    int v = 0;
    if (!node.IsMap() || !node["n"].IsDefined() || !node["n"].IsScalar() ||
        !YAML::convert<int>::decode(node["n"], v))
        sink.add(node, path, "must be {n: <number>}");
    else
        out.n = v;
    return out;
}

}  // namespace

// The parse runs once per load for each section and each team, also when the section is absent
// (the defaults come from the same code), and handlers read the typed value.
TEST(Config, TypedSectionsAreParsedOnceAndRead) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 1);
    int top_calls = 0, team_calls = 0;
    std::vector<std::string> paths;
    std::vector<SectionSchema> sections = {
        SectionSchema::of(kTopNumber,
                          [&](const YAML::Node& n, const std::string& p, ErrorSink& sink) {
                              ++top_calls;
                              paths.push_back(p);
                              return parse_number(n, p, sink);
                          }),
        SectionSchema::of(kTeamNumber,
                          [&](const YAML::Node& n, const std::string& p, ErrorSink& sink) {
                              ++team_calls;
                              paths.push_back(p);
                              return parse_number(n, p, sink);
                          })};
    const std::string two_teams = replace(kValid, "    timezone: Europe/London\n",
                                          "    timezone: Europe/London\n    number: {n: 3}\n"
                                          "  - name: Team Zuid\n    room: \"!zuid:localhost\"\n");
    auto r = load_config_text(two_teams + "number: {n: 5}\n", sections);
    ASSERT_TRUE(r.config) << (r.errors.empty() ? "" : r.errors[0].to_string());
    EXPECT_EQ(top_calls, 1);
    EXPECT_EQ(team_calls, 2);
    EXPECT_EQ(paths, (std::vector<std::string>{"teams[0].number", "teams[1].number", "number"}));
    EXPECT_EQ(r.config->section(kTopNumber).n, 5);
    EXPECT_EQ(r.config->teams[0].section(kTeamNumber).n, 3);
    EXPECT_EQ(r.config->teams[1].section(kTeamNumber).n, 7);  // absent: the parse's default

    // Absent at the top too: still parsed once, the default stored.
    top_calls = 0;
    auto d = load_config_text(two_teams, sections);
    ASSERT_TRUE(d.config);
    EXPECT_EQ(top_calls, 1);
    EXPECT_EQ(d.config->section(kTopNumber).n, 7);

    // A copy (the bot copies the config to resolve room aliases) reads the same values.
    const Config copy = *r.config;
    EXPECT_EQ(copy.section(kTopNumber).n, 5);
    EXPECT_EQ(copy.teams[0].section(kTeamNumber).n, 3);

    // A section nobody declared, or asked for as another type, is a programming error.
    EXPECT_THROW((void)r.config->section(TopSection<Number>{"other"}), std::logic_error);
    EXPECT_THROW((void)r.config->section(TopSection<std::string>{"number"}), std::logic_error);

    // The parse's errors keep their key and line, and refuse the config.
    auto bad = load_config_text(two_teams + "number: {n: veel}\n", sections);
    EXPECT_FALSE(bad.config);
    EXPECT_TRUE(has_error(bad, 20, "number", "must be {n: <number>}"));
}

// The second pass sees the typed value and the whole config; it runs only for a present section.
TEST(Config, SecondPassChecksTheTypedValue) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 1);
    int checks = 0;
    auto schema =
        SectionSchema::of(kTopNumber, parse_number,
                          [&](const Number& v, const YAML::Node& node, const std::string& path,
                              const Config& cfg, ErrorSink& sink) {
                              ++checks;
                              if (static_cast<std::size_t>(v.n) > cfg.teams.size())
                                  sink.add(node["n"], path + ".n", "more than there are teams");
                          });
    EXPECT_TRUE(load_config_text(kValid, {schema}).config);
    EXPECT_EQ(checks, 0);
    EXPECT_TRUE(load_config_text(std::string(kValid) + "number: {n: 1}\n", {schema}).config);
    EXPECT_EQ(checks, 1);
    auto r = load_config_text(std::string(kValid) + "number:\n  n: 2\n", {schema});
    EXPECT_FALSE(r.config);
    EXPECT_TRUE(has_error(r, 18, "number.n", "more than there are teams"));
}

TEST(Config, TokenFilePermissionsWarn) {
    ::unsetenv("DIALOOGBOT_ACCESS_TOKEN");
    std::string path = ::testing::TempDir() + "/dialoog_token_test";
    { std::ofstream(path) << "secret"; }
    ::chmod(path.c_str(), 0644);
    std::string text =
        replace(kValid, "  device_id:", "  access_token_file: " + path + "\n  device_id:");
    auto r = load_config_text(text, {});
    ASSERT_TRUE(r.config);
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].find("readable by group or others"), std::string::npos);
    ::chmod(path.c_str(), 0600);
    EXPECT_TRUE(load_config_text(text, {}).warnings.empty());
    // No token source at all is an error.
    auto none = load_config_text(kValid, {});
    EXPECT_FALSE(none.config);
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 1);
}

TEST(Glob, Matching) {
    EXPECT_TRUE(glob_match("@*:example.org", "@anna:example.org"));
    EXPECT_FALSE(glob_match("@*:example.org", "@anna:example.org.evil"));
    EXPECT_TRUE(glob_match("@a?na:*", "@anna:x"));
    EXPECT_TRUE(glob_match("*", ""));
    EXPECT_FALSE(glob_match("@anna:x", "@anna:xy"));
    EXPECT_TRUE(glob_match("@*raad*:hs", "@clientenraad-1:hs"));
}

// A feature parse that throws (as yaml-cpp does on an unexpected node shape) gives an
// error on its section with the line, not an aborted load (found in the intervisie validator).
TEST(Config, ThrowingSectionValidatorBecomesAnError) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 1);
    std::vector<SectionSchema> sections = {
        SectionSchema::of(TopSection<int>{"extra"},
                          [](const YAML::Node& n, const std::string&, ErrorSink&) {
                              if (!n.IsDefined()) return 0;
                              return n["x"]["y"].as<int>();  // throws: no such key
                          }),
        SectionSchema::of(TeamSection<int>{"casus"},
                          [](const YAML::Node& n, const std::string&, ErrorSink&) -> int {
                              if (!n.IsDefined()) return 0;
                              throw std::runtime_error("bad shape");
                          })};
    const std::string text = std::string(kValid) + "    casus: {a: 1}\nextra: {z: 1}\n";
    LoadResult r;
    EXPECT_NO_THROW(r = load_config_text(text, sections));
    EXPECT_FALSE(r.config);
    EXPECT_TRUE(has_error(r, 18, "extra", "could not be read"));
    EXPECT_TRUE(has_error(r, 17, "teams[0].casus", "bad shape"));
}
