#pragma once
// Counting text the way people read it: length limits in messages say "tekens" (characters),
// so they count Unicode code points of UTF-8 text, not bytes ("é" is one character, two bytes).

#include <cstddef>
#include <string_view>

namespace dialoog {

/// Number of code points in UTF-8 `s` (bytes that do not continue a sequence). Malformed
/// input counts each stray byte once; never throws.
inline std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

}  // namespace dialoog
