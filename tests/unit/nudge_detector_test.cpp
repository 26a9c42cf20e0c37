// Tests for the "alles kan, tenzij" nudge detector (commands/tenzij/nudge_detector.hpp).
#include "commands/tenzij/nudge_detector.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace dialoog::tenzij {
namespace {

NudgeDetector make_detector(const NudgeConfig& config = {}) {
    NudgeBuildResult result = NudgeDetector::create(config);
    if (auto* errors = std::get_if<std::vector<NudgePatternError>>(&result)) {
        std::string all;
        for (const auto& e : *errors) all += e.to_string() + "\n";
        ADD_FAILURE() << "detector did not build:\n" << all;
        return std::get<NudgeDetector>(NudgeDetector::create());
    }
    return std::get<NudgeDetector>(std::move(result));
}

const NudgeDetector& detector() {
    static const NudgeDetector instance = make_detector();
    return instance;
}

bool fires(const std::string& text) {
    return detector().detect(text).has_value();
}

struct Case {
    const char* text;
    bool nudge;
};

void expect_cases(const std::vector<Case>& cases) {
    for (const Case& c : cases) {
        EXPECT_EQ(fires(c.text), c.nudge)
            << (c.nudge ? "should nudge: " : "should not: ") << c.text;
    }
}

// ---- detection by category ------------------------------------------------------------

TEST(NudgeDetect, DutchDoorClosers) {
    expect_cases({
        {"Dat kan niet.", true},
        {"Nee, dat mag niet van het beleid.", true},
        {"Dat gaat niet lukken met dit budget.", true},
        {"Helaas is dat niet mogelijk binnen de Participatiewet.", true},
        {"Dat is niet toegestaan volgens de regeling.", true},
        {"Dat valt buiten de regels, dus afwijzen.", true},
        {"Regels zijn regels.", true},
        {"Daar is geen budget voor dit jaar.", true},
        {"Kan niet.", true},
        {"Mag niet, staat zo in de werkinstructie.", true},
        {"Een aangepaste werkbank mag niet, dat is te duur.", true},
        {"Daar kunnen we niet van afwijken.", true},
        {"Die training kunnen we niet vergoeden.", true},
        {"Het kan niet, tenzij de arts een verklaring afgeeft.", true},
        {"Dat staat de regeling niet toe.", true},
        {"Dan kan iedereen wel een voorziening krijgen.", true},
        {"Ik ben bang dat dat niet mag.", true},
    });
}

TEST(NudgeDetect, EnglishDoorClosers) {
    expect_cases({
        {"That's not possible under the current policy.", true},
        {"We can't approve that, it's against policy.", true},
        {"Not allowed, sorry.", true},
        {"There's no budget for that.", true},
        {"We're not going to do that.", true},
        {"That won't be approved.", true},
        {"Rules are rules.", true},
        {"The rules don't allow that.", true},
        {"I don't think that's possible.", true},
    });
}

TEST(NudgeDetect, QuestionsDoNotFire) {
    expect_cases({
        {"Kan dat niet?", false},
        {"Waarom kan het eigenlijk niet?", false},
        {"Waarom kan dat niet", false},  // no question mark, still a question
        {"Kunnen we niet gewoon een uitzondering maken?", false},
        {"Is er echt geen budget voor?", false},
        {"Weet iemand of dat niet toegestaan is bij een proefplaatsing?", false},
        {"Why is that not allowed?", false},
        {"Can't we just approve it this once?", false},
        {"Is it not possible to extend the placement", false},
    });
}

TEST(NudgeDetect, NegatedNegationDoesNotFire) {
    expect_cases({
        {"Het is niet zo dat het niet kan.", false},
        {"Het is niet niet mogelijk, we moeten alleen uitzoeken hoe.", false},
        {"Ik zeg niet dat het niet mag.", false},
        {"I'm not saying it's impossible.", false},
        {"It isn't not allowed, it just needs a reason.", false},
        {"Het is niet onmogelijk.", false},
    });
}

TEST(NudgeDetect, QuotedAndReportedSpeechDoesNotFire) {
    expect_cases({
        {"Ze zei: \"het kan niet\", maar we hebben het toch geregeld.", false},
        {"Hij zei 'dat kan niet' en liep weg.", false},
        {"Hij zei \u201cdat gaat niet lukken\u201d, maar ze heeft nu een contract.", false},
        {"Zij zei: \u2018dat mag niet\u2019.", false},
        {"> dat kan niet", false},
        {">dat kan niet", false},
        {"De klant zegt dat het niet mogelijk is om 's avonds te werken.", false},
        {"According to the client, it's not possible to work evenings.", false},
        {"```\ndat kan niet\n```", false},
    });
}

TEST(NudgeDetect, QuoteLineDoesNotHideOwnReply) {
    EXPECT_FALSE(fires("> Mag een jobcoach?\nGoed idee, ik kijk ernaar."));
    EXPECT_TRUE(fires("> Mag een jobcoach?\nNee, dat mag niet."));
}

TEST(NudgeDetect, AbilitiesAndThirdPartyRulesDoNotFire) {
    expect_cases({
        {"Zij kan niet fietsen.", false},
        {"Meneer kan niet lezen en schrijven.", false},
        {"Hij kan niet meer dan twintig uur werken.", false},
        {"She can't drive, so public transport is the only option.", false},
        {"De werkgever mag niet discrimineren.", false},
        {"Werkgevers mogen niet vragen naar het ziekteverleden.", false},
        {"Employers are not allowed to ask about health issues.", false},
        {"Ze heeft geen geld voor de bus naar de werkplek.", false},
        {"Zij mag van de arts niet tillen.", false},
    });
}

TEST(NudgeDetect, AllesKanTenzijAndSmallTalkDoNotFire) {
    expect_cases({
        {"Alles kan, tenzij er echt een wettelijke grens is.", false},
        {"Everything is possible, unless the law says otherwise.", false},
        {"Ik kan niet wachten tot de teamdag!", false},
        {"I can't wait for the team day!", false},
        {"I can't make it to the meeting on Tuesday.", false},
        {"Het kan niet anders dan dat ze blij is met de baan.", false},
        {"Dat kan niet kloppen, ze staat toch ingeschreven.", false},
        {"Het lukt me niet om in te loggen.", false},
        {"Goed idee, dat gaat zeker lukken.", false},
        {"Het gaat niet om het geld, het gaat om de klant.", false},
        {"Taart mag niet ontbreken bij het afscheid.", false},
        {"Geen probleem, ik neem het over.", false},
    });
}

TEST(NudgeDetect, ConditionalsPastAndNotYetDoNotFire) {
    expect_cases({
        {"Als het niet mogelijk is via UWV, kijken we naar de gemeente.", false},
        {"If that's not possible, we'll look for another provider.", false},
        {"Vorig jaar was er geen budget, nu wel.", false},
        {"Dat is nog niet mogelijk in het nieuwe systeem.", false},
        {"Eerst dacht ik dat het niet kon, maar het is toch gelukt.", false},
    });
}

TEST(NudgeDetect, CaseAndPunctuationDoNotMatter) {
    expect_cases({
        {"DAT KAN NIET!!", true},
        {"dat mag niet", true},
        {"Dat Is Niet Toegestaan.", true},
        {"**Dat kan niet**", true},
        {"nee sorry dat kan echt niet \xF0\x9F\x99\x81", true},
        {"Dat\u00a0kan\u00a0niet.", true},  // no-break spaces
        {"KAN DAT NIET?", false},
    });
}

TEST(NudgeDetect, UnicodeApostrophesAreNormalised) {
    expect_cases({
        {"We can\u2019t fund that.", true},
        {"That\u2019s not allowed.", true},
        {"Nope, can\u2019t do that.", true},
        {"I can\u2019t wait!", false},
        {"Dat gaat \u2019m niet worden.", true},
    });
}

TEST(NudgeDetect, AnySentenceOfAMessageCanFire) {
    EXPECT_TRUE(
        fires("Stotteren als structurele beperking? Dan kan iedereen wel een voorziening "
              "krijgen. Nee."));
    EXPECT_TRUE(fires("Dank voor je vraag.\nDat kan helaas niet, het valt buiten de regeling."));
    EXPECT_FALSE(fires("Kan dat niet? Ik weet het niet. Laten we kijken wat wel kan."));
}

TEST(NudgeDetect, ReportsWhichPatternFired) {
    auto m = detector().detect("Regels zijn regels.");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->pattern_id, "nl.regels_zijn_regels");
    m = detector().detect("That's against company policy.");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->pattern_id, "en.against_policy");
}

