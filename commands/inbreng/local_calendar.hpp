#pragma once
// Local calendar facts the intake needs: the local date (flood-counter day), the day number
// (retention), the ISO week of submission, and the next daily housekeeping instant.

#include <cstdint>
#include <string>

#include "common/clock.hpp"

namespace date {
class time_zone;
}

namespace dialoog::inbreng {

/// "2026-11-19": the local date of `t` in `tz` (null = UTC).
std::string local_date(UtcMs t, const date::time_zone* tz);

/// The ISO week of `t` in `tz` ("2026-W47") and the days since 1970-01-01 of its Monday.
struct WeekOf {
    std::string week;
    std::int64_t monday_days = 0;
};
WeekOf week_of(UtcMs t, const date::time_zone* tz);

/// Days since 1970-01-01 of the local date of `t`.
std::int64_t local_days(UtcMs t, const date::time_zone* tz);

/// The first instant strictly after `t` at local time `hour`:00 in `tz`.
UtcMs next_local_hour(UtcMs t, const date::time_zone* tz, int hour);

}  // namespace dialoog::inbreng
