// Weekly intervision prompts: the schedule (default Monday 09:00 local, YAML per team), no
// repeats until the library is exhausted, distinct repliers counted as a number only, !vraag
// for leaders, YAML prompts and validation, and the digest section.
#include <gtest/gtest.h>

#include <cstdlib>

#include <set>

#include "casus_test_support.hpp"
#include "commands/intervisie/prompts.hpp"
#include "lib/wanneer/recurrence.hpp"

using namespace casus_test;
using std::chrono::hours;

namespace {

const char* kKey = "intervisie:Team Noord";

std::int64_t due(Harness& h) {
    auto st = h.db().prepare("SELECT due_at FROM jobs WHERE key=?");
    st.bind(1, kKey);
    return st.step() ? st.column_int(0) : 0;
}

/// Fires the weekly prompt job at its due time (or now, when that is later).
void fire_prompt(Harness& h) {
    if (due(h) > to_epoch_ms(h.clock().now())) h.clock().set(from_epoch_ms(due(h)));
    h.fire_jobs();
}

commands::DigestRequest week_of(Harness& h, const std::string& local) {
    const auto* team = &h.cfg().teams[0];
    auto w = wanneer::iso_week_of(utc(local), team->tz);
    auto b = wanneer::iso_week_bounds(w, team->tz);
    return commands::DigestRequest{team, "nl", b->first.time_since_epoch().count(),
                                   b->second.time_since_epoch().count()};
}

}  // namespace

TEST(IntervisiePrompts, DefaultMondayNineLocalAcrossDst) {
    auto h = make_harness(team_config(), "2026-03-27T10:00");
    EXPECT_EQ(due(*h), at("2026-03-30T09:00"));  // the first Monday in summer time
    EXPECT_EQ(due(*h), at("2026-03-30T07:00Z"));
    fire_prompt(*h);
    auto msgs = h->take();
    ASSERT_EQ(msgs.size(), 1u);
    EXPECT_EQ(msgs[0].room_id, kRoom);
    EXPECT_TRUE(has(msgs[0].body(), "Intervisievraag van de week")) << msgs[0].body();
    EXPECT_EQ(msgs[0].content["nl.dialoogbot.ref"], "intervisie:1");
    EXPECT_EQ(due(*h), at("2026-04-06T09:00"));
}

TEST(IntervisiePrompts, NoRepeatUntilTheLibraryIsExhausted) {
    auto h = make_harness(team_config());
    const std::size_t n = intervisie::builtin_prompts().size();
    ASSERT_EQ(n, 20u);
    std::vector<std::string> posted;
    for (std::size_t i = 0; i < n + 1; ++i) {
        fire_prompt(*h);
        for (auto& b : bodies(*h)) posted.push_back(b);
    }
    ASSERT_EQ(posted.size(), n + 1);
    std::set<std::string> first_cycle(posted.begin(), posted.begin() + static_cast<long>(n));
    EXPECT_EQ(first_cycle.size(), n);
    EXPECT_EQ(count(*h, "SELECT COUNT(DISTINCT prompt_id) FROM intervisie_post WHERE cycle=1"),
              static_cast<std::int64_t>(n));
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM intervisie_post WHERE cycle=2"), 1);
    // 21 weeks later, still Monday 09:00 local.
    EXPECT_EQ(due(*h), at("2026-08-24T09:00"));
}

TEST(IntervisiePrompts, CountsDistinctRepliersOnly) {
    auto h = make_harness(team_config());
    fire_prompt(*h);
    auto e = echo(*h);
    ASSERT_EQ(e.size(), 1u);
    const std::string root = e[0].event_id;
    h->send_in_thread(kRoom, "@anna:hs", "Ik denk aan mevrouw X die steeds afzegt", root);
    h->send_in_thread(kRoom, "@anna:hs", "En nog iets", root);
    h->send_in_thread(kRoom, "@bob:hs", "Herkenbaar", root);
    h->send(kRoom, "@carla:hs", "Niet in de draad");
    EXPECT_TRUE(h->take().empty());  // the bot does not answer replies
    EXPECT_EQ(count(*h, "SELECT replies FROM intervisie_post WHERE id=1"), 2);
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM intervisie_replier WHERE sender_hash LIKE '%anna%'"),
              0);
    // After a week replies are no longer counted, and the hashes go with the next prompt.
    h->clock().advance(hours(24 * 7 + 1));
    h->send_in_thread(kRoom, "@dirk:hs", "Laat", root);
    EXPECT_EQ(count(*h, "SELECT replies FROM intervisie_post WHERE id=1"), 2);
    fire_prompt(*h);
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM intervisie_replier WHERE post_id=1"), 0);
    EXPECT_EQ(count(*h, "SELECT replies FROM intervisie_post WHERE id=1"), 2);
}

