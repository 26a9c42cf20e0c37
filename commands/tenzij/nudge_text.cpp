#include "commands/tenzij/nudge_text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string_view>

namespace dialoog::tenzij {
namespace {

void append_utf8(std::string& out, utf8proc_int32_t cp) {
    utf8proc_uint8_t buffer[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, buffer);
    out.append(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

// Valid UTF-8 of at most kMaxMessageBytes: utf8proc_map and PCRE2 (with NO_UTF_CHECK) both
// need valid input, and a Matrix body can hold anything a client sends.
std::string sanitise_utf8(std::string_view body) {
    std::string out;
    out.reserve(std::min(body.size(), kMaxMessageBytes));
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(body.data());
    std::size_t i = 0;
    while (i < body.size()) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n =
            utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(body.size() - i), &cp);
        if (n <= 0) {
            cp = 0xFFFD;
            n = 1;
        }
        if (cp == 0) cp = ' ';
        std::size_t before = out.size();
        append_utf8(out, cp);
        if (out.size() > kMaxMessageBytes) {
            out.resize(before);
            break;
        }
        i += static_cast<std::size_t>(n);
    }
    return out;
}

// What a code point becomes after NFKC + case folding: 0 = drop, ' ' = a space, '\'' or '"'
// for the quote families, '-' for dashes, or -1 = keep as is.
int ascii_class(utf8proc_int32_t cp) {
    switch (cp) {
        case '\n':
            return -1;
        case 0x2018:
        case 0x2019:
        case 0x201A:
        case 0x201B:
        case 0x2032:
        case 0x2035:
        case 0x02BC:
        case 0x02BB:
        case 0x02B9:
        case 0x00B4:
        case 0x2039:
        case 0x203A:
        case 0xFF07:
            return '\'';
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x201F:
        case 0x00AB:
        case 0x00BB:
        case 0x2033:
        case 0x2036:
        case 0x301D:
        case 0x301E:
        case 0x301F:
        case 0xFF02:
            return '"';
        case 0x2010:
        case 0x2011:
        case 0x2012:
        case 0x2013:
        case 0x2014:
        case 0x2015:
        case 0x2212:
        case 0xFE58:
        case 0xFE63:
        case 0xFF0D:
            return '-';
        case 0x00A0:
        case 0x1680:
        case 0x202F:
        case 0x205F:
        case 0x3000:
            return ' ';
        case 0x200B:
        case 0x200C:
        case 0x200D:
        case 0x2060:
        case 0xFEFF:
        case 0x00AD:
            return 0;
        default:
            break;
    }
    if (cp >= 0x2000 && cp <= 0x200A) return ' ';
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) return ' ';  // other control characters
    return -1;
}

std::string map_code_points(std::string_view text, bool collapse_spaces) {
    std::string out;
    out.reserve(text.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    std::size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n =
            utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0) {  // cannot happen on sanitised text; be defensive anyway
            ++i;
            continue;
        }
        int cls = ascii_class(cp);
        if (cls == -1) {
            out.append(text.substr(i, static_cast<std::size_t>(n)));
        } else if (cls == ' ') {
            if (!collapse_spaces || (!out.empty() && out.back() != ' ' && out.back() != '\n')) {
                out.push_back(' ');
            }
        } else if (cls != 0) {
            out.push_back(static_cast<char>(cls));
        }
        i += static_cast<std::size_t>(n);
    }
    return out;
}

bool is_space(char c) {
    return c == ' ';
}
bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Dutch and English clitics written with a leading apostrophe ('s avonds, 't, gaat 'm niet,
// 'em, 'cause): the apostrophe is part of the word and opens no quotation.
bool starts_clitic(std::string_view s, std::size_t k) {
    static constexpr std::array<std::string_view, 12> kClitics = {
        "s", "t", "m", "n", "k", "r", "em", "er", "ns", "cause", "til", "tis"};
    std::size_t e = k;
    while (e < s.size() && is_ascii_letter(s[e])) ++e;
    std::string_view word = s.substr(k, e - k);
    return std::find(kClitics.begin(), kClitics.end(), word) != kClitics.end();
}

void blank_range(std::string& s, std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < s.size(); ++k) s[k] = ' ';
}

