#include "commands/digest/digest_cli.hpp"

#include "commands/digest/compose.hpp"
#include "commands/digest/digest_config.hpp"

namespace dialoog::digest {

int run_digest_cli(commands::Services& s, const std::string& leader, const std::string& iso_week,
                   std::ostream& out, std::ostream& err) {
    auto week = wanneer::parse_iso_week(iso_week);
    if (!week || week->year < 2000) {  // 0000-W01 parses, but no bot ran then
        err << "digest: --week must be an ISO week like 2026-W49 (and exist in that year), not \""
            << iso_week << "\"\n";
        return 1;
    }
    auto ls = leader_schedule(s.cfg(), leader);
    if (!ls) {
        err << "digest: " << leader
            << " is not listed in the leaders of any team in the config; a digest goes only to "
               "team leaders\n";
        return 1;
    }
    // As `!overzicht` does: a week that has not started has nothing to tell.
    const IsoWeek current = wanneer::iso_week_of(s.clock.now(), ls->tz);
    if (*week > current) {
        err << "digest: week " << wanneer::format_iso_week(*week)
            << " has not started yet (this week is " << wanneer::format_iso_week(current) << " in "
            << ls->timezone << ")\n";
        return 1;
    }
    out << compose_digest(s, *ls, *week, DigestKind::Weekly);
    return 0;
}

}  // namespace dialoog::digest