// ---- robustness -----------------------------------------------------------------------

TEST(NudgeDetect, OddInputIsSafe) {
    EXPECT_FALSE(fires(""));
    EXPECT_FALSE(fires("\n\n\n"));
    EXPECT_FALSE(fires(std::string("\xff\xfe\xc3", 3)));
    EXPECT_TRUE(fires(std::string("Dat kan \xff niet. Dat kan niet.")));
    EXPECT_TRUE(fires(std::string("x\0y. Dat kan niet.", 18)));
    EXPECT_FALSE(fires("'''''\"\"\"''"));
}

TEST(NudgeDetect, LongHostileInputStaysFast) {
    std::string text;
    while (text.size() < 200'000) text += "het is niet zo dat dat kan niet ";
    auto start = std::chrono::steady_clock::now();
    (void)fires(text);
    std::string no_punct(100'000, 'a');
    (void)fires(no_punct);
    auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_LT(elapsed, std::chrono::seconds(2));
}

TEST(NudgeDetect, ThreadSafe) {
    const std::vector<std::string> texts = {"Dat kan niet.", "Kan dat niet?", "Not allowed.",
                                            "I can't wait!", "Regels zijn regels."};
    std::vector<bool> expected;
    for (const auto& t : texts) expected.push_back(fires(t));
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 200; ++round) {
                for (std::size_t i = 0; i < texts.size(); ++i) {
                    if (detector().detect(texts[i]).has_value() != expected[i]) ++failures[t];
                }
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int f : failures) EXPECT_EQ(f, 0);
}

// ---- configuration --------------------------------------------------------------------

TEST(NudgeConfigTest, DefaultsAreWellFormed) {
    std::set<std::string> ids;
    for (const NudgePattern& p : NudgeDetector::default_patterns()) {
        EXPECT_TRUE(ids.insert(p.id).second) << "duplicate id " << p.id;
        EXPECT_TRUE(p.language == "nl" || p.language == "en") << p.id;
        EXPECT_EQ(p.id.rfind(p.language + ".", 0), 0u) << p.id;
    }
    EXPECT_GE(ids.size(), 20u);
    EXPECT_EQ(detector().patterns().size(), ids.size());
}

TEST(NudgeConfigTest, RemoveById) {
    ASSERT_TRUE(fires("Regels zijn regels."));
    NudgeDetector d = make_detector({{}, {"nl.regels_zijn_regels"}});
    EXPECT_FALSE(d.detect("Regels zijn regels.").has_value());
    EXPECT_TRUE(d.detect("Dat kan niet.").has_value());
}

TEST(NudgeConfigTest, RemoveByPatternText) {
    std::string pcre;
    for (const auto& p : NudgeDetector::default_patterns()) {
        if (p.id == "en.rules_are_rules") pcre = p.pcre;
    }
    ASSERT_FALSE(pcre.empty());
    NudgeDetector d = make_detector({{}, {pcre}});
    EXPECT_FALSE(d.detect("Rules are rules.").has_value());
    for (const auto& p : d.patterns()) EXPECT_NE(p.id, "en.rules_are_rules");
}

TEST(NudgeConfigTest, AddPatternFiresWithItsIdAndKeepsGuards) {
    NudgeConfig config;
    config.add.push_back({"nl.pakkie_an", "nl", R"(\bniet\s+(?:ons|mijn)\s+pakkie-an\b)"});
    NudgeDetector d = make_detector(config);
    auto m = d.detect("Sorry, dat is niet ons pakkie-an.");
    ASSERT_TRUE(m.has_value());
    EXPECT_EQ(m->pattern_id, "nl.pakkie_an");
    EXPECT_FALSE(d.detect("Is dat niet ons pakkie-an?").has_value());     // question
    EXPECT_FALSE(d.detect("Hij zei 'niet ons pakkie-an'.").has_value());  // quote
    EXPECT_FALSE(d.detect("> niet ons pakkie-an").has_value());           // reply line
}

TEST(NudgeConfigTest, AddedPatternWithTypographicApostropheMatches) {
    NudgeConfig config;
    config.add.push_back({"en.cant_stretch", "en", "\\bcan\u2019t\\s+stretch\\b"});
    NudgeDetector d = make_detector(config);
    EXPECT_TRUE(d.detect("The budget can't stretch that far.").has_value());
    EXPECT_TRUE(d.detect("The budget can\u2019t stretch that far.").has_value());
}

TEST(NudgeConfigTest, ReplaceBuiltinByRemoveThenAdd) {
    NudgeConfig config;
    config.remove_ids = {"nl.regels_zijn_regels"};
    config.add.push_back({"nl.regels_zijn_regels", "nl", R"(\bafspraak\s+is\s+afspraak\b)"});
    NudgeDetector d = make_detector(config);
    EXPECT_FALSE(d.detect("Regels zijn regels.").has_value());
    EXPECT_TRUE(d.detect("Afspraak is afspraak.").has_value());
}

TEST(NudgeConfigTest, InvalidPatternIsReportedNotThrown) {
    NudgeConfig config;
    config.add.push_back({"nl.kapot", "nl", "dat (kan niet"});
    config.add.push_back({"en.broken", "en", "[z-a]"});
    NudgeBuildResult result = NudgeDetector::create(config);
    auto* errors = std::get_if<std::vector<NudgePatternError>>(&result);
    ASSERT_NE(errors, nullptr);
    ASSERT_EQ(errors->size(), 2u);
    EXPECT_EQ((*errors)[0].pattern_id, "nl.kapot");
    EXPECT_NE((*errors)[0].message.find("parenthesis"), std::string::npos) << (*errors)[0].message;
    EXPECT_EQ((*errors)[0].offset, 13u);
    EXPECT_EQ((*errors)[1].pattern_id, "en.broken");
    EXPECT_NE((*errors)[0].to_string().find("nl.kapot"), std::string::npos);
}

TEST(NudgeConfigTest, ConfigMistakesAreReported) {
    NudgeConfig config;
    config.remove_ids = {"nl.bestaat_niet"};
    config.add.push_back({"nl.kan_niet", "nl", "x"});  // id still in use
    config.add.push_back({"", "nl", "x"});
    config.add.push_back({"xx.no_language", "", "x"});
    config.add.push_back({"nl.empty", "nl", ""});
    NudgeBuildResult result = NudgeDetector::create(config);
    auto* errors = std::get_if<std::vector<NudgePatternError>>(&result);
    ASSERT_NE(errors, nullptr);
    std::set<std::string> ids;
    for (const auto& e : *errors) ids.insert(e.pattern_id);
    EXPECT_EQ(errors->size(), 5u);
    EXPECT_TRUE(ids.count("nl.bestaat_niet"));
    EXPECT_TRUE(ids.count("nl.kan_niet"));
    EXPECT_TRUE(ids.count("xx.no_language"));
    EXPECT_TRUE(ids.count("nl.empty"));
}

TEST(NudgeConfigTest, CatastrophicUserPatternDoesNotHang) {
    NudgeConfig config;
    config.add.push_back({"en.slow", "en", "(a+)+$"});
    NudgeDetector d = make_detector(config);
    auto start = std::chrono::steady_clock::now();
    EXPECT_FALSE(d.detect(std::string(900, 'a') + "b").has_value());
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
}

TEST(NudgeConfigTest, EmptyMatchingPatternNeverFires) {
    NudgeConfig config;
    config.add.push_back({"en.empty_match", "en", "x*"});
    NudgeDetector d = make_detector(config);
    EXPECT_FALSE(d.detect("Hallo allemaal.").has_value());
}

// ---- CLI stream -------------------------------------------------------------------------

TEST(NudgeCheckStream, OneLineOutPerLineIn) {
    std::istringstream in("Dat kan niet.\nKan dat niet?\n\r\nNot allowed.\r\n> dat kan niet");
    std::ostringstream out;
    nudge_check_stream(detector(), in, out);
    EXPECT_EQ(out.str(), "1\n0\n0\n1\n0\n");
}

// ---- labelled sets --------------------------------------------------------------------

std::filesystem::path source_dir() {
    if (const char* env = std::getenv("DIALOOG_SOURCE_DIR")) return env;
#ifdef DIALOOG_SOURCE_DIR
    return DIALOOG_SOURCE_DIR;
#else
    return {};
#endif
}

struct Score {
    int tp = 0, fp = 0, fn = 0, tn = 0;
    std::string mistakes;
    double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / (tp + fp); }
    double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / (tp + fn); }
};