// Quoted speech is someone else's voice ("hij zei 'dat kan niet'"), so its content must not
// fire. The quote marks stay so reported-speech guards still see that something was quoted.
void blank_quotations(std::string& s) {
    std::size_t open = std::string::npos;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '"') continue;
        if (open == std::string::npos) {
            open = i;
        } else {
            blank_range(s, open + 1, i);
            open = std::string::npos;
        }
    }
    if (open != std::string::npos) blank_range(s, open + 1, s.size());  // unclosed: to the end

    auto opener = [&](std::size_t i) {
        if (s[i] != '\'') return false;
        if (i > 0 && std::string_view(" ([{:\"").find(s[i - 1]) == std::string_view::npos) {
            return false;
        }
        if (i + 1 >= s.size() || is_space(s[i + 1]) || s[i + 1] == '\'') return false;
        return !is_digit(s[i + 1]) && !starts_clitic(s, i + 1);
    };
    auto closer = [&](std::size_t j) {
        if (s[j] != '\'' || j == 0 || is_space(s[j - 1])) return false;
        return j + 1 >= s.size() ||
               std::string_view(" .,!?;:)]}\"-").find(s[j + 1]) != std::string_view::npos;
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!opener(i)) continue;
        for (std::size_t j = i + 1; j < s.size(); ++j) {
            if (closer(j)) {
                blank_range(s, i + 1, j);
                i = j;
                break;
            }
        }
    }
}

std::string collapse_and_trim(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (is_space(c) && (out.empty() || is_space(out.back()))) continue;
        out.push_back(c);
    }
    while (!out.empty() && is_space(out.back())) out.pop_back();
    return out;
}

bool starts_with_fence(std::string_view s) {
    return s.substr(0, 3) == "```";
}

// A single '.' after a short token that is an abbreviation ("o.a.", "bijv.", "e.g.") does
// not end the sentence; splitting there would cut "Kan dat bijv. niet?" in two.
bool is_abbreviation_dot(std::string_view s, std::size_t dot) {
    static constexpr std::array<std::string_view, 18> kAbbreviations = {
        "bijv", "evt", "dhr",  "mw", "mevr", "nr", "ca", "etc", "incl",
        "excl", "vs",  "resp", "mr", "mrs",  "ms", "dr", "zgn", "ivm"};
    std::size_t b = dot;
    while (b > 0 && !is_space(s[b - 1])) --b;
    std::string_view token = s.substr(b, dot - b);
    if (token.empty()) return false;
    if (token.size() == 1 && is_ascii_letter(token[0])) return true;
    if (token.find('.') != std::string_view::npos) return true;
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), token) != kAbbreviations.end();
}

void push_sentence(std::vector<Sentence>& out, std::string_view text, bool question) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    // Cut overlong runs at a space (or a code point boundary) to bound guard work.
    while (!text.empty()) {
        std::string_view piece = text;
        if (piece.size() > kMaxSentenceBytes) {
            std::size_t cut = piece.rfind(' ', kMaxSentenceBytes);
            if (cut == std::string_view::npos || cut == 0) {
                cut = kMaxSentenceBytes;
                while (cut > 0 && (static_cast<unsigned char>(piece[cut]) & 0xC0) == 0x80) --cut;
                if (cut == 0) cut = kMaxSentenceBytes;
            }
            piece = piece.substr(0, cut);
        }
        text.remove_prefix(piece.size());
        while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
        while (!piece.empty() && is_space(piece.back())) piece.remove_suffix(1);
        if (piece.empty()) continue;

        Sentence sentence;
        sentence.text = piece;
        sentence.question = question && text.empty();
        sentence.segment_starts.push_back(0);
        for (std::size_t i = 0; i < piece.size(); ++i) {
            char c = piece[i];
            bool boundary = c == ',' || c == ';' || c == ':' || c == '(' || c == ')' ||
                            (c == '-' && i > 0 && is_space(piece[i - 1]) && i + 1 < piece.size() &&
                             is_space(piece[i + 1]));
            if (boundary) {
                std::size_t next = i + 1;
                while (next < piece.size() && is_space(piece[next])) ++next;
                sentence.segment_starts.push_back(next);
            }
        }
        out.push_back(std::move(sentence));
    }
}

}  // namespace

