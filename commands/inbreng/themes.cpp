#include "commands/inbreng/themes.hpp"

#include <algorithm>

namespace dialoog::inbreng {

namespace {

struct Alias {
    std::string_view word;
    std::string_view key;
};

constexpr Alias kAliases[] = {
    {"1", "drempels"},
    {"2", "dagelijks"},
    {"3", "arbeidsmarkt"},
    {"4", "systeem"},
    {"barriers", "drempels"},
    {"barrier", "drempels"},
    {"daily-life", "dagelijks"},
    {"daily", "dagelijks"},
    {"labour-market", "arbeidsmarkt"},
    {"labor-market", "arbeidsmarkt"},
    {"labour", "arbeidsmarkt"},
    {"system", "systeem"},
};

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool tag_byte(unsigned char c) {
    // ASCII letters and '-', and every byte of a multi-byte UTF-8 letter (é, ë, ı, ö).
    return (c >= 'a' && c <= 'z') || c == '-' || c >= 0x80;
}

}  // namespace

std::string theme_text_key(std::string_view key) {
    return "inbreng.theme." + std::string(key);
}

bool is_structural_theme(std::string_view key) {
    return std::find(kThemeKeys.begin(), kThemeKeys.end(), key) != kThemeKeys.end();
}

std::optional<std::string> normalise_tag(std::string_view word) {
    while (!word.empty() && (word.front() == '#')) word.remove_prefix(1);
    while (!word.empty() && (word.back() == '.' || word.back() == ';' || word.back() == '!' ||
                             word.back() == '?' || word.back() == ':'))
        word.remove_suffix(1);
    std::string w;
    for (char c : word) w.push_back(ascii_lower(c));
    for (const auto& a : kAliases)
        if (w == a.word) return std::string(a.key);
    if (is_structural_theme(w)) return w;
    if (w.size() < 2 || w.size() > 30) return std::nullopt;
    if (w.front() == '-' || w.back() == '-') return std::nullopt;
    for (unsigned char c : w)
        if (!tag_byte(c)) return std::nullopt;
    return w;
}

TagParse parse_tags(std::string_view text) {
    TagParse out;
    std::size_t i = 0;
    while (i < text.size()) {
        auto is_sep = [](char c) {
            return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\r';
        };
        while (i < text.size() && is_sep(text[i])) ++i;
        std::size_t start = i;
        while (i < text.size() && !is_sep(text[i])) ++i;
        if (start == i) break;
        auto word = text.substr(start, i - start);
        auto tag = normalise_tag(word);
        if (!tag) {
            if (!out.bad) out.bad = std::string(word);
            continue;
        }
        if (std::find(out.tags.begin(), out.tags.end(), *tag) != out.tags.end()) continue;
        if (out.tags.size() >= kMaxTags) {
            out.too_many = true;
            continue;
        }
        out.tags.push_back(*tag);
        out.typed.emplace_back(word);
    }
    return out;
}

}  // namespace dialoog::inbreng
