#include "lib/wanneer/wanneer.hpp"

#include "lib/wanneer/lexicon.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <utility>
#include <vector>

namespace dialoog::wanneer {

namespace {

using namespace detail;
using std::chrono::days;
using std::chrono::floor;
using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using LocalMs = date::local_time<milliseconds>;

// A <wanneer> is never longer than this; the prefix search only looks this far.
constexpr std::size_t kMaxTokens = 24;

enum class Unit { Minute, Hour, Day, Week, Month };

enum class DateKind {
    Absolute,
    Yesterday,
    Today,
    Tomorrow,
    DayAfterTomorrow,
    Weekday,
    NextWeekWeekday,
    Relative
};

// A part of the day named with a date ("morgenmiddag", "tomorrow afternoon"): it reads a
// 12-hour time in that part ("vanavond om 8:00" = 20:00) and, without a time, gives one.
enum class DayPart { None, Morning, Afternoon, LateAfternoon, Evening };

// The time a part of the day stands for when no time is typed (local, since midnight).
std::chrono::minutes default_time_of(DayPart p) {
    switch (p) {
        case DayPart::Morning:
            return std::chrono::hours{9};
        case DayPart::Afternoon:
            return std::chrono::hours{14};
        case DayPart::LateAfternoon:
            return std::chrono::hours{17};
        case DayPart::Evening:
            return std::chrono::hours{19};
        case DayPart::None:
            break;
    }
    return std::chrono::minutes{0};
}

struct DateSpec {
    DateKind kind = DateKind::Absolute;
    DayPart daypart = DayPart::None;
    std::uint64_t day = 0;              // Absolute
    std::uint64_t month = 0;            // Absolute
    std::optional<std::uint64_t> year;  // Absolute
    unsigned weekday = 0;               // 1..7: Weekday kinds; Absolute: typed weekday to check
    std::uint64_t amount = 0;           // Relative
    Unit unit = Unit::Day;              // Relative: Day, Week or Month
    std::size_t first_tok = 0;
    std::size_t end_tok = 0;
};

// The syntax of one <wanneer>: a duration ("over 10 minuten"), or a date and/or a time.
struct Expr {
    std::optional<std::uint64_t> duration_minutes;
    std::optional<DateSpec> date;
    std::optional<TimeSpec> time;
    std::size_t end_tok = 0;
};

bool is_num(const Token* t, std::size_t min_digits, std::size_t max_digits) {
    return t != nullptr && t->kind == TokKind::Number && t->digits >= min_digits &&
           t->digits <= max_digits;
}

bool glued(const Token* t) {
    return t != nullptr && !t->space_before;
}

bool is_punct_tok(const Token* t, char ch) {
    return t != nullptr && t->kind == TokKind::Punct && t->lower[0] == ch;
}

// Unit words; single letters only glued to the number ("10m", "2u", "3d").
std::optional<Unit> parse_unit(Cursor& c) {
    const Token* t = c.peek();
    if (t == nullptr || t->kind != TokKind::Word) return std::nullopt;
    const std::string& w = t->lower;
    std::optional<Unit> u;
    if (w == "min" || w == "mins" || w == "minuut" || w == "minuten" || w == "minute" ||
        w == "minutes") {
        u = Unit::Minute;
    } else if (w == "uur" || w == "uren" || w == "hr" || w == "hrs" || w == "hour" ||
               w == "hours") {
        u = Unit::Hour;
    } else if (w == "dag" || w == "dagen" || w == "day" || w == "days") {
        u = Unit::Day;
    } else if (w == "week" || w == "weken" || w == "weeks" || w == "wk" || w == "wks") {
        u = Unit::Week;
    } else if (w == "maand" || w == "maanden" || w == "month" || w == "months" || w == "mnd") {
        u = Unit::Month;
    } else if (glued(t) && w.size() == 1) {
        if (w == "m") u = Unit::Minute;
        if (w == "u" || w == "h") u = Unit::Hour;
        if (w == "d") u = Unit::Day;
        if (w == "w") u = Unit::Week;
    }
    if (u) {
        ++c.pos;
        c.skip_abbrev_dot();  // "min.", "wk."
    }
    return u;
}

// "over|in" <amount> <unit> [[en|and] <n> minuten], plus the idioms "een half uur", "anderhalf
// uur", "een kwartier", "half an hour". Returns the amount in `unit`.
bool parse_relative(Cursor& c, std::uint64_t& amount, Unit& unit) {
    Cursor save = c;
    if (!c.accept_word({"over", "in"})) return false;
    {
        Cursor k = c;
        k.accept_word({"een", "één", "eén", "a"});
        if (k.accept_word({"half"}) &&
            (k.accept_word({"uur"}) || (k.accept_word({"an"}) && k.accept_word({"hour"})))) {
            amount = 30;
            unit = Unit::Minute;
            c = k;
            return true;
        }
        k = c;
        k.accept_word({"een", "één", "eén"});
        if (k.accept_word({"kwartier"})) {
            amount = 15;
            unit = Unit::Minute;
            c = k;
            return true;
        }
        k = c;
        if (k.accept_word({"anderhalf"}) && k.accept_word({"uur"})) {
            amount = 90;
            unit = Unit::Minute;
            c = k;
            return true;
        }
    }
    const Token* n = c.peek();
    if (n == nullptr) {
        c = save;
        return false;
    }
    if (n->kind == TokKind::Number) {
        amount = n->value;
    } else if (auto v = n->kind == TokKind::Word ? number_word(n->lower) : std::nullopt) {
        amount = *v;
    } else {
        c = save;
        return false;
    }
    ++c.pos;
    auto u = parse_unit(c);
    if (!u) {
        c = save;
        return false;
    }
    unit = *u;
    // "1 uur en 30 minuten", "1 hour and 30 minutes", "2 uur 15 min": hours plus minutes.
    if (unit == Unit::Hour) {
        Cursor k = c;
        k.accept_word({"en", "and"});
        const Token* m = k.peek();
        if (m != nullptr && m->kind == TokKind::Number) {
            ++k.pos;
            if (parse_unit(k) == Unit::Minute) {
                amount = amount * 60 + m->value;
                unit = Unit::Minute;
                c = k;
            }
        }
    }
    return true;
}

// Optional year after a day-month: [","] YYYY.
void parse_optional_year(Cursor& c, DateSpec& d) {
    Cursor k = c;
    k.accept_punct(',', false);
    const Token* y = k.peek();
    if (is_num(y, 4, 4)) {
        d.year = y->value;
        c.pos = k.pos + 1;
    }
}

// "st", "nd", "rd", "th", "e", "ste", "de" glued to a day number.
void skip_ordinal(Cursor& c) {
    const Token* t = c.peek();
    if (glued(t) && t->kind == TokKind::Word &&
        (t->lower == "st" || t->lower == "nd" || t->lower == "rd" || t->lower == "th" ||
         t->lower == "e" || t->lower == "ste" || t->lower == "de")) {
        ++c.pos;
    }
}

// Calendar dates: 2026-12-03, 3-12, 3/12, 3-12-2026, 3.12.2026, 3 dec [2026], dec 3 [2026].
bool parse_explicit_date(Cursor& c, DateSpec& d) {
    Cursor save = c;
    const Token* a = c.peek();
    if (a == nullptr) return false;

    // Numeric forms: the separator must be glued on both sides and the same both times.
    if (is_num(a, 1, 4)) {
        const Token* s1 = c.peek(1);
        const Token* b = c.peek(2);
        const bool sep_ok =
            (is_punct_tok(s1, '-') || is_punct_tok(s1, '/') || is_punct_tok(s1, '.')) &&
            glued(s1) && is_num(b, 1, 2) && glued(b);
        if (sep_ok) {
            const char sep = s1->lower[0];
            const Token* s2 = c.peek(3);
            const Token* e = c.peek(4);
            const bool has_third = is_punct_tok(s2, sep) && glued(s2) && e != nullptr && glued(e);
            if (a->digits == 4) {  // ISO order, year first
                if (sep != '.' && has_third && is_num(e, 1, 2)) {
                    d.year = a->value;
                    d.month = b->value;
                    d.day = e->value;
                    c.pos += 5;
                    return true;
                }
            } else if (a->digits <= 2) {  // Dutch order: day-month[-year]
                if (has_third && is_num(e, 4, 4)) {
                    d.day = a->value;
                    d.month = b->value;
                    d.year = e->value;
                    c.pos += 5;
                    return true;
                }
                // "3.12" without a year reads as a time (14.00), so '.' needs the year.
                if (sep != '.') {
                    d.day = a->value;
                    d.month = b->value;
                    c.pos += 3;
                    return true;
                }
            }
        }
    }
    // "3 dec", "3e december 2026", "3rd of December"
    if (is_num(a, 1, 2)) {
        Cursor k = c;
        ++k.pos;
        skip_ordinal(k);
        k.skip_abbrev_dot();  // "3. dec" (German habit), harmless
        k.accept_word({"of", "van"});
        const Token* m = k.peek();
        if (m != nullptr && m->kind == TokKind::Word) {
            if (auto mon = month_from_word(m->lower)) {
                ++k.pos;
                k.skip_abbrev_dot();
                d.day = a->value;
                d.month = *mon;
                parse_optional_year(k, d);
                c = k;
                return true;
            }
        }
    }
    // "dec 3", "December 3rd, 2026"
    if (a->kind == TokKind::Word) {
        if (auto mon = month_from_word(a->lower)) {
            Cursor k = c;
            ++k.pos;
            k.skip_abbrev_dot();
            const Token* n = k.peek();
            if (is_num(n, 1, 2)) {
                ++k.pos;
                skip_ordinal(k);
                d.day = n->value;
                d.month = *mon;
                parse_optional_year(k, d);
                c = k;
                return true;
            }
        }
    }
    c = save;
    return false;
}

// A part of the day as a word of its own: "morgen middag", "tomorrow afternoon".
std::optional<DayPart> daypart_word(std::string_view w) {
    if (w == "ochtend" || w == "morning") return DayPart::Morning;
    if (w == "middag" || w == "afternoon") return DayPart::Afternoon;
    if (w == "avond" || w == "evening" || w == "night") return DayPart::Evening;
    return std::nullopt;
}

// A Dutch compound of a day and a part of it: "morgenmiddag" = {"morgen", Afternoon}.
struct DayPartCompound {
    std::string_view head;
    DayPart part;
};
std::optional<DayPartCompound> split_daypart(std::string_view w) {
    static constexpr std::pair<std::string_view, DayPart> kSuffixes[] = {
        {"ochtend", DayPart::Morning},
        {"morgen", DayPart::Morning},
        {"middag", DayPart::Afternoon},
        {"avond", DayPart::Evening},
    };
    for (const auto& [suffix, part] : kSuffixes) {
        if (w.size() > suffix.size() && w.ends_with(suffix)) {
            return DayPartCompound{w.substr(0, w.size() - suffix.size()), part};
        }
    }
    return std::nullopt;
}

// A weekday, also with a part of the day glued on ("donderdagmiddag"; full names only).
std::optional<unsigned> weekday_with_part(std::string_view w, DayPart& part) {
    part = DayPart::None;
    if (auto v = weekday_from_word(w)) return v;
    if (auto cp = split_daypart(w); cp && cp->head.size() >= 6) {
        if (auto v = weekday_from_word(cp->head)) {
            part = cp->part;
            return v;
        }
    }
    return std::nullopt;
}

// "[aan het|om het|at the|the] eind(e) van de middag | end of the afternoon".
bool parse_end_of_afternoon(Cursor& c) {
    Cursor k = c;
    if (k.accept_word({"aan", "om"})) {
        if (!k.accept_word({"het"})) return false;
    } else if (k.accept_word({"at"})) {
        if (!k.accept_word({"the"})) return false;
    } else {
        k.accept_word({"the"});
    }
    const bool dutch = k.accept_word({"eind", "einde"}) && k.accept_word({"van"}) &&
                       k.accept_word({"de"}) && k.accept_word({"middag"});
    if (!dutch && !(k.accept_word({"end"}) && k.accept_word({"of"}) && k.accept_word({"the"}) &&
                    k.accept_word({"afternoon"}))) {
        return false;
    }
    c = k;
    return true;
}

// A day without what may follow it (see parse_date).
bool parse_day(Cursor& c, DateSpec& d, bool allow_short_weekday) {
    Cursor save = c;
    d = DateSpec{};
    d.first_tok = c.pos;
    auto done = [&](DateKind kind) {
        d.kind = kind;
        d.end_tok = c.pos;
        return true;
    };
    if (c.accept_word({"gisteren", "yesterday"})) return done(DateKind::Yesterday);
    if (c.accept_word({"tonight"})) {
        d.daypart = DayPart::Evening;
        return done(DateKind::Today);
    }
    {
        Cursor k = c;
        const Token* p = k.peek(1);
        if (k.accept_word({"this"}) && p != nullptr && p->kind == TokKind::Word) {
            if (auto part = daypart_word(p->lower); part && p->lower != "night") {
                c.pos = k.pos + 1;
                d.daypart = *part;
                return done(DateKind::Today);
            }
        }
    }
    // "vanmiddag", "morgenochtend", "gisteravond", "donderdagmiddag"
    if (const Token* t = c.peek(); t != nullptr && t->kind == TokKind::Word) {
        if (auto cp = split_daypart(t->lower)) {
            std::optional<DateKind> kind;
            if (cp->head == "van") kind = DateKind::Today;
            if (cp->head == "morgen") kind = DateKind::Tomorrow;
            if (cp->head == "overmorgen") kind = DateKind::DayAfterTomorrow;
            if (cp->head == "gister" || cp->head == "gisteren") kind = DateKind::Yesterday;
            if (kind) {
                ++c.pos;
                d.daypart = cp->part;
                return done(*kind);
            }
        }
    }
    if (c.accept_word({"vandaag", "today"})) return done(DateKind::Today);
    if (c.accept_word({"morgen", "tomorrow", "tmrw", "tmr"})) return done(DateKind::Tomorrow);
    if (c.accept_word({"overmorgen"})) return done(DateKind::DayAfterTomorrow);
    {
        Cursor k = c;
        k.accept_word({"the"});
        if (k.accept_word({"day"}) && k.accept_word({"after"}) && k.accept_word({"tomorrow"})) {
            c = k;
            return done(DateKind::DayAfterTomorrow);
        }
    }
    // "volgende week dinsdag", "next week tuesday": that weekday in the next ISO week.
    {
        Cursor k = c;
        if (k.accept_word({"volgende", "next", "komende"}) && k.accept_word({"week"})) {
            const Token* w = k.peek();
            if (w != nullptr && w->kind == TokKind::Word) {
                if (auto wd = weekday_with_part(w->lower, d.daypart)) {
                    ++k.pos;
                    k.skip_abbrev_dot();
                    c = k;
                    d.weekday = *wd;
                    return done(DateKind::NextWeekWeekday);
                }
            }
        }
    }
    // [volgende|aanstaande|next|this|...] weekday [,] [explicit date to check it against]
    {
        Cursor k = c;
        const bool qualified =
            k.accept_word({"volgende", "aanstaande", "komende", "deze", "next", "this", "coming"});
        const Token* w = k.peek();
        DayPart part = DayPart::None;
        if (w != nullptr && w->kind == TokKind::Word) {
            auto wd = weekday_with_part(w->lower, part);
            if (wd && (allow_short_weekday || qualified || !is_short_weekday(w->lower))) {
                ++k.pos;
                k.skip_abbrev_dot();
                Cursor k2 = k;
                k2.accept_punct(',', false);
                DateSpec explicit_date;
                if (parse_explicit_date(k2, explicit_date)) {
                    explicit_date.weekday = *wd;
                    explicit_date.daypart = part;
                    explicit_date.first_tok = d.first_tok;
                    d = explicit_date;
                    c = k2;
                    return done(DateKind::Absolute);
                }
                c = k;
                d.weekday = *wd;
                d.daypart = part;
                return done(DateKind::Weekday);
            }
        }
    }
    if (parse_explicit_date(c, d)) {
        d.first_tok = save.pos;
        return done(DateKind::Absolute);
    }
    {
        Cursor k = c;
        std::uint64_t amount = 0;
        Unit unit = Unit::Day;
        if (parse_relative(k, amount, unit) &&
            (unit == Unit::Day || unit == Unit::Week || unit == Unit::Month)) {
            c = k;
            d.amount = amount;
            d.unit = unit;
            return done(DateKind::Relative);
        }
    }
    c = save;
    return false;
}

// Any date, with what may follow it: "woensdag volgende week", a part of the day ("morgen
// middag", "tomorrow afternoon", "donderdag eind van de middag"); or "eind van de middag"
// alone (today). `allow_short_weekday`: accept "di"/"zo"/... (refused right after a time,
// where "14:00 zo snel mogelijk" would otherwise become Sunday).
bool parse_date(Cursor& c, DateSpec& d, bool allow_short_weekday) {
    if (!parse_day(c, d, allow_short_weekday)) {
        Cursor k = c;
        if (!parse_end_of_afternoon(k)) return false;
        d = DateSpec{};
        d.kind = DateKind::Today;
        d.daypart = DayPart::LateAfternoon;
        d.first_tok = c.pos;
        d.end_tok = k.pos;
        c = k;
        return true;
    }
    if (d.kind == DateKind::Weekday) {
        Cursor k = c;
        if (k.accept_word({"volgende", "next", "komende"}) && k.accept_word({"week"})) {
            d.kind = DateKind::NextWeekWeekday;
            c = k;
        }
    }
    if (d.daypart == DayPart::None && d.kind != DateKind::Relative) {
        const Token* t = c.peek();
        if (parse_end_of_afternoon(c)) {
            d.daypart = DayPart::LateAfternoon;
        } else if (auto part = t != nullptr && t->kind == TokKind::Word ? daypart_word(t->lower)
                                                                        : std::nullopt) {
            d.daypart = *part;
            ++c.pos;
        }
    }
    d.end_tok = c.pos;
    return true;
}

// Parses exactly tokens [0, end) as one <wanneer>; nullopt if they do not form one.
std::optional<Expr> parse_slice(const std::vector<Token>& toks, std::size_t end) {
    const Cursor start{&toks, 0, end};
    // over 10 minuten | in 2 hours
    {
        Cursor c = start;
        std::uint64_t amount = 0;
        Unit unit = Unit::Minute;
        if (parse_relative(c, amount, unit) && c.at_end() &&
            (unit == Unit::Minute || unit == Unit::Hour)) {
            Expr e;
            e.duration_minutes = unit == Unit::Hour ? amount * 60 : amount;
            e.end_tok = end;
            return e;
        }
    }
    // [op|on] <date> [[,] [om|at|@|T] <time>]
    auto date_first = [&]() -> std::optional<Expr> {
        Cursor c = start;
        c.accept_word({"op", "on"});
        DateSpec d;
        if (!parse_date(c, d, true)) return std::nullopt;
        Expr e;
        e.date = d;
        if (!c.at_end()) {  // a connector counts only with a time after it
            c.accept_punct(',', false);
            const Token* t = c.peek();
            bool connector = false;
            if (t != nullptr && t->kind == TokKind::Word && t->lower == "t" && glued(t) &&
                d.kind == DateKind::Absolute) {
                ++c.pos;  // ISO 8601 "2026-12-03T14:00"
            } else {
                connector = c.accept_word({"om", "at"}) || c.accept_punct('@', false);
            }
            TimeSpec ts;
            if (!parse_time(c, ts) && !parse_spoken_time(c, ts, connector)) return std::nullopt;
            e.time = ts;
        }
        if (!c.at_end()) return std::nullopt;
        e.end_tok = end;
        return e;
    };
    // [om|at|@] <time> [[,] [op|on] <date>]
    auto time_first = [&]() -> std::optional<Expr> {
        Cursor c = start;
        const bool connector = c.accept_word({"om", "at"}) || c.accept_punct('@', false);
        TimeSpec ts;
        if (!parse_time(c, ts) && !parse_spoken_time(c, ts, connector)) return std::nullopt;
        Expr e;
        e.time = ts;
        if (!c.at_end()) {
            c.accept_punct(',', false);
            const bool op = c.accept_word({"op", "on"});
            DateSpec d;
            if (!parse_date(c, d, op)) return std::nullopt;
            e.date = d;
        }
        if (!c.at_end()) return std::nullopt;
        // "een uur" alone is rather a duration ("duurt een uur"): a time only as "om een uur".
        if (ts.weak && !connector && !e.date) return std::nullopt;
        e.end_tok = end;
        return e;
    };
    if (auto e = date_first()) return e;
    return time_first();
}

// A prefix may end only where a word ends: "3-12" in "3-12-20" or "14" in "14:0" do not count.
bool is_boundary(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || is_space_at(text, pos)) return true;
    const char ch = text[pos];
    if (ch == ',' || ch == ';') return true;
    if (ch == '.' || ch == ':' || ch == '!' || ch == '?') {
        return pos + 1 >= text.size() || is_space_at(text, pos + 1);
    }
    return false;
}

std::string_view trim(std::string_view s) {
    std::size_t b = 0;
    std::size_t w = 0;
    while (b < s.size() && is_space_at(s, b, &w)) b += w;
    std::size_t e = s.size();
    while (e > b) {
        if (is_space_at(s, e - 1)) {
            --e;
        } else if (e - b >= 2 && static_cast<unsigned char>(s[e - 2]) == 0xC2 &&
                   static_cast<unsigned char>(s[e - 1]) == 0xA0) {  // trailing U+00A0
            e -= 2;
        } else {
            break;
        }
    }
    return s.substr(b, e - b);
}

std::string first_word(std::string_view text) {
    auto t = trim(text);
    std::size_t e = 0;
    while (e < t.size() && !is_space_at(t, e)) ++e;
    return std::string(t.substr(0, e));
}

WanneerFail fail(WanneerError code, std::string fragment) {
    return WanneerFail{code, std::move(fragment)};
}

date::year_month_day clamp_to_month(date::year_month_day ymd) {
    if (ymd.ok()) return ymd;
    return date::year_month_day{
        date::year_month_day_last{ymd.year(), date::month_day_last{ymd.month()}}};
}

// ISO weekday 1..7 of a local day.
unsigned iso_weekday(date::local_days d) {
    return date::weekday{d}.iso_encoding();
}

// The calendar-based limit: the same local date and time `years` later (29 Feb -> 28 Feb).
UtcMs limit_after(LocalMs local_now, date::local_days today, int years, const date::time_zone* tz) {
    const date::year_month_day ymd{today};
    const auto later = clamp_to_month(ymd + date::years{years});
    return resolve_local(LocalMs{date::local_days{later}} + (local_now - today), tz);
}

// A 12-hour time next to a part of the day is read in that part: "vanavond om 8:00" = 20:00,
// "vanochtend om half zeven" = 06:30. am/pm, "'s avonds" and 24-hour times (0, 13..23) win.
void apply_daypart(TimeSpec& t, DayPart part) {
    using M = TimeSpec::Meridiem;
    if (part == DayPart::None || t.hour < 1 || t.hour > 11) return;
    if (t.meridiem != M::None && t.meridiem != M::Workday) return;
    switch (part) {
        case DayPart::Morning:
            t.meridiem = M::Morning;
            break;
        case DayPart::Afternoon:
        case DayPart::LateAfternoon:
            t.meridiem = M::Afternoon;
            break;
        case DayPart::Evening:
            t.meridiem = M::Evening;
            break;
        case DayPart::None:
            break;
    }
}

// Everything after parsing: turns the syntax into an instant, or says what is wrong with it.
WanneerResult evaluate(const Expr& e, std::string_view text, const std::vector<Token>& toks,
                       const date::time_zone* tz, UtcMs now, const WanneerOptions& opt,
                       std::size_t consumed) {
    const std::string whole = token_text(text, toks, 0, e.end_tok);
    const LocalMs local_now = tz->to_local(now);
    const date::local_days today = floor<days>(local_now);
    const UtcMs limit =
        std::max(now, limit_after(local_now, today, std::clamp(opt.max_years_ahead, 0, 100), tz));

    auto finish = [&](UtcMs instant) -> WanneerResult {
        if (instant <= now) return fail(WanneerError::InPast, whole);
        if (instant > limit) return fail(WanneerError::TooFar, whole);
        return WanneerOk{instant, format_local_iso(instant, tz), consumed};
    };

    if (e.duration_minutes) {
        // Amounts are clamped by the tokenizer (<= 1e9), so minutes * 60000 cannot overflow.
        const auto max_minutes = floor<minutes>(limit - now).count() + 1;
        if (*e.duration_minutes > static_cast<std::uint64_t>(max_minutes)) {
            return fail(WanneerError::TooFar, whole);
        }
        return finish(now + minutes{static_cast<std::int64_t>(*e.duration_minutes)});
    }

    std::optional<seconds> tod;
    if (e.time) {
        TimeSpec ts = *e.time;
        if (e.date) apply_daypart(ts, e.date->daypart);
        tod = time_of_day(ts);
        if (!tod) {
            return fail(WanneerError::InvalidTime,
                        token_text(text, toks, e.time->first_tok, e.time->end_tok));
        }
    }

    // Resolve a local day + time of day; the spring gap is refused, not shifted.
    auto at = [&](date::local_days day, seconds t, bool* gap) {
        return resolve_local(LocalMs{day} + t, tz, gap);
    };
    auto finish_at = [&](date::local_days day, seconds t) -> WanneerResult {
        bool gap = false;
        const UtcMs instant = at(day, t, &gap);
        if (gap) return fail(WanneerError::NonexistentLocalTime, whole);
        return finish(instant);
    };

    if (!e.date) {  // a time alone: today if still ahead, else tomorrow
        bool gap = false;
        if (at(today, *tod, &gap) > now) return finish_at(today, *tod);
        return finish_at(today + days{1}, *tod);
    }

    const DateSpec& d = *e.date;
    const std::string date_text = token_text(text, toks, d.first_tok, d.end_tok);

    std::optional<date::local_days> relative_day;
    if (d.kind == DateKind::Relative) {
        // Bound before calendar arithmetic: date::year holds only +-32767.
        const std::uint64_t max_days = 400ULL * 12;
        const std::uint64_t as_days = d.unit == Unit::Day    ? d.amount
                                      : d.unit == Unit::Week ? d.amount * 7
                                                             : d.amount * 31;
        if (as_days > max_days) return fail(WanneerError::TooFar, whole);
        if (d.unit == Unit::Month) {
            date::year_month_day ymd{today};
            relative_day =
                date::local_days{clamp_to_month(ymd + date::months{static_cast<int>(d.amount)})};
        } else {
            relative_day = today + days{static_cast<int>(as_days)};
        }
    }

    if (!tod) {
        if (relative_day) {
            // "over 2 dagen": the same wall-clock time that many days on (gap: shifted).
            return finish(resolve_local(LocalMs{*relative_day} + (local_now - today), tz));
        }
        if (d.kind == DateKind::Yesterday) return fail(WanneerError::InPast, whole);
        if (d.daypart != DayPart::None) {
            tod = std::chrono::duration_cast<seconds>(default_time_of(d.daypart));
        } else {
            if (!opt.default_time) return fail(WanneerError::MissingTime, date_text);
            tod = std::chrono::duration_cast<seconds>(*opt.default_time);
            if (*tod < seconds{0} || *tod >= days{1}) return fail(WanneerError::InvalidTime, "");
        }
    }

    switch (d.kind) {
        case DateKind::Yesterday:
            return finish_at(today - days{1}, *tod);
        case DateKind::Today:
            return finish_at(today, *tod);
        case DateKind::Tomorrow:
            return finish_at(today + days{1}, *tod);
        case DateKind::DayAfterTomorrow:
            return finish_at(today + days{2}, *tod);
        case DateKind::Relative:
            return finish_at(*relative_day, *tod);
        case DateKind::Weekday: {
            // The next such day whose time is still ahead; today counts.
            for (int i = 0; i < 7; ++i) {
                const auto day = today + days{i};
                bool gap = false;
                if (iso_weekday(day) == d.weekday && at(day, *tod, &gap) > now) {
                    return finish_at(day, *tod);
                }
            }
            return finish_at(today + days{7}, *tod);
        }
        case DateKind::NextWeekWeekday: {
            const auto monday = today - days{iso_weekday(today) - 1};
            return finish_at(monday + days{7 + d.weekday - 1}, *tod);
        }
        case DateKind::Absolute:
            break;
    }

    // Absolute calendar date. Impossible day-month pairs fail whatever the year.
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31) {
        return fail(WanneerError::InvalidDate, date_text);
    }
    const date::month m{static_cast<unsigned>(d.month)};
    const date::day dd{static_cast<unsigned>(d.day)};
    if (!date::month_day{m, dd}.ok()) return fail(WanneerError::InvalidDate, date_text);

