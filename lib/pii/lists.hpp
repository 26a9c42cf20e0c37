#pragma once
// The scrubber's built-in lists, generated at build time from lib/pii/data/*.txt by
// lib/pii/data/gen_lists.py (municipalities and residences, countries and regions, keep-words,
// street-name endings, and the words the rules look for), so that the binary needs no data file
// at run time. Lookups are exact (case-sensitive, NFC) binary searches.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace dialoog::pii::detail {

/// Roles a lowercase word can play in the scrubber's rules; one word can have several. Each is
/// a `[section]` of lib/pii/data/rule_words.txt ("case_prefix" is kCasePrefix).
enum RuleRole : std::uint32_t {
    kTitle = 1u << 0,           // form of address: the next capitalised words are a name
    kRole = 1u << 1,            // relation or role ("zoon", "consulent"): next Cap word is a name
    kCasePrefix = 1u << 2,      // "dossier", "klant": followed by "nr"/"nummer"
    kCaseKey = 1u << 3,         // "kenmerk", "bsn": a case number follows
    kCaseFiller = 1u << 4,      // words between a case keyword and the number ("is", "nr")
    kInterfix = 1u << 5,        // tussenvoegsel: "van", "de", "el", ...
    kStop = 1u << 6,            // function word: never a name on its own
    kBeVerb = 1u << 7,          // "is", "werd": "is 43 jaar" is an age
    kDurationBefore = 1u << 8,  // "al", "sinds": "al 12 jaar" is a duration, not an age
    kDurationAfter = 1u << 9,   // "geleden", "lang": "12 jaar geleden" is a duration
    kResidence = 1u << 10,      // "woont", "geboren", "komt": the place after "in/uit" is theirs
    kLocPrep = 1u << 11,        // "in", "te", "uit", ...
    kOrg = 1u << 12,            // "gemeente", "UWV": "gemeente Amsterdam" is an organisation
    kBirth = 1u << 13,          // "geboren", "jarig": dates without a year are birth dates
    kPostbus = 1u << 14,        // "postbus", "antwoordnummer"
    kThing = 1u << 15,          // nouns after "N-jarige" that make it a duration ("opleiding")
    kMonth = 1u << 16,          // month name or abbreviation
    kPerson = 1u << 17,         // person noun: "een vrouw van 50" is an age
    kAmbiguousName = 1u << 18,  // first name that is also a word ("Roos", "Bas")
    kPronoun = 1u << 19,        // subject pronoun: "hij is 62"
    kBeforeName = 1u << 20,     // word after which a lowercase name may follow ("met fatima")
};

/// A word of rule_words.txt (lowercase) with all its roles (RuleRole bits).
struct RuleWord {
    std::string_view word;
    std::uint32_t roles;
};

/// Dutch municipality or residence, as written ("Den Haag", "'s-Hertogenbosch").
bool is_known_place(std::string_view name);
/// Single-word place in lowercase ("zwolle"), for places typed without a capital. O(1).
bool is_known_place_lowercase(std::string_view lower);
/// Country, continent, province or region ("Syrië", "Noord-Brabant"): stays, except after a
/// phrase saying where someone lives, was born or comes from.
bool is_country_or_region(std::string_view name);
/// Built-in keep-word (organisations, laws, nationalities, languages, holidays).
bool is_builtin_keep_word(std::string_view word);
/// Largest number of space-separated words in a place or country name.
std::size_t max_place_words();
/// Street-name endings: with `alone` the unambiguous ones that make a street name even without
/// a house number, else every ending (for a word followed by a house number). Sorted.
std::span<const std::string_view> street_suffixes(bool alone);
/// Every word of rule_words.txt, sorted by UTF-8 bytes, one entry per word.
std::span<const RuleWord> rule_words();

}  // namespace dialoog::pii::detail
