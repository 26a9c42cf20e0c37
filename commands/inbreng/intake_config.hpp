#pragma once
// The YAML section `intake:` (top level): who may send client input, where it goes, how long
// it is kept, and the flood limit. Validated at load; read again per event (SIGHUP reloads).
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

struct IntakeConfig {
    std::vector<std::string> allow;
    std::optional<std::string> default_team;
    int retention_days = 365;
    int max_per_day = 10;
    std::vector<std::string> keep_words;
    std::int64_t confirm_timeout_ms = 24LL * 3600 * 1000;
    int digest_max_texts = 5;

    /// True when `user_id` matches one of the `allow` globs.
    bool allowed(std::string_view user_id) const;
};

/// Reads `intake:` from a validated config (defaults when the section is absent).
IntakeConfig read_intake_config(const config::Config& cfg);

/// The team input goes to when the submitter chose none: `default_team`, else the only team
/// when there is exactly one, else nullptr (the submitter must choose).
const config::TeamConfig* default_team(const config::Config& cfg, const IntakeConfig& ic);

/// The schema of `intake:` for the config loader.
config::SectionSchema intake_section();

}  // namespace dialoog::inbreng