    auto check_weekday = [&](date::local_days day) {
        return d.weekday == 0 || iso_weekday(day) == d.weekday;
    };
    if (d.year) {
        const date::year_month_day ymd{date::year{static_cast<int>(*d.year)}, m, dd};
        if (!ymd.ok()) return fail(WanneerError::InvalidDate, date_text);  // 29-02-2026
        const date::local_days day{ymd};
        if (!check_weekday(day)) return fail(WanneerError::InvalidDate, date_text);
        return finish_at(day, *tod);
    }
    // No year: its next occurrence by calendar position - this year if that day and time are
    // still ahead, else next year. A 29 Feb that the chosen year lacks is refused rather than
    // silently moved years ahead.
    const date::year_month_day today_ymd{today};
    date::year year = today_ymd.year();
    const date::month_day md{m, dd};
    const date::month_day today_md{today_ymd.month(), today_ymd.day()};
    if (md < today_md) {
        year += date::years{1};
    } else if (md == today_md) {
        bool gap = false;
        if (at(today, *tod, &gap) <= now) year += date::years{1};
    }
    const date::year_month_day ymd{year, m, dd};
    if (!ymd.ok()) return fail(WanneerError::InvalidDate, date_text);
    const date::local_days day{ymd};
    if (!check_weekday(day)) return fail(WanneerError::InvalidDate, date_text);
    return finish_at(day, *tod);
}

