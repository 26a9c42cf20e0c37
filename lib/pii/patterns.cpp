#include "lib/pii/patterns.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "lib/pii/text.hpp"

namespace dialoog::pii::detail {
namespace {

// Code point that ends just before byte i (U+0000 at the start).
char32_t prev_cp(std::string_view s, std::size_t i) noexcept {
    if (i == 0) return 0;
    std::size_t start = i - 1;
    int steps = 0;
    while (start > 0 && steps < 3 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
        --start;
        ++steps;
    }
    std::size_t p = start;
    const char32_t cp = decode_utf8(s, p);
    return p == i ? cp : 0xFFFD;
}

char32_t cp_at(std::string_view s, std::size_t i) noexcept {
    if (i >= s.size()) return 0;
    return decode_utf8(s, i);
}

bool is_word_cp(char32_t cp) noexcept {
    return is_letter(cp) || (cp >= '0' && cp <= '9');
}

// True if the ASCII-lowercased window before `pos` (up to `width` bytes) contains `needle`.
bool keyword_before(std::string_view s, std::size_t pos, std::size_t width,
                    std::string_view needle) {
    const std::size_t from = pos > width ? pos - width : 0;
    std::string window(s.substr(from, pos - from));
    for (char& c : window) c = ascii_lower(c);
    return window.find(needle) != std::string::npos;
}

// A money amount is not a number to hide: "€ 1.250,00", "EUR 125.000.000", "123.456.789,-".
bool currency_context(std::string_view s, std::size_t begin, std::size_t end) {
    std::size_t i = begin;
    for (int spaces = 0; i > 0 && spaces < 2;) {
        if (s[i - 1] == ' ') {
            --i;
            ++spaces;
        } else if (i >= 2 && s.substr(i - 2, 2) == "\xC2\xA0") {  // NBSP
            i -= 2;
            ++spaces;
        } else {
            break;
        }
    }
    const std::string_view before = s.substr(0, i);
    for (std::string_view sign : {"\xE2\x82\xAC", "$", "\xC2\xA3", "\xC6\x92"}) {
        if (before.size() >= sign.size() && before.substr(before.size() - sign.size()) == sign)
            return true;
    }
    if (i >= 3 && keyword_before(s, i, 4, "eur")) return true;
    if (end < s.size() && s[end] == ',' && end + 1 < s.size() &&
        (is_ascii_digit(s[end + 1]) || s[end + 1] == '-'))
        return true;
    std::size_t j = end;
    while (j < s.size() && s[j] == ' ') ++j;
    const std::string_view after = s.substr(j, 4);
    return iequals_ascii(after.substr(0, std::min<std::size_t>(3, after.size())), "eur");
}

bool is_email_local_char(char c) noexcept {
    if (is_ascii_alnum(c)) return true;
    switch (c) {
        case '.':
        case '_':
        case '%':
        case '+':
        case '-':
        case '!':
        case '#':
        case '$':
        case '&':
        case '*':
        case '=':
        case '?':
        case '^':
        case '`':
        case '{':
        case '|':
        case '}':
        case '~':
            return true;
        default:
            return false;
    }
}

bool is_host_char(char c) noexcept {
    return is_ascii_alnum(c) || c == '-';
}

// TLDs for which a bare domain ("mijnsite.nl") counts as a URL without a scheme.
bool is_common_tld(std::string_view tld) {
    static constexpr std::array<std::string_view, 24> kTlds{
        "amsterdam", "app", "be",   "biz",  "co",     "com", "de", "eu",
        "fr",        "frl", "info", "io",   "me",     "net", "nl", "nu",
        "online",    "org", "shop", "site", "social", "tv",  "uk", "website"};
    std::string lower(tld);
    for (char& c : lower) c = ascii_lower(c);
    return std::find(kTlds.begin(), kTlds.end(), lower) != kTlds.end();
}

// Public institutions' sites: naming them says nothing about the client.
bool is_public_domain(std::string_view host) {
    static constexpr std::array<std::string_view, 16> kPublic{"belastingdienst.nl",
                                                              "cak.nl",
                                                              "digid.nl",
                                                              "divosa.nl",
                                                              "duo.nl",
                                                              "government.nl",
                                                              "juridischloket.nl",
                                                              "mijnoverheid.nl",
                                                              "overheid.nl",
                                                              "rijksoverheid.nl",
                                                              "svb.nl",
                                                              "toeslagen.nl",
                                                              "uwv.nl",
                                                              "werk.nl",
                                                              "www.uwv.nl",
                                                              "www.werk.nl"};
    std::string lower(host);
    for (char& c : lower) c = ascii_lower(c);
    return std::find(kPublic.begin(), kPublic.end(), lower) != kPublic.end();
}

// End of a URL's path: up to whitespace or a delimiter, then trailing punctuation trimmed.
std::size_t url_path_end(std::string_view s, std::size_t i) {
    std::size_t j = i;
    while (j < s.size()) {
        std::size_t k = j;
        const char32_t c = decode_utf8(s, k);
        if (is_space(c) || c == '<' || c == '>' || c == '"' || c == 0x201C || c == 0x201D ||
            c == 0x2018 || c == 0x2019)
            break;
        j = k;
    }
    // Bracket balance, counted once: a closing bracket is trimmed only if unbalanced.
    const auto span = s.substr(i, j - i);
    std::array<long, 3> balance{
        std::count(span.begin(), span.end(), ')') - std::count(span.begin(), span.end(), '('),
        std::count(span.begin(), span.end(), ']') - std::count(span.begin(), span.end(), '['),
        std::count(span.begin(), span.end(), '}') - std::count(span.begin(), span.end(), '{')};
    while (j > i) {
        const char c = s[j - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'') {
            --j;
        } else if (c == ')' || c == ']' || c == '}') {
            long& b = balance[c == ')' ? 0 : c == ']' ? 1 : 2];
            if (b <= 0) break;
            --b;
            --j;
        } else {
            break;
        }
    }
    return j;
}

int iban_length(std::string_view country) {
    struct Len {
        std::string_view cc;
        int len;
    };
    // ISO 13616 registry lengths (plus a few widely used non-registry ones).
    static constexpr std::array<Len, 84> kLengths{{
        {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16},
        {"BG", 22}, {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22},
        {"CY", 28}, {"CZ", 24}, {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"DZ", 26},
        {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18}, {"FK", 18}, {"FO", 18}, {"FR", 27},
        {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27}, {"GT", 28}, {"HR", 21},
        {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26}, {"IT", 27}, {"JO", 30},
        {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20}, {"LU", 20},
        {"LV", 21}, {"LY", 25}, {"MA", 28}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19},
        {"MN", 20}, {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15},
        {"OM", 23}, {"PK", 24}, {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24},
        {"RS", 22}, {"RU", 33}, {"SA", 24}, {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19},
        {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25}, {"SV", 28}, {"TL", 23}, {"TN", 24},
    }};
    for (const auto& l : kLengths) {
        if (l.cc == country) return l.len;
    }
    if (country == "TR") return 26;
    if (country == "UA") return 29;
    if (country == "VA") return 22;
    if (country == "VG") return 24;
    if (country == "XK") return 20;
    return 0;
}

// Phone, BSN and postcode scanners start only where a number starts: not inside a word or
// another number ("1.250", "12-03", "AB1234").
bool number_boundary_before(std::string_view s, std::size_t i) {
    if (i == 0) return true;
    const char p = s[i - 1];
    if (is_ascii_alnum(p) || p == '_' || p == '@' || p == '+' || p == '&' || p == '=' || p == '#')
        return false;
    if (p == '.' || p == ',' || p == '-' || p == '/') {
        return !(i >= 2 && is_ascii_alnum(s[i - 2]));
    }
    return !is_letter(prev_cp(s, i));
}

struct Run {
    std::size_t begin;
    std::size_t end;
    std::string sep;  // separator characters before this run
};

}  // namespace

