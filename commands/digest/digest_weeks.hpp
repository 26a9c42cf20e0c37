#pragma once
// ISO-week arithmetic the digest needs on top of lib/wanneer/recurrence.hpp: the week
// before/after, which week a firing covers, quarters of weeks, and dates for the title.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "lib/wanneer/recurrence.hpp"

namespace dialoog::digest {

using wanneer::IsoWeek;

IsoWeek previous_week(IsoWeek w);
IsoWeek next_week(IsoWeek w);

/// The last firing of the weekly `rule` at or before `now`, starting from the job's due time
/// `due` (<= now). A job overdue across several firings (the bot was down) yields the latest.
UtcMs latest_firing(const wanneer::WeeklyRule& rule, const date::time_zone* tz, UtcMs due,
                    UtcMs now);

/// The week a digest fired at `fired` covers: the last ISO week completed before it, in `tz`.
IsoWeek covered_week(UtcMs fired, const date::time_zone* tz);

/// A calendar quarter (1..4) of a year. An ISO week belongs to the quarter of its Thursday.
struct Quarter {
    int year = 1970;
    unsigned q = 1;
    bool operator==(const Quarter&) const = default;
};

Quarter quarter_of(IsoWeek w);
Quarter previous_quarter(Quarter q);
/// The ISO weeks of `q`, in order, up to and including `last` (weeks after it are left out).
std::vector<IsoWeek> weeks_of_quarter(Quarter q, IsoWeek last);
/// Parses "2026-K4", "2026-Q4", "K4 2026", "Q4" / "K4" (year of `current`); nullopt otherwise.
std::optional<Quarter> parse_quarter(std::string_view text, Quarter current);

/// Year, month (1..12) and day of a local calendar day.
struct CalendarDay {
    int year = 1970;
    unsigned month = 1;
    unsigned day = 1;
};

/// Monday and Sunday of ISO week `w`.
CalendarDay week_monday(IsoWeek w);
CalendarDay week_sunday(IsoWeek w);
/// "2026-11-30"
std::string iso_date(CalendarDay d);

}  // namespace dialoog::digest
