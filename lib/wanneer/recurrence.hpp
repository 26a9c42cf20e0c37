#pragma once
// Weekly recurrence in local time ("elke dinsdag 09:00", every N weeks) and ISO-week helpers.
// Used by `!casus reeks <weekdag> <tijd> [elke N weken]` and by YAML schedule strings such as
// "maandag 09:00". Documented for users in docs/user.md.
//
// DST policy of a rule (documented because it is a choice):
//   - the rule fires at its wall-clock time on both sides of a DST change;
//   - a rule time inside the spring-forward gap is moved forward by the gap (02:30 -> 03:30);
//   - a rule time inside the autumn repeated hour fires once, at the earlier instant.

#include "lib/wanneer/wanneer.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace dialoog::wanneer {

/// An ISO 8601 week: `year` is the ISO week-numbering year (2027-01-01 is in 2026-W53).
struct IsoWeek {
    int year = 1970;
    unsigned week = 1;  // 1..52 or 53
    auto operator<=>(const IsoWeek&) const = default;
};

/// A weekly rule in the team's local time.
struct WeeklyRule {
    date::weekday weekday = date::Monday;
    std::chrono::minutes time_of_day{0};  // since local midnight, [0, 24h)
    unsigned every_weeks = 1;             // N >= 1: fires in weeks anchor, anchor+N, ...
    /// The series fires only in the anchor week and every N-th week after it, never before.
    /// Matters for every_weeks > 1; the default (1970-W01) gives a fixed, arbitrary phase.
    IsoWeek anchor{};
    bool operator==(const WeeklyRule&) const = default;
};

/// The next firing of `rule` strictly after `after_utc` (UTC, ms), in zone `tz` (null = UTC).
/// every_weeks == 0 is treated as 1; a time_of_day outside [0, 24h) is reduced modulo a day.
UtcMs next_occurrence(const WeeklyRule& rule, const date::time_zone* tz, UtcMs after_utc);

/// Why a rule text was refused.
enum class RuleError {
    Empty,            // nothing typed
    Unrecognised,     // fragment = the words not understood
    MissingWeekday,   // "09:00" without a day
    MissingTime,      // "dinsdag" without a time
    InvalidTime,      // "dinsdag 25:00"
    InvalidInterval,  // "elke 0 weken"; N must be 1..52
};

struct RuleFail {
    RuleError code;
    std::string fragment;  // the offending part of the input, verbatim
};

using RuleResult = std::variant<WeeklyRule, RuleFail>;

/// Parses "<weekday> <time> [<interval>]" in Dutch or English, e.g. "dinsdag 09:00",
/// "di 9:00", "tuesday 9am", "elke dinsdag om 9:00", "dinsdags 9u", "maandag 09:00 elke 2 weken",
/// "every tuesday at 10am every 2 weeks", "woensdag 14:00 om de week" (= every 2 weeks).
/// Intervals: "elke|iedere N weken", "elke week", "om de N weken", "om de week" (2),
/// "every N weeks", "every week", "every other week" (2), "wekelijks"/"weekly" (1),
/// "tweewekelijks"/"biweekly"/"fortnightly" (2). The whole text must be a rule. `anchor` is
/// copied into the result.
RuleResult parse_weekly_rule(std::string_view text, IsoWeek anchor = {});

/// "dinsdag 09:00" / "dinsdag 09:00 elke 2 weken" (Dutch), or "tuesday 09:00 every 2 weeks"
/// (english = true). Parses back with parse_weekly_rule; the anchor is not included.
std::string format_weekly_rule(const WeeklyRule& rule, bool english = false);

/// Stable snake_case name of a rule error ("invalid_interval").
std::string_view rule_error_name(RuleError code);

/// The ISO week containing instant `t` in zone `tz` (null = UTC).
IsoWeek iso_week_of(UtcMs t, const date::time_zone* tz);

/// True if `w.week` exists in ISO year `w.year` (1..52, or 53 in long years).
bool is_valid_iso_week(IsoWeek w);

/// [start, end) in UTC of ISO week `w` in `tz` (null = UTC): Monday 00:00 local up to the next
/// Monday 00:00 local (a midnight in a DST gap moves forward). nullopt for an invalid week.
std::optional<std::pair<UtcMs, UtcMs>> iso_week_bounds(IsoWeek w, const date::time_zone* tz);

/// Same as iso_week_bounds({year, week}, tz).
std::optional<std::pair<UtcMs, UtcMs>> iso_week_bounds(int year, unsigned week,
                                                       const date::time_zone* tz);

/// Parses "2026-W49" (also "2026-w49", "2026W49", a one-digit week "2026-W9"); nullopt for
/// malformed text or a week the year does not have.
std::optional<IsoWeek> parse_iso_week(std::string_view text);

/// "2026-W49" (week always two digits).
std::string format_iso_week(IsoWeek w);

/// Monday (local calendar day) of ISO week `w`; `w` must be valid.
date::local_days iso_week_monday(IsoWeek w);

}  // namespace dialoog::wanneer