bool passes_elfproef(std::string_view digits) noexcept {
    if (digits.size() != 9) return false;
    int sum = 0;
    bool all_zero = true;
    for (std::size_t k = 0; k < 9; ++k) {
        if (!is_ascii_digit(digits[k])) return false;
        const int d = digits[k] - '0';
        if (d != 0) all_zero = false;
        sum += (k < 8) ? static_cast<int>(9 - k) * d : -d;
    }
    return !all_zero && sum % 11 == 0;
}

bool passes_iban_checksum(std::string_view compact) noexcept {
    if (compact.size() < 5 || compact.size() > 34) return false;
    int r = 0;
    for (std::size_t k = 0; k < compact.size(); ++k) {
        const char c = compact[(k + 4) % compact.size()];
        if (is_ascii_digit(c)) {
            r = (r * 10 + (c - '0')) % 97;
        } else if (is_ascii_alpha(c)) {
            r = (r * 100 + (ascii_lower(c) - 'a' + 10)) % 97;
        } else {
            return false;
        }
    }
    return r == 1;
}

void find_emails(std::string_view s, std::vector<Candidate>& out) {
    for (std::size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
        std::size_t l = at;
        while (l > 0 && is_email_local_char(s[l - 1])) --l;
        while (l < at && (s[l] == '.' || s[l] == '-')) ++l;
        if (l == at) continue;
        std::size_t r = at + 1;
        while (r < s.size() && (is_host_char(s[r]) || s[r] == '.')) ++r;
        while (r > at + 1 && (s[r - 1] == '.' || s[r - 1] == '-')) --r;
        const std::string_view domain = s.substr(at + 1, r - at - 1);
        const std::size_t dot = domain.rfind('.');
        if (dot == std::string_view::npos || dot == 0) continue;
        const std::string_view tld = domain.substr(dot + 1);
        if (tld.size() < 2 || !std::all_of(tld.begin(), tld.end(), is_ascii_alpha)) continue;
        out.push_back({l, r, PiiType::Email, kPriorityEmail});
        at = r > at ? r - 1 : at;
    }
}

