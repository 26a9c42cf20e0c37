// Word-level rules of the scrubber: names, places, streets, written dates, ages and case numbers
// after their keyword. They need context (the words around), so they run on tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lib/pii/candidate.hpp"
#include "lib/pii/text.hpp"
#include "lib/pii/word_list.hpp"

namespace dialoog::pii::detail {

/// Keep-words from the configuration: `exact` as written, `lower` for all-lowercase entries
/// (matched case-insensitively). Both sorted.
struct KeepWords {
    std::vector<std::string> exact;
    std::vector<std::string> lower;
};

/// Appends candidates found by the word rules. `structured` holds the candidates of the
/// pattern scanners (postcodes are used as context: "3512 AB Utrecht"). `dict` may be empty.
void find_word_items(std::string_view text, const std::vector<Token>& tokens, const WordList& dict,
                     const KeepWords& keep, const std::vector<Candidate>& structured,
                     std::vector<Candidate>& out);

}  // namespace dialoog::pii::detail
