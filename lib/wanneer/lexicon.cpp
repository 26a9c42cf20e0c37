#include "lib/wanneer/lexicon.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace dialoog::wanneer::detail {

namespace {

bool is_ascii_digit(unsigned char b) {
    return b >= '0' && b <= '9';
}
bool is_ascii_alpha(unsigned char b) {
    return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
}

// Letters for the tokenizer: ASCII letters and every non-ASCII byte, so UTF-8 words
// ("één", "’s") stay in one token and multi-byte sequences are never split.
bool is_word_byte(unsigned char b) {
    return is_ascii_alpha(b) || b >= 0x80;
}

char ascii_lower(char ch) {
    return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
}

struct WordValue {
    std::string_view word;
    unsigned value;
};

constexpr std::array<WordValue, 35> kMonths{{
    {"jan", 1},      {"januari", 1},   {"january", 1},   {"feb", 2},    {"febr", 2},
    {"februari", 2}, {"february", 2},  {"mrt", 3},       {"mar", 3},    {"maart", 3},
    {"march", 3},    {"apr", 4},       {"april", 4},     {"mei", 5},    {"may", 5},
    {"jun", 6},      {"juni", 6},      {"june", 6},      {"jul", 7},    {"juli", 7},
    {"july", 7},     {"aug", 8},       {"augustus", 8},  {"august", 8}, {"sep", 9},
    {"sept", 9},     {"september", 9}, {"okt", 10},      {"oct", 10},   {"oktober", 10},
    {"october", 10}, {"nov", 11},      {"november", 11}, {"dec", 12},   {"december", 12},
}};

// Only the usual abbreviations: "zon" (sun) or "don" would turn ordinary words into dates.
constexpr std::array<WordValue, 32> kWeekdays{{
    {"ma", 1},       {"maandag", 1}, {"mon", 1},       {"monday", 1},   {"di", 2},
    {"dinsdag", 2},  {"tue", 2},     {"tues", 2},      {"tuesday", 2},  {"wo", 3},
    {"woensdag", 3}, {"wed", 3},     {"wednesday", 3}, {"do", 4},       {"donderdag", 4},
    {"thu", 4},      {"thur", 4},    {"thurs", 4},     {"thursday", 4}, {"vr", 5},
    {"vrij", 5},     {"vrijdag", 5}, {"fri", 5},       {"friday", 5},   {"za", 6},
    {"zaterdag", 6}, {"sat", 6},     {"saturday", 6},  {"zo", 7},       {"zondag", 7},
    {"sun", 7},      {"sunday", 7},
}};

constexpr std::array<WordValue, 28> kNumberWords{{
    {"een", 1},  {"één", 1},     {"eén", 1},     {"a", 1},       {"an", 1},    {"one", 1},
    {"twee", 2}, {"two", 2},     {"drie", 3},    {"three", 3},   {"vier", 4},  {"four", 4},
    {"vijf", 5}, {"five", 5},    {"zes", 6},     {"six", 6},     {"zeven", 7}, {"seven", 7},
    {"acht", 8}, {"eight", 8},   {"negen", 9},   {"nine", 9},    {"tien", 10}, {"ten", 10},
    {"elf", 11}, {"eleven", 11}, {"twaalf", 12}, {"twelve", 12},
}};

// Clock hours in words. Kept apart per language: "half" + an English hour ("half two") is
// refused, because British English means 2:30 and a Dutch reader 1:30.
constexpr std::array<WordValue, 14> kDutchHours{{
    {"een", 1},
    {"één", 1},
    {"eén", 1},
    {"twee", 2},
    {"drie", 3},
    {"vier", 4},
    {"vijf", 5},
    {"zes", 6},
    {"zeven", 7},
    {"acht", 8},
    {"negen", 9},
    {"tien", 10},
    {"elf", 11},
    {"twaalf", 12},
}};
constexpr std::array<WordValue, 12> kEnglishHours{{
    {"one", 1},
    {"two", 2},
    {"three", 3},
    {"four", 4},
    {"five", 5},
    {"six", 6},
    {"seven", 7},
    {"eight", 8},
    {"nine", 9},
    {"ten", 10},
    {"eleven", 11},
    {"twelve", 12},
}};

template <std::size_t N>
std::optional<unsigned> lookup(const std::array<WordValue, N>& table, std::string_view w) {
    for (const auto& e : table) {
        if (e.word == w) return e.value;
    }
    return std::nullopt;
}

bool is_number(const Token* t) {
    return t != nullptr && t->kind == TokKind::Number;
}

// Number token of 1..max_digits digits.
bool is_small_number(const Token* t, std::size_t max_digits) {
    return is_number(t) && t->digits >= 1 && t->digits <= max_digits;
}

bool is_word(const Token* t, std::string_view w) {
    return t != nullptr && t->kind == TokKind::Word && t->lower == w;
}

bool is_punct(const Token* t, char ch) {
    return t != nullptr && t->kind == TokKind::Punct && t->lower.size() == 1 && t->lower[0] == ch;
}

// "am", "pm", "a.m.", "p.m." (the dotted forms arrive as a . m . tokens).
bool parse_meridiem(Cursor& c, TimeSpec::Meridiem& out) {
    Cursor save = c;
    const Token* t = c.peek();
    if (t == nullptr || t->kind != TokKind::Word) return false;
    if (t->lower == "am" || t->lower == "pm") {
        out = t->lower == "am" ? TimeSpec::Meridiem::Am : TimeSpec::Meridiem::Pm;
        ++c.pos;
        c.skip_abbrev_dot();
        return true;
    }
    if ((t->lower == "a" || t->lower == "p") && is_punct(c.peek(1), '.') &&
        !c.peek(1)->space_before && is_word(c.peek(2), "m") && !c.peek(2)->space_before) {
        out = t->lower == "a" ? TimeSpec::Meridiem::Am : TimeSpec::Meridiem::Pm;
        c.pos += 3;
        c.skip_abbrev_dot();
        return true;
    }
    c = save;
    return false;
}

// Dutch day parts after a 12-hour time: "'s ochtends", "'s morgens", "'s middags", "'s avonds",
// "'s nachts" (apostrophe as ASCII ' or typographic ’/‘).
bool parse_daypart(Cursor& c, TimeSpec::Meridiem& out) {
    Cursor save = c;
    bool have_s = false;
    if (c.accept_punct('\'', false)) {
        const Token* s = c.peek();
        if (s != nullptr && s->kind == TokKind::Word && s->lower == "s" && !s->space_before) {
            ++c.pos;
            have_s = true;
        }
    } else if (c.accept_word({"\xE2\x80\x99s", "\xE2\x80\x98s"})) {
        have_s = true;
    }
    if (!have_s) {
        c = save;
        return false;
    }
    const Token* w = c.peek();
    if (w == nullptr || w->kind != TokKind::Word) {
        c = save;
        return false;
    }
    using M = TimeSpec::Meridiem;
    if (w->lower == "ochtends" || w->lower == "morgens") {
        out = M::Morning;
    } else if (w->lower == "middags") {
        out = M::Afternoon;
    } else if (w->lower == "avonds") {
        out = M::Evening;
    } else if (w->lower == "nachts") {
        out = M::Night;
    } else {
        c = save;
        return false;
    }
    ++c.pos;
    return true;
}

// The hour of a spoken time: a word (Dutch or English) or digits 1..12. `english` tells which.
std::optional<unsigned> spoken_hour(Cursor& c, bool allow_digits, bool* english = nullptr) {
    const Token* t = c.peek();
    if (t == nullptr) return std::nullopt;
    std::optional<unsigned> h;
    bool en = false;
    if (t->kind == TokKind::Word) {
        h = lookup(kDutchHours, t->lower);
        if (!h) {
            h = lookup(kEnglishHours, t->lower);
            en = h.has_value();
        }
    } else if (allow_digits && is_small_number(t, 2) && t->value >= 1 && t->value <= 12) {
        h = static_cast<unsigned>(t->value);
    }
    if (h) {
        ++c.pos;
        if (english != nullptr) *english = en;
    }
    return h;
}

// The minutes before "over/voor/past/to": een..twaalf, twintig / one..twelve, twenty, or digits.
std::optional<unsigned> spoken_minutes(Cursor& c) {
    const Token* t = c.peek();
    if (t == nullptr) return std::nullopt;
    std::optional<unsigned> m;
    if (t->kind == TokKind::Word) {
        if (t->lower == "twintig" || t->lower == "twenty") {
            m = 20;
        } else if (t->lower != "a" && t->lower != "an") {
            m = number_word(t->lower);
        }
    } else if (is_small_number(t, 2) && t->value >= 1 && t->value <= 29) {
        m = static_cast<unsigned>(t->value);
    }
    if (m) ++c.pos;
    return m;
}

// "o'clock" (three tokens) or "o’clock" (one word: the typographic apostrophe is a word byte).
bool accept_oclock(Cursor& c) {
    if (c.accept_word({"o\xE2\x80\x99"
                       "clock",
                       "oclock"}))
        return true;
    Cursor k = c;
    if (k.accept_word({"o"}) && k.accept_punct('\'', true) && is_word(k.peek(), "clock") &&
        !k.peek()->space_before) {
        ++k.pos;
        c = k;
        return true;
    }
    return false;
}

}  // namespace

