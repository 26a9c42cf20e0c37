#pragma once
// Builds a leader's digest (Markdown): a title, then per team of the leader a heading and each
// feature's section, in digest order (DigestContributor::digest_order). Reads only.

#include <string>

#include "commands/context.hpp"
#include "commands/digest/digest_config.hpp"
#include "commands/digest/digest_weeks.hpp"
#include "commands/feature.hpp"

namespace dialoog::digest {

enum class DigestKind {
    Weekly,  // a completed week (the scheduled digest, `!overzicht vorige`, the CLI)
    SoFar,   // the current week up to now (`!overzicht`)
};

/// The request a feature gets for `team` and `week` (bounds in the team's own timezone).
commands::DigestRequest digest_request(const config::TeamConfig& team, const std::string& lang,
                                       IsoWeek week);

/// The digest of `week` for `ls.leader`, in `ls.lang`. A feature section that throws is
/// replaced by a short notice with an error id (one broken section must not stop the digest).
std::string compose_digest(commands::Services& s, const LeaderSchedule& ls, IsoWeek week,
                           DigestKind kind = DigestKind::Weekly);

/// "30 november t/m 6 december 2026" in `lang`.
std::string week_range_text(const commands::Catalogue& texts, const std::string& lang,
                            IsoWeek week);

}  // namespace dialoog::digest