void find_urls(std::string_view s, std::vector<Candidate>& out) {
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = ascii_lower(s[i]);
        if (c != 'h' && c != 'f' && c != 'w' && !is_ascii_alnum(c)) {
            ++i;
            continue;
        }
        const bool at_boundary = i == 0 || (!is_word_cp(prev_cp(s, i)) && s[i - 1] != '@' &&
                                            s[i - 1] != '.' && s[i - 1] != '/' && s[i - 1] != '-');
        if (!at_boundary) {
            ++i;
            continue;
        }
        std::size_t prefix = 0;
        if (c == 'h' || c == 'f' || c == 'w') {
            static constexpr std::array<std::string_view, 4> kPrefixes{"https://", "http://",
                                                                       "ftp://", "www."};
            for (std::string_view p : kPrefixes) {
                if (s.size() - i > p.size() && iequals_ascii(s.substr(i, p.size()), p)) {
                    prefix = p.size();
                    break;
                }
            }
        }
        if (prefix > 0) {
            const std::size_t end = url_path_end(s, i + prefix);
            if (end > i + prefix + 1) {
                out.push_back({i, end, PiiType::Url, kPriorityUrl});
                i = end;
                continue;
            }
            i += prefix;
            continue;
        }
        // Bare domain: label(.label)+.tld, then a path, or no path and not a public site.
        std::size_t j = i;
        int labels = 0;
        std::size_t last_label = i;
        std::size_t first_label_len = 0;
        while (j < s.size() && is_host_char(s[j])) {
            const std::size_t label_begin = j;
            while (j < s.size() && is_host_char(s[j])) ++j;
            if (labels == 0) first_label_len = j - label_begin;
            ++labels;
            last_label = label_begin;
            if (j + 1 < s.size() && s[j] == '.' && is_host_char(s[j + 1])) {
                ++j;
            } else {
                break;
            }
        }
        if (labels >= 2 && first_label_len >= 2 &&
            is_common_tld(s.substr(last_label, j - last_label)) && (j >= s.size() || s[j] != '@') &&
            !is_word_cp(cp_at(s, j))) {
            const bool has_path = j + 1 < s.size() && s[j] == '/' && !is_space(cp_at(s, j + 1));
            if (has_path) {
                const std::size_t end = url_path_end(s, j);
                out.push_back({i, end, PiiType::Url, kPriorityUrl});
                i = end;
                continue;
            }
            if (!is_public_domain(s.substr(i, j - i))) {
                out.push_back({i, j, PiiType::Url, kPriorityUrl});
            }
            i = j;
            continue;
        }
        i = j > i ? j : i + 1;
    }
}