// Longest k such that tokens [0, k) end at a word boundary and form a <wanneer>.
std::optional<std::pair<std::size_t, Expr>> longest_prefix(std::string_view text,
                                                           const std::vector<Token>& toks) {
    for (std::size_t k = std::min(toks.size(), kMaxTokens); k >= 1; --k) {
        if (!is_boundary(text, toks[k - 1].end)) continue;
        if (auto e = parse_slice(toks, k)) return std::make_pair(k, *e);
    }
    return std::nullopt;
}

}  // namespace

WanneerResult parse_wanneer(std::string_view text, const date::time_zone* tz, UtcMs now,
                            const WanneerOptions& options) {
    if (tz == nullptr) tz = utc_zone();
    if (trim(text).empty()) return fail(WanneerError::Empty, "");
    const auto toks = tokenize(text, kMaxTokens + 1);
    if (toks.size() <= kMaxTokens) {
        if (auto e = parse_slice(toks, toks.size())) {
            return evaluate(*e, text, toks, tz, now, options, text.size());
        }
    }
    // Say which words were not understood: those after the longest readable prefix. Trailing
    // punctuation alone ("morgen 14:00.") is no reason to refuse.
    if (auto p = longest_prefix(text, toks)) {
        const auto rest = rest_after(text, toks[p->first - 1].end);
        if (rest.empty()) return evaluate(p->second, text, toks, tz, now, options, text.size());
        return fail(WanneerError::Unrecognised, std::string(rest));
    }
    return fail(WanneerError::Unrecognised, std::string(trim(text)));
}

