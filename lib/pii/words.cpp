#include "lib/pii/words.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>
#include <utility>

#include "lib/pii/lists.hpp"

namespace dialoog::pii::detail {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// One hash lookup per word: this runs for every word of every text.
std::uint32_t lookup_flags(std::string_view lower) {
    static const std::unordered_map<std::string_view, std::uint32_t> table = [] {
        std::unordered_map<std::string_view, std::uint32_t> m;
        for (const RuleWord& e : rule_words()) m.emplace(e.word, e.roles);
        return m;
    }();
    if (lower.size() > 20) return 0;
    const auto it = table.find(lower);
    return it != table.end() ? it->second : 0;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Street-name endings (lib/pii/data/street_suffixes.txt). With a house number any of them;
// without one only the unambiguous ones (many surnames end in -dijk, -hof, -veld, -kamp).
bool has_street_suffix(std::string_view lower, bool strong) {
    const auto suffixes = street_suffixes(strong);
    if (strong) {
        return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view s) {
            return lower.size() > s.size() + 2 && ends_with(lower, s);
        });
    }
    return std::any_of(suffixes.begin(), suffixes.end(),
                       [&](std::string_view s) { return ends_with(lower, s); });
}

bool is_apostrophe_at(std::string_view s, std::size_t i) {
    return s.substr(i, 1) == "'" || s.substr(i, 3) == "\xE2\x80\x99";
}

class WordScanner {
  public:
    WordScanner(std::string_view text, const std::vector<Token>& tokens, const WordList& dict,
                const KeepWords& keep, const std::vector<Candidate>& structured,
                std::vector<Candidate>& out)
        : s_(text),
          t_(tokens),
          dict_(dict),
          keep_(keep),
          out_(out),
          lower_(tokens.size()),
          lower_done_(tokens.size(), 0),
          flags_(tokens.size(), 0),
          consumed_(tokens.size(), 0) {
        for (const Candidate& c : structured) {
            if (c.type == PiiType::Postcode) postcode_ends_.push_back(c.end);
        }
        std::sort(postcode_ends_.begin(), postcode_ends_.end());
    }

    void run() {
        for (std::size_t k = 0; k < t_.size(); ++k) {
            if (t_[k].kind == TokenKind::Number) {
                number_rules(k);
            } else if (t_[k].kind == TokenKind::Word) {
                word_rules(k);
            }
        }
    }

  private:
    // ---- token access -----------------------------------------------------------------
    std::string_view text(std::size_t k) const {
        return s_.substr(t_[k].begin, t_[k].end - t_[k].begin);
    }
    bool is_word(std::size_t k) const { return k < t_.size() && t_[k].kind == TokenKind::Word; }
    bool is_number(std::size_t k) const { return k < t_.size() && t_[k].kind == TokenKind::Number; }
    bool is_punct(std::size_t k, char c) const {
        return k < t_.size() && t_[k].kind == TokenKind::Punct && s_[t_[k].begin] == c &&
               t_[k].end == t_[k].begin + 1;
    }
    bool is_inline_space(std::size_t k) const {
        return k < t_.size() && t_[k].kind == TokenKind::Space && !t_[k].newline;
    }

    const std::string& lower(std::size_t k) {
        if (!lower_done_[k]) {
            to_lower(text(k), lower_[k]);
            lower_done_[k] = 1;
            flags_[k] = lookup_flags(lower_[k]);
        }
        return lower_[k];
    }
    std::uint32_t flags(std::size_t k) {
        lower(k);
        return flags_[k];
    }
    bool has(std::size_t k, std::uint32_t flag) { return is_word(k) && (flags(k) & flag) != 0; }

    // Next/previous non-space token on the same line (kNone past a line break or the end).
    std::size_t next_tok(std::size_t k) const {
        std::size_t j = k + 1;
        if (j < t_.size() && t_[j].kind == TokenKind::Space) {
            if (t_[j].newline) return kNone;
            ++j;
        }
        return j < t_.size() ? j : kNone;
    }
    std::size_t prev_tok(std::size_t k) const {
        if (k == 0 || k == kNone) return kNone;
        std::size_t j = k - 1;
        if (t_[j].kind == TokenKind::Space) {
            if (t_[j].newline || j == 0) return kNone;
            --j;
        }
        return j;
    }
    // Next word separated by exactly one inline space (a name or place continues like this).
    std::size_t next_spaced_word(std::size_t k) const {
        if (!is_inline_space(k + 1) || !is_word(k + 2)) return kNone;
        return k + 2;
    }
    std::size_t prev_spaced_word(std::size_t k) const {
        if (k < 2 || !is_inline_space(k - 1) || !is_word(k - 2)) return kNone;
        return k - 2;
    }

    // The word without a possessive "'s" / "'" ("Fatima's" -> "Fatima").
    std::string_view base(std::size_t k) const {
        std::string_view w = text(k);
        for (std::string_view suffix : {"'s", "\xE2\x80\x99s"}) {
            if (w.size() > suffix.size() + 1 && ends_with(w, suffix))
                return w.substr(0, w.size() - suffix.size());
        }
        return w;
    }
    std::size_t base_end(std::size_t k) const { return t_[k].begin + base(k).size(); }

    bool has_digit(std::size_t k) const {
        const auto w = text(k);
        return std::any_of(w.begin(), w.end(), is_ascii_digit);
    }

    // ---- word knowledge ---------------------------------------------------------------
    bool common(std::string_view lower_word) const { return dict_.contains_common(lower_word); }
    bool proper(std::string_view word) const { return dict_.contains_proper(word); }

    bool is_keep(std::string_view word) const {
        if (is_builtin_keep_word(word)) return true;
        if (std::binary_search(keep_.exact.begin(), keep_.exact.end(), word)) return true;
        if (keep_.lower.empty()) return false;
        std::string l;
        to_lower(word, l);
        return std::binary_search(keep_.lower.begin(), keep_.lower.end(), l);
    }

