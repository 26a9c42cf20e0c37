#include "commands/tenzij/besluit_args.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace dialoog::tenzij {

namespace {

enum Clause { kTenzij = 0, kOpvolging = 1, kEigenaar = 2, kNone = 3 };

struct Word {
    std::size_t begin;
    std::size_t end;
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

std::vector<Word> split_words(std::string_view s) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        if (i >= s.size()) break;
        std::size_t b = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        out.push_back({b, i});
    }
    return out;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

Clause clause_of(std::string_view word) {
    std::string w = lower_ascii(word);
    if (!w.empty() && w.back() == ':') w.pop_back();  // "tenzij:" reads the same
    if (w == "tenzij" || w == "unless") return kTenzij;
    if (w == "opvolging" || w == "follow-up" || w == "followup") return kOpvolging;
    if (w == "eigenaar" || w == "owner") return kEigenaar;
    return kNone;
}

std::string trimmed(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b])) ++b;
    while (e > b && is_space(s[e - 1])) --e;
    // A comma or semicolon before the next clause word is punctuation, not text.
    while (e > b && (s[e - 1] == ',' || s[e - 1] == ';')) --e;
    while (e > b && is_space(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

}  // namespace

BesluitLine parse_besluit_line(std::string_view text, bool mentions_present) {
    auto words = split_words(text);
    struct Start {
        Clause kind;
        std::size_t word;  // index of the clause word
    };
    std::vector<Start> starts;
    std::array<bool, 3> used{false, false, false};
    for (std::size_t i = 1; i < words.size(); ++i) {
        Clause c = clause_of(text.substr(words[i].begin, words[i].end - words[i].begin));
        if (c == kNone || used[c]) continue;
        if (c == kEigenaar) {
            bool at_follows = i + 1 < words.size() && text[words[i + 1].begin] == '@';
            if (!at_follows && !mentions_present) continue;
        }
        used[c] = true;
        starts.push_back({c, i});
    }
    BesluitLine out;
    auto word_text = [&](std::size_t i) {
        return text.substr(words[i].begin, words[i].end - words[i].begin);
    };
    if (!words.empty()) {
        Clause first = clause_of(word_text(0));
        bool owner_ok = first != kEigenaar || (words.size() > 1 && text[words[1].begin] == '@');
        if (first != kNone && owner_ok) out.leading_clause = std::string(word_text(0));
    }
    std::size_t desc_end = starts.empty() ? text.size() : words[starts[0].word].begin;
    // "… eigenaar" as the description's last word: the owner is missing, not part of the text.
    std::size_t desc_words = 0;
    while (desc_words < words.size() && words[desc_words].begin < desc_end) ++desc_words;
    // Not after an article or possessive: "bellen met de eigenaar" is a description.
    static const std::array<std::string_view, 20> kDeterminers = {
        "de",   "het", "een", "die", "deze", "onze",  "hun", "zijn", "haar", "mijn",
        "jouw", "the", "a",   "an",  "our",  "their", "his", "her",  "my",   "your"};
    if (desc_words > 1 && clause_of(word_text(desc_words - 1)) == kEigenaar && !used[kEigenaar] &&
        std::find(kDeterminers.begin(), kDeterminers.end(),
                  lower_ascii(word_text(desc_words - 2))) == kDeterminers.end())
        out.empty_clause = std::string(word_text(desc_words - 1));
    out.description = trimmed(text.substr(0, desc_end));
    for (std::size_t k = 0; k < starts.size(); ++k) {
        const Word& w = words[starts[k].word];
        std::size_t end = k + 1 < starts.size() ? words[starts[k + 1].word].begin : text.size();
        std::string value = trimmed(text.substr(w.end, end - w.end));
        if (value.empty() && !out.empty_clause)
            out.empty_clause = std::string(text.substr(w.begin, w.end - w.begin));
        switch (starts[k].kind) {
            case kTenzij:
                out.tenzij = std::move(value);
                break;
            case kOpvolging:
                out.opvolging = std::move(value);
                break;
            case kEigenaar:
                out.eigenaar = std::move(value);
                break;
            case kNone:
                break;
        }
    }
    return out;
}

bool looks_like_user_id(std::string_view s) {
    if (s.size() < 4 || s[0] != '@') return false;
    auto colon = s.find(':');
    if (colon == std::string_view::npos || colon < 2 || colon + 1 >= s.size()) return false;
    for (char c : s)
        if (is_space(c)) return false;
    return true;
}

}  // namespace dialoog::tenzij