WanneerResult parse_wanneer_prefix(std::string_view text, const date::time_zone* tz, UtcMs now,
                                   const WanneerOptions& options) {
    if (tz == nullptr) tz = utc_zone();
    if (trim(text).empty()) return fail(WanneerError::Empty, "");
    const auto toks = tokenize(text, kMaxTokens);
    if (auto p = longest_prefix(text, toks)) {
        return evaluate(p->second, text, toks, tz, now, options, toks[p->first - 1].end);
    }
    return fail(WanneerError::Unrecognised, first_word(text));
}

std::string_view rest_after(std::string_view text, std::size_t consumed_bytes) {
    if (consumed_bytes >= text.size()) return {};
    std::string_view r = text.substr(consumed_bytes);
    for (;;) {
        std::size_t w = 0;
        if (r.empty()) break;
        if (is_space_at(r, 0, &w)) {
            r.remove_prefix(w);
        } else if (r[0] == ',' || r[0] == ';' || r[0] == ':' || r[0] == '-') {
            r.remove_prefix(1);
        } else if (r[0] == '.' && (r.size() == 1 || is_space_at(r, 1))) {
            r.remove_prefix(1);
        } else if (r.size() >= 3 && r.substr(0, 2) == "\xE2\x80" &&
                   (r[2] == '\x93' || r[2] == '\x94')) {  // en dash, em dash
            r.remove_prefix(3);
        } else {
            break;
        }
    }
    return trim(r);
}