std::string normalise_message(std::string_view body) {
    std::string clean = sanitise_utf8(body);
    utf8proc_uint8_t* mapped = nullptr;
    const auto options = static_cast<utf8proc_option_t>(
        UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE |
        UTF8PROC_LUMP | UTF8PROC_NLF2LF);
    utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(clean.data()),
                     static_cast<utf8proc_ssize_t>(clean.size()), &mapped, options);
    std::string folded;
    if (n >= 0 && mapped != nullptr) {
        folded.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
    } else {
        folded = clean;  // utf8proc refused (out of memory): match on the unfolded text
    }
    std::free(mapped);
    return map_code_points(folded, true);
}

std::string normalise_pattern_quotes(std::string_view pattern) {
    std::string clean = sanitise_utf8(pattern);
    std::string out;
    out.reserve(clean.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(clean.data());
    std::size_t i = 0;
    while (i < clean.size()) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n =
            utf8proc_iterate(p + i, static_cast<utf8proc_ssize_t>(clean.size() - i), &cp);
        if (n <= 0) break;
        int cls = ascii_class(cp);
        // Only quotes and apostrophes: spaces and controls in a pattern are the author's.
        if (cls == '\'' || cls == '"') {
            out.push_back(static_cast<char>(cls));
        } else {
            out.append(clean, i, static_cast<std::size_t>(n));
        }
        i += static_cast<std::size_t>(n);
    }
    return out;
}

std::vector<std::string> speakable_lines(std::string_view normalised) {
    std::vector<std::string> lines;
    bool in_fence = false;
    std::size_t start = 0;
    while (start <= normalised.size()) {
        std::size_t end = normalised.find('\n', start);
        if (end == std::string_view::npos) end = normalised.size();
        std::string_view line = normalised.substr(start, end - start);
        start = end + 1;
        while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
        if (starts_with_fence(line)) {
            in_fence = !in_fence;
            continue;
        }
        if (in_fence || line.empty() || line.front() == '>') continue;
        std::string text(line);
        blank_quotations(text);
        // Markdown emphasis (*nee*, _niet_, ~~x~~, `x`) would hide words from \b.
        for (char& c : text) {
            if (c == '*' || c == '_' || c == '~' || c == '`') c = ' ';
        }
        text = collapse_and_trim(text);
        if (!text.empty()) lines.push_back(std::move(text));
    }
    return lines;
}

std::vector<Sentence> split_sentences(std::string_view line) {
    std::vector<Sentence> out;
    std::size_t start = 0;
    std::size_t i = 0;
    while (i < line.size()) {
        char c = line[i];
        if (c != '.' && c != '!' && c != '?') {
            ++i;
            continue;
        }
        std::size_t run_end = i;
        bool question = false;
        while (run_end < line.size() &&
               (line[run_end] == '.' || line[run_end] == '!' || line[run_end] == '?')) {
            question = question || line[run_end] == '?';
            ++run_end;
        }
        std::size_t after = run_end;
        while (after < line.size() &&
               (line[after] == ')' || line[after] == '"' || line[after] == '\'')) {
            ++after;
        }
        bool ends = after >= line.size() || is_space(line[after]);
        if (ends && run_end - i == 1 && c == '.' && is_abbreviation_dot(line, i)) ends = false;
        if (!ends) {
            i = run_end;
            continue;
        }
        push_sentence(out, line.substr(start, i - start), question);
        start = after;
        i = after;
    }
    if (start < line.size()) push_sentence(out, line.substr(start), false);
    return out;
}

std::size_t segment_index(const Sentence& sentence, std::size_t pos) {
    auto it = std::upper_bound(sentence.segment_starts.begin(), sentence.segment_starts.end(), pos);
    if (it == sentence.segment_starts.begin()) return 0;
    return static_cast<std::size_t>(it - sentence.segment_starts.begin()) - 1;
}

}  // namespace dialoog::tenzij
