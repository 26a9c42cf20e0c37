// Methods as data (built-ins complete in nl and en; YAML adds and overrides, validated with
// key and line), the team `casus:` section, and the pure argument parsers.
#include <gtest/gtest.h>

#include <cstdlib>

#include <variant>

#include "casus_test_support.hpp"
#include "commands/casus/casus_config.hpp"
#include "commands/casus/methods.hpp"
#include "commands/casus/plan_args.hpp"

using namespace casus_test;
using namespace dialoog::casus;

namespace {

std::vector<config::SectionSchema> sections() {
    // The configs here have no token file: the environment gives the token, as in production
    // with DIALOOGBOT_ACCESS_TOKEN (ctest runs each test in its own process).
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "test-token", 0);
    casus::CasusFeature f;
    intervisie::IntervisieFeature g;
    auto s = f.config_sections();
    for (auto& x : g.config_sections()) s.push_back(x);
    return s;
}

std::string errors_of(const std::string& yaml) {
    auto res = config::load_config_text(yaml, sections(), "<test>");
    std::string all;
    for (const auto& e : res.errors) all += e.to_string() + "\n";
    return all;
}

}  // namespace

TEST(CasusMethods, SevenBuiltinsWithTextsInBothLanguages) {
    auto h = make_harness(team_config(), "2026-03-27T10:00", false);
    const auto& texts = h->services().texts;
    const auto& all = builtin_methods();
    ASSERT_EQ(all.size(), 7u);
    for (const auto& m : all) {
        EXPECT_GE(m.total_minutes(), 45) << m.id;
        EXPECT_LE(m.total_minutes(), 120) << m.id;
        for (const auto* t : {&m.title, &m.description}) {
            EXPECT_TRUE(texts.has("nl", t->key)) << t->key;
            EXPECT_TRUE(texts.has("en", t->key)) << t->key;
        }
        for (const auto& s : m.steps) {
            EXPECT_GT(s.minutes, 0);
            for (const auto* t : {&s.name, &s.instruction}) {
                EXPECT_TRUE(texts.has("nl", t->key)) << t->key;
                EXPECT_TRUE(texts.has("en", t->key)) << t->key;
            }
            for (const auto& r : s.roles) EXPECT_TRUE(texts.has("nl", "casus.role." + r)) << r;
        }
    }
    EXPECT_TRUE(texts.missing_translations().empty());
}

TEST(CasusMethods, FindByIdAliasAndSpacing) {
    const auto& lib = builtin_methods();
    EXPECT_EQ(find_method(lib, "Socratisch  Gesprek")->id, "socratisch-gesprek");
    EXPECT_EQ(find_method(lib, "moreel beraad")->id, "dilemmamethode");
    EXPECT_EQ(find_method(lib, "arenagesprek")->id, "spiegelgesprek");
    EXPECT_EQ(find_method(lib, "five steps")->id, "vijfstappenmethode");
    EXPECT_EQ(find_method(lib, "toverbal"), nullptr);
    EXPECT_EQ(find_method(lib, ""), nullptr);
}

TEST(CasusMethods, YamlAddsAndOverrides) {
    const std::string top =
        "methods:\n"
        "  - name: kort overleg\n"
        "    description: {nl: Snel even samen kijken, en: A quick look together}\n"
        "    aliases: [kort]\n"
        "    steps:\n"
        "      - name: Vraag\n"
        "        minutes: 5\n"
        // Quoted: yaml-cpp 0.7 rejects a plain scalar ending in '?' inside {…} ("unknown
        // token"), although YAML 1.2 allows it.
        "        instruction: {nl: \"Wat is je vraag?\", en: \"What is your question?\"}\n"
        "        roles: [inbrenger]\n"
        "      - name: {nl: Tips, en: Tips}\n"
        "        minutes: 10\n"
        "        instruction: Iedereen geeft een tip.\n"
        "  - name: incidentmethode\n"
        "    description: Onze eigen versie\n"
        "    steps:\n"
        "      - name: Alles in één\n"
        "        minutes: 45\n"
        "        instruction: Doe het in één keer.\n";
    auto h = make_harness(team_config("", top));
    h->send(kRoom, "@anna:hs", "!methodes");
    auto body = h->last_body();
    EXPECT_TRUE(has(body, "kort overleg (kort-overleg, 15 min)")) << body;
    EXPECT_TRUE(has(body, "Onze eigen versie")) << body;
    EXPECT_TRUE(has(body, "(incidentmethode, 45 min)")) << body;
    h->send(kRoom, "@anna:hs", "!casus plan morgen 14:00 methode kort Snelle vraag");
    h->take();
    h->clock().set(utc("2026-03-28T14:00"));
    h->fire_jobs();
    echo(*h);
    auto b = bodies(*h);
    ASSERT_EQ(b.size(), 1u);
    EXPECT_TRUE(has(b[0], "Stap 1 van 2: Vraag")) << b[0];
    EXPECT_TRUE(has(b[0], "Wat is je vraag?")) << b[0];
}

