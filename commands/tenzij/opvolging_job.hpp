#pragma once
// The follow-up reminder job (kind "tenzij.opvolging", key "besluit:<id>:opvolging"): on the
// follow-up date it mentions the owner in the team room; three days later it does so once
// more, unless something was logged since. After that the decision shows as overdue in the
// weekly digest until it is followed up. Jobs live in the database, so reminders survive a
// restart and fire once.

#include "commands/context.hpp"

namespace dialoog::tenzij {

void fire_opvolging(commands::JobContext& jc);

}  // namespace dialoog::tenzij
