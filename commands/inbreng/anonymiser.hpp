#pragma once
// One shared scrubber per set of YAML keep-words. Building a Scrubber loads the Dutch word list
// (several MB), so it is built once and reused by every handler, job and CLI call.

#include <memory>
#include <string>
#include <vector>

#include "lib/pii/scrubber.hpp"

namespace dialoog::inbreng {

using pii::Scrubber;

/// The scrubber for `keep_words` (the YAML's intake.keep_words), built on first use.
std::shared_ptr<const Scrubber> shared_scrubber(const std::vector<std::string>& keep_words);

/// Scrubs `text` and trims surrounding whitespace.
std::string anonymise(const Scrubber& scrubber, std::string_view text);

}  // namespace dialoog::inbreng
