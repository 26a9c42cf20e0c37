// The parts of inbreng without a conversation: the `intake:` YAML section, themes, withdrawal
// codes, the weekly digest section, and the offline tools (scrub, CSV export).
#include <gtest/gtest.h>

#include <date/tz.h>
#include <unistd.h>

#include <cstdio>
#include <sstream>

#include "commands/inbreng/digest_section.hpp"
#include "commands/inbreng/inbreng_cli.hpp"
#include "commands/inbreng/inbreng_feature.hpp"
#include "commands/inbreng/intake_config.hpp"
#include "commands/inbreng/themes.hpp"
#include "commands/inbreng/withdrawal_code.hpp"
#include "lib/wanneer/recurrence.hpp"
#include "storage/inbreng/inputs.hpp"
#include "storage/inbreng/migrations.hpp"
#include "support/harness.hpp"

using namespace dialoog;
using namespace dialoog::testing;

namespace {

const std::string kTeams =
    "teams:\n"
    "  - name: Team Noord\n    room: \"!noord:hs\"\n    leaders: []\n"
    "  - name: Team Zuid\n    room: \"!zuid:hs\"\n    leaders: []\n";

config::LoadResult load(const std::string& intake) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 0);
    return config::load_config_text(base_config(kTeams + intake), {inbreng::intake_section()});
}

bool has_error(const config::LoadResult& r, int line, const std::string& key,
               const std::string& words) {
    for (const auto& e : r.errors)
        if (e.line == line && e.key == key && e.message.find(words) != std::string::npos)
            return true;
    return false;
}

std::string dump(const config::LoadResult& r) {
    std::string out;
    for (const auto& e : r.errors) out += e.to_string() + "\n";
    return out;
}

bool contains(const std::string& hay, const std::string& needle) {
    return hay.find(needle) != std::string::npos;
}

}  // namespace

TEST(InbrengConfig, DefaultsAndValues) {
    auto none = load("");
    ASSERT_TRUE(none.config) << dump(none);
    const auto& d = none.config->section(inbreng::kIntakeSection);
    EXPECT_TRUE(d.allow.empty());
    EXPECT_EQ(d.retention_days, 365);
    EXPECT_EQ(d.max_per_day, 10);
    EXPECT_EQ(d.confirm_timeout_ms, 24LL * 3600 * 1000);
    EXPECT_EQ(d.digest_max_texts, 5);
    EXPECT_FALSE(d.allowed("@anna:hs"));
    EXPECT_EQ(inbreng::default_team(*none.config, d), nullptr);  // two teams, none named

    auto r = load(
        "intake:\n  allow: [\"@*:raad.example\", \"@piet:hs\"]\n  default_team: Team Zuid\n"
        "  retention_days: 180\n  max_per_day: 3\n  keep_words: [Werkplein, Zorgloket]\n"
        "  confirm_timeout: 90m\n  digest_max_texts: 2\n");
    ASSERT_TRUE(r.config) << dump(r);
    const auto& ic = r.config->section(inbreng::kIntakeSection);
    EXPECT_TRUE(ic.allowed("@lid:raad.example"));
    EXPECT_TRUE(ic.allowed("@piet:hs"));
    EXPECT_FALSE(ic.allowed("@anna:hs"));
    EXPECT_EQ(ic.retention_days, 180);
    EXPECT_EQ(ic.max_per_day, 3);
    EXPECT_EQ(ic.keep_words, (std::vector<std::string>{"Werkplein", "Zorgloket"}));
    EXPECT_EQ(ic.confirm_timeout_ms, 90LL * 60 * 1000);
    EXPECT_EQ(ic.digest_max_texts, 2);
    ASSERT_NE(inbreng::default_team(*r.config, ic), nullptr);
    EXPECT_EQ(inbreng::default_team(*r.config, ic)->name, "Team Zuid");
}

TEST(InbrengConfig, UnknownDefaultTeamIsAnErrorWithItsLine) {
    // base_config has 8 lines, the teams 7: intake: is line 16, default_team line 18.
    auto r = load("intake:\n  allow: [\"@*:hs\"]\n  default_team: Team Oost\n");
    EXPECT_FALSE(r.config);
    EXPECT_TRUE(has_error(r, 18, "intake.default_team", "unknown team \"Team Oost\"")) << dump(r);
    EXPECT_TRUE(has_error(r, 18, "intake.default_team", "Team Noord, Team Zuid")) << dump(r);
}