void find_ibans(std::string_view s, std::vector<Candidate>& out) {
    std::size_t i = 0;
    std::string compact;
    std::vector<std::size_t> ends;
    while (i + 4 <= s.size()) {
        if (!(is_ascii_alpha(s[i]) && is_ascii_alpha(s[i + 1]) && is_ascii_digit(s[i + 2]) &&
              is_ascii_digit(s[i + 3])) ||
            (i > 0 && (is_ascii_alnum(s[i - 1]) || is_letter(prev_cp(s, i))))) {
            ++i;
            continue;
        }
        compact.clear();
        ends.clear();
        std::size_t j = i;
        while (j < s.size() && compact.size() < 34) {
            if (is_ascii_alnum(s[j])) {
                compact.push_back(s[j] >= 'a' && s[j] <= 'z' ? static_cast<char>(s[j] - 32) : s[j]);
                ends.push_back(++j);
            } else if (s[j] == ' ' && j + 1 < s.size() && is_ascii_alnum(s[j + 1]) &&
                       !compact.empty()) {
                ++j;
            } else {
                break;
            }
        }
        const auto accept = [&](std::size_t len) {
            if (compact.size() < len) return false;
            const std::size_t end = ends[len - 1];
            if (end < s.size() && (is_ascii_alnum(s[end]) || is_letter(cp_at(s, end))))
                return false;
            if (!passes_iban_checksum(std::string_view(compact).substr(0, len))) return false;
            out.push_back({i, end, PiiType::Iban, kPriorityIban});
            i = end;
            return true;
        };
        const int expected = iban_length(std::string_view(compact).substr(0, 2));
        bool found = false;
        if (expected > 0) {
            found = accept(static_cast<std::size_t>(expected));
        } else {
            for (std::size_t len = std::min<std::size_t>(compact.size(), 34); len >= 15 && !found;
                 --len)
                found = accept(len);
        }
        if (!found) ++i;
    }
}

void find_phones(std::string_view s, std::vector<Candidate>& out) {
    std::vector<Run> runs;
    std::string digits;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (!(c == '+' || c == '(' || is_ascii_digit(c)) || !number_boundary_before(s, i) ||
            (c == '(' && (i + 1 >= s.size() || !is_ascii_digit(s[i + 1]))) ||
            (c == '+' && (i + 1 >= s.size() || !is_ascii_digit(s[i + 1])))) {
            ++i;
            continue;
        }
        const bool plus = c == '+';
        std::size_t j = plus ? i + 1 : i;
        runs.clear();
        digits.clear();
        while (j < s.size() && runs.size() < 10 && digits.size() <= 17) {
            std::string sep;
            std::size_t k = j;
            while (k < s.size() && sep.size() < 3 &&
                   (s[k] == ' ' || s[k] == '-' || s[k] == '.' || s[k] == '/' || s[k] == '(' ||
                    s[k] == ')')) {
                if (s[k] == ' ' && !sep.empty() && sep.back() == ' ') break;
                sep.push_back(s[k]);
                ++k;
            }
            if (k >= s.size() || !is_ascii_digit(s[k])) break;
            if (plus && runs.empty() && !sep.empty()) break;
            const std::size_t b = k;
            while (k < s.size() && is_ascii_digit(s[k])) ++k;
            runs.push_back({b, k, sep});
            digits.append(s.substr(b, k - b));
            j = k;
        }
        // Ends of runs by cumulative digit count, to cut a number at a run boundary.
        const auto end_at_count = [&](std::size_t count) -> std::size_t {
            std::size_t total = 0;
            for (const Run& r : runs) {
                total += r.end - r.begin;
                if (total == count) return r.end;
                if (total > count) return 0;
            }
            return 0;
        };
        const auto last_end_within = [&](std::size_t max_count, std::size_t min_count) {
            std::size_t total = 0;
            std::size_t best = 0;
            for (const Run& r : runs) {
                total += r.end - r.begin;
                if (total > max_count) break;
                if (total >= min_count) best = r.end;
            }
            return best;
        };
        // A Dutch number after a country prefix of `prefix` digits: 9 digits after an optional
        // trunk zero ("+31 (0)6 ...").
        const auto dutch_after = [&](std::size_t prefix) -> std::size_t {
            if (digits.size() <= prefix) return 0;
            std::size_t start = prefix;
            if (digits[start] == '0') ++start;
            if (digits.size() < start + 9 || digits[start] == '0') return 0;
            return end_at_count(start + 9);
        };
        std::size_t end = 0;
        if (!runs.empty()) {
            const bool date_shaped =
                runs.size() >= 3 && runs[0].end - runs[0].begin <= 2 &&
                runs[1].end - runs[1].begin <= 2 &&
                (runs[2].end - runs[2].begin == 4 || runs[2].end - runs[2].begin == 2) &&
                runs[1].sep.size() == 1 && runs[1].sep == runs[2].sep &&
                (runs[1].sep == "-" || runs[1].sep == "/" || runs[1].sep == ".");
            if (plus) {
                if (digits.rfind("31", 0) == 0) {
                    end = dutch_after(2);
                } else if (runs[0].end - runs[0].begin <= 4 || runs.size() == 1) {
                    end = last_end_within(15, 8);
                }
            } else if (digits.rfind("0031", 0) == 0) {
                end = dutch_after(4);
            } else if (digits.rfind("00", 0) == 0) {
                end = (runs[0].end - runs[0].begin <= 5 || runs.size() == 1)
                          ? last_end_within(17, 11)
                          : 0;
            } else if (digits[0] == '0' && digits.size() >= 10 && digits[1] != '0' &&
                       !date_shaped) {
                end = end_at_count(10);
            }
        }
        if (end > 0 && (end >= s.size() || !is_ascii_alnum(s[end]))) {
            // "(020) 123 4567": the bracket belongs to the area code. "(06-12345678)": it
            // encloses the number and stays, or the text would read "[TELEFOON])".
            const bool enclosing =
                s[i] == '(' && s.substr(i, end - i).find(')') == std::string_view::npos;
            out.push_back({enclosing ? i + 1 : i, end, PiiType::Telefoon, kPriorityPhone});
            i = end;
        } else {
            ++i;
        }
    }
}

