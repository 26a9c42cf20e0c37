#pragma once
// The "Alles kan, tenzij…" section of a leader's weekly digest for one team: nudges given
// and how many led to a logged decision, new decisions, follow-ups overdue or due in the
// coming 7 days, other open decisions, follow-up notes and outcomes logged that week.

#include <string>

#include "commands/context.hpp"
#include "commands/feature.hpp"

namespace dialoog::tenzij {

std::string tenzij_digest(commands::Services& s, const commands::DigestRequest& req);

}  // namespace dialoog::tenzij
