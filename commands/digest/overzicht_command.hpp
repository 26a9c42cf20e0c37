#pragma once
// `!overzicht` (alias `!overview`, `!digest`) in the leader's DM:
//   !overzicht                 this week so far
//   !overzicht vorige          last week (the same text as the scheduled digest)
//   !overzicht 2026-W49        that week
//   !overzicht export [kwartaal]  aggregated figures per team and week as CSV
// Leaders only: a user no team lists in `leaders` is refused politely. The digest shows only
// the caller's own teams.

#include "commands/context.hpp"

namespace dialoog::digest {

void cmd_overzicht(commands::CommandContext& c);

}  // namespace dialoog::digest
