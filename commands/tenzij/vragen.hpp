#pragma once
// The question library of the nudge: what would it take to say yes, what does the client
// need, who could decide otherwise, have we heard the client's own story, what happens to the
// client if we say no. Each nudge shows three, rotating so consecutive nudges in a team differ.

#include <cstdint>
#include <string>
#include <vector>

#include "commands/catalogue.hpp"

namespace dialoog::tenzij {

/// Catalogue keys of the library, in rotation order.
const std::vector<std::string>& nudge_question_keys();

/// Three question keys for the `n`-th nudge of a team (0-based). Deterministic, so a re-run of
/// the same event writes the same text.
std::vector<std::string> questions_for(std::int64_t n);

/// The questions as a Markdown list.
std::string questions_md(std::int64_t n, const std::string& lang, const commands::Catalogue& texts);

}  // namespace dialoog::tenzij
