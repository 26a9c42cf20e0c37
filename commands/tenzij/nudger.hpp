#pragma once
// Decides whether a team-room message gets a nudge, and writes it: a threaded reply on the
// message with the reframe, three questions and the !besluit line, plus a nudge row for the
// digest. Who is eligible: the team's YAML leaders, or every member when the team says
// `nudge_all_members: true`; never someone who typed `!nudge uit`; at most one nudge per
// person per room per window.

#include "commands/context.hpp"
#include "commands/tenzij/nudge_detector.hpp"
#include "commands/tenzij/tenzij_config.hpp"

namespace dialoog::tenzij {

/// Returns true when a nudge was written.
bool maybe_nudge(commands::MessageContext& m, const NudgeDetector& detector,
                 const NudgeSettings& settings);

/// "24 uur" / "90 minuten" for texts.
std::string window_text(std::int64_t window_ms, const std::string& lang,
                        const commands::Catalogue& texts);

}  // namespace dialoog::tenzij