    // Initial: one uppercase letter directly followed by '.' ("P." in "P. de Vries").
    bool is_initial(std::size_t k) const {
        if (!is_word(k) || !t_[k].upper_initial || !is_punct(k + 1, '.')) return false;
        std::size_t i = t_[k].begin;
        decode_utf8(s_, i);
        return i == t_[k].end;
    }

    // Can word k be part of a person's name that is already being read?
    bool name_part(std::size_t k) {
        if (!is_word(k) || !t_[k].upper_initial || has_digit(k)) return false;
        const std::string_view w = base(k);
        if (is_keep(w) || is_country_or_region(w)) return false;
        const std::uint32_t f = flags(k);
        if ((f & (kTitle | kRole)) != 0) return false;
        if ((f & kStop) != 0 && (f & kInterfix) == 0) return false;
        // "Jan" is a name far more often than January; full month names are not names.
        if ((f & kMonth) != 0 && lower(k).size() > 3) return false;
        return true;
    }
    // Does a (possibly capitalised) interfix chain starting at k lead to a name part?
    std::size_t interfix_chain_end(std::size_t k, bool lenient = true) {
        std::size_t j = k;
        for (int steps = 0; steps < 3 && is_word(j) && has(j, kInterfix); ++steps) {
            const std::size_t n = next_spaced_word(j);
            if (n == kNone) return kNone;
            if (name_part(n) && !has(n, kInterfix) && (lenient || looks_like_name(n))) return n;
            j = n;
        }
        return kNone;
    }