namespace {

std::string format_ymd_hms(date::sys_seconds s) {
    const auto dp = floor<days>(s);
    const date::year_month_day ymd{dp};
    const date::hh_mm_ss<seconds> hms{s - dp};
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

}  // namespace

UtcMs default_follow_up(UtcMs now, const date::time_zone* tz, int days) {
    if (tz == nullptr) tz = utc_zone();
    const auto local = tz->to_local(floor<seconds>(now));
    date::local_days day = date::floor<date::days>(local) + date::days{days};
    const date::weekday wd{day};
    if (wd == date::Saturday) day += date::days{2};
    if (wd == date::Sunday) day += date::days{1};
    const auto at = tz->to_sys(day + std::chrono::hours{9}, date::choose::earliest);
    return std::chrono::time_point_cast<std::chrono::milliseconds>(at);
}

std::string format_local_iso(UtcMs t, const date::time_zone* tz) {
    if (tz == nullptr) tz = utc_zone();
    const auto s = floor<seconds>(t);
    const auto info = tz->get_info(s);
    std::string out = format_ymd_hms(s + info.offset);
    const auto off = floor<minutes>(info.offset).count();
    const long long a = off < 0 ? -off : off;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%c%02lld:%02lld", off < 0 ? '-' : '+', a / 60, a % 60);
    return out + buf;
}

std::string format_utc_iso(UtcMs t) {
    return format_ymd_hms(floor<seconds>(t)) + "Z";
}

namespace {

// Reads exactly `n` ASCII digits at `pos`.
std::optional<int> read_digits(std::string_view s, std::size_t& pos, std::size_t n) {
    if (pos + n > s.size()) return std::nullopt;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char ch = s[pos + i];
        if (ch < '0' || ch > '9') return std::nullopt;
        v = v * 10 + (ch - '0');
    }
    pos += n;
    return v;
}

}  // namespace

