#pragma once
// `!inbreng intrekken <code>`: the submitter deletes their stored input with the one-time code
// they got. Only in a private chat, so nobody sees who withdrew what.

#include "commands/context.hpp"

namespace dialoog::inbreng {

/// Handles `!inbreng intrekken|withdraw <code>` (args[0] is the sub-command word).
void sub_intrekken(commands::CommandContext& c);

}  // namespace dialoog::inbreng
