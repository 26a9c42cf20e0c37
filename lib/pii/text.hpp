// UTF-8 helpers and the tokenizer of the scrubber. Offsets are byte offsets into NFC text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dialoog::pii::detail {

/// Decodes the code point at s[i] and advances i past it. An invalid or truncated sequence
/// yields U+FFFD and advances one byte, so callers always make progress.
char32_t decode_utf8(std::string_view s, std::size_t& i) noexcept;
/// Appends the UTF-8 encoding of cp (cp must be a valid scalar value).
void append_utf8(std::string& out, char32_t cp);

bool is_letter(char32_t cp) noexcept;  ///< Unicode letter or combining mark
bool is_upper(char32_t cp) noexcept;   ///< Unicode uppercase or titlecase letter
bool is_space(char32_t cp) noexcept;   ///< ASCII whitespace, NBSP and Unicode space separators

inline bool is_ascii_digit(char c) noexcept {
    return c >= '0' && c <= '9';
}
inline bool is_ascii_alpha(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool is_ascii_alnum(char c) noexcept {
    return is_ascii_digit(c) || is_ascii_alpha(c);
}
inline char ascii_lower(char c) noexcept {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Unicode simple lowercase of a UTF-8 word (replaces out's contents).
void to_lower(std::string_view word, std::string& out);
/// True if a equals b ignoring ASCII case (b must be lowercase ASCII).
bool iequals_ascii(std::string_view a, std::string_view b) noexcept;

/// NFC via libutf8proc, with a fast path for text that is NFC by construction (ASCII and
/// precomposed Latin). Invalid UTF-8 becomes U+FFFD.
std::string to_nfc(std::string_view text);

enum class TokenKind : std::uint8_t { Word, Number, Punct, Space };

/// A run of text. Word: letters/marks/digits starting with a letter, with inner '-' or
/// apostrophes ("Wajong-uitkering", "Fatima's"), or "'s"/"'t" ("'s-Hertogenbosch").
/// Number: ASCII digits. Space: whitespace run. Punct: one other code point.
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    TokenKind kind = TokenKind::Punct;
    bool upper_initial = false;   ///< Word whose first letter is uppercase
    bool all_upper = false;       ///< Word of 2+ letters, all uppercase (acronym)
    bool newline = false;         ///< Space containing a line break
    bool sentence_start = false;  ///< Word/Number that starts a sentence, line or "label:" value
};

/// Splits text into tokens covering it completely, and marks sentence starts.
std::vector<Token> tokenize(std::string_view text);

}  // namespace dialoog::pii::detail
