#pragma once
// `!overzicht export [kwartaal]`: aggregated figures per team and ISO week as
// CSV, for the leader's own reports. Columns: team, week, week_start, week_end, then every
// column the features report through DigestContributor::digest_figures, in digest order. Counts
// under the k = 5 rule read "< 5" when 1..4. Only the leader's own teams. The command uploads it as
// a file and posts it as an m.file message (commands::Effects::file).

#include <optional>
#include <string>
#include <string_view>

#include "commands/context.hpp"
#include "commands/digest/digest_weeks.hpp"

namespace dialoog::digest {

/// The export period: the quarter and the weeks of it covered (up to the current week).
struct ExportPeriod {
    Quarter quarter;
    std::vector<IsoWeek> weeks;
};

/// "" = the current quarter so far; "vorige"/"vorig"/"previous"/"last" = the previous quarter;
/// "2026-K4", "2026-Q4", "K4", "Q4 2026" = that quarter (weeks after `current` left out).
/// nullopt for anything else, or a quarter that has not started.
std::optional<ExportPeriod> parse_export_period(std::string_view text, IsoWeek current);

/// The CSV (RFC 4180 quoting, "\n" line ends, no byte order mark) for `leader`'s
/// teams over `period` (as parse_export_period reads it; "now" is the clock in the leader's
/// timezone). Empty when `leader` leads no team or the period is not understood.
std::string digest_export_csv(commands::Services& s, const std::string& leader,
                              const std::string& period);

/// "2026-K4" (nl) or "2026-Q4" (en).
std::string quarter_label(Quarter q, std::string_view lang);

/// The export's file name: "dialoogbot-cijfers-2026-K4.csv" (nl) or
/// "dialoogbot-figures-2026-Q4.csv" (en), from quarter_label's `label`.
std::string export_filename(std::string_view label, std::string_view lang);

}  // namespace dialoog::digest
