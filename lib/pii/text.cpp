#include "lib/pii/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace dialoog::pii::detail {

char32_t decode_utf8(std::string_view s, std::size_t& i) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    int len = 0;
    char32_t cp = 0;
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        ++i;
        return 0xFFFD;
    }
    if (i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    static constexpr std::array<char32_t, 5> kMin{0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return 0xFFFD;
    }
    i += len;
    return cp;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool is_letter(char32_t cp) noexcept {
    if (cp < 0x80) return is_ascii_alpha(static_cast<char>(cp));
    switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
        case UTF8PROC_CATEGORY_LU:
        case UTF8PROC_CATEGORY_LL:
        case UTF8PROC_CATEGORY_LT:
        case UTF8PROC_CATEGORY_LM:
        case UTF8PROC_CATEGORY_LO:
        case UTF8PROC_CATEGORY_MN:
        case UTF8PROC_CATEGORY_MC:
        case UTF8PROC_CATEGORY_ME:
            return true;
        default:
            return false;
    }
}

bool is_upper(char32_t cp) noexcept {
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool is_space(char32_t cp) noexcept {
    if (cp < 0x80)
        return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
    if (cp == 0x85 || cp == 0xA0 || cp == 0x2028 || cp == 0x2029) return true;
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_ZS;
}

void to_lower(std::string_view word, std::string& out) {
    out.assign(word);
    std::size_t i = 0;
    for (; i < out.size(); ++i) {  // fast path: ASCII in place
        if (static_cast<unsigned char>(out[i]) >= 0x80) break;
        out[i] = ascii_lower(out[i]);
    }
    if (i == out.size()) return;
    out.resize(i);
    while (i < word.size()) {
        const char c = word[i];
        if (static_cast<unsigned char>(c) < 0x80) {
            out.push_back(ascii_lower(c));
            ++i;
            continue;
        }
        const char32_t cp = decode_utf8(word, i);
        if (cp == 0x2019) {  // typographic apostrophe: the word list writes "zo'n"
            out.push_back('\'');
            continue;
        }
        append_utf8(out,
                    static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
    }
}

bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (ascii_lower(a[i]) != b[i]) return false;
    }
    return true;
}

namespace {

// Code points that are NFC_Quick_Check=Yes and never compose with a neighbour: ASCII, Latin-1,
// Latin Extended-A/B, IPA (all below U+0300), and the punctuation/currency blocks except
// U+2000/U+2001 (singletons). Dutch text is nearly always only these, so NFC is a copy.
bool nfc_inert(char32_t cp) noexcept {
    return cp < 0x300 || (cp >= 0x2002 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF);
}

}  // namespace

std::string to_nfc(std::string_view text) {
    bool inert = true;
    bool valid = true;
    std::size_t i = 0;
    while (i < text.size()) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t before = i;
        const char32_t cp = decode_utf8(text, i);
        if (cp == 0xFFFD && !(i - before == 3 && text.substr(before, 3) == "\xEF\xBF\xBD")) {
            valid = false;
        }
        if (!nfc_inert(cp)) inert = false;
    }
    std::string clean;
    if (!valid) {
        clean.reserve(text.size() + 8);
        i = 0;
        while (i < text.size()) append_utf8(clean, decode_utf8(text, i));
        text = clean;
    }
    if (inert) return std::string(text);
    utf8proc_uint8_t* mapped = nullptr;
    const auto len =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (len < 0 || mapped == nullptr) {
        std::free(mapped);
        return std::string(text);  // cannot happen for valid UTF-8; keep the text as is
    }
    std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(len));
    std::free(mapped);
    return out;
}

