#pragma once
// Helpers for recurring series: the rule of a stored series, splitting "<rule> [options]
// [title]" typed in chat, and keeping YAML series (team `casus.series`) in step at start.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "commands/casus/plan_args.hpp"
#include "commands/context.hpp"
#include "lib/wanneer/recurrence.hpp"
#include "storage/casus/series.hpp"

namespace dialoog::casus {

wanneer::WeeklyRule rule_of(const Reeks& r);

struct RuleSplit {
    wanneer::RuleResult rule;
    std::string_view rest;  // options and title after the rule
};
/// The longest run of leading words of `text` that parses as a weekly rule; when none does,
/// the specific error of the longest prefix that has one, else "unrecognised".
RuleSplit split_rule_prefix(std::string_view text, const std::vector<Word>& words,
                            wanneer::IsoWeek anchor);

/// The anchor week of a new series: the week of its first occurrence after `now_ms`, so
/// "every 2 weeks" starts with the next matching weekday, not two weeks later.
wanneer::IsoWeek first_week(wanneer::WeeklyRule rule, const date::time_zone* tz,
                            std::int64_t now_ms);

/// The team's default method id (YAML `casus.method`).
std::string casus_method_default(const config::TeamConfig& team);

/// At start: creates series for new YAML entries, deactivates ones no longer in the YAML, and
/// makes sure every active series has its next session planned.
void sync_series(commands::Services& s);

}  // namespace dialoog::casus
