#pragma once
// Client input as a team sees it, in its team room: `!inbreng lijst [thema]` and
// `!inbreng <nummer>`. A team only ever sees its own inputs. Stories are never taken in here.

#include "commands/context.hpp"

namespace dialoog::inbreng {

/// How many inputs `!inbreng lijst` shows, and how long each text may be there.
inline constexpr int kListLimit = 15;
inline constexpr std::size_t kListTextBytes = 280;

/// `!inbreng …` in a team room (c.team is set).
void sub_team_view(commands::CommandContext& c);

}  // namespace dialoog::inbreng
