#pragma once
// Where intake may run: a private room of the bot and the submitter in which the bot can
// redact the submitter's messages afterwards (the raw story must not linger).

#include <string_view>

#include "commands/context.hpp"

namespace dialoog::inbreng {

/// True when `room` is a private chat of exactly the bot and `sender` (no one else joined or
/// invited), and either the bot's own DM with them (created by the bot, recorded in m.direct)
/// or a direct chat where the bot's power level allows redacting others' messages.
bool is_intake_room(commands::Services& s, const storage::RoomRow& room, std::string_view sender);

}  // namespace dialoog::inbreng
