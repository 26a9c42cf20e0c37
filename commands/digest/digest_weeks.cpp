#include "commands/digest/digest_weeks.hpp"

#include <cctype>
#include <cstdio>

namespace dialoog::digest {

namespace {

using std::chrono::days;

IsoWeek week_of_day(date::local_days d) {
    // iso_week_of in UTC on the same calendar day gives the day's ISO week.
    return wanneer::iso_week_of(UtcMs{d.time_since_epoch()}, nullptr);
}

CalendarDay to_day(date::local_days d) {
    date::year_month_day ymd{d};
    return CalendarDay{static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                       static_cast<unsigned>(ymd.day())};
}

std::string lower(std::string_view s) {
    std::string out;
    for (char c : s)
        if (!std::isspace(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

IsoWeek previous_week(IsoWeek w) {
    return week_of_day(wanneer::iso_week_monday(w) - days{7});
}

IsoWeek next_week(IsoWeek w) {
    return week_of_day(wanneer::iso_week_monday(w) + days{7});
}

UtcMs latest_firing(const wanneer::WeeklyRule& rule, const date::time_zone* tz, UtcMs due,
                    UtcMs now) {
    UtcMs t = due;
    // Bounded: a bot down for years is not worth more than a few thousand steps.
    for (int i = 0; i < 5000; ++i) {
        UtcMs next = wanneer::next_occurrence(rule, tz, t);
        if (next > now) break;
        t = next;
    }
    return t;
}

IsoWeek covered_week(UtcMs fired, const date::time_zone* tz) {
    return previous_week(wanneer::iso_week_of(fired, tz));
}

Quarter quarter_of(IsoWeek w) {
    auto thursday = to_day(wanneer::iso_week_monday(w) + days{3});
    return Quarter{thursday.year, (thursday.month - 1) / 3 + 1};
}

Quarter previous_quarter(Quarter q) {
    return q.q == 1 ? Quarter{q.year - 1, 4} : Quarter{q.year, q.q - 1};
}

std::vector<IsoWeek> weeks_of_quarter(Quarter q, IsoWeek last) {
    std::vector<IsoWeek> out;
    date::local_days first{date::year{q.year} / date::month{(q.q - 1) * 3 + 1} / 1};
    IsoWeek w = week_of_day(first);
    if (quarter_of(w) != q) w = next_week(w);
    while (quarter_of(w) == q && w <= last) {
        out.push_back(w);
        w = next_week(w);
    }
    return out;
}

std::optional<Quarter> parse_quarter(std::string_view text, Quarter current) {
    std::string s = lower(text);
    // Accept the quarter letter in Dutch (K, kwartaal) and English (Q).
    auto parse_q = [](std::string_view part) -> std::optional<unsigned> {
        if (part.size() == 2 && (part[0] == 'k' || part[0] == 'q') && part[1] >= '1' &&
            part[1] <= '4')
            return static_cast<unsigned>(part[1] - '0');
        return std::nullopt;
    };
    if (auto q = parse_q(s)) return Quarter{current.year, *q};
    // "2026-k4", "2026k4"
    if (s.size() >= 6 && all_digits(s.substr(0, 4))) {
        std::string_view rest = std::string_view(s).substr(4);
        if (!rest.empty() && rest[0] == '-') rest.remove_prefix(1);
        if (auto q = parse_q(rest)) return Quarter{std::stoi(s.substr(0, 4)), *q};
    }
    // "k42026" after removing spaces from "K4 2026"
    if (s.size() == 6 && all_digits(s.substr(2)))
        if (auto q = parse_q(std::string_view(s).substr(0, 2)))
            return Quarter{std::stoi(s.substr(2)), *q};
    return std::nullopt;
}

CalendarDay week_monday(IsoWeek w) {
    return to_day(wanneer::iso_week_monday(w));
}

CalendarDay week_sunday(IsoWeek w) {
    return to_day(wanneer::iso_week_monday(w) + days{6});
}

std::string iso_date(CalendarDay d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
    return buf;
}

}  // namespace dialoog::digest