bool is_space_at(std::string_view text, std::size_t i, std::size_t* width) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v') {
        if (width != nullptr) *width = 1;
        return true;
    }
    // U+00A0 NO-BREAK SPACE: chat clients insert it when users type "3&nbsp;dec".
    if (b == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
        if (width != nullptr) *width = 2;
        return true;
    }
    return false;
}

std::vector<Token> tokenize(std::string_view text, std::size_t max_tokens) {
    std::vector<Token> out;
    std::size_t i = 0;
    bool space = true;
    while (i < text.size() && out.size() < max_tokens) {
        std::size_t w = 0;
        if (is_space_at(text, i, &w)) {
            space = true;
            i += w;
            continue;
        }
        Token t;
        t.begin = i;
        t.space_before = space;
        space = false;
        const auto b = static_cast<unsigned char>(text[i]);
        if (is_ascii_digit(b)) {
            t.kind = TokKind::Number;
            while (i < text.size() && is_ascii_digit(static_cast<unsigned char>(text[i]))) {
                t.value = std::min<std::uint64_t>(
                    t.value * 10 + static_cast<std::uint64_t>(text[i] - '0'), kNumberCap);
                ++t.digits;
                ++i;
            }
            t.lower = std::string(text.substr(t.begin, i - t.begin));
        } else if (is_word_byte(b)) {
            t.kind = TokKind::Word;
            // Stop at U+00A0 even though its bytes are >= 0x80: it is whitespace.
            while (i < text.size() && is_word_byte(static_cast<unsigned char>(text[i])) &&
                   !is_space_at(text, i)) {
                t.lower.push_back(ascii_lower(text[i]));
                ++i;
            }
        } else {
            t.kind = TokKind::Punct;
            t.lower = std::string(1, text[i]);
            ++i;
        }
        t.end = i;
        out.push_back(std::move(t));
    }
    return out;
}