TEST(InbrengConfig, WrongValuesAreErrorsWithLines) {
    auto r = load(
        "intake:\n"                    // 16
        "  allow: \"@*:hs\"\n"         // 17
        "  retention_days: 0\n"        // 18
        "  max_per_day: veel\n"        // 19
        "  confirm_timeout: morgen\n"  // 20
        "  keep_words: [\"\"]\n"       // 21
        "  digest_max: 3\n");          // 22
    EXPECT_FALSE(r.config);
    EXPECT_TRUE(has_error(r, 17, "intake.allow", "must be a list")) << dump(r);
    EXPECT_TRUE(has_error(r, 18, "intake.retention_days", "1 to 3650")) << dump(r);
    EXPECT_TRUE(has_error(r, 19, "intake.max_per_day", "whole number")) << dump(r);
    EXPECT_TRUE(has_error(r, 20, "intake.confirm_timeout", "duration")) << dump(r);
    EXPECT_TRUE(has_error(r, 21, "intake.keep_words[0]", "non-empty")) << dump(r);
    EXPECT_TRUE(has_error(r, 22, "intake.digest_max", "unknown key")) << dump(r);

    auto missing = load("intake:\n  default_team: Team Noord\n");
    EXPECT_FALSE(missing.config);
    EXPECT_TRUE(has_error(missing, 17, "intake.allow", "required")) << dump(missing);
    auto not_a_user = load("intake:\n  allow: [\"cv_anna\"]\n");
    EXPECT_TRUE(has_error(not_a_user, 17, "intake.allow[0]", "Matrix user ID")) << dump(not_a_user);
}

// The reader is the validator: values the check refuses are reported and not read. (The old
// reader took them: retention_days: 0 would have purged every stored input at once.)
TEST(InbrengConfig, RefusedValuesAreNotRead) {
    config::ErrorSink sink;
    auto ic = inbreng::parse_intake_section(
        YAML::Load("{allow: [cv_anna, \"@*:raad.example\"], retention_days: 0, max_per_day: "
                   "5000, confirm_timeout: 30s, digest_max_texts: 80, keep_words: [\"\", "
                   "Werkplein]}"),
        "intake", sink);
    EXPECT_EQ(sink.errors().size(), 6u);
    EXPECT_EQ(ic.allow, std::vector<std::string>{"@*:raad.example"});
    EXPECT_FALSE(ic.allowed("cv_anna"));
    EXPECT_EQ(ic.retention_days, 365);
    EXPECT_EQ(ic.max_per_day, 10);
    EXPECT_EQ(ic.confirm_timeout_ms, 24LL * 3600 * 1000);
    EXPECT_EQ(ic.digest_max_texts, 5);
    EXPECT_EQ(ic.keep_words, std::vector<std::string>{"Werkplein"});
}

TEST(InbrengThemes, KeysAliasesAndFreeTags) {
    EXPECT_EQ(inbreng::normalise_tag("4"), "systeem");
    EXPECT_EQ(inbreng::normalise_tag("System"), "systeem");
    EXPECT_EQ(inbreng::normalise_tag("#Drempels"), "drempels");
    EXPECT_EQ(inbreng::normalise_tag("daily-life"), "dagelijks");
    EXPECT_EQ(inbreng::normalise_tag("wachtlijst."), "wachtlijst");
    EXPECT_EQ(inbreng::normalise_tag("één-ouder"), "één-ouder");
    EXPECT_FALSE(inbreng::normalise_tag("5"));
    EXPECT_FALSE(inbreng::normalise_tag("x"));
    EXPECT_FALSE(inbreng::normalise_tag("a,b"));
    EXPECT_FALSE(inbreng::normalise_tag("06-12345678"));
    auto p = inbreng::parse_tags("1, systeem  wachtlijst,4");
    EXPECT_EQ(p.tags, (std::vector<std::string>{"drempels", "systeem", "wachtlijst"}));
    EXPECT_FALSE(p.bad);
    EXPECT_TRUE(inbreng::parse_tags("a1 b2").bad);
    EXPECT_TRUE(inbreng::parse_tags("een twee drie vier vijf zes").too_many);
    EXPECT_EQ(inbreng::join_tags({"a", "b"}), "a,b");
    EXPECT_EQ(inbreng::split_tags("a,b"), (std::vector<std::string>{"a", "b"}));
    EXPECT_TRUE(inbreng::split_tags("").empty());
}