TEST(CasusMethods, YamlValidationNamesKeyAndLine) {
    const std::string yaml = base_config(
        "methods:\n"                                        // line 9
        "  - name: goed\n"                                  // 10
        "    description: Prima\n"                          // 11
        "    steps:\n"                                      // 12
        "      - name: Stap\n"                              // 13
        "        minutes: 0\n"                              // 14
        "        instruction: Doe iets\n"                   // 15
        "        roles: [voorzitter]\n"                     // 16
        "        kleur: rood\n"                             // 17
        "  - name: goed\n"                                  // 18
        "    steps: []\n"                                   // 19
        "  - name: \"fout!\"\n"                             // 20
        "    description: {nl: Iets, fr: Quelque chose}\n"  // 21
        "    steps:\n"                                      // 22
        "      - minutes: 5\n");                            // 23
    auto errs = errors_of(yaml);
    EXPECT_TRUE(has(errs, "line 14: methods[0].steps[0].minutes")) << errs;
    EXPECT_TRUE(has(errs, "line 16: methods[0].steps[0].roles: unknown role")) << errs;
    EXPECT_TRUE(has(errs, "line 17: methods[0].steps[0].kleur: unknown key")) << errs;
    EXPECT_TRUE(has(errs, "line 18: methods[1].name: method \"goed\" is defined twice")) << errs;
    EXPECT_TRUE(has(errs, "methods[1].description: missing")) << errs;
    EXPECT_TRUE(has(errs, "line 19: methods[1].steps: missing or empty")) << errs;
    EXPECT_TRUE(has(errs, "line 20: methods[2].name: missing or invalid")) << errs;
    EXPECT_TRUE(has(errs, "line 21: methods[2].description.fr: unknown key")) << errs;
    EXPECT_TRUE(has(errs, "methods[2].steps[0].name: missing")) << errs;
    EXPECT_TRUE(has(errs, "methods[2].steps[0].instruction: missing")) << errs;
    EXPECT_TRUE(has(errors_of(base_config("methods: incidentmethode\n")),
                    "line 9: methods: must be a list"));
}

TEST(CasusConfig, TeamSectionValidation) {
    auto errs =
        errors_of(team_config("    casus:\n"                         // line 14
                              "      reminders: [24h, soms, 30s]\n"  // 15
                              "      method: [a, b]\n"               // 16
                              "      kleur: blauw\n"                 // 17
                              "      series:\n"                      // 18
                              "        - when: \"dinsdag 25:00\"\n"  // 19
                              "        - title: Zonder tijd\n"));    // 20
    EXPECT_TRUE(has(errs, "line 15: teams[0].casus.reminders: invalid duration")) << errs;
    EXPECT_TRUE(has(errs, "line 16: teams[0].casus.method")) << errs;
    EXPECT_TRUE(has(errs, "line 17: teams[0].casus.kleur: unknown key")) << errs;
    EXPECT_TRUE(
        has(errs, "line 19: teams[0].casus.series[0].when: not a weekly rule (invalid_time"))
        << errs;
    EXPECT_TRUE(has(errs, "teams[0].casus.series[1].when: missing")) << errs;
    EXPECT_EQ(errors_of(team_config("    casus:\n      reminders: []\n")), "");
}

TEST(CasusConfig, DefaultsAndSortedReminders) {
    auto res = config::load_config_text(
        team_config("    casus:\n      reminders: [1h, 2d, 1h]\n      method: Roddelmethode\n"),
        sections(), "<test>");
    ASSERT_TRUE(res.config);
    const auto& cc = res.config->teams[0].section(kCasusSection);
    EXPECT_EQ(cc.reminders_ms, (std::vector<std::int64_t>{172'800'000, 3'600'000}));
    EXPECT_EQ(cc.method, "roddelmethode");
    auto def = config::load_config_text(team_config(), sections(), "<test>");
    ASSERT_TRUE(def.config);
    const auto& dc = def.config->teams[0].section(kCasusSection);
    EXPECT_EQ(dc.reminders_ms, (std::vector<std::int64_t>{86'400'000, 3'600'000}));
    EXPECT_EQ(dc.method, "incidentmethode");
}

