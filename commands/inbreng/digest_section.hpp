#pragma once
// The inbreng part of a leader's weekly digest: what clients brought in for the team that
// week. Per-theme counts only from 5 inputs on, and counts below 5 shown as "< 5"
// (aggregates about small groups can identify people).

#include <string>

#include "commands/context.hpp"
#include "commands/digest_contributor.hpp"
#include "commands/feature.hpp"

namespace dialoog::inbreng {

/// Smallest count shown as a number (k-anonymity threshold).
inline constexpr int kMinShownCount = 5;

std::string inbreng_digest_section(commands::Services& s, const commands::DigestRequest& req);

/// Counts for `!overzicht export`: inputs received in the team's ISO week, and per structural
/// theme; all under the small-count rule (1..4 exported as "< 5").
std::vector<commands::DigestFigure> inbreng_figures(commands::Services& s,
                                                    const commands::DigestRequest& req);

}  // namespace dialoog::inbreng