TEST(InbrengCode, FormatNormaliseAndHash) {
    auto code = inbreng::new_withdrawal_code();
    ASSERT_EQ(code.size(), 14u);
    EXPECT_EQ(code[4], '-');
    EXPECT_EQ(code[9], '-');
    EXPECT_NE(code, inbreng::new_withdrawal_code());
    auto canon = inbreng::normalise_withdrawal_code(code);
    ASSERT_TRUE(canon);
    EXPECT_EQ(inbreng::normalise_withdrawal_code("7kq2 m9xd r4tb"), "7KQ2M9XDR4TB");
    EXPECT_EQ(inbreng::normalise_withdrawal_code("OIL2-M9XD-R4TB"), "0112M9XDR4TB");
    EXPECT_FALSE(inbreng::normalise_withdrawal_code("7KQ2-M9XD"));
    EXPECT_FALSE(inbreng::normalise_withdrawal_code("7KQ2-M9XD-R4TU"));  // no U in the alphabet
    auto hash = inbreng::withdrawal_code_hash(*canon);
    EXPECT_EQ(hash.size(), 32u);
    EXPECT_EQ(hash.find(*canon), std::string::npos);
    EXPECT_EQ(hash, inbreng::withdrawal_code_hash(*canon));
}

TEST(InbrengDigest, CountsTextsAndSmallNumbers) {
    std::vector<std::unique_ptr<commands::Feature>> fs;
    auto feature = std::make_unique<inbreng::InbrengFeature>();
    auto* f = feature.get();
    fs.push_back(std::move(feature));
    Harness h(std::move(fs), base_config(kTeams + "intake:\n  allow: [\"@cv_*:hs\"]\n"));
    const auto* noord = h.cfg().team_by_name("Team Noord");
    auto bounds = wanneer::iso_week_bounds(2026, 47, noord->tz);
    ASSERT_TRUE(bounds);
    commands::DigestRequest req{noord, "nl", to_epoch_ms(bounds->first),
                                to_epoch_ms(bounds->second)};

    EXPECT_EQ(f->digest_section(h.services(), req),
              "### Verhalen van cliënten (2026-W47)\n\nNiets deze week.");

    inbreng::Inputs inputs(h.db());
    auto add = [&](const std::string& team, const std::string& week, std::vector<std::string> tags,
                   const std::string& text) {
        static int n = 0;
        inputs.insert({team, week, 20'000, std::move(tags), text, "hash" + std::to_string(++n)});
    };
    add("Team Noord", "2026-W47", {"systeem"}, "Verhaal een");
    add("Team Noord", "2026-W47", {"systeem"}, "Verhaal twee");
    add("Team Noord", "2026-W47", {"systeem", "wachtlijst"}, "Verhaal *drie*");
    add("Team Noord", "2026-W46", {"systeem"}, "Vorige week");
    add("Team Zuid", "2026-W47", {"systeem"}, "Ander team");
    auto small = f->digest_section(h.services(), req);
    EXPECT_TRUE(contains(small, "Deze week kwamen er 3 verhalen van cliënten binnen"));
    EXPECT_TRUE(contains(small, "> Verhaal \\*drie\\*"));
    EXPECT_FALSE(contains(small, "Vorige week"));
    EXPECT_FALSE(contains(small, "Ander team"));
    EXPECT_FALSE(contains(small, "Per thema"));  // fewer than 5: no breakdown at all

    add("Team Noord", "2026-W47", {"systeem"}, "Verhaal vier");
    add("Team Noord", "2026-W47", {"systeem"}, "Verhaal vijf");
    add("Team Noord", "2026-W47", {}, "Verhaal zes");
    auto full = f->digest_section(h.services(), req);
    EXPECT_TRUE(contains(full, "6 verhalen"));
    EXPECT_TRUE(contains(full, "Verhaal vijf"));
    EXPECT_FALSE(contains(full, "Verhaal zes"));  // digest_max_texts: 5
    EXPECT_TRUE(contains(full, "…en nog 1"));
    EXPECT_TRUE(contains(full, "**Per thema**"));
    EXPECT_TRUE(contains(full, "): 5\n"));                  // systeem
    EXPECT_TRUE(contains(full, "- `drempels` (drempels"));  // always listed
    EXPECT_TRUE(contains(full, "- `wachtlijst`: < 5"));
    EXPECT_TRUE(contains(full, "- zonder thema: < 5"));
    EXPECT_FALSE(contains(full, ": 1\n"));
    EXPECT_FALSE(contains(full, ": 0\n"));

    req.lang = "en";
    EXPECT_TRUE(contains(f->digest_section(h.services(), req), "6 clients' stories came in"));
}

TEST(InbrengCli, ScrubLinesWithKeepWordsFromTheConfig) {
    std::istringstream in("Ik sprak met Zorgloket over mevrouw Jansen.\nTweede regel 111222333\n");
    std::ostringstream out;
    EXPECT_EQ(inbreng::run_scrub_cli(in, out, nullptr), 0);
    auto plain = out.str();
    EXPECT_EQ(std::count(plain.begin(), plain.end(), '\n'), 2);
    EXPECT_TRUE(contains(plain, "[NAAM]"));
    EXPECT_TRUE(contains(plain, "[BSN]"));
    EXPECT_FALSE(contains(plain, "Jansen"));

    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 0);
    auto r = config::load_config_text(
        base_config(kTeams + "intake:\n  allow: [\"@*:hs\"]\n  keep_words: [Zorgloket]\n"),
        {inbreng::intake_section()});
    ASSERT_TRUE(r.config) << dump(r);
    std::istringstream in2("Ik sprak met Zorgloket over mevrouw Jansen.\n");
    std::ostringstream out2;
    inbreng::run_scrub_cli(in2, out2, r.config.get());
    EXPECT_TRUE(contains(out2.str(), "Zorgloket"));
    EXPECT_FALSE(contains(out2.str(), "Jansen"));
}

TEST(InbrengCli, CsvFieldQuoting) {
    EXPECT_EQ(inbreng::csv_field("gewoon"), "gewoon");
    EXPECT_EQ(inbreng::csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(inbreng::csv_field("zei \"nee\""), "\"zei \"\"nee\"\"\"");
    // A stored text that starts like a formula is never run by a spreadsheet (CSV injection).
    EXPECT_EQ(inbreng::csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
    EXPECT_EQ(inbreng::csv_field("+SUM(1)"), "'+SUM(1)");
    EXPECT_EQ(inbreng::csv_field("-3"), "'-3");
    EXPECT_EQ(inbreng::csv_field("@cmd"), "'@cmd");
    EXPECT_EQ(inbreng::csv_field("regel\nregel"), "\"regel\nregel\"");
    EXPECT_EQ(inbreng::csv_field(""), "");
}

TEST(InbrengCli, ExportWritesTheTeamsInputsAsCsv) {
    std::string path =
        ::testing::TempDir() + "/inbreng_export_" + std::to_string(::getpid()) + ".db";
    std::remove(path.c_str());
    {
        storage::Database db(path);
        storage::migrate_core(db);
        storage::migrate_owner(db, "inbreng", inbreng::inbreng_migrations());
        inbreng::Inputs in(db);
        in.insert({"Team Noord",
                   "2026-W47",
                   20'000,
                   {"systeem", "wachtlijst"},
                   "Ze zei: \"dat kan niet\", en toen\nwas het klaar.",
                   "h1"});
        in.insert({"Team Zuid", "2026-W47", 20'000, {}, "Ander team", "h2"});
        in.insert({"Team Noord", "2026-W48", 20'007, {}, "Tweede", "h3"});
    }
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "t", 0);
    auto text = base_config(kTeams);
    text.replace(text.find("\":memory:\""), 10, "\"" + path + "\"");
    auto r = config::load_config_text(text, {inbreng::intake_section()});
    ASSERT_TRUE(r.config) << dump(r);
    std::ostringstream out, err;
    EXPECT_EQ(inbreng::run_inbreng_export_cli(*r.config, "Team Noord", out, err), 0);
    EXPECT_EQ(out.str(),
              "id,week,themes,text\r\n"
              "1,2026-W47,systeem wachtlijst,\"Ze zei: \"\"dat kan niet\"\", en toen\nwas het "
              "klaar.\"\r\n"
              "3,2026-W48,,Tweede\r\n");
    EXPECT_TRUE(err.str().empty());
    std::ostringstream out2, err2;
    EXPECT_EQ(inbreng::run_inbreng_export_cli(*r.config, "Team Oost", out2, err2), 1);
    EXPECT_TRUE(contains(err2.str(), "unknown team"));
    EXPECT_TRUE(out2.str().empty());
    std::remove(path.c_str());
    std::remove((path + "-wal").c_str());
    std::remove((path + "-shm").c_str());
}
