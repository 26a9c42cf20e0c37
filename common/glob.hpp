#pragma once
#include <string_view>

namespace dialoog {

/// Shell-style glob match: `*` any run (also empty), `?` one byte; everything else literal.
/// Used for user-ID allow lists such as "@*:example.org". Iterative (no recursion).
bool glob_match(std::string_view pattern, std::string_view text);

}  // namespace dialoog
