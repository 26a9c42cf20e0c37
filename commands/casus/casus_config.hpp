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

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "lib/wanneer/recurrence.hpp"

namespace dialoog::casus {

struct SeriesConfig {
    std::string when;  // the rule as written
    wanneer::WeeklyRule rule;
    std::string method;  // may be empty: the team default
    std::string title;   // may be empty: the catalogue default
};

struct TeamCasusConfig {
    std::vector<std::int64_t> reminders_ms{24LL * 3600 * 1000, 3600LL * 1000};
    std::string method = "incidentmethode";
    std::vector<SeriesConfig> series;
};

void validate_casus_section(const YAML::Node& node, const std::string& path,
                            config::ErrorSink& sink);

/// The team's settings (defaults when the section is absent).
TeamCasusConfig casus_config_of(const config::TeamConfig& team);

}  // namespace dialoog::casus
