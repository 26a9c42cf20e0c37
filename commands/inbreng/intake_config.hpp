#pragma once
// The YAML section `intake:` (top level): who may send client input, where it goes, how long
// it is kept, and the flood limit. Parsed once per load (a SIGHUP reload is a new load).
//
//   intake:
//     allow: ["@*:clientenraad.example.org"]  # globs on user IDs (required)
//     default_team: Team Noord                 # a team name; input without a team goes here
//     retention_days: 365                      # stored input is deleted after this many days
//     max_per_day: 10                          # inputs per submitter per day
//     keep_words: [Werkplein, Jobcoach]        # extra words the scrubber must leave alone
//     confirm_timeout: 24h                     # unanswered previews are discarded after this
//     digest_max_texts: 5                      # texts quoted in the weekly digest

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"

namespace dialoog::inbreng {

/// The `intake:` section, parsed; the member initialisers are the defaults (no `intake:`: nobody
/// may send client input).
struct IntakeConfig {
    std::vector<std::string> allow;           // globs on Matrix user IDs
    std::optional<std::string> default_team;  // a team name (checked against `teams:`)
    int retention_days = 365;                 // 1..3650
    int max_per_day = 10;                     // 1..1000, per submitter per local day
    std::vector<std::string> keep_words;
    std::int64_t confirm_timeout_ms = 24LL * 3600 * 1000;  // 1 min .. 30 days
    int digest_max_texts = 5;                              // 0..50

    /// True when `user_id` matches one of the `allow` globs.
    bool allowed(std::string_view user_id) const;
};

/// The top-level section `intake:`; read with `cfg.section(kIntakeSection)`.
inline constexpr config::TopSection<IntakeConfig> kIntakeSection{"intake"};

/// Checks and reads the `intake:` node at `path`: every error goes to `sink` with its key and
/// line, and a value the check refuses is left at its default. An undefined node gives the
/// defaults. (That default_team names a team is checked by intake_section's second pass.)
IntakeConfig parse_intake_section(const YAML::Node& node, const std::string& path,
                                  config::ErrorSink& sink);

/// The team input goes to when the submitter chose none: `default_team`, else the only team
/// when there is exactly one, else nullptr (the submitter must choose).
const config::TeamConfig* default_team(const config::Config& cfg, const IntakeConfig& ic);

/// The schema of `intake:` for the config loader (parse_intake_section, then a check that
/// default_team names a configured team).
config::SectionSchema intake_section();

}  // namespace dialoog::inbreng