void find_digit_strings(std::string_view s, std::vector<Candidate>& out) {
    std::size_t i = 0;
    std::size_t cur_tb = 0;
    std::size_t cur_te = 0;
    std::string bsn;
    while (i < s.size()) {
        if (!is_ascii_digit(s[i])) {
            ++i;
            continue;
        }
        std::size_t run_end = i;
        while (run_end < s.size() && is_ascii_digit(s[run_end])) ++run_end;
        // Bounds of the alphanumeric token around the run, computed once per token so that
        // "1a1a1a..." stays linear.
        if (!(i >= cur_tb && i < cur_te)) {
            cur_tb = i;
            while (cur_tb > 0 && is_ascii_alnum(s[cur_tb - 1])) --cur_tb;
            cur_te = run_end;
            while (cur_te < s.size() && is_ascii_alnum(s[cur_te])) ++cur_te;
        }
        const std::size_t tb = cur_tb;
        const std::size_t te = cur_te;
        const std::size_t len = run_end - i;
        if (len >= 7) {
            const bool alone = tb == i && te == run_end && number_boundary_before(s, i);
            if (alone && (len == 9 || len == 8) && !currency_context(s, i, run_end)) {
                bsn.assign(len == 8 ? "0" : "");
                bsn.append(s.substr(i, len));
                // An 8-digit BSN (leading zero dropped) is only believable next to its keyword.
                const bool keyword = keyword_before(s, i, 48, "bsn") ||
                                     keyword_before(s, i, 48, "burgerservice") ||
                                     keyword_before(s, i, 48, "sofi");
                if (passes_elfproef(bsn) && (len == 9 || keyword)) {
                    out.push_back({i, run_end, PiiType::Bsn, kPriorityBsn});
                    i = te;
                    continue;
                }
            }
            // "12345678 euro" is an amount, not an identifier
            if (!(tb == i && te == run_end && currency_context(s, i, run_end)))
                out.push_back({tb, te, PiiType::Nummer, kPriorityNumber});
            i = te;
            continue;
        }
        // Grouped form: "3909.96.038", "123 456 782" (one kind of separator, groups of 2-4).
        if (tb == i && len >= 2 && len <= 4 && number_boundary_before(s, i)) {
            std::size_t j = run_end;
            std::size_t total = len;
            char sep = 0;
            bool groups_ok = true;
            bool thousands = len <= 3;
            bsn.assign(s.substr(i, len));
            while (total < 9 && j + 1 < s.size() && (s[j] == '.' || s[j] == ' ' || s[j] == '-') &&
                   (sep == 0 || s[j] == sep) && is_ascii_digit(s[j + 1])) {
                sep = s[j];
                std::size_t k = j + 1;
                while (k < s.size() && is_ascii_digit(s[k])) ++k;
                const std::size_t g = k - (j + 1);
                if (g < 2 || g > 4) {
                    groups_ok = false;
                    break;
                }
                if (g != 3) thousands = false;
                bsn.append(s.substr(j + 1, g));
                total += g;
                j = k;
            }
            const bool clean_end =
                j >= s.size() ||
                (!is_ascii_alnum(s[j]) &&
                 !((s[j] == sep || s[j] == ',') && j + 1 < s.size() && is_ascii_digit(s[j + 1])));
            if (groups_ok && sep != 0 && total == 9 && clean_end && !currency_context(s, i, j)) {
                if (passes_elfproef(bsn)) {
                    out.push_back({i, j, PiiType::Bsn, kPriorityBsn});
                    i = j;
                    continue;
                }
                if (!(sep == '.' && thousands)) {
                    out.push_back({i, j, PiiType::Nummer, kPriorityNumber});
                    i = j;
                    continue;
                }
            }
        }
        i = run_end;
    }
}