namespace {

bool is_apostrophe(char32_t cp) noexcept {
    return cp == '\'' || cp == 0x2019;
}

char32_t peek(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return 0;
    return decode_utf8(s, i);
}

// "'s" or "'t" (as in 's-Hertogenbosch, 't Zand): s[i] is the letter after the apostrophe.
bool starts_short_article(std::string_view s, std::size_t i) noexcept {
    const char32_t c = peek(s, i);
    if (c != 's' && c != 't') return false;
    const char32_t after = peek(s, i + 1);
    return !is_letter(after) && !(after >= '0' && after <= '9');
}

// Words after which a full stop does not end the sentence (forms of address, initials,
// common Dutch abbreviations). Lowercase, without the dot.
bool is_abbreviation(std::string_view lower) {
    static constexpr std::array<std::string_view, 44> kAbbrev{
        "apr",  "aug", "bijv", "bv",   "ca",   "dec",   "dhr",  "dr",  "drs",  "ds",  "evt",
        "excl", "feb", "geb",  "gem",  "hr",   "i.v.m", "incl", "ing", "ir",   "jan", "jl",
        "jr",   "jul", "jun",  "max",  "min",  "mr",    "mrt",  "mvr", "mevr", "mw",  "nov",
        "nr",   "okt", "ong",  "prof", "resp", "sep",   "sept", "sr",  "st",   "tel", "vs"};
    return std::find(kAbbrev.begin(), kAbbrev.end(), lower) != kAbbrev.end();
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> tokens;
    tokens.reserve(s.size() / 4 + 4);
    std::size_t i = 0;
    while (i < s.size()) {
        Token t;
        t.begin = i;
        std::size_t next = i;
        const char32_t cp = decode_utf8(s, next);
        if (is_space(cp)) {
            t.kind = TokenKind::Space;
            std::size_t j = i;
            while (j < s.size()) {
                std::size_t k = j;
                const char32_t c = decode_utf8(s, k);
                if (!is_space(c)) break;
                if (c == '\n' || c == 0x2028 || c == 0x2029 || c == 0x85) t.newline = true;
                j = k;
            }
            t.end = j;
        } else if (cp >= '0' && cp <= '9') {
            t.kind = TokenKind::Number;
            std::size_t j = i;
            while (j < s.size() && is_ascii_digit(s[j])) ++j;
            t.end = j;
        } else if (is_letter(cp) || (is_apostrophe(cp) && starts_short_article(s, next))) {
            t.kind = TokenKind::Word;
            std::size_t j = next;
            t.upper_initial = is_letter(cp) && is_upper(cp);
            int letters = is_letter(cp) ? 1 : 0;
            int uppers = t.upper_initial ? 1 : 0;
            while (j < s.size()) {
                const char b = s[j];
                if (is_ascii_alpha(b)) {  // fast path for the common case
                    ++letters;
                    if (b <= 'Z') ++uppers;
                    ++j;
                    continue;
                }
                if (is_ascii_digit(b)) {
                    ++j;
                    continue;
                }
                std::size_t k = j;
                const char32_t c = decode_utf8(s, k);
                if (is_letter(c) || (c >= '0' && c <= '9')) {
                    if (is_letter(c)) {
                        ++letters;
                        if (is_upper(c)) ++uppers;
                    }
                    j = k;
                    continue;
                }
                if (c == '-' || is_apostrophe(c) || c == 0xAD) {
                    std::size_t m = k;
                    const char32_t after = m < s.size() ? decode_utf8(s, m) : 0;
                    if (is_letter(after) || (after >= '0' && after <= '9')) {
                        j = k;
                        continue;
                    }
                }
                break;
            }
            t.end = j;
            t.all_upper = letters >= 2 && uppers == letters;
        } else {
            t.kind = TokenKind::Punct;
            t.end = next;
        }
        i = t.end;
        tokens.push_back(t);
    }

    // Sentence starts: text start, after a line break, after . ! ? (unless the dot ends an
    // abbreviation or initial, or is followed directly by a non-space), and after ':'.
    bool at_start = true;
    std::string lower;
    for (std::size_t k = 0; k < tokens.size(); ++k) {
        Token& t = tokens[k];
        switch (t.kind) {
            case TokenKind::Word:
            case TokenKind::Number:
                t.sentence_start = at_start;
                at_start = false;
                break;
            case TokenKind::Space:
                if (t.newline) at_start = true;
                break;
            case TokenKind::Punct: {
                const char c = s[t.begin];
                if (c == '!' || c == '?' || c == ':') {
                    at_start = true;
                } else if (c == '.') {
                    const bool followed_by_space =
                        k + 1 == tokens.size() || tokens[k + 1].kind == TokenKind::Space;
                    bool abbreviation = false;
                    if (k > 0 && tokens[k - 1].kind == TokenKind::Word) {
                        const auto w =
                            s.substr(tokens[k - 1].begin, tokens[k - 1].end - tokens[k - 1].begin);
                        std::size_t p = 0;
                        decode_utf8(w, p);
                        to_lower(w, lower);
                        abbreviation = p == w.size() || is_abbreviation(lower);
                    }
                    if (followed_by_space && !abbreviation) at_start = true;
                } else if (c == ',' || c == ';') {
                    at_start = false;
                }
                break;
            }
        }
    }
    return tokens;
}

}  // namespace dialoog::pii::detail
