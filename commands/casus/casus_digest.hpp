#pragma once
// The casus section of a leader's weekly digest: sessions held, planned and missed in the
// week, and the lessons and actions recorded in it.

#include <string>

#include "commands/context.hpp"
#include "commands/digest_contributor.hpp"
#include "commands/feature.hpp"

namespace dialoog::casus {

/// Markdown with a heading; "niets deze week" (catalogue) when the week holds nothing.
std::string casus_digest(commands::Services& s, const commands::DigestRequest& req);

/// The week's counts for `!overzicht export`: casus_gehouden, casus_gepland, casus_gemist
/// (sessions by status; planned includes running), casus_deelnemers (participants of the held
/// sessions together), casus_lessen, casus_acties (recorded in the week). Empty without a team.
std::vector<commands::DigestFigure> casus_figures(commands::Services& s,
                                                  const commands::DigestRequest& req);

}  // namespace dialoog::casus
