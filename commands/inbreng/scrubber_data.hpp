// Built-in word lists of the scrubber, generated into scrubber_data.cpp from data/*.txt
// (municipalities and residences, countries and regions, keep-words), so that the binary needs
// no data file at run time. Lookups are exact (case-sensitive, NFC) binary searches.
#pragma once

#include <cstddef>
#include <string_view>

namespace dialoog::inbreng::detail {

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

}  // namespace dialoog::inbreng::detail
