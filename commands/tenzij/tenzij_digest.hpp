#pragma once
// The "Alles kan, tenzij…" section of a leader's weekly digest for one team: nudges given
// and how many led to a logged decision, new decisions, follow-ups overdue or due in the
// coming 7 days, other open decisions, follow-up notes and outcomes logged that week.

#include <string>

#include "commands/context.hpp"
#include "commands/digest_contributor.hpp"
#include "commands/feature.hpp"

namespace dialoog::tenzij {

std::string tenzij_digest(commands::Services& s, const commands::DigestRequest& req);

/// Counts for `!overzicht export`, same columns every week: nudges given,
/// nudges followed by a logged decision, decisions logged, decisions still open at the end of
/// the week, follow-up notes and outcomes logged in [week_start_ms, week_end_ms).
std::vector<commands::DigestFigure> tenzij_figures(commands::Services& s,
                                                   const commands::DigestRequest& req);

}  // namespace dialoog::tenzij