// Reads "sentence TAB label" lines (label 1 = should nudge) and scores the detector.
Score score_file(const std::filesystem::path& path) {
    Score s;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::size_t tab = line.rfind('\t');
        if (line.empty() || tab == std::string::npos || tab + 1 >= line.size()) continue;
        bool label = line[tab + 1] == '1';
        bool got = detector().detect(line.substr(0, tab)).has_value();
        if (got && label) ++s.tp;
        if (got && !label) ++s.fp;
        if (!got && label) ++s.fn;
        if (!got && !label) ++s.tn;
        if (got != label) s.mistakes += (got ? "  FP: " : "  FN: ") + line.substr(0, tab) + "\n";
    }
    return s;
}

TEST(NudgeLabelledSets, PublicCasesMeetTheBar) {
    std::filesystem::path src = source_dir();
    std::filesystem::path file = src / "tests" / "data" / "nudge_public_cases.tsv";
    ASSERT_TRUE(!src.empty() && std::filesystem::exists(file))
        << "public cases not found at '" << file.string()
        << "': build with -DDIALOOG_SOURCE_DIR=<repo> or set DIALOOG_SOURCE_DIR";
    Score s = score_file(file);
    EXPECT_GE(s.tp + s.fn, 5);
    EXPECT_GE(s.precision(), 0.9) << s.mistakes;
    EXPECT_GE(s.recall(), 0.7) << s.mistakes;
    std::cout << "[ public  ] precision " << s.precision() << " recall " << s.recall() << " ("
              << s.tp + s.fp + s.fn + s.tn << " cases)\n";
}

TEST(NudgeLabelledSets, OwnExtraCasesMeetTheBar) {
    std::filesystem::path src = source_dir();
    std::filesystem::path file = src / "tests" / "data" / "nudge_extra.tsv";
    ASSERT_TRUE(!src.empty() && std::filesystem::exists(file))
        << "extra cases not found at '" << file.string()
        << "': build with -DDIALOOG_SOURCE_DIR=<repo> or set DIALOOG_SOURCE_DIR";
    Score s = score_file(file);
    EXPECT_GE(s.tp + s.fn, 60);
    EXPECT_GE(s.fp + s.tn, 60);
    EXPECT_GE(s.precision(), 0.9) << s.mistakes;
    EXPECT_GE(s.recall(), 0.7) << s.mistakes;
    std::cout << "[ extra   ] precision " << s.precision() << " recall " << s.recall() << " ("
              << s.tp + s.fp + s.fn + s.tn << " cases)\n";
}

}  // namespace
}  // namespace dialoog::tenzij
