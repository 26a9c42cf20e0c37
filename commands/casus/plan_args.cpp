#include "commands/casus/plan_args.hpp"

#include <algorithm>
#include <cctype>

#include "commands/command_parser.hpp"

namespace dialoog::casus {

namespace {

bool is_ws(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/// Length of an opening quote at text[i] and the matching closing quote, or 0.
std::size_t open_quote(std::string_view text, std::size_t i, std::string_view* close) {
    static const std::pair<std::string_view, std::string_view> quotes[] = {
        {"\"", "\""},
        {"'", "'"},
        {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
        {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
        {"\xE2\x80\x9E", "\xE2\x80\x9D"},  // „ ”
    };
    for (const auto& [o, c] : quotes) {
        if (text.substr(i, o.size()) == o) {
            *close = c;
            return o.size();
        }
    }
    return 0;
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

bool is_one_of(const std::string& w, std::initializer_list<std::string_view> words) {
    for (auto x : words)
        if (w == x) return true;
    return false;
}

}  // namespace

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> out;
    std::size_t i = 0;
    while (i < text.size()) {
        if (is_ws(text[i])) {
            ++i;
            continue;
        }
        std::string_view close;
        if (std::size_t q = open_quote(text, i, &close); q > 0) {
            std::size_t end = text.find(close, i + q);
            Word w;
            w.begin = i;
            w.quoted = true;
            if (end == std::string_view::npos) {
                w.text = std::string(text.substr(i + q));
                w.end = text.size();
            } else {
                w.text = std::string(text.substr(i + q, end - i - q));
                w.end = end + close.size();
            }
            out.push_back(std::move(w));
            i = out.back().end;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && !is_ws(text[j])) ++j;
        out.push_back(Word{std::string(text.substr(i, j - i)), i, j, false});
        i = j;
    }
    return out;
}

std::string_view after_first_word(std::string_view text) {
    text = commands::trim(text);
    std::size_t i = 0;
    while (i < text.size() && !is_ws(text[i])) ++i;
    return commands::trim(text.substr(i));
}

std::optional<std::string> resolve_member(std::string_view token,
                                          const std::vector<std::string>& members) {
    std::string t = lower(token);
    // Trailing punctuation typed after a name ("@anna:hs," or "@anna.").
    while (!t.empty() && (t.back() == ',' || t.back() == '.' || t.back() == ';')) t.pop_back();
    if (t.empty()) return std::nullopt;
    if (t[0] != '@') t = "@" + t;
    for (const auto& m : members)
        if (lower(m) == t) return m;
    if (t.find(':') != std::string::npos) return std::nullopt;
    std::optional<std::string> found;
    for (const auto& m : members) {
        std::string lm = lower(m);
        auto colon = lm.find(':');
        if (lm.substr(0, colon) == t) {
            if (found) return std::nullopt;  // ambiguous between servers
            found = m;
        }
    }
    return found;
}

std::variant<PlanOptions, OptionFail> parse_plan_options(std::string_view text,
                                                         const std::vector<Method>& library) {
    PlanOptions out;
    auto words = split_words(text);
    std::size_t i = 0;
    while (i < words.size()) {
        const std::string w = lower(words[i].text);
        if (words[i].quoted) break;
        if (is_one_of(w, {"methode", "method", "werkvorm"})) {
            if (i + 1 >= words.size()) return OptionFail{OptionError::MissingValue, words[i].text};
            const Method* found = nullptr;
            std::size_t used = 0;
            // The longest run of up to three words that names a method ("socratisch gesprek").
            for (std::size_t n = std::min<std::size_t>(3, words.size() - i - 1); n >= 1; --n) {
                std::string name;
                for (std::size_t k = 0; k < n; ++k) name += (k ? " " : "") + words[i + 1 + k].text;
                if (const Method* m = find_method(library, name)) {
                    found = m;
                    used = n;
                    break;
                }
            }
            if (!found) return OptionFail{OptionError::UnknownMethod, words[i + 1].text};
            out.method = found->id;
            i += 1 + used;
            continue;
        }
        const bool inbrenger = is_one_of(w, {"inbrenger", "presenter"});
        const bool leider = is_one_of(w, {"gespreksleider", "facilitator"});
        if (inbrenger || leider) {
            if (i + 1 >= words.size()) return OptionFail{OptionError::MissingValue, words[i].text};
            const std::string& v = words[i + 1].text;
            if (v.empty() || v[0] != '@') return OptionFail{OptionError::NotAUser, v};
            (inbrenger ? out.inbrenger : out.gespreksleider) = v;
            i += 2;
            continue;
        }
        if (is_one_of(w, {"inbreng", "input"}) && i + 1 < words.size()) {
            // "inbreng 3", "inbreng #3,#5": ids; anything else starts the title.
            std::vector<std::int64_t> ids;
            bool ok = true;
            std::string v = words[i + 1].text;
            std::size_t start = 0;
            while (ok && start <= v.size()) {
                std::size_t comma = v.find(',', start);
                std::string part =
                    v.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
                if (!part.empty()) {
                    auto id = commands::parse_item_id(part);
                    if (id)
                        ids.push_back(*id);
                    else
                        ok = false;
                }
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
            if (ok && !ids.empty()) {
                for (auto id : ids)
                    if (std::find(out.inbreng.begin(), out.inbreng.end(), id) == out.inbreng.end())
                        out.inbreng.push_back(id);
                i += 2;
                continue;
            }
        }
        break;
    }
    if (i < words.size()) {
        std::string_view title = text.substr(words[i].begin);
        title = commands::trim(title);
        // A title that is one quoted run loses its quotes.
        if (i + 1 == words.size() && words[i].quoted)
            out.title = std::string(commands::trim(words[i].text));
        else
            out.title = std::string(title);
    }
    return out;
}

ActionArgs parse_action_args(std::string_view text, const date::time_zone* tz, wanneer::UtcMs now) {
    ActionArgs out;
    text = commands::trim(text);
    auto words = split_words(text);
    wanneer::WanneerOptions opts;
    opts.default_time = std::chrono::hours(9);
    // The owner: the last word starting with '@' (not the first word: that is the text).
    std::optional<std::size_t> at;
    for (std::size_t i = words.size(); i-- > 1;) {
        if (!words[i].quoted && !words[i].text.empty() && words[i].text[0] == '@') {
            at = i;
            break;
        }
    }
    if (at) {
        out.owner = words[*at].text;
        out.text = std::string(commands::trim(text.substr(0, words[*at].begin)));
        std::string_view tail = commands::trim(text.substr(words[*at].end));
        if (!tail.empty()) {
            auto r = wanneer::parse_wanneer(tail, tz, now, opts);
            if (auto* ok = std::get_if<wanneer::WanneerOk>(&r))
                out.due_ms = ok->instant.time_since_epoch().count();
            else
                out.when_fail = std::get<wanneer::WanneerFail>(r);
        }
        return out;
    }
    // No owner: the longest tail (at least one word of text before it) that is a <wanneer>.
    // A tail that is a date or time but an impossible one ("31 februari", "25:99", "gisteren
    // 10:00") is an error, not part of the text: a newcomer's "!actie Bellen 31 februari" was
    // stored with a made-up follow-up. A bare "vandaag"/"gisteren" stays text ("verslag van
    // gisteren"): only a past moment written with digits counts.
    std::optional<wanneer::WanneerFail> invalid;
    for (std::size_t i = 1; i < words.size(); ++i) {
        std::string_view tail = text.substr(words[i].begin);
        auto r = wanneer::parse_wanneer(tail, tz, now, opts);
        if (auto* ok = std::get_if<wanneer::WanneerOk>(&r)) {
            out.due_ms = ok->instant.time_since_epoch().count();
            out.text = std::string(commands::trim(text.substr(0, words[i].begin)));
            return out;
        }
        const auto& fail = std::get<wanneer::WanneerFail>(r);
        using E = wanneer::WanneerError;
        const bool has_digit =
            std::any_of(tail.begin(), tail.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
        const bool impossible = fail.code == E::InvalidDate || fail.code == E::InvalidTime ||
                                fail.code == E::NonexistentLocalTime || fail.code == E::TooFar ||
                                (fail.code == E::InPast && has_digit);
        if (impossible) {
            // The longest reading wins, as in parse_wanneer_prefix: "gisteren 10:00" is in the
            // past, not "gisteren" + today 10:00.
            invalid = fail;
            out.text = std::string(commands::trim(text.substr(0, words[i].begin)));
            break;
        }
    }
    if (invalid) {
        out.when_fail = invalid;
        return out;
    }
    out.text = std::string(text);
    return out;
}

}  // namespace dialoog::casus
