#pragma once
// The daily housekeeping job of inbreng (03:00 in the config's time zone): deletes inputs past
// intake.retention_days, replaces the flood-counter key (forgetting yesterday's marks), and
// discards any intake whose timeout passed.

#include <string_view>

#include "commands/context.hpp"

namespace dialoog::inbreng {

inline constexpr std::string_view kDailyJobKind = "inbreng.daily";
inline constexpr std::string_view kDailyJobKey = "inbreng:daily";

/// Makes sure the daily job exists (on_start).
void ensure_daily_job(commands::Services& s);
/// The job handler; reschedules itself for the next day.
void daily_housekeeping_job(commands::JobContext& jc);

}  // namespace dialoog::inbreng