// The reader is the validator: a reminder outside 1 min .. 14 days is an error and is not
// planned. (The old reader took any duration the validator had refused, e.g. 30 s or 20 days.)
TEST(CasusConfig, RefusedRemindersAreNotRead) {
    config::ErrorSink sink;
    auto cc = parse_casus_section(YAML::Load("{reminders: [30s, 20d, 1h, 2d, 1h]}"),
                                  "teams[0].casus", sink);
    ASSERT_EQ(sink.errors().size(), 2u);
    for (const auto& e : sink.errors()) {
        EXPECT_EQ(e.key, "teams[0].casus.reminders");
        EXPECT_TRUE(has(e.message, "from 1m to 14d")) << e.message;
    }
    EXPECT_EQ(cc.reminders_ms, (std::vector<std::int64_t>{172'800'000, 3'600'000}));
    // A series whose rule is refused is not read either; the section's other values are.
    config::ErrorSink sink2;
    auto series = parse_casus_section(
        YAML::Load("{method: Roddel methode, series: [{when: \"dinsdag 25:00\"}, "
                   "{when: \"woensdag 10:00\", title: [a]}, {when: \"vrijdag 9:00\"}]}"),
        "teams[0].casus", sink2);
    EXPECT_EQ(sink2.errors().size(), 2u);
    ASSERT_EQ(series.series.size(), 1u);
    EXPECT_EQ(series.series[0].when, "vrijdag 9:00");
    EXPECT_EQ(series.method, "roddel-methode");
    // No `casus:` at all: the defaults, from the same function.
    config::ErrorSink none;
    auto d = parse_casus_section(YAML::Node(YAML::NodeType::Undefined), "teams[0].casus", none);
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(d.reminders_ms, (std::vector<std::int64_t>{86'400'000, 3'600'000}));
    EXPECT_EQ(d.method, "incidentmethode");
    EXPECT_TRUE(d.series.empty());
}

// The method library is read once per load: minutes and roles the check refuses are not used
// (the old reader took minutes: 0 or 500 and any role name).
TEST(CasusMethods, RefusedStepValuesAreNotRead) {
    config::ErrorSink sink;
    auto lib = parse_methods_section(
        YAML::Load("[{name: kort, description: Kort, steps: [{name: A, minutes: 500, "
                   "instruction: Doe, roles: [voorzitter, groep]}]}]"),
        "methods", sink);
    EXPECT_EQ(sink.errors().size(), 2u);
    const Method* m = find_method(lib, "kort");
    ASSERT_NE(m, nullptr);
    ASSERT_EQ(m->steps.size(), 1u);
    EXPECT_EQ(m->steps[0].minutes, 5);  // the default, not 500
    EXPECT_EQ(m->steps[0].roles, std::vector<std::string>{"groep"});
    config::ErrorSink none;
    EXPECT_EQ(parse_methods_section(YAML::Node(YAML::NodeType::Undefined), "methods", none).size(),
              builtin_methods().size());
    EXPECT_TRUE(none.empty());
}

TEST(CasusPlanArgs, ResolveMember) {
    const std::vector<std::string> m = {"@anna:hs", "@bob:hs", "@bob:elders"};
    EXPECT_EQ(resolve_member("@anna:hs", m), "@anna:hs");
    EXPECT_EQ(resolve_member("@Anna", m), "@anna:hs");
    EXPECT_EQ(resolve_member("anna,", m), "@anna:hs");
    EXPECT_EQ(resolve_member("@bob", m), std::nullopt);  // ambiguous
    EXPECT_EQ(resolve_member("@bob:elders", m), "@bob:elders");
    EXPECT_EQ(resolve_member("@zoe:hs", m), std::nullopt);
}

TEST(CasusPlanArgs, OptionsAndTitle) {
    const auto& lib = builtin_methods();
    auto r =
        parse_plan_options("methode 'socratisch gesprek' inbreng 3 inbreng #4,#3 Titel hier", lib);
    ASSERT_TRUE(std::holds_alternative<PlanOptions>(r));
    auto& o = std::get<PlanOptions>(r);
    EXPECT_EQ(o.method, "socratisch-gesprek");
    EXPECT_EQ(o.inbreng, (std::vector<std::int64_t>{3, 4}));
    EXPECT_EQ(o.title, "Titel hier");
    auto q = std::get<PlanOptions>(parse_plan_options("“Een titel met methode erin”", lib));
    EXPECT_EQ(q.title, "Een titel met methode erin");
    auto e = std::get<OptionFail>(parse_plan_options("gespreksleider", lib));
    EXPECT_EQ(e.code, OptionError::MissingValue);
    auto n = std::get<OptionFail>(parse_plan_options("presenter bob Titel", lib));
    EXPECT_EQ(n.code, OptionError::NotAUser);
    EXPECT_EQ(n.fragment, "bob");
}

