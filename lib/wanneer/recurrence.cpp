#include "lib/wanneer/recurrence.hpp"

#include "lib/wanneer/lexicon.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace dialoog::wanneer {

namespace {

using namespace detail;
using std::chrono::days;
using std::chrono::floor;
using std::chrono::milliseconds;
using std::chrono::minutes;
using LocalMs = date::local_time<milliseconds>;

constexpr unsigned kMaxIntervalWeeks = 52;

unsigned iso_weekday(date::local_days d) {
    return date::weekday{d}.iso_encoding();
}

// ISO week of a local calendar day: the week belongs to the year of its Thursday.
IsoWeek iso_week_of_day(date::local_days d) {
    const auto thursday = d - days{iso_weekday(d) - 1} + days{3};
    const date::year_month_day ymd{thursday};
    const date::local_days jan1{ymd.year() / date::January / 1};
    return IsoWeek{static_cast<int>(ymd.year()),
                   static_cast<unsigned>((thursday - jan1).count() / 7 + 1)};
}

unsigned weeks_in_iso_year(int year) {
    // 28 December always lies in the last ISO week of its year.
    return iso_week_of_day(date::local_days{date::year{year} / date::December / 28}).week;
}

// "elke 2 weken", "every other week", "om de week", "wekelijks", ... -> N (unvalidated).
bool parse_interval(Cursor& c, std::uint64_t& weeks) {
    Cursor save = c;
    if (c.accept_word({"wekelijks", "weekly"})) {
        weeks = 1;
        return true;
    }
    if (c.accept_word({"tweewekelijks", "biweekly", "fortnightly"})) {
        weeks = 2;
        return true;
    }
    auto amount = [&](std::uint64_t& out) {
        const Token* t = c.peek();
        if (t == nullptr) return false;
        if (t->kind == TokKind::Number) {
            out = t->value;
        } else if (auto v = t->kind == TokKind::Word ? number_word(t->lower) : std::nullopt) {
            out = *v;
        } else {
            return false;
        }
        ++c.pos;
        return true;
    };
    const bool elke = c.accept_word({"elke", "iedere", "every", "each"});
    const bool om_de = !elke && c.accept_word({"om"}) && c.accept_word({"de"});
    if (elke || om_de) {
        std::uint64_t n = om_de ? 2 : 1;  // "om de week" = every other week
        if (c.accept_word({"other", "andere"})) {
            n = 2;
        } else {
            amount(n);
        }
        if (c.accept_word({"week", "weken", "weeks", "wk", "wks"})) {
            weeks = n;
            return true;
        }
    }
    c = save;
    return false;
}

std::string rest_text(std::string_view text, const std::vector<Token>& toks, std::size_t from) {
    return token_text(text, toks, from, toks.size());
}

RuleFail rule_fail(RuleError code, std::string fragment) {
    return RuleFail{code, std::move(fragment)};
}

constexpr std::array<std::string_view, 7> kDutchDays{"maandag", "dinsdag",  "woensdag", "donderdag",
                                                     "vrijdag", "zaterdag", "zondag"};
constexpr std::array<std::string_view, 7> kEnglishDays{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

}  // namespace

date::local_days iso_week_monday(IsoWeek w) {
    const date::local_days jan4{date::year{w.year} / date::January / 4};
    const auto week1 = jan4 - days{iso_weekday(jan4) - 1};
    return week1 + days{7 * (static_cast<long long>(w.week) - 1)};
}

UtcMs next_occurrence(const WeeklyRule& rule, const date::time_zone* tz, UtcMs after_utc) {
    if (tz == nullptr) tz = utc_zone();
    const long long n = rule.every_weeks == 0 ? 1 : rule.every_weeks;
    auto tod = rule.time_of_day % days{1};
    if (tod < minutes{0}) tod += days{1};
    const long long wd_offset = rule.weekday.iso_encoding() - 1;

    const date::local_days after_day = floor<days>(tz->to_local(after_utc));
    const auto after_monday = after_day - days{iso_weekday(after_day) - 1};
    const auto anchor_monday = iso_week_monday(rule.anchor);
    long long k = (after_monday - anchor_monday).count() / 7;  // exact: both are Mondays
    // Start one period early: near a DST change a local time in the previous aligned week can
    // still be after `after_utc` only in theory, and the extra step costs nothing.
    k = k < 0 ? 0 : (k / n) * n - n;
    if (k < 0) k = 0;
    for (;; k += n) {
        const auto day = anchor_monday + days{7 * k + wd_offset};
        const UtcMs t = resolve_local(LocalMs{day} + tod, tz);
        if (t > after_utc) return t;
    }
}

RuleResult parse_weekly_rule(std::string_view text, IsoWeek anchor) {
    const auto toks = tokenize(text, 64);
    if (toks.empty()) return rule_fail(RuleError::Empty, "");
    Cursor c{&toks, 0, toks.size()};
    WeeklyRule rule;
    rule.anchor = anchor;

    std::optional<std::uint64_t> interval;
    std::size_t interval_first = 0, interval_end = 0;
    auto try_interval = [&] {
        Cursor k = c;
        k.accept_punct(',', false);
        std::uint64_t n = 0;
        const std::size_t first = k.pos;
        if (parse_interval(k, n)) {
            interval = n;
            interval_first = first;
            interval_end = k.pos;
            c = k;
        }
    };
    try_interval();
    if (interval) c.accept_punct(',', false);

    c.accept_word({"elke", "iedere", "every", "each", "op", "on"});
    const Token* w = c.peek();
    std::optional<unsigned> wd;
    if (w != nullptr && w->kind == TokKind::Word) wd = weekday_from_word(w->lower, true);
    if (!wd) {
        Cursor k = c;
        k.accept_word({"om", "at"});
        TimeSpec ts;
        if (parse_time(k, ts)) {
            return rule_fail(RuleError::MissingWeekday,
                             token_text(text, toks, ts.first_tok, ts.end_tok));
        }
        return rule_fail(RuleError::Unrecognised, rest_text(text, toks, c.pos));
    }
    const std::size_t wd_tok = c.pos;
    ++c.pos;
    c.skip_abbrev_dot();
    rule.weekday = date::weekday{*wd % 7};  // ISO 7 (Sunday) -> 0

    c.accept_punct(',', false);
    if (!c.accept_word({"om", "at"})) c.accept_punct('@', false);
    TimeSpec ts;
    if (!parse_time(c, ts)) {
        if (c.at_end()) {
            return rule_fail(RuleError::MissingTime, token_text(text, toks, wd_tok, wd_tok + 1));
        }
        return rule_fail(RuleError::Unrecognised, rest_text(text, toks, c.pos));
    }
    const auto tod = time_of_day(ts);
    if (!tod) {
        return rule_fail(RuleError::InvalidTime, token_text(text, toks, ts.first_tok, ts.end_tok));
    }
    rule.time_of_day = floor<minutes>(*tod);

    if (!interval) try_interval();
    c.accept_punct('.', false);  // a closing full stop
    if (!c.at_end()) return rule_fail(RuleError::Unrecognised, rest_text(text, toks, c.pos));

    if (interval) {
        if (*interval < 1 || *interval > kMaxIntervalWeeks) {
            return rule_fail(RuleError::InvalidInterval,
                             token_text(text, toks, interval_first, interval_end));
        }
        rule.every_weeks = static_cast<unsigned>(*interval);
    }
    return rule;
}

std::string format_weekly_rule(const WeeklyRule& rule, bool english) {
    const unsigned idx = rule.weekday.iso_encoding() - 1;
    auto tod = rule.time_of_day % days{1};
    if (tod < minutes{0}) tod += days{1};
    char buf[16];
    std::snprintf(buf, sizeof buf, " %02d:%02d", static_cast<int>(tod.count() / 60),
                  static_cast<int>(tod.count() % 60));
    std::string out(english ? kEnglishDays.at(idx % 7) : kDutchDays.at(idx % 7));
    out += buf;
    if (rule.every_weeks > 1) {
        out += english ? " every " : " elke ";
        out += std::to_string(rule.every_weeks);
        out += english ? " weeks" : " weken";
    }
    return out;
}

std::string_view rule_error_name(RuleError code) {
    switch (code) {
        case RuleError::Empty:
            return "empty";
        case RuleError::Unrecognised:
            return "unrecognised";
        case RuleError::MissingWeekday:
            return "missing_weekday";
        case RuleError::MissingTime:
            return "missing_time";
        case RuleError::InvalidTime:
            return "invalid_time";
        case RuleError::InvalidInterval:
            return "invalid_interval";
    }
    return "unrecognised";
}

IsoWeek iso_week_of(UtcMs t, const date::time_zone* tz) {
    if (tz == nullptr) tz = utc_zone();
    return iso_week_of_day(floor<days>(tz->to_local(t)));
}

bool is_valid_iso_week(IsoWeek w) {
    // date::year holds -32767..32767; stay well inside so Jan 4 and Dec 28 exist.
    if (w.year < -32000 || w.year > 32000) return false;
    return w.week >= 1 && w.week <= weeks_in_iso_year(w.year);
}

std::optional<std::pair<UtcMs, UtcMs>> iso_week_bounds(IsoWeek w, const date::time_zone* tz) {
    if (!is_valid_iso_week(w)) return std::nullopt;
    if (tz == nullptr) tz = utc_zone();
    const auto monday = iso_week_monday(w);
    return std::make_pair(resolve_local(LocalMs{monday}, tz),
                          resolve_local(LocalMs{monday + days{7}}, tz));
}

std::optional<std::pair<UtcMs, UtcMs>> iso_week_bounds(int year, unsigned week,
                                                       const date::time_zone* tz) {
    return iso_week_bounds(IsoWeek{year, week}, tz);
}

std::optional<IsoWeek> parse_iso_week(std::string_view text) {
    // Trim ASCII whitespace only; this comes from YAML and command arguments.
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    std::size_t p = 0;
    int year = 0;
    for (; p < 4; ++p) {
        if (p >= text.size() || text[p] < '0' || text[p] > '9') return std::nullopt;
        year = year * 10 + (text[p] - '0');
    }
    if (p < text.size() && text[p] == '-') ++p;
    if (p >= text.size() || (text[p] != 'W' && text[p] != 'w')) return std::nullopt;
    ++p;
    const std::size_t digits = text.size() - p;
    if (digits < 1 || digits > 2) return std::nullopt;
    unsigned week = 0;
    for (; p < text.size(); ++p) {
        if (text[p] < '0' || text[p] > '9') return std::nullopt;
        week = week * 10 + static_cast<unsigned>(text[p] - '0');
    }
    const IsoWeek w{year, week};
    if (!is_valid_iso_week(w)) return std::nullopt;
    return w;
}

std::string format_iso_week(IsoWeek w) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-W%02u", w.year, w.week);
    return buf;
}

}  // namespace dialoog::wanneer
