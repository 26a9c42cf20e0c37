#pragma once
// The decision-log commands: !besluit (log, view, close, outcome, move the follow-up date),
// !besluiten (list) and !opvolging (follow-up note). All in team rooms; user mistakes get a
// friendly answer with the right form and store nothing.

#include "commands/context.hpp"

namespace dialoog::tenzij {

void cmd_besluit(commands::CommandContext& c);
void cmd_besluiten(commands::CommandContext& c);
void cmd_opvolging(commands::CommandContext& c);

/// The zone for a team's local dates (the team's, else the config's, else UTC).
const date::time_zone* team_zone(const config::TeamConfig* team, const config::Config& cfg);

}  // namespace dialoog::tenzij
