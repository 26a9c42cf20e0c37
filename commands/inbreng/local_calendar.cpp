#include "commands/inbreng/local_calendar.hpp"

#include <date/date.h>
#include <date/tz.h>

#include "lib/wanneer/recurrence.hpp"

namespace dialoog::inbreng {

namespace {

date::local_days local_day(UtcMs t, const date::time_zone* tz) {
    if (!tz) return date::local_days{date::floor<date::days>(t).time_since_epoch()};
    return date::floor<date::days>(tz->to_local(t));
}

UtcMs to_utc(date::local_time<std::chrono::milliseconds> lt, const date::time_zone* tz) {
    if (!tz) return UtcMs{lt.time_since_epoch()};
    return tz->to_sys(lt, date::choose::earliest);
}

}  // namespace

std::string local_date(UtcMs t, const date::time_zone* tz) {
    return date::format("%F", local_day(t, tz));
}

std::int64_t local_days(UtcMs t, const date::time_zone* tz) {
    return local_day(t, tz).time_since_epoch().count();
}

WeekOf week_of(UtcMs t, const date::time_zone* tz) {
    auto w = wanneer::iso_week_of(t, tz);
    WeekOf out;
    out.week = wanneer::format_iso_week(w);
    out.monday_days = wanneer::iso_week_monday(w).time_since_epoch().count();
    return out;
}

UtcMs next_local_hour(UtcMs t, const date::time_zone* tz, int hour) {
    auto day = local_day(t, tz);
    for (int i = 0; i < 3; ++i) {
        auto candidate = to_utc(
            date::local_time<std::chrono::milliseconds>{(day + date::days{i}).time_since_epoch() +
                                                        std::chrono::hours{hour}},
            tz);
        if (candidate > t) return candidate;
    }
    return t + std::chrono::hours{24};
}

}  // namespace dialoog::inbreng
