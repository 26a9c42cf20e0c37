#pragma once
// Offline tools for admins (wired into main by bot/tools):
//   dialoogbot scrub [--config PATH]        lines on stdin -> scrubbed lines on stdout
//   dialoogbot inbreng-export --config PATH --team NAME   the team's stored inputs as CSV

#include <iosfwd>
#include <string>
#include <string_view>

#include "common/csv.hpp"
#include "config/config.hpp"

namespace dialoog::inbreng {

/// Scrubs `in` line by line to `out` (one line out per line in), with the YAML's
/// intake.keep_words when `cfg_or_null` is given. Returns the process exit code (0).
int run_scrub_cli(std::istream& in, std::ostream& out, const config::Config* cfg_or_null);

/// Writes the stored inputs of `team` as CSV (RFC 4180: CRLF line ends, fields with a comma,
/// quote or line break quoted, quotes doubled): header "id,week,themes,text". Returns 0, or 1
/// with a message on `err` for an unknown team or an unreadable database.
int run_inbreng_export_cli(const config::Config& cfg, const std::string& team, std::ostream& out,
                           std::ostream& err);

/// One CSV field (common/csv.hpp: RFC 4180 quoting, formulas neutralised).
using dialoog::csv_field;

}  // namespace dialoog::inbreng