TEST(IntervisiePrompts, VraagIsForLeaders) {
    auto h = make_harness(team_config());
    h->send(kRoom, "@anna:hs", "!vraag");
    EXPECT_TRUE(has(h->last_body(), "leidinggevenden"));
    EXPECT_EQ(count(*h, "SELECT COUNT(*) FROM intervisie_post"), 0);
    h->send(kRoom, kLeider, "!vraag");
    EXPECT_TRUE(has(h->last_body(), "Intervisievraag van de week"));
    h->send(kRoom, kLeider, "!prompt");
    EXPECT_TRUE(has(h->last_body(), "Intervisievraag van de week"));
    EXPECT_EQ(count(*h, "SELECT COUNT(DISTINCT prompt_id) FROM intervisie_post"), 2);
    EXPECT_EQ(due(*h), at("2026-03-30T09:00"));  // the weekly schedule is unchanged
}

TEST(IntervisiePrompts, JobFiresOnceAndStalePromptIsSkipped) {
    auto h = make_harness(team_config());
    fire_prompt(*h);
    h->fire_jobs();
    EXPECT_EQ(bodies(*h).size(), 1u);
    // Down for two days over the next Monday: no out-of-context prompt, next week as usual.
    h->clock().set(utc("2026-04-08T10:00"));
    h->fire_jobs();
    EXPECT_TRUE(h->take().empty());
    EXPECT_EQ(due(*h), at("2026-04-13T09:00"));
}

TEST(IntervisiePrompts, YamlScheduleAndPrompts) {
    const std::string top =
        "intervisie_prompts:\n"
        "  - id: eigen-1\n"
        "    nl: Wat heeft een cliënt je deze week geleerd?\n"
        "    en: What did a client teach you this week?\n"
        "  - id: routine-1\n"
        "    nl: Onze eigen routinevraag\n";
    auto h = make_harness(team_config("    intervisie: \"vrijdag 15:00\"\n", top));
    EXPECT_EQ(due(*h), at("2026-03-27T15:00"));
    const auto& lib = h->cfg().section(intervisie::kPromptsSection);
    EXPECT_EQ(lib.size(), 21u);
    auto it = std::find_if(lib.begin(), lib.end(), [](auto& p) { return p.id == "routine-1"; });
    ASSERT_NE(it, lib.end());
    EXPECT_EQ(intervisie::prompt_text(*it, "en", h->services().texts), "Onze eigen routinevraag");
    auto off = make_harness(team_config("    intervisie:\n      enabled: false\n"));
    EXPECT_EQ(due(*off), 0);
    auto map = make_harness(team_config("    intervisie:\n      schedule: \"woensdag 8:30\"\n"));
    EXPECT_EQ(due(*map), at("2026-04-01T08:30"));
}

TEST(IntervisiePrompts, YamlValidation) {
    intervisie::IntervisieFeature f;
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "test-token", 0);  // the configs have no token file
    auto load = [&](const std::string& yaml) {
        auto res = config::load_config_text(yaml, f.config_sections(), "<test>");
        std::string all;
        for (const auto& e : res.errors) all += e.to_string() + "\n";
        return all;
    };
    auto errs = load(team_config("    intervisie: dinsdag\n",
                                 "intervisie_prompts:\n  - id: Hoofdletter\n    nl: Vraag\n"
                                 "  - id: a\n  - id: a\n    nl: x\n    kleur: rood\n"));
    EXPECT_TRUE(has(errs, "line 14: teams[0].intervisie: not a weekday and time (missing_time)"))
        << errs;
    EXPECT_TRUE(has(errs, "line 16: intervisie_prompts[0].id: missing or invalid")) << errs;
    EXPECT_TRUE(has(errs, "intervisie_prompts[1].nl: missing")) << errs;
    EXPECT_TRUE(has(errs, "line 19: intervisie_prompts[2].id: prompt \"a\" is defined twice"))
        << errs;
    EXPECT_TRUE(has(errs, "line 21: intervisie_prompts[2].kleur: unknown key")) << errs;
    EXPECT_TRUE(has(load(team_config("    intervisie:\n      enabled: misschien\n")),
                    "teams[0].intervisie.enabled: must be true or false"));
}