bool Cursor::accept_word(std::initializer_list<std::string_view> words) {
    const Token* t = peek();
    if (t == nullptr || t->kind != TokKind::Word) return false;
    for (auto w : words) {
        if (t->lower == w) {
            ++pos;
            return true;
        }
    }
    return false;
}

bool Cursor::accept_punct(char ch, bool adjacent) {
    const Token* t = peek();
    if (!is_punct(t, ch)) return false;
    if (adjacent && t->space_before) return false;
    ++pos;
    return true;
}

std::optional<unsigned> month_from_word(std::string_view lower) {
    return lookup(kMonths, lower);
}

std::optional<unsigned> weekday_from_word(std::string_view lower, bool allow_plural) {
    if (auto v = lookup(kWeekdays, lower)) return v;
    // "dinsdags" / "tuesdays": only the full names, so "mas" or "dis" do not sneak in.
    if (allow_plural && lower.size() > 4 && lower.back() == 's') {
        auto stem = lower.substr(0, lower.size() - 1);
        auto v = lookup(kWeekdays, stem);
        if (v && stem.size() >= 6) return v;
    }
    return std::nullopt;
}

bool is_short_weekday(std::string_view lower) {
    return lower.size() == 2 && weekday_from_word(lower).has_value();
}

std::optional<unsigned> number_word(std::string_view lower) {
    return lookup(kNumberWords, lower);
}

