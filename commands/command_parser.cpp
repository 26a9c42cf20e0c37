#include "commands/command_parser.hpp"

#include <algorithm>

namespace dialoog::commands {

namespace {
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_sentence_end(char c) {
    return c == '?' || c == '!' || c == '.';
}

// Opening quote -> closing quote, both as UTF-8 strings.
struct QuotePair {
    std::string_view open, close;
};
constexpr QuotePair kQuotes[] = {
    {"\"", "\""},
    {"'", "'"},
    {"\xE2\x80\x9C", "\xE2\x80\x9D"},  // “ ”
    {"\xE2\x80\x98", "\xE2\x80\x99"},  // ‘ ’
    {"\xE2\x80\x9E", "\xE2\x80\x9D"},  // „ ”
};
}  // namespace

std::string_view trim(std::string_view s) {
    auto is_ws = [&](std::size_t i) { return is_space(s[i]); };
    std::size_t b = 0, e = s.size();
    while (true) {
        if (b < e && is_ws(b)) {
            ++b;
        } else if (e - b >= 2 && s.substr(b, 2) == "\xC2\xA0") {
            b += 2;
        } else {
            break;
        }
    }
    while (true) {
        if (e > b && is_ws(e - 1)) {
            --e;
        } else if (e - b >= 2 && s.substr(e - 2, 2) == "\xC2\xA0") {
            e -= 2;
        } else {
            break;
        }
    }
    return s.substr(b, e - b);
}

std::string strip_reply_fallback(std::string_view body) {
    if (body.empty() || body[0] != '>') return std::string(body);
    std::size_t pos = 0;
    while (pos < body.size() && body[pos] == '>') {
        auto nl = body.find('\n', pos);
        if (nl == std::string_view::npos) return std::string();  // only quoted lines
        pos = nl + 1;
    }
    // The fallback ends with one blank line; keep whatever follows it.
    if (pos < body.size() && body[pos] == '\n') ++pos;
    return std::string(body.substr(pos));
}

std::string normalise_command_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const std::string_view rest = text.substr(i);
        auto starts = [&](std::string_view utf8) { return rest.substr(0, utf8.size()) == utf8; };
        // No-break spaces (U+00A0, U+2007, U+202F) count as spaces.
        if (starts("\xC2\xA0")) {
            out += ' ';
            i += 2;
        } else if (starts("\xE2\x80\x87") || starts("\xE2\x80\xAF")) {
            out += ' ';
            i += 3;
        } else if (starts("\xE2\x80\x8B") || starts("\xE2\x80\x8C") || starts("\xE2\x80\x8D") ||
                   starts("\xE2\x81\xA0") || starts("\xEF\xBB\xBF")) {
            i += 3;  // zero-width space, (non-)joiner, word joiner, BOM: invisible, dropped
        } else if ((starts("\xEF\xBC\x81") || starts("\xEF\xBC\x8F")) &&
                   out.find_first_not_of(" \t\r\n") == std::string::npos) {
            out += rest[2] == '\x81' ? '!' : '/';  // full-width ！ or ／ as the prefix
            i += 3;
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::optional<ParsedCommand> parse_command(std::string_view body) {
    const std::string normalised = normalise_command_text(body);
    auto s = trim(normalised);
    if (s.size() < 2 || (s[0] != '!' && s[0] != '/')) return std::nullopt;
    ParsedCommand cmd;
    cmd.prefix = s[0];
    std::size_t i = 1;
    while (i < s.size() && !is_space(s[i])) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
        if (!ok && is_sentence_end(c)) {
            // "!hulp?" or "!hulp." as people type in chat: closing punctuation that runs to the
            // end of the word belongs to the sentence, not to the name.
            std::size_t j = i;
            while (j < s.size() && is_sentence_end(s[j])) ++j;
            if (j == s.size() || is_space(s[j])) {
                i = j;
                break;
            }
        }
        if (!ok) return std::nullopt;
        cmd.name.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        ++i;
    }
    if (cmd.name.empty() || cmd.name.size() > 32) return std::nullopt;
    // A name must start with a letter: "!!!" or "/2" are not commands.
    if (!(cmd.name[0] >= 'a' && cmd.name[0] <= 'z')) return std::nullopt;
    cmd.rest = std::string(trim(s.substr(i)));
    cmd.args = tokenize_args(cmd.rest);
    return cmd;
}

std::vector<std::string> tokenize_args(std::string_view text) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        if (i >= text.size()) break;
        const QuotePair* q = nullptr;
        for (const auto& qp : kQuotes)
            if (text.substr(i, qp.open.size()) == qp.open) {
                q = &qp;
                break;
            }
        if (q) {
            i += q->open.size();
            auto end = text.find(q->close, i);
            // An apostrophe inside a word ("zo'n") is not a quote, so only a quote at the start
            // of a word opens one; an unclosed quote runs to the end.
            if (end == std::string_view::npos) end = text.size();
            out.emplace_back(text.substr(i, end - i));
            i = std::min(text.size(), end + q->close.size());
            continue;
        }
        std::size_t b = i;
        while (i < text.size() && !is_space(text[i])) ++i;
        out.emplace_back(text.substr(b, i - b));
    }
    return out;
}

int edit_distance(std::string_view a, std::string_view b, int cap) {
    if (static_cast<int>(a.size()) - static_cast<int>(b.size()) > cap ||
        static_cast<int>(b.size()) - static_cast<int>(a.size()) > cap)
        return cap + 1;
    std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = static_cast<int>(i);
        int row_min = cur[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            row_min = std::min(row_min, cur[j]);
        }
        if (row_min > cap) return cap + 1;
        std::swap(prev, cur);
    }
    return std::min(prev[b.size()], cap + 1);
}

std::optional<std::int64_t> parse_item_id(std::string_view text) {
    if (!text.empty() && text[0] == '#') text.remove_prefix(1);
    if (text.empty() || text.size() > 12) return std::nullopt;
    std::int64_t v = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    if (v <= 0) return std::nullopt;
    return v;
}

}  // namespace dialoog::commands