TEST(CasusPlanArgs, ActionOwnerAndDate) {
    const auto now = utc("2026-03-27T10:00");
    auto a = parse_action_args("Werkgever bellen @dirk:hs vrijdag", ams(), now);
    EXPECT_EQ(a.text, "Werkgever bellen");
    EXPECT_EQ(a.owner, "@dirk:hs");
    EXPECT_EQ(a.due_ms, at("2026-04-03T09:00"));
    auto b = parse_action_args("Folder maken over 3 dagen", ams(), now);
    EXPECT_EQ(b.text, "Folder maken");
    EXPECT_EQ(b.due_ms, at("2026-03-30T10:00"));
    auto c = parse_action_args("Lees hoofdstuk 3 van het rapport", ams(), now);
    EXPECT_EQ(c.text, "Lees hoofdstuk 3 van het rapport");
    EXPECT_EQ(c.due_ms, std::nullopt);
    auto d = parse_action_args("Bellen @dirk:hs 31-02", ams(), now);
    ASSERT_TRUE(d.when_fail.has_value());
    EXPECT_EQ(d.when_fail->code, wanneer::WanneerError::InvalidDate);
}

// An unknown method in a team's casus section used to pass the check and fall back to the
// incident method at run time without a word.
TEST(CasusConfig, UnknownMethodNameIsRefused) {
    auto errs =
        errors_of(team_config("    casus:\n"                          // line 14
                              "      method: toverbal\n"              // 15
                              "      series:\n"                       // 16
                              "        - when: \"dinsdag 09:00\"\n"   // 17
                              "          method: roddel\n"            // 18
                              "        - when: \"woensdag 09:00\"\n"  // 19
                              "          method: kort overleg\n"));   // 20
    EXPECT_TRUE(has(errs, "line 15: teams[0].casus.method: unknown method \"toverbal\"")) << errs;
    EXPECT_TRUE(has(errs, "(methods: incidentmethode, vijfstappenmethode")) << errs;
    EXPECT_FALSE(has(errs, "series[0]")) << errs;  // an alias of the roddelmethode
    EXPECT_TRUE(has(errs, "line 20: teams[0].casus.series[1].method: unknown method")) << errs;
    // A method the YAML adds is known, by its name and by its alias.
    const std::string added =
        "methods:\n"
        "  - name: kort overleg\n"
        "    aliases: [kort]\n"
        "    description: Snel\n"
        "    steps:\n"
        "      - {name: Vraag, minutes: 5, instruction: Stel je vraag.}\n";
    EXPECT_EQ(errors_of(team_config("    casus:\n      method: kort\n", added)), "");
    EXPECT_EQ(errors_of(team_config("    casus:\n      method: Kort Overleg\n", added)), "");
}

// A YAML method whose alias (or name) is already a built-in's name or alias would hide that
// built-in from `!casus plan … methode`.
TEST(CasusMethods, AliasThatShadowsABuiltinIsRefused) {
    const std::string yaml = base_config(
        "methods:\n"                     // line 9
        "  - name: snelle ronde\n"       // 10
        "    aliases: [snel, roddel]\n"  // 11
        "    description: Snel\n"        // 12
        "    steps:\n"                   // 13
        "      - {name: Ronde, minutes: 5, instruction: Iedereen kort.}\n"
        "  - name: balint\n"         // 15
        "    description: Anders\n"  // 16
        "    steps:\n"               // 17
        "      - {name: Ronde, minutes: 5, instruction: Iedereen kort.}\n"
        "  - name: roddelmethode\n"              // 19
        "    aliases: [roddel, eigen roddel]\n"  // 20
        "    description: Onze versie\n"         // 21
        "    steps:\n"                           // 22
        "      - {name: Ronde, minutes: 5, instruction: Iedereen kort.}\n");
    auto errs = errors_of(yaml);
    EXPECT_TRUE(has(errs,
                    "line 11: methods[0].aliases: \"roddel\" is already the name or an "
                    "alias of the built-in method roddelmethode"))
        << errs;
    EXPECT_TRUE(has(errs,
                    "line 15: methods[1].name: \"balint\" is an alias of the built-in method "
                    "balintmethode"))
        << errs;
    // Overriding a built-in under its own name may keep that built-in's aliases.
    EXPECT_FALSE(has(errs, "methods[2]")) << errs;
}
