#pragma once
// The team YAML section `casus:` (Scope::Team):
//
//   casus:
//     reminders: [24h, 1h]        # before each session; [] = none. Default [24h, 1h].
//     method: vijfstappenmethode  # default method of !casus plan. Default incidentmethode.
//     series:                     # recurring sessions, kept in step with the YAML at start
//       - when: "dinsdag 09:00 elke 2 weken"
//         method: roddelmethode   # optional
//         title: Casusbespreking  # optional
//
// The keys and their ranges are documented in docs/admin.md ("Secties van de functies").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "lib/wanneer/recurrence.hpp"

namespace dialoog::casus {

/// One recurring session series of `casus.series`.
struct SeriesConfig {
    std::string when;          // the rule as written (part of the series' key in the database)
    wanneer::WeeklyRule rule;  // `when`, parsed (local time of the team)
    std::string method;        // normalised method name; empty: the team default
    std::string title;         // may be empty: the catalogue default
};

/// A team's `casus:` section, parsed; the member initialisers are the defaults.
struct TeamCasusConfig {
    /// Before each session, in ms, longest first, each once; each 1 min .. 14 days.
    std::vector<std::int64_t> reminders_ms{24LL * 3600 * 1000, 3600LL * 1000};
    std::string method = "incidentmethode";  // normalised (normalize_method_name)
    std::vector<SeriesConfig> series;
};

/// The team section `casus:`; read with `team.section(kCasusSection)`.
inline constexpr config::TeamSection<TeamCasusConfig> kCasusSection{"casus"};

/// Checks and reads the team's `casus:` node at `path` ("teams[0].casus"): every error goes to
/// `sink` with its key and line, and a value the check refuses is left out of the result. An
/// undefined node (no `casus:`) gives the defaults.
TeamCasusConfig parse_casus_section(const YAML::Node& node, const std::string& path,
                                    config::ErrorSink& sink);

}  // namespace dialoog::casus
