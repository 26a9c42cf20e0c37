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
#include <optional>
#include <string>

#include "commands/tenzij/nudge_detector.hpp"
#include "config/config.hpp"

namespace dialoog::tenzij {

inline constexpr std::int64_t kDefaultNudgeWindowMs = 24LL * 3600 * 1000;

/// The `nudge:` section, parsed; the member initialisers are the defaults.
struct NudgeSettings {
    std::int64_t window_ms = kDefaultNudgeWindowMs;  // 1 s .. 30 days
    NudgeConfig patterns;                            // additions and removals as written
    /// The built-in patterns minus removals plus additions, compiled once per load; empty
    /// only in a section that reported errors (never in a loaded config).
    std::optional<NudgeDetector> detector;
};

/// The top-level section `nudge:`; read with `cfg.section(kNudgeSection)`.
inline constexpr config::TopSection<NudgeSettings> kNudgeSection{"nudge"};

/// The schema the feature contributes (kNudgeSection, parse_nudge_section).
config::SectionSchema nudge_section_schema();

/// Checks and reads the `nudge:` node at `path` and compiles the detector: every error goes to
/// `sink` with its key and line (a pattern that does not compile is an error on its `pcre`).
/// An undefined or empty node gives the defaults (24h window, the built-in patterns).
NudgeSettings parse_nudge_section(const YAML::Node& node, const std::string& path,
                                  config::ErrorSink& sink);

}  // namespace dialoog::tenzij
