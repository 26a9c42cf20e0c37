// The English texts of the tenzij feature name the English commands and keywords, which the
// parsers accept (!decision, unless, follow-up, owner, done, revised, outcome, all, mine,
// !nudge off/on): an English-speaking team must be able to copy what the bot shows.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "commands/catalogue.hpp"

namespace dialoog::tenzij {
std::vector<commands::TextEntry> tenzij_texts();
}

namespace {

TEST(TenzijTexts, EnglishTextsShowEnglishCommandWords) {
    const std::vector<std::string> dutch = {
        "!besluit",   "!opvolging",  "!nudge uit",     "!nudge aan",     "tenzij <",
        "[tenzij",    "opvolging <", "[opvolging",     "eigenaar @",     " afgerond",
        " herzien <", " uitkomst <", "besluiten alle", "besluiten mijn", "`opvolging "};
    int checked = 0;
    for (const auto& e : dialoog::tenzij::tenzij_texts()) {
        const std::string en = e.en;
        for (const auto& word : dutch)
            EXPECT_EQ(en.find(word), std::string::npos) << e.key << " has ‘" << word << "’: " << en;
        ++checked;
    }
    EXPECT_GT(checked, 30);
    // And the Dutch nudge still shows the Dutch form.
    for (const auto& e : dialoog::tenzij::tenzij_texts()) {
        if (std::string(e.key) == "tenzij.nudge") {
            EXPECT_NE(std::string(e.nl).find("`!besluit <wat jullie besluiten> tenzij"),
                      std::string::npos);
        }
    }
}

}  // namespace
