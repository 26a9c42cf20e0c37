#pragma once
// The digest's YAML and what it means for one leader.
//
//   teams:
//     - name: Team Noord
//       digest: {weekday: maandag, time: "08:30"}     # Scope::Team; default maandag 08:30
//   digest:                                           # Scope::Top; all keys optional
//     max_texts: 5          # checked, but nothing reads it: the inbreng section of the digest
//                           # shows intake.digest_max_texts texts (docs/admin.md lists both)
//     spread: 3m            # sends to many leaders are spread over this window
//     leaders:
//       "@leider:hs": {weekday: vrijdag, time: "16:00", timezone: Europe/Amsterdam, language: en}
//
// A leader of several teams gets one digest, at the weekday, time, timezone and language of the
// first of their teams in the YAML, unless digest.leaders sets them for that leader. Each key
// stands on its own: a leader's `time` combines with the team's `weekday` (docs/admin.md).

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/config.hpp"
#include "lib/wanneer/recurrence.hpp"

namespace dialoog::digest {

inline constexpr std::int64_t kDefaultSpreadMs = 3 * 60 * 1000;
inline constexpr std::int64_t kMaxSpreadMs = 60 * 60 * 1000;
inline constexpr int kDefaultMaxTexts = 5;

/// When and how one leader gets the weekly digest.
struct LeaderSchedule {
    std::string leader;
    std::vector<const config::TeamConfig*> teams;  // YAML order; never empty
    wanneer::WeeklyRule rule;                      // weekday + local time
    const date::time_zone* tz = nullptr;
    std::string timezone;  // IANA name of tz
    std::string lang;      // nl | en
};

/// A team's `digest:` section, parsed: unset keys fall back to maandag 08:30.
struct TeamDigestConfig {
    std::optional<date::weekday> weekday;
    std::optional<std::chrono::minutes> time;  // local time of day, since midnight
};

/// One entry of `digest.leaders`: what it sets for that leader (unset: the first team's).
struct LeaderDigestConfig {
    std::optional<date::weekday> weekday;
    std::optional<std::chrono::minutes> time;  // local time of day, since midnight
    std::optional<std::string> timezone;       // IANA name; set together with tz
    const date::time_zone* tz = nullptr;
    std::optional<std::string> language;  // nl | en
};

/// The top-level `digest:` section, parsed; the member initialisers are the defaults.
struct DigestConfig {
    int max_texts = kDefaultMaxTexts;                                // 0..50
    std::int64_t spread_ms = kDefaultSpreadMs;                       // 0 .. 1 hour
    std::map<std::string, LeaderDigestConfig, std::less<>> leaders;  // by Matrix user id
};

/// The top-level section `digest:`; read with `cfg.section(kDigestSection)`.
inline constexpr config::TopSection<DigestConfig> kDigestSection{"digest"};
/// The team section `digest:`; read with `team.section(kTeamDigestSection)`.
inline constexpr config::TeamSection<TeamDigestConfig> kTeamDigestSection{"digest"};

/// Checks and reads the top-level `digest:` node at `path`: every error goes to `sink` with
/// its key and line, and a value the check refuses is left at its default. An undefined node
/// gives the defaults.
DigestConfig parse_digest_section(const YAML::Node& node, const std::string& path,
                                  config::ErrorSink& sink);
/// Checks and reads a team's `digest:` node at `path` ("teams[0].digest"), as
/// parse_digest_section does.
TeamDigestConfig parse_team_digest_section(const YAML::Node& node, const std::string& path,
                                           config::ErrorSink& sink);

/// The schemas of `digest:` at the top level and inside a team.
std::vector<config::SectionSchema> digest_config_sections();

/// Every user id listed in some team's `leaders`, unique, in order of first appearance.
std::vector<std::string> digest_leaders(const config::Config& cfg);

/// The schedule of `leader`; nullopt when no team lists them as a leader.
std::optional<LeaderSchedule> leader_schedule(const config::Config& cfg, std::string_view leader);

/// digest.spread in ms (default 3 minutes).
std::int64_t digest_spread_ms(const config::Config& cfg);

/// digest.max_texts (default 5), 0..50. Documented as the number of client-input texts a team
/// section shows, but no section calls this yet (inbreng uses intake.digest_max_texts).
int digest_max_texts(const config::Config& cfg);

/// "maandag" + "08:30" (Dutch or English, as parse_weekly_rule accepts) -> a weekly rule.
std::optional<wanneer::WeeklyRule> parse_digest_time(std::string_view weekday,
                                                     std::string_view time);

}  // namespace dialoog::digest
