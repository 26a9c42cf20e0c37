#pragma once
// !nudge uit / !nudge aan (off/on also accepted): per person, everywhere. Without an argument
// it says whether the questions are on.

#include "commands/context.hpp"

namespace dialoog::tenzij {

void cmd_nudge(commands::CommandContext& c);

}  // namespace dialoog::tenzij
