#pragma once
// Showing stored client text in Markdown: escaped (md_escape), as a block quote, optionally
// shortened for lists.

#include <cstddef>
#include <string>
#include <string_view>

namespace dialoog::inbreng {

/// `text` as a Markdown block quote, every line escaped so nothing in it becomes formatting.
std::string md_quote(std::string_view text);

/// The first `max_bytes` of `text` (cut at a UTF-8 boundary, after a space when possible)
/// followed by "…", or `text` itself when it is short enough.
std::string shorten(std::string_view text, std::size_t max_bytes);

}  // namespace dialoog::inbreng