// The reader is the validator: a schedule the check refuses is reported, never replaced by the
// default Monday 09:00 in silence (as the old reader did), and a refused prompt is not read.
TEST(IntervisiePrompts, RefusedValuesAreNotRead) {
    config::ErrorSink sink;
    auto bad = intervisie::parse_team_section(YAML::Load("{schedule: dinsdag, enabled: true}"),
                                              "teams[0].intervisie", sink);
    ASSERT_EQ(sink.errors().size(), 1u);
    EXPECT_EQ(sink.errors()[0].key, "teams[0].intervisie.schedule");
    ASSERT_TRUE(bad.schedule);
    EXPECT_EQ(bad.schedule->weekday, date::Monday);  // the default, untouched
    config::ErrorSink ok;
    auto fri = intervisie::parse_team_section(YAML::Load("vrijdag 15:00"), "t", ok);
    EXPECT_TRUE(ok.empty());
    ASSERT_TRUE(fri.schedule);
    EXPECT_EQ(fri.schedule->weekday, date::Friday);
    EXPECT_FALSE(intervisie::parse_team_section(YAML::Load("{enabled: false}"), "t", ok).schedule);
    EXPECT_TRUE(ok.empty());

    config::ErrorSink psink;
    auto lib = intervisie::parse_prompts_section(
        YAML::Load("[{id: Hoofdletter, nl: Vraag}, {id: goed-1, nl: Goed}]"), "intervisie_prompts",
        psink);
    EXPECT_EQ(psink.errors().size(), 1u);
    ASSERT_EQ(lib.size(), intervisie::builtin_prompts().size() + 1);
    EXPECT_EQ(lib.back().id, "goed-1");
}

TEST(IntervisieDigest, ReplyCountsPerWeek) {
    auto h = make_harness(team_config());
    intervisie::IntervisieFeature f;
    EXPECT_TRUE(
        has(f.digest_section(h->services(), week_of(*h, "2026-03-30T12:00")), "Niets deze week"));
    fire_prompt(*h);
    auto root = echo(*h)[0].event_id;
    h->send_in_thread(kRoom, "@anna:hs", "Antwoord", root);
    auto md = f.digest_section(h->services(), week_of(*h, "2026-03-30T12:00"));
    EXPECT_TRUE(has(md, "### Intervisievragen")) << md;
    EXPECT_TRUE(has(md, "1 persoon reageerde")) << md;
    h->send_in_thread(kRoom, "@bob:hs", "Antwoord", root);
    md = f.digest_section(h->services(), week_of(*h, "2026-03-30T12:00"));
    EXPECT_TRUE(has(md, "2 mensen reageerden")) << md;
    auto figures = f.digest_figures(h->services(), week_of(*h, "2026-03-30T12:00"));
    ASSERT_EQ(figures.size(), 2u);
    EXPECT_EQ(figures[0].column, "intervisie_vragen");
    EXPECT_EQ(figures[0].value, 1);
    EXPECT_EQ(figures[1].column, "intervisie_reacties");
    EXPECT_EQ(figures[1].value, 2);
    figures = f.digest_figures(h->services(), week_of(*h, "2026-04-08T12:00"));
    ASSERT_EQ(figures.size(), 2u);
    EXPECT_EQ(figures[0].value, 0);
    EXPECT_TRUE(
        has(f.digest_section(h->services(), week_of(*h, "2026-04-08T12:00")), "Niets deze week"));
}
