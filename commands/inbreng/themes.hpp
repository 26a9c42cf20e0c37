#pragma once
// Themes of client input: the four structural problem areas of the report (the research report
// on client representatives the bot is based on) under short Dutch keys, plus free tags typed by
// the submitter.
// Stored as lowercase keys; English aliases and the numbers 1-4 map to the Dutch keys.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dialoog::inbreng {

/// drempels: specific barriers and vulnerability of groups of job seekers on the labour market;
/// dagelijks: the impact of that vulnerability on daily life; arbeidsmarkt: the impact of how
/// the labour and re-integration market works on their chances; systeem: the impact of "the
/// system" (rules, organisations) on daily life.
inline constexpr std::array<std::string_view, 4> kThemeKeys = {"drempels", "dagelijks",
                                                               "arbeidsmarkt", "systeem"};

/// Most tags one input may carry.
inline constexpr std::size_t kMaxTags = 5;

/// The catalogue key of a structural theme's description ("inbreng.theme.systeem").
std::string theme_text_key(std::string_view key);

/// True for one of the four structural theme keys.
bool is_structural_theme(std::string_view key);

/// Maps a typed word to a tag: "1".."4", a Dutch key or an English alias ("system",
/// "barriers", "daily-life", "labour-market") give the Dutch key; another word of letters and
/// hyphens (2-30 bytes, a leading '#' dropped, lowercased) is a free tag; anything else nullopt.
std::optional<std::string> normalise_tag(std::string_view word);

struct TagParse {
    std::vector<std::string> tags;   // unique, in the order typed
    std::vector<std::string> typed;  // each tag as typed (same order), for the scrubber check
    std::optional<std::string> bad;  // the first word that is not a usable tag
    bool too_many = false;
};

/// Splits `text` on commas and whitespace and normalises each word (see normalise_tag).
TagParse parse_tags(std::string_view text);

}  // namespace dialoog::inbreng