bool parse_time(Cursor& c, TimeSpec& out) {
    using M = TimeSpec::Meridiem;
    Cursor save = c;
    TimeSpec t;
    t.first_tok = c.pos;
    const Token* h = c.peek();
    if (!is_small_number(h, 2)) return false;
    t.hour = h->value;
    ++c.pos;

    bool need_suffix = true;  // a bare "14" is not a time
    // "14:00", "14.00", "14:00:00"
    const Token* sep = c.peek();
    if ((is_punct(sep, ':') || is_punct(sep, '.')) && !sep->space_before) {
        const Token* m = c.peek(1);
        if (is_number(m) && m->digits == 2 && !m->space_before) {
            const bool colon = sep->lower[0] == ':';
            c.pos += 2;
            t.minute = m->value;
            need_suffix = false;
            const Token* sep2 = c.peek();
            const Token* s = c.peek(1);
            if (colon && is_punct(sep2, ':') && !sep2->space_before && is_number(s) &&
                s->digits == 2 && !s->space_before) {
                c.pos += 2;
                t.second = s->value;
            }
        }
    }
    // "14u", "14u30", "14h", "14h30" (glued); "14 uur", "14:00 uur", "14:00u"
    const Token* w = c.peek();
    if (w != nullptr && w->kind == TokKind::Word) {
        if ((w->lower == "u" || w->lower == "h") && !w->space_before) {
            ++c.pos;
            if (need_suffix) {
                const Token* m = c.peek();
                if (is_number(m) && m->digits == 2 && !m->space_before) {
                    t.minute = m->value;
                    ++c.pos;
                }
            }
            need_suffix = false;
        } else if (w->lower == "uur") {
            ++c.pos;
            need_suffix = false;
        }
    }
    M mer = M::None;
    if (parse_meridiem(c, mer) || parse_daypart(c, mer)) {
        t.meridiem = mer;
        need_suffix = false;
    }
    if (need_suffix) {
        c = save;
        return false;
    }
    t.end_tok = c.pos;
    out = t;
    return true;
}

bool parse_spoken_time(Cursor& c, TimeSpec& out, bool bare_hour) {
    using M = TimeSpec::Meridiem;
    Cursor k = c;
    TimeSpec t;
    t.first_tok = k.pos;
    // Minutes relative to the named hour: "half drie" = 3:00 - 30 min.
    int offset = 0;
    std::optional<unsigned> hour;
    if (k.accept_word({"half"})) {
        if (k.accept_word({"past"})) {  // "half past two" = 2:30
            offset = 30;
            hour = spoken_hour(k, true);
        } else {
            bool english = false;
            hour = spoken_hour(k, true, &english);
            if (english) hour.reset();
            offset = -30;
        }
    } else {
        Cursor q = k;
        q.accept_word({"a"});
        std::optional<unsigned> mins;
        if (q.accept_word({"kwart", "quarter"})) {
            mins = 15;
        } else {
            q = k;
            mins = spoken_minutes(q);
        }
        if (mins) {
            Cursor r = q;
            int sign = 0;
            bool english = false;
            if (r.accept_word({"over"})) {
                sign = 1;
            } else if (r.accept_word({"voor"})) {
                sign = -1;
            } else if (r.accept_word({"past"})) {
                sign = 1;
                english = true;
            } else if (r.accept_word({"to"})) {
                sign = -1;
                english = true;
            }
            if (sign != 0) {
                const int m = static_cast<int>(*mins);
                // "tien over half drie" (2:40), "vijf voor half drie" (2:25): Dutch only.
                Cursor h = r;
                if (!english && m <= 14 && h.accept_word({"half"})) {
                    bool english_hour = false;
                    auto hh = spoken_hour(h, true, &english_hour);
                    if (hh && !english_hour) {
                        hour = hh;
                        offset = -30 + sign * m;
                        k = h;
                    }
                }
                if (!hour) {
                    h = r;
                    if (auto hh = spoken_hour(h, true)) {
                        hour = hh;
                        offset = sign * m;
                        k = h;
                    }
                }
            }
        }
        if (!hour) {
            // "drie uur", "three o'clock": the hour in words (digits are parse_time's).
            Cursor h = k;
            hour = spoken_hour(h, false);
            if (hour && (h.accept_word({"uur"}) || accept_oclock(h) || bare_hour)) {
                const std::string& w = (*k.toks)[k.pos].lower;
                t.weak = w == "een" || w == "één" || w == "eén" || w == "one";
                k = h;
            } else {
                hour.reset();
            }
        }
    }
    if (!hour) return false;
    // To a 12-hour clock 1:00..12:59: "half een" = 12:30, "vijf voor een" = 12:55.
    int total = static_cast<int>(*hour) * 60 + offset - 60;
    total = ((total % 720) + 720) % 720 + 60;
    t.hour = static_cast<std::uint64_t>(total / 60);
    t.minute = static_cast<std::uint64_t>(total % 60);
    M mer = M::Workday;
    if (!parse_meridiem(k, mer)) parse_daypart(k, mer);
    t.meridiem = mer;
    t.end_tok = k.pos;
    out = t;
    c = k;
    return true;
}