void find_license_plates(std::string_view s, std::vector<Candidate>& out) {
    // Dutch kentekens: three groups joined by '-', six characters, each group all letters or
    // all digits, with both kinds present ("45-VKL-3", "AB-12-CD"). Dates have no letters.
    std::size_t done = 0;
    for (std::size_t dash = s.find('-'); dash != std::string_view::npos;
         dash = s.find('-', dash + 1)) {
        if (dash < done) continue;
        std::size_t i = dash;
        while (i > 0 && dash - i < 4 && is_ascii_alnum(s[i - 1])) --i;
        if (i == dash || dash - i > 3 || i + 8 > s.size()) continue;
        if (i > 0 && (is_ascii_alnum(s[i - 1]) || s[i - 1] == '-')) continue;
        std::size_t j = i;
        int groups = 0;
        int chars = 0;
        bool letters = false;
        bool digits = false;
        bool ok = true;
        while (groups < 3) {
            const std::size_t g = j;
            const bool digit_group = j < s.size() && is_ascii_digit(s[j]);
            while (j < s.size() &&
                   (digit_group ? is_ascii_digit(s[j]) : (s[j] >= 'A' && s[j] <= 'Z')))
                ++j;
            const std::size_t len = j - g;
            if (len == 0 || len > 3) {
                ok = false;
                break;
            }
            (digit_group ? digits : letters) = true;
            chars += static_cast<int>(len);
            ++groups;
            if (groups < 3) {
                if (j >= s.size() || s[j] != '-') {
                    ok = false;
                    break;
                }
                ++j;
            }
        }
        if (!ok || chars != 6 || !letters || !digits) continue;
        if (j < s.size() &&
            (is_ascii_alnum(s[j]) || (s[j] == '-' && j + 1 < s.size() && is_ascii_alnum(s[j + 1]))))
            continue;
        out.push_back({i, j, PiiType::Nummer, kPriorityNumber});
        done = j;
    }
}

