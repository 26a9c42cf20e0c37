// Guards: context rules that veto a pattern match (questions, negated negation, quotes...).
#pragma once

#include <cstddef>
#include <string_view>

#include "commands/tenzij/nudge_text.hpp"

namespace dialoog::tenzij {

/// A pattern match inside one sentence: byte offsets [begin, end) into sentence.text.
struct MatchSite {
    const Sentence& sentence;
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Returns the name of the first guard that vetoes the match (e.g. "question",
/// "double_negation", "reported_speech", "ability"), or an empty view when the match stands.
/// Guards apply to built-in and YAML patterns alike. The names are for tests and debugging.
std::string_view veto_reason(const MatchSite& site);

}  // namespace dialoog::tenzij