std::optional<UtcMs> parse_now_argument(std::string_view text, const date::time_zone* tz) {
    if (tz == nullptr) tz = utc_zone();
    const std::string_view s = trim(text);
    std::size_t p = 0;
    auto y = read_digits(s, p, 4);
    if (!y || p >= s.size() || s[p++] != '-') return std::nullopt;
    auto mo = read_digits(s, p, 2);
    if (!mo || p >= s.size() || s[p++] != '-') return std::nullopt;
    auto d = read_digits(s, p, 2);
    if (!d) return std::nullopt;
    const date::year_month_day ymd{date::year{*y}, date::month{static_cast<unsigned>(*mo)},
                                   date::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) return std::nullopt;

    int hh = 0, mm = 0, ss = 0, ms = 0;
    if (p < s.size() && (s[p] == 'T' || s[p] == 't' || s[p] == ' ')) {
        ++p;
        auto h = read_digits(s, p, 2);
        if (!h || p >= s.size() || s[p++] != ':') return std::nullopt;
        auto m = read_digits(s, p, 2);
        if (!m) return std::nullopt;
        hh = *h;
        mm = *m;
        if (p < s.size() && s[p] == ':') {
            ++p;
            auto sec = read_digits(s, p, 2);
            if (!sec) return std::nullopt;
            ss = *sec;
            if (p < s.size() && (s[p] == '.' || s[p] == ',')) {
                ++p;
                std::size_t digits = 0;
                while (p < s.size() && s[p] >= '0' && s[p] <= '9') {
                    if (digits < 3) ms = ms * 10 + (s[p] - '0');
                    ++digits;
                    ++p;
                }
                if (digits == 0) return std::nullopt;
                for (; digits < 3; ++digits) ms *= 10;
            }
        }
        if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
    }
    const auto since_midnight =
        std::chrono::hours{hh} + minutes{mm} + seconds{ss} + milliseconds{ms};
    if (p == s.size()) {  // local time in tz
        const LocalMs local = LocalMs{date::local_days{ymd}} + since_midnight;
        bool gap = false;
        const UtcMs t = resolve_local(local, tz, &gap);
        if (gap) return std::nullopt;
        return t;
    }
    minutes offset{0};
    if (s[p] == 'Z' || s[p] == 'z') {
        ++p;
    } else if (s[p] == '+' || s[p] == '-') {
        const bool neg = s[p] == '-';
        ++p;
        auto oh = read_digits(s, p, 2);
        if (!oh) return std::nullopt;
        int om = 0;
        if (p < s.size()) {
            if (s[p] == ':') ++p;
            auto m = read_digits(s, p, 2);
            if (!m) return std::nullopt;
            om = *m;
        }
        if (*oh > 23 || om > 59) return std::nullopt;
        offset = std::chrono::hours{*oh} + minutes{om};
        if (neg) offset = -offset;
    } else {
        return std::nullopt;
    }
    if (p != s.size()) return std::nullopt;
    return UtcMs{date::sys_days{ymd}} + since_midnight - offset;
}

const date::time_zone* find_time_zone(std::string_view iana_name) {
    if (iana_name.empty()) return nullptr;
    try {
        return date::locate_zone(iana_name);
    } catch (const std::exception&) {
        return nullptr;
    }
}

std::string_view error_code_name(WanneerError code) {
    switch (code) {
        case WanneerError::Empty:
            return "empty";
        case WanneerError::Unrecognised:
            return "unrecognised";
        case WanneerError::InvalidTime:
            return "invalid_time";
        case WanneerError::InvalidDate:
            return "invalid_date";
        case WanneerError::NonexistentLocalTime:
            return "nonexistent_local_time";
        case WanneerError::InPast:
            return "in_past";
        case WanneerError::TooFar:
            return "too_far";
        case WanneerError::MissingTime:
            return "missing_time";
    }
    return "unrecognised";
}

}  // namespace dialoog::wanneer