void find_postcodes(std::string_view s, std::vector<Candidate>& out) {
    // Letter pairs that follow a number as a unit, not a postcode ("1000 MG", "500 KM").
    static constexpr std::array<std::string_view, 24> kUnits{
        "AD", "AM", "BC", "CC", "CL", "CM", "DL", "GB", "GR", "HZ", "KB", "KG",
        "KJ", "KM", "KW", "MB", "MG", "ML", "MM", "MS", "MW", "NM", "PM", "TB"};
    for (std::size_t i = 0; i + 6 <= s.size(); ++i) {
        if (!is_ascii_digit(s[i]) || s[i] == '0' || !number_boundary_before(s, i)) continue;
        if (!(is_ascii_digit(s[i + 1]) && is_ascii_digit(s[i + 2]) && is_ascii_digit(s[i + 3])))
            continue;
        std::size_t j = i + 4;
        const bool space = s[j] == ' ';
        if (space) ++j;
        if (j + 2 > s.size() || !is_ascii_alpha(s[j]) || !is_ascii_alpha(s[j + 1])) continue;
        if (is_word_cp(cp_at(s, j + 2))) continue;
        const bool upper = s[j] <= 'Z' && s[j + 1] <= 'Z';
        const bool lower = s[j] >= 'a' && s[j + 1] >= 'a';
        if (!upper && !lower) continue;
        const std::string pair{static_cast<char>(s[j] & ~0x20),
                               static_cast<char>(s[j + 1] & ~0x20)};
        if (pair == "SA" || pair == "SD" || pair == "SS") continue;  // never issued
        const bool keyword = keyword_before(s, i, 24, "postcode");
        bool ok = keyword;
        if (!ok && upper) {
            ok = std::find(kUnits.begin(), kUnits.end(), pair) == kUnits.end();
        }
        if (!ok && lower && std::find(kUnits.begin(), kUnits.end(), pair) == kUnits.end()) {
            // Lowercase only when written together before a capitalised place ("1071xy
            // Amsterdam"), or after the comma of an address line ("Kerkstraat 12, 1234 ab
            // amsterdam").
            std::size_t k = j + 2;
            if (k < s.size() && s[k] == ' ') ++k;
            const bool place_after = k > j + 2 && k < s.size() && is_letter(cp_at(s, k));
            // "2015 in Nederland", "2019 op Schiphol": a year before a two-letter word
            static constexpr std::array<std::string_view, 24> kWords{
                "AF", "AL", "DE", "EN", "ER", "GE", "HE", "IK", "IN", "JA", "JE", "ME",
                "NA", "NU", "OF", "OM", "OP", "OW", "TE", "TO", "UW", "WE", "ZE", "ZO"};
            const bool word = std::find(kWords.begin(), kWords.end(), pair) != kWords.end();
            ok = place_after && !word &&
                 ((!space && is_upper(cp_at(s, k))) ||
                  (i >= 2 && s[i - 1] == ' ' && s[i - 2] == ','));
        }
        if (!ok) continue;
        out.push_back({i, j + 2, PiiType::Postcode, kPriorityPostcode});
        i = j + 1;
    }
}

void find_numeric_dates(std::string_view s, std::vector<Candidate>& out) {
    const auto read_digits = [&](std::size_t& j) {
        int value = 0;
        std::size_t n = 0;
        while (j < s.size() && is_ascii_digit(s[j]) && n < 5) {
            value = value * 10 + (s[j] - '0');
            ++j;
            ++n;
        }
        return std::pair<int, std::size_t>{value, n};
    };
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (!is_ascii_digit(s[i]) || !number_boundary_before(s, i)) continue;
        std::size_t j = i;
        const auto [a, la] = read_digits(j);
        if (j >= s.size() || (la != 1 && la != 2 && la != 4)) {
            i = j;
            continue;
        }
        const char sep = s[j];
        if (sep != '-' && sep != '/' && sep != '.') {
            i = j;
            continue;
        }
        ++j;
        const auto [b, lb] = read_digits(j);
        // month and year: "03-2021", "3/2021"
        if (la <= 2 && lb == 4 && sep != '.' && a >= 1 && a <= 12 && b >= 1900 && b <= 2099 &&
            (j >= s.size() ||
             (!is_ascii_alnum(s[j]) &&
              !((s[j] == sep || s[j] == ',') && j + 1 < s.size() && is_ascii_digit(s[j + 1]))))) {
            out.push_back({i, j, PiiType::Datum, kPriorityDate});
            i = j - 1;
            continue;
        }
        if (lb == 0 || lb > 2 || j >= s.size() || s[j] != sep) {
            i = j - 1;
            continue;
        }
        ++j;
        const auto [c, lc] = read_digits(j);
        if (j < s.size() &&
            (is_ascii_alnum(s[j]) ||
             ((s[j] == sep || s[j] == ',') && j + 1 < s.size() && is_ascii_digit(s[j + 1])))) {
            i = j - 1;
            continue;
        }
        int day = 0;
        int month = 0;
        int year = 0;
        bool short_year = false;
        if (la == 4 && (lc == 1 || lc == 2)) {
            year = a;
            month = b;
            day = c;
        } else if (la <= 2 && (lc == 4 || lc == 2)) {
            day = a;
            month = b;
            year = c;
            short_year = lc == 2;
        } else {
            i = j - 1;
            continue;
        }
        // Two-digit years with dots look like version numbers ("1.2.25"): skip those.
        const bool year_ok = short_year ? sep != '.' : (year >= 1880 && year <= 2099);
        if (day >= 1 && day <= 31 && month >= 1 && month <= 12 && year_ok) {
            out.push_back({i, j, PiiType::Datum, kPriorityDate});
        }
        i = j - 1;
    }
}

}  // namespace dialoog::pii::detail