    static std::string capitalised(std::string_view lower_word) {
        std::string out(lower_word);
        if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 32);
        return out;
    }

    // ---- emitting ---------------------------------------------------------------------
    void emit(std::size_t begin, std::size_t end, PiiType type, int priority) {
        if (end > begin) out_.push_back({begin, end, type, priority});
    }
    void consume(std::size_t first, std::size_t last) {
        for (std::size_t k = first; k <= last && k < t_.size(); ++k) consumed_[k] = 1;
    }

    // ---- context ----------------------------------------------------------------------
    // Any word with `flag` among the `back` words before k, within the sentence.
    bool flag_before(std::size_t k, std::uint32_t flag, int back) {
        int words = 0;
        for (std::size_t j = k; j > 0 && words < back;) {
            --j;
            const Token& t = t_[j];
            if (t.kind == TokenKind::Space) {
                if (t.newline) return false;
                continue;
            }
            if (t.kind == TokenKind::Punct) continue;  // sentence ends show as sentence_start
            ++words;
            if (t.kind == TokenKind::Word && (flags(j) & flag) != 0) return true;
            if (t.sentence_start) return false;
        }
        return false;
    }
    bool flag_after(std::size_t k, std::uint32_t flag, int ahead) {
        int words = 0;
        for (std::size_t j = k + 1; j < t_.size() && words < ahead; ++j) {
            const Token& t = t_[j];
            if (t.kind == TokenKind::Space) {
                if (t.newline) return false;
                continue;
            }
            if (t.kind == TokenKind::Punct) {
                const char c = s_[t.begin];
                if (c == '.' || c == '!' || c == '?' || c == ';') return false;
                continue;
            }
            if (t.sentence_start) return false;
            ++words;
            if (t.kind == TokenKind::Word && (flags(j) & flag) != 0) return true;
        }
        return false;
    }
    bool birth_context(std::size_t k) {
        return flag_before(k, kBirth, 6) || flag_after(k, kBirth, 3);
    }

    // The place at k is where someone lives, was born or comes from.
    bool residence_context(std::size_t k) {
        const std::size_t p = prev_tok(k);
        if (p == kNone) return false;
        if (is_punct(p, ':')) {
            const std::size_t q = prev_tok(p);
            return is_word(q) && (has(q, kResidence) || lower(q) == "adres");
        }
        if (!is_word(p)) return false;
        const std::string& lp = lower(p);
        if (lp == "uit" || lp == "vanuit") return true;
        if ((flags(p) & kResidence) != 0) return true;  // "geboren Amsterdam", "woonplaats Ede"
        if (lp == "in" || lp == "te" || lp == "naar" || lp == "van" || lp == "nabij") {
            return flag_before(p, kResidence, 6);
        }
        return false;
    }

    // "gemeente Amsterdam", "UWV Zwolle", "Hogeschool van Amsterdam": an organisation, which
    // may stay; unless the organisation's area is where the person lives ("woont in de
    // gemeente Zwolle").
    bool org_context(std::size_t k) {
        std::size_t p = prev_tok(k);
        if (is_word(p) && (lower(p) == "van" || lower(p) == "de")) {
            // "Universiteit van Amsterdam", "gemeente De Bilt"
            const std::size_t q = prev_tok(p);
            if (is_word(q) && (lower(q) == "universiteit" || lower(q) == "hogeschool" ||
                               lower(q) == "gemeente" || lower(q) == "provincie"))
                p = q;
        }
        if (!has(p, kOrg)) return false;
        std::size_t q = prev_tok(p);
        if (is_word(q) && (lower(q) == "de" || lower(q) == "het")) q = prev_tok(q);
        if (is_word(q) && has(q, kLocPrep) && flag_before(q, kResidence, 6)) return false;
        return true;
    }

    struct PlaceMatch {
        std::size_t last = kNone;
        bool country = false;
    };
    // Longest known place or country starting at word k; words joined by single spaces.
    PlaceMatch match_place(std::size_t k) {
        std::array<std::size_t, 8> words{};
        std::size_t count = 0;
        const std::size_t max_words = std::min<std::size_t>(max_place_words(), words.size());
        std::size_t j = k;
        while (j != kNone && count < max_words) {
            words[count++] = j;
            const std::size_t n = next_spaced_word(j);
            if (n == kNone || t_[n - 1].end - t_[n - 1].begin != 1 || s_[t_[n - 1].begin] != ' ')
                break;
            // places continue with capitalised words and a few connectors ("Bergen op Zoom")
            if (!t_[n].upper_initial && (flags(n) & kInterfix) == 0 && lower(n) != "aan" &&
                lower(n) != "bij" && lower(n) != "en")
                break;
            j = n;
        }
        for (std::size_t m = count; m > 0; --m) {
            const std::size_t last = words[m - 1];
            if (m > 1 && !t_[last].upper_initial) continue;
            const std::string_view phrase =
                m == 1 ? base(k) : s_.substr(t_[k].begin, base_end(last) - t_[k].begin);
            if (is_known_place(phrase)) return {last, false};
            if (is_country_or_region(phrase)) return {last, true};
        }
        return {};
    }

    bool after_postcode(std::size_t k) const {
        const std::size_t p = prev_tok(k);
        if (p == kNone) return false;
        std::size_t end = t_[p].end;
        if (is_punct(p, ',')) {  // "3512 AB, Utrecht"
            const std::size_t q = prev_tok(p);
            if (q == kNone) return false;
            end = t_[q].end;
        }
        return std::binary_search(postcode_ends_.begin(), postcode_ends_.end(), end);
    }

    // A compound of common words ("Jongerenloket" = jongeren + loket) is an organisation or a
    // capitalised noun rather than a surname. Parts of 4+ bytes, an optional linking 's'.
    bool decomposable(std::string_view lw) const {
        if (lw.size() < 8 || lw.size() > 48 || dict_.empty()) return false;
        std::array<std::uint8_t, 49> parts{};
        parts.fill(255);
        parts[0] = 0;
        for (std::size_t i = 0; i < lw.size(); ++i) {
            if (parts[i] >= 4) continue;
            for (std::size_t j = i + 4; j <= lw.size(); ++j) {
                if (!common(lw.substr(i, j - i))) continue;
                const auto n = static_cast<std::uint8_t>(parts[i] + 1);
                parts[j] = std::min(parts[j], n);
                if (j < lw.size() && lw[j] == 's') parts[j + 1] = std::min(parts[j + 1], n);
            }
        }
        return parts[lw.size()] >= 2 && parts[lw.size()] <= 4;
    }

    // common word, also with a linking 's' ("leiderschaps-expert")
    bool common_or_linked(std::string_view l) const {
        if (common(l)) return true;
        return l.size() > 4 && l.back() == 's' && common(l.substr(0, l.size() - 1));
    }
    static bool is_acronym(std::string_view part) {
        return part.size() >= 2 && std::all_of(part.begin(), part.end(), [](char c) {
                   return (c >= 'A' && c <= 'Z') || is_ascii_digit(c);
               });
    }
    // A keep-word followed by common words: "Wajongerscasussen", "UWV'ers", "Wmo-loket".
    bool keep_compound(std::string_view w) const {
        std::string rest;
        for (std::size_t len = 2; len < w.size() && len <= 24; ++len) {
            const std::string_view head = w.substr(0, len);
            if (!is_keep(head)) continue;
            std::string_view tail = w.substr(len);
            while (!tail.empty() && (tail.front() == '-' || tail.front() == '\''))
                tail.remove_prefix(1);
            if (!tail.empty() && tail.front() == 's') {
                to_lower(tail.substr(1), rest);
                if (rest.empty() || common(rest) || decomposable(rest)) return true;
            }
            to_lower(tail, rest);
            if (rest.empty() || common(rest) || decomposable(rest)) return true;
            // plurals and person forms of a keep-word: "Jobcoaches", "Wajongers", "UWV'ers"
            if (rest == "er" || rest == "ers" || rest == "es" || rest == "en" || rest == "s" ||
                rest == "'s" || rest == "'ers")
                return true;
        }
        return false;
    }
    // A word that can start a name when read leftwards from a surname.
    bool looks_like_name(std::size_t q) {
        const std::string_view w = base(q);
        if (proper(w)) return true;
        std::string l;
        to_lower(w, l);
        if (common(l) || decomposable(l) || keep_compound(w)) return false;
        if (w.find('-') != std::string_view::npos) {
            std::size_t from = 0;
            bool all_common = true;
            while (from <= w.size()) {
                const std::size_t dash = w.find('-', from);
                const auto part = w.substr(from, dash == w.npos ? w.npos : dash - from);
                to_lower(part, l);
                if (!common_or_linked(l) || proper(part)) all_common = false;
                if (dash == w.npos) break;
                from = dash + 1;
            }
            if (all_common) return false;
        }
        return true;
    }

    // ---- names ------------------------------------------------------------------------
    std::size_t extend_name_right(std::size_t last) {
        for (int guard = 0; guard < 8; ++guard) {
            if (is_punct(last, '.') && last > 0 && is_initial(last - 1)) {
                // after an initial: "P. de Vries", "J.P. Balkenende"
                if (is_initial(last + 1)) {
                    last = last + 2;
                    continue;
                }
            }
            const std::size_t n = next_spaced_word(last);
            if (n == kNone) break;
            if (is_initial(n)) {
                last = n + 1;
                continue;
            }
            if (has(n, kInterfix)) {
                const std::size_t e = interfix_chain_end(n, false);
                if (e == kNone) break;
                last = e;
                continue;
            }
            if (name_part(n) && !t_[n].all_upper && looks_like_name(n)) {
                last = n;
                continue;
            }
            break;
        }
        return last;
    }

    std::size_t extend_name_left(std::size_t first) {
        for (int guard = 0; guard < 8; ++guard) {
            if (first < 2 || !is_inline_space(first - 1)) break;
            const std::size_t q = first - 2;
            if (is_punct(q, '.') && q > 0 && is_initial(q - 1)) {
                first = q - 1;
                while (first >= 2 && is_punct(first - 1, '.') && is_initial(first - 2))
                    first -= 2;  // "J.P."
                continue;
            }
            if (!is_word(q) || consumed_[q]) break;
            if (has(q, kInterfix)) {
                const std::size_t r = prev_spaced_word(q);
                if (r != kNone && left_name_word(r)) {
                    first = r;
                    continue;
                }
                if (r != kNone && has(r, kInterfix)) {  // "van der"
                    const std::size_t r2 = prev_spaced_word(r);
                    if (r2 != kNone && left_name_word(r2)) {
                        first = r2;
                        continue;
                    }
                }
                if (t_[q].upper_initial) first = q;  // "Van Dijk", "El Amrani"
                break;
            }
            if (left_name_word(q)) {
                first = q;
                continue;
            }
            break;
        }
        return first;
    }
    bool left_name_word(std::size_t q) {
        if (!name_part(q) || t_[q].all_upper) return false;
        return looks_like_name(q);
    }

    void emit_name(std::size_t first, std::size_t last, PiiType type) {
        first = extend_name_left(first);
        last = extend_name_right(last);
        const std::size_t end = is_word(last) ? base_end(last) : t_[last].end;
        emit(t_[first].begin, end, type, type == PiiType::Plaats ? kPriorityPlace : kPriorityName);
        consume(first, last);
    }

    // After a form of address or a relation word: "mevrouw Jansen", "Dhr. P. de Vries",
    // "haar zoon Daan".
    void name_after_title(std::size_t k) {
        const std::uint32_t f = flags(k);
        const bool title = (f & kTitle) != 0;
        if (title && lower(k) == "heer") {
            const std::size_t p = prev_tok(k);
            if (!is_word(p) || lower(p) != "de") return;
        }
        std::size_t j = k + 1;
        if (is_punct(j, '.')) ++j;
        if (!is_inline_space(j)) return;
        ++j;
        if (!is_word(j) || consumed_[j]) return;
        std::size_t last = kNone;
        if (is_initial(j) && title) {
            last = j + 1;
        } else if (!t_[j].upper_initial && !dict_.empty() && !has_digit(j) &&
                   t_[j].end - t_[j].begin >= 3 && !is_punct(j + 1, '.') &&
                   (flags(j) & (kStop | kInterfix | kTitle | kRole | kCaseFiller | kMonth)) == 0 &&
                   !common(lower(j)) && (title || proper(capitalised(lower(j))))) {
            last = j;  // typed in lowercase: "mevrouw jansen", "zoon daan"
        } else if (has(j, kInterfix) && title) {
            last = interfix_chain_end(j);
        } else if (name_part(j) && !has(j, kInterfix)) {
            if (!title) {
                // a relation word needs something that looks like a name
                const std::string_view w = base(j);
                if (t_[j].all_upper || is_known_place(w)) return;
                if (!proper(w) && common(lower(j))) return;
            }
            last = j;
        }
        if (last == kNone) return;
        last = extend_name_right(last);
        const std::size_t end = is_word(last) ? base_end(last) : t_[last].end;
        emit(t_[j].begin, end, PiiType::Naam, kPriorityName);
        consume(j, last);
    }

    // ---- case numbers -----------------------------------------------------------------
    bool is_case_keyword(std::size_t k) {
        const std::string& lw = lower(k);
        if ((flags(k) & kCaseKey) != 0) return true;
        if ((ends_with(lw, "nummer") && lw.size() > 6) || (ends_with(lw, "nr") && lw.size() > 4))
            return true;
        if ((lw == "nummer" || lw == "nr") && flag_before(k, kCasePrefix, 4)) return true;
        if ((flags(k) & kCasePrefix) != 0) {
            const std::size_t n = next_spaced_word(k);
            return n != kNone && (lower(n) == "nr" || lower(n) == "nummer" || lower(n) == "no");
        }
        return false;
    }

    void case_number_after(std::size_t k) {
        std::size_t j = k + 1;
        for (int skips = 0; j < t_.size() && skips < 6;) {
            const Token& t = t_[j];
            if (t.kind == TokenKind::Space) {
                if (t.newline) return;
                ++j;
                continue;
            }
            if (t.kind == TokenKind::Punct && t.end == t.begin + 1 &&
                std::string_view(":#=-.(").find(s_[t.begin]) != std::string_view::npos) {
                ++j;
                ++skips;
                continue;
            }
            if (t.kind == TokenKind::Word && has(j, kCaseFiller) && !has_digit(j)) {
                ++j;
                ++skips;
                continue;
            }
            break;
        }
        if (j >= t_.size() || !is_ascii_alnum(s_[t_[j].begin])) return;
        const std::size_t begin = t_[j].begin;
        const bool iban_like = begin + 4 <= s_.size() && is_ascii_alpha(s_[begin]) &&
                               is_ascii_alpha(s_[begin + 1]) && is_ascii_digit(s_[begin + 2]) &&
                               is_ascii_digit(s_[begin + 3]);
        std::size_t p = begin;
        std::size_t last_good = begin;
        int digits = 0;
        while (p < s_.size() && p - begin < 64) {
            const char c = s_[p];
            if (is_ascii_alnum(c)) {
                if (is_ascii_digit(c)) ++digits;
                last_good = ++p;
            } else if ((c == '.' || c == '/' || c == '-' || c == '_') && p + 1 < s_.size() &&
                       is_ascii_alnum(s_[p + 1])) {
                ++p;
            } else if (c == ' ' && p + 1 < s_.size() &&
                       (is_ascii_digit(s_[p + 1]) ||
                        (iban_like && s_[p + 1] >= 'A' && s_[p + 1] <= 'Z' && p + 5 <= s_.size() &&
                         is_ascii_alnum(s_[p + 4])))) {
                ++p;
            } else {
                break;
            }
        }
        if (digits >= 2) emit(begin, last_good, PiiType::Nummer, kPriorityCaseNumber);
    }

    // ---- dates ------------------------------------------------------------------------
    static bool year_value(std::string_view digits, int& year) {
        if (digits.size() != 4) return false;
        year = std::stoi(std::string(digits));
        return year >= 1880 && year <= 2099;
    }

    // Day number right before a month word k ("3 maart", "3e maart"); kNone if none.
    std::size_t day_before(std::size_t k) {
        std::size_t p = prev_tok(k);
        if (p == kNone || p + 1 == k) return kNone;  // needs a space: "3 maart"
        if (is_word(p) && p > 0 && is_number(p - 1) && t_[p - 1].end == t_[p].begin) {
            const std::string& l = lower(p);
            if (l == "e" || l == "ste" || l == "de") p = p - 1;
        }
        if (!is_number(p) || t_[p].end - t_[p].begin > 2) return kNone;
        const int day = std::stoi(std::string(text(p)));
        return (day >= 1 && day <= 31) ? p : kNone;
    }

    void month_rules(std::size_t k) {
        std::size_t month_end = k;
        if (is_punct(k + 1, '.')) month_end = k + 1;
        const std::size_t day = day_before(k);
        const std::size_t first = day != kNone ? day : k;
        // year: "1990" or "'85"
        if (is_inline_space(month_end + 1)) {
            const std::size_t y = month_end + 2;
            int year = 0;
            if (is_number(y) && year_value(text(y), year) &&
                !(y + 1 < t_.size() &&
                  (t_[y + 1].kind == TokenKind::Word || t_[y + 1].kind == TokenKind::Number))) {
                emit(t_[first].begin, t_[y].end, PiiType::Datum, kPriorityDate);
                consume(first, y);
                return;
            }
            if (y + 1 < t_.size() && t_[y].kind == TokenKind::Punct &&
                is_apostrophe_at(s_, t_[y].begin) && is_number(y + 1) &&
                t_[y + 1].end - t_[y + 1].begin == 2 && day != kNone) {
                emit(t_[first].begin, t_[y + 1].end, PiiType::Datum, kPriorityDate);
                consume(first, y + 1);
                return;
            }
        }
        if (day != kNone && (flag_before(day, kBirth, 6) || flag_after(month_end, kBirth, 4))) {
            emit(t_[day].begin, t_[month_end].end, PiiType::Datum, kPriorityDate);
            consume(day, month_end);
        }
    }

    // ---- numbers ----------------------------------------------------------------------
    void number_rules(std::size_t k) {
        if (consumed_[k]) return;
        const std::string_view digits = text(k);
        if (digits.size() > 6) return;
        const int value = std::stoi(std::string(digits));
        if (address_number(k, value)) return;
        if (age_number(k, value)) return;
        int year = 0;
        if (year_value(digits, year) && (flag_before(k, kBirth, 3) || flag_after(k, kBirth, 1)) &&
            !(k + 1 < t_.size() && (t_[k + 1].kind == TokenKind::Word))) {
            emit(t_[k].begin, t_[k].end, PiiType::Datum, kPriorityDate);  // "geboren in 1985"
            return;
        }
        // "geboren op 14-11" / "14/11": a date without a year, in a birth context
        if (digits.size() <= 2 && k + 2 < t_.size() &&
            (is_punct(k + 1, '-') || is_punct(k + 1, '/') || is_punct(k + 1, '.')) &&
            is_number(k + 2) && t_[k + 2].end - t_[k + 2].begin <= 2 &&
            !(k + 3 < t_.size() && t_[k + 3].kind == TokenKind::Punct &&
              s_[t_[k + 3].begin] == s_[t_[k + 1].begin] && is_number(k + 4))) {
            const int day = value;
            const int month = std::stoi(std::string(text(k + 2)));
            if (day >= 1 && day <= 31 && month >= 1 && month <= 12 && birth_context(k)) {
                emit(t_[k].begin, t_[k + 2].end, PiiType::Datum, kPriorityDate);
                consume(k, k + 2);
            }
        }
    }

    // House number after a street: "Kerkstraat 12", "Laan van Meerdervoort 7-III",
    // "Burg. de Withstraat 30 bis"; and "Postbus 1234".
    bool address_number(std::size_t k, int value) {
        if (k < 2 || value < 1 || text(k).size() > 5 || !is_inline_space(k - 1)) return false;
        // collect the words before the number
        std::size_t first = kNone;
        bool street = false;
        bool capital = false;
        bool lowercase_street = false;
        std::size_t j = k - 2;
        // "Kerkstraat nr. 12", "Kerkstraat nummer 12"
        if (is_punct(j, '.') && j >= 3 && is_word(j - 1) && lower(j - 1) == "nr" &&
            is_inline_space(j - 2))
            j -= 3;
        else if (is_word(j) && (lower(j) == "nr" || lower(j) == "nummer") && j >= 2 &&
                 is_inline_space(j - 1) && is_word(j - 2) && t_[j - 2].upper_initial)
            j -= 2;
        for (int words = 0; words < 6; ++words) {
            if (is_punct(j, '.') && j > 0 && is_word(j - 1)) --j;  // "Burg."
            if (!is_word(j)) break;
            const std::string& lw = lower(j);
            if (words == 0 && (flags(j) & kPostbus) != 0) {
                first = j;
                street = true;
                capital = true;
                break;
            }
            const bool interfix = (flags(j) & kInterfix) != 0;
            if (words == 0 && !t_[j].upper_initial && !interfix && has_street_suffix(lw, true) &&
                !common(lw) && !dict_.empty()) {
                // typed in lowercase: "kerkstraat 12"
                first = j;
                street = true;
                capital = true;
                lowercase_street = true;
                break;
            }
            if (!t_[j].upper_initial && !interfix) break;
            if (t_[j].upper_initial) {
                if (is_keep(base(j)) && !has_street_suffix(lw, false)) break;
                capital = true;
            }
            if (has_street_suffix(lw, false)) street = true;
            first = j;
            if (j < 2 || !is_inline_space(j - 1)) break;
            j -= 2;
        }
        if (!street && capital && first != kNone) {
            // A street without a typical ending ("Damrak 1", "Rokin 12") in an address context:
            // "woont op/aan (de) ...", "adres: ...".
            std::size_t lead = first;
            while (lead < k && is_word(lead) && !t_[lead].upper_initial) lead += 2;
            std::size_t p = prev_tok(lead);
            if (is_word(p) && (lower(p) == "de" || lower(p) == "het")) p = prev_tok(p);
            if (is_word(p) && (lower(p) == "op" || lower(p) == "aan")) {
                street = flag_before(p, kResidence, 3);
            } else if (is_punct(p, ':') || is_word(p)) {
                const std::size_t q = is_punct(p, ':') ? prev_tok(p) : p;
                street = is_word(q) && ends_with(lower(q), "adres");
            }
        }
        if (!street || !capital || first == kNone) return false;
        while (!lowercase_street && first < k && is_word(first) && !t_[first].upper_initial &&
               (flags(first) & kPostbus) == 0)
            first += 2;  // drop leading lowercase interfixes ("op de Kerkstraat")
        if (first >= k) return false;
        // house number addition: 7a, 7-III, 12-2, 30 bis, 12 hs
        std::size_t end = t_[k].end;
        std::size_t p = end;
        if (p < s_.size() && is_ascii_alpha(s_[p])) {
            std::size_t q = p;
            while (q < s_.size() && is_ascii_alpha(s_[q]) && q - p < 4) ++q;
            if (q - p <= 3 && (q >= s_.size() || !is_ascii_alnum(s_[q]))) end = q;
        } else if (p + 1 < s_.size() && (s_[p] == '-' || s_[p] == '/') &&
                   is_ascii_alnum(s_[p + 1])) {
            std::size_t q = p + 1;
            while (q < s_.size() && is_ascii_alnum(s_[q]) && q - p <= 5) ++q;
            if (q >= s_.size() || !is_ascii_alnum(s_[q])) end = q;
        } else if (p + 1 < s_.size() && s_[p] == ' ') {
            std::size_t q = p + 1;
            while (q < s_.size() && is_ascii_alpha(s_[q]) && q - p <= 8) ++q;
            const std::string_view add = s_.substr(p + 1, q - p - 1);
            const bool boundary = q >= s_.size() || !is_ascii_alnum(s_[q]);
            static constexpr std::array<std::string_view, 13> kAdditions{
                "bis", "hs", "huis", "bg",  "boven", "beneden", "rood",
                "zw",  "I",  "II",   "III", "IV",    "V"};
            if (boundary &&
                (std::find(kAdditions.begin(), kAdditions.end(), add) != kAdditions.end() ||
                 (add.size() == 1 && add[0] >= 'A' && add[0] <= 'Z')))
                end = q;
        }
        emit(t_[first].begin, end, PiiType::Adres, kPriorityAddress);
        consume(first, k);
        return true;
    }

    // "43 jaar" (only the number is replaced), "43-jarige", "(43)", "leeftijd: 43".
    bool age_number(std::size_t k, int value) {
        if (text(k).size() > 3 || value > 120) return false;
        const std::size_t p = prev_tok(k);
        // "43-jarige"
        if (is_punct(k + 1, '-') && is_word(k + 2) && t_[k + 2].begin == t_[k + 1].end &&
            lower(k + 2).rfind("jarig", 0) == 0) {
            const std::size_t n = next_spaced_word(k + 2);
            if (n != kNone && has(n, kThing)) return false;
            emit(t_[k].begin, t_[k].end, PiiType::Leeftijd, kPriorityAge);
            return true;
        }
        // "Fatima, 34, woont ...", "mevrouw, 52, belde": an apposition after a name or person
        if (is_punct(p, ',') && value >= 12) {
            const std::size_t q = prev_tok(p);
            const std::size_t nt = next_tok(k);
            const bool closes = nt == kNone || is_punct(nt, ',') || is_punct(nt, '.') ||
                                is_punct(nt, ')') || is_punct(nt, ';');
            const bool after_name = is_word(q) && !out_.empty() &&
                                    out_.back().type == PiiType::Naam &&
                                    out_.back().end >= t_[q].begin && out_.back().end <= t_[q].end;
            if (closes && (after_name || has(q, kPerson | kTitle | kRole))) {
                emit(t_[k].begin, t_[k].end, PiiType::Leeftijd, kPriorityAge);
                return true;
            }
        }
        // "Cliënt (m, 44)", "(44 jr, v)": a number with only gender marks in brackets
        if (in_age_brackets(k)) {
            emit(t_[k].begin, t_[k].end, PiiType::Leeftijd, kPriorityAge);
            return true;
        }
        // "Fatima (43)"
        if (k >= 1 && is_punct(k - 1, '(') && is_punct(k + 1, ')')) {
            const std::size_t q = prev_tok(k - 1);
            if (is_word(q) && (t_[q].upper_initial || has(q, kPerson | kRole)) && value >= 1) {
                emit(t_[k].begin, t_[k].end, PiiType::Leeftijd, kPriorityAge);
                return true;
            }
        }
        // "leeftijd: 43", "leeftijd van 43"
        std::size_t q = p;
        if (is_punct(q, ':') || (is_word(q) && lower(q) == "van")) q = prev_tok(q);
        if (is_word(q) && lower(q) == "leeftijd") {
            emit(t_[k].begin, t_[k].end, PiiType::Leeftijd, kPriorityAge);
            return true;
        }
        // "een vrouw van 50", "zijn dochter van 4"
        if (is_word(p) && lower(p) == "van" && has(prev_tok(p), kPerson)) {
            emit(t_[k].begin, t_[k].end, PiiType::Leeftijd, kPriorityAge);
            return true;
        }
        const std::size_t n = next_spaced_word(k);
        static constexpr std::array<std::string_view, 12> kAfterAge{
            "en",   "geworden", "wordt", "werd",      "op", "in",
            "toen", "maar",     "dus",   "inmiddels", "of", "geweest"};
        if (n == kNone ||
            std::find(kAfterAge.begin(), kAfterAge.end(), lower(n)) != kAfterAge.end()) {
            // "nu is hij 58.", "ze is net 18 geworden", "hij is 62 en ...": a be-verb with a
            // subject pronoun right before the number
            const std::size_t nt = next_tok(k);
            const bool ends =
                n != kNone || nt == kNone ||
                (t_[nt].kind == TokenKind::Punct &&
                 std::string_view(".,;!?)").find(s_[t_[nt].begin]) != std::string_view::npos);
            std::size_t a = p;
            if (is_word(a) && (lower(a) == "net" || lower(a) == "bijna" || lower(a) == "pas" ||
                               lower(a) == "al" || lower(a) == "nu" || lower(a) == "ruim"))
                a = prev_tok(a);
            const std::size_t b = prev_tok(a);
            if (ends && value >= 12 && value <= 110 && is_word(a) && is_word(b) &&
                ((has(a, kBeVerb) && (has(b, kPronoun | kPerson | kRole) || t_[b].upper_initial)) ||
                 (has(a, kPronoun) && has(b, kBeVerb)))) {
                emit(t_[k].begin, t_[k].end, PiiType::Leeftijd, kPriorityAge);
                return true;
            }
            if (n == kNone) return false;
        }
        const std::string& ln = lower(n);
        if (ln != "jaar" && ln != "jr" && ln != "jaartjes") return false;
        std::size_t after = next_tok(n);
        if (is_punct(after, '.') && ln == "jr") after = next_tok(after);
        const bool after_word = is_word(after);
        const bool old = after_word && (lower(after) == "oud" || lower(after) == "jong");
        const bool duration_after = after_word && has(after, kDurationAfter);
        bool strong = old || (is_word(p) && (lower(p) == "van" || lower(p) == "leeftijd")) ||
                      (flag_before(k, kBeVerb, 2) && !duration_after);
        if (!strong) {
            if (is_word(p) && has(p, kDurationBefore)) return false;
            if (after_word && has(after, kDurationAfter)) return false;
            if (value < 16 || value > 110) return false;
        }
        emit(t_[k].begin, t_[k].end, PiiType::Leeftijd, kPriorityAge);
        return true;
    }

    bool in_age_brackets(std::size_t k) {
        const auto filler = [&](std::size_t j) {
            if (t_[j].kind == TokenKind::Space && !t_[j].newline) return true;
            if (is_punct(j, ',') || is_punct(j, '/') || is_punct(j, '.')) return true;
            if (!is_word(j)) return false;
            const std::string& l = lower(j);
            return l == "m" || l == "v" || l == "man" || l == "vrouw" || l == "jaar" || l == "jr" ||
                   l == "x";
        };
        bool marker = false;
        std::size_t j = k;
        int steps = 0;
        while (j > 0 && steps < 6 && filler(j - 1)) {
            if (is_word(j - 1)) marker = true;
            --j;
            ++steps;
        }
        if (j == 0 || !is_punct(j - 1, '(')) return false;
        j = k + 1;
        steps = 0;
        while (j < t_.size() && steps < 6 && filler(j)) {
            if (is_word(j)) marker = true;
            ++j;
            ++steps;
        }
        return marker && is_punct(j, ')');
    }

    // ---- words ------------------------------------------------------------------------
    void word_rules(std::size_t k) {
        if (consumed_[k]) return;
        const std::uint32_t f = flags(k);
        if (is_case_keyword(k)) case_number_after(k);
        if ((f & (kTitle | kRole)) != 0) name_after_title(k);
        if ((f & kMonth) != 0) month_rules(k);
        if ((f & kPostbus) != 0 && is_inline_space(k + 1) && is_number(k + 2)) {
            emit(t_[k].begin, t_[k + 2].end, PiiType::Adres, kPriorityAddress);
            consume(k, k + 2);
            return;
        }
        if (consumed_[k]) return;
        if (!t_[k].upper_initial && !postcode_ends_.empty() && after_postcode(k) && !has_digit(k) &&
            (f & (kStop | kInterfix)) == 0) {
            emit(t_[k].begin, t_[k].end, PiiType::Plaats, kPriorityPlace);  // "1234 AB zwolle"
            consume(k, k);
            return;
        }
        const bool apostrophe_word = is_apostrophe_at(s_, t_[k].begin);
        if (t_[k].upper_initial || apostrophe_word) {
            capitalised(k);
        } else {
            lowercase_proper_noun(k);
        }
    }

    // A name or place typed in lowercase ("ik sprak fatima", "woont in zwolle"): not a common
    // word, but a capitalised entry of the word list or a known place.
    void lowercase_proper_noun(std::size_t k) {
        const Token& tok = t_[k];
        if (dict_.empty() || tok.end - tok.begin < 3 || (flags(k) & ~kThing) != 0) return;
        // Cheap tests first: this runs for every lowercase word. A lowercase place only counts
        // after "in", "uit", "woont" and the like, a lowercase name only where Dutch puts a
        // person ("met fatima", "sprak ahmed").
        const std::size_t p = prev_tok(k);
        if (!is_word(p)) return;
        const std::uint32_t before = flags(p);
        if ((before & (kLocPrep | kResidence | kBeforeName)) == 0) return;
        const std::string& l = lower(k);
        const bool place = (before & (kLocPrep | kResidence)) != 0 && is_known_place_lowercase(l);
        if (!place && (before & kBeforeName) == 0) return;
        const std::string_view w = base(k);
        if (has_digit(k) || l != w || common(l)) return;  // mixed case, or an ordinary word
        if (w.find('-') != std::string_view::npos || w.find('\'') != std::string_view::npos) return;
        const std::string cap = capitalised(l);
        if (cap == l || is_keep(cap) || is_keep(l) || is_country_or_region(cap)) return;
        if (!place && !proper(cap)) return;
        emit(tok.begin, base_end(k), place ? PiiType::Plaats : PiiType::Naam,
             place ? kPriorityPlace : kPriorityName);
        consume(k, k);
    }

    void capitalised(std::size_t k) {
        if (has_digit(k)) return;
        const std::string_view w = base(k);
        const Token& tok = t_[k];
        const std::uint32_t f = flags(k);

        if (after_postcode(k)) {  // "3512 AB Utrecht", "1071XY AMSTERDAM"
            std::size_t last = match_place(k).last;
            if (last == kNone) {
                last = k;
                for (std::size_t n = next_spaced_word(k);
                     n != kNone && t_[n].upper_initial && n - k <= 4; n = next_spaced_word(n))
                    last = n;
            }
            emit(tok.begin, is_word(last) ? base_end(last) : t_[last].end, PiiType::Plaats,
                 kPriorityPlace);
            consume(k, last);
            return;
        }
        if (tok.all_upper) return;  // acronym: UWV, WIA, MDT
        // Function words only matter as the start of a place ("De Bilt", "Den Haag").
        if ((f & (kStop | kInterfix | kTitle | kRole)) != 0) {
            const std::size_t n = next_spaced_word(k);
            if (n == kNone || !t_[n].upper_initial) return;
        }

        const PlaceMatch place = match_place(k);
        if (place.last != kNone) {
            const bool residence = residence_context(k);
            if (place.country) {
                // too coarse to point at anyone: "kwam in 1990 naar Nederland"
                const std::string_view name =
                    s_.substr(tok.begin, base_end(place.last) - tok.begin);
                static constexpr std::array<std::string_view, 9> kCoarse{
                    "Nederland", "Holland",  "Europa",       "Afrika",       "Azië",
                    "Amerika",   "Randstad", "Zuid-Amerika", "Noord-Amerika"};
                if (residence && std::find(kCoarse.begin(), kCoarse.end(), name) == kCoarse.end())
                    emit(tok.begin, base_end(place.last), PiiType::Plaats, kPriorityPlace);
                consume(k, place.last);
                return;
            }
            if (!residence && org_context(k)) {
                consume(k, place.last);
                return;
            }
            if (tok.sentence_start && place.last == k && common(lower(k))) return;  // "Best ..."
            emit(tok.begin, base_end(place.last), PiiType::Plaats, kPriorityPlace);
            consume(k, place.last);
            return;
        }
        if (is_keep(w)) return;
        // "Amsterdamse", "Deventers": an adjective of a place still says where
        for (std::string_view suffix : {std::string_view("se"), std::string_view("s")}) {
            if (w.size() > suffix.size() + 2 && ends_with(w, suffix) &&
                is_known_place(w.substr(0, w.size() - suffix.size())) && !org_context(k)) {
                emit(tok.begin, base_end(k), PiiType::Plaats, kPriorityPlace);
                consume(k, k);
                return;
            }
        }
        if ((f & (kStop | kTitle | kRole)) != 0) return;
        {
            std::size_t i = tok.begin;
            decode_utf8(s_, i);
            if (i == tok.end) return;  // single letter: only an initial inside a name counts
        }

        if ((f & kMonth) != 0) return;
        if ((f & kInterfix) != 0) return;  // taken along by the name after it

        std::string lw;
        to_lower(w, lw);
        const bool residence = residence_context(k);
        const std::size_t prev = prev_tok(k);
        const bool locative =
            residence || (is_word(prev) && has(prev, kLocPrep) && lower(prev) != "naar");
        const PiiType name_type = locative ? PiiType::Plaats : PiiType::Naam;

        if (w.find('-') != std::string_view::npos) {
            if (hyphenated_stays(w, k)) return;
        }
        if (keep_compound(w)) return;  // "Wajongerscasussen", "UWV-kantoor"
        if (has_street_suffix(lw, true) && !common(lw)) {
            emit(tok.begin, base_end(k), PiiType::Adres, kPriorityAddress);
            consume(k, k);
            return;
        }
        if (!residence && org_context(k)) return;  // "gemeente Dijk en Waard", "UWV Zuid"

        if (tok.sentence_start) {
            if ((f & kAmbiguousName) != 0) {
                // "Roos vertelde ...": a first name that is also a word, before a verb
                const std::size_t n = next_spaced_word(k);
                if (n != kNone && !t_[n].upper_initial && (flags(n) & (kStop | kInterfix)) == 0) {
                    emit_name(k, k, PiiType::Naam);
                    return;
                }
            }
            if (common(lw)) return;
            if (dict_.empty()) {
                // Without a word list, only a following capitalised word marks a name.
                const std::size_t n = next_spaced_word(k);
                if (n != kNone && name_part(n) && !t_[n].sentence_start) emit_name(k, k, name_type);
                return;
            }
            if (!proper(w)) {
                const std::size_t n = next_spaced_word(k);
                const bool followed_by_name = n != kNone && name_part(n) && !has(n, kInterfix);
                if (!followed_by_name && decomposable(lw)) return;
            }
            emit_name(k, k, name_type);
            return;
        }
        if (!proper(w)) {
            if (common(lw)) return;
            if (decomposable(lw)) return;
        }
        emit_name(k, k, name_type);
    }

    // "Wajong-uitkering", "UWV-consulent", "Re-integratie" stay; "Amsterdam-Noord" is a place;
    // "El-Amrani", "Jan-Willem" are names (returns false, the caller goes on).
    bool hyphenated_stays(std::string_view w, std::size_t k) {
        std::vector<std::string_view> parts;
        std::size_t from = 0;
        while (from <= w.size()) {
            const std::size_t dash = w.find('-', from);
            parts.push_back(w.substr(from, dash == std::string_view::npos ? w.npos : dash - from));
            if (dash == std::string_view::npos) break;
            from = dash + 1;
        }
        if (is_known_place(parts.front()) && !org_context(k)) {
            emit(t_[k].begin, base_end(k), PiiType::Plaats, kPriorityPlace);
            consume(k, k);
            return true;
        }
        std::string l;
        // "Werkfit-trajecten", "Tozo-ondernemers": a compound noun ending in a lowercase word
        const std::string_view tail = parts.back();
        if (parts.size() >= 2 && tail.size() >= 4 && tail.front() >= 'a' && tail.front() <= 'z') {
            to_lower(tail, l);
            if (common_or_linked(l) || decomposable(l)) return true;
        }
        bool rest_common = true;
        for (std::string_view part : parts) {
            if (part.empty()) continue;
            if (is_keep(part) || is_country_or_region(part) || is_acronym(part)) continue;
            to_lower(part, l);
            if (!common_or_linked(l) || proper(part)) rest_common = false;
        }
        return rest_common;
    }

    std::string_view s_;
    const std::vector<Token>& t_;
    const WordList& dict_;
    const KeepWords& keep_;
    std::vector<Candidate>& out_;
    std::vector<std::string> lower_;
    std::vector<std::uint8_t> lower_done_;
    std::vector<std::uint32_t> flags_;
    std::vector<std::uint8_t> consumed_;
    std::vector<std::size_t> postcode_ends_;
};

}  // namespace

void find_word_items(std::string_view text, const std::vector<Token>& tokens, const WordList& dict,
                     const KeepWords& keep, const std::vector<Candidate>& structured,
                     std::vector<Candidate>& out) {
    WordScanner(text, tokens, dict, keep, structured, out).run();
}

}  // namespace dialoog::pii::detail
