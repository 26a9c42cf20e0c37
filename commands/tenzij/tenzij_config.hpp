#pragma once
// The top-level `nudge:` YAML section:
//
//   nudge:
//     window: 24h            # at most one nudge per person per room in this window
//     patterns:
//       add:                 # extra door-closing patterns (PCRE2, see nudge_detector.hpp)
//         - {id: nl.geen_plek, language: nl, pcre: "\\bgeen plek\\b"}
//       remove: [en.cant]    # built-in pattern ids (or their exact pcre text) to drop
//
// Validation reports every error with its key and line, including patterns that do not
// compile, so a bad pattern is a config error at start-up and never a crash later.

#include <cstdint>
#include <string>

#include "commands/tenzij/nudge_detector.hpp"
#include "config/config.hpp"

namespace dialoog::tenzij {

inline constexpr std::int64_t kDefaultNudgeWindowMs = 24LL * 3600 * 1000;

struct NudgeSettings {
    std::int64_t window_ms = kDefaultNudgeWindowMs;
    NudgeConfig patterns;
};

/// The schema the feature contributes (key "nudge", Scope::Top).
config::SectionSchema nudge_section_schema();

/// Checks the `nudge:` node (at `path`) and reports problems to `sink`.
void validate_nudge_section(const YAML::Node& node, const std::string& path,
                            config::ErrorSink& sink);

/// The settings of a validated config (defaults when the section is absent).
NudgeSettings read_nudge_settings(const config::Config& cfg);

}  // namespace dialoog::tenzij