std::optional<std::chrono::seconds> time_of_day(const TimeSpec& t) {
    using M = TimeSpec::Meridiem;
    if (t.minute > 59 || t.second > 59) return std::nullopt;
    std::uint64_t h = t.hour;
    switch (t.meridiem) {
        case M::None:
            if (h > 23) return std::nullopt;
            break;
        case M::Am:
        case M::Pm:
            if (h < 1 || h > 12) return std::nullopt;
            h = (h % 12) + (t.meridiem == M::Pm ? 12 : 0);
            break;
        case M::Morning:  // 's ochtends: 1..11
            if (h < 1 || h > 11) return std::nullopt;
            break;
        case M::Afternoon:  // 's middags: 12, 1..11 pm
            if (h < 1 || h > 12) return std::nullopt;
            if (h < 12) h += 12;
            break;
        case M::Evening:  // 's avonds: 1..11 pm
            if (h < 1 || h > 11) return std::nullopt;
            h += 12;
            break;
        case M::Workday:  // a spoken time: 1..6 pm, 7..11 am, 12 noon
            if (h < 1 || h > 12) return std::nullopt;
            if (h <= 6) h += 12;
            break;
        case M::Night:  // 's nachts: 12 = 00, 1..6 as is, 7..11 pm
            if (h < 1 || h > 12) return std::nullopt;
            if (h == 12) {
                h = 0;
            } else if (h >= 7) {
                h += 12;
            }
            break;
    }
    return std::chrono::hours{h} + std::chrono::minutes{t.minute} + std::chrono::seconds{t.second};
}

std::chrono::sys_time<std::chrono::milliseconds> resolve_local(
    date::local_time<std::chrono::milliseconds> local, const date::time_zone* tz,
    bool* nonexistent) {
    if (tz == nullptr) tz = utc_zone();
    const auto info = tz->get_info(std::chrono::floor<std::chrono::seconds>(local));
    if (nonexistent != nullptr) *nonexistent = info.result == date::local_info::nonexistent;
    // `first` is the offset in force before a transition. Ambiguous: the earlier instant.
    // Nonexistent: the pre-gap offset lands the instant after the gap, shifted by its length.
    return std::chrono::sys_time<std::chrono::milliseconds>{local.time_since_epoch() -
                                                            info.first.offset};
}

const date::time_zone* utc_zone() {
    static const date::time_zone* const zone = date::locate_zone("UTC");
    return zone;
}

std::string token_text(std::string_view text, const std::vector<Token>& toks, std::size_t first,
                       std::size_t last) {
    if (first >= last || last > toks.size()) return {};
    const std::size_t b = toks[first].begin;
    const std::size_t e = toks[last - 1].end;
    return std::string(text.substr(b, e - b));
}

}  // namespace dialoog::wanneer::detail
