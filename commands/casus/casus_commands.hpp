#pragma once
// Handlers of the casus commands. `!casus <sub> …` dispatches on its first word; the
// in-session commands (!volgende, !pauze, !verder, !les, !actie) are top-level.

#include <optional>
#include <string_view>

#include "commands/casus/scope.hpp"
#include "storage/casus/sessions.hpp"

namespace dialoog::casus {

void cmd_casus(commands::CommandContext& c);
void cmd_methodes(commands::CommandContext& c);
/// Lists the methods, or the steps of the method named `name`.
void show_methods(commands::CommandContext& c, std::string_view name);
void cmd_volgende(commands::CommandContext& c);
void cmd_pauze(commands::CommandContext& c);
void cmd_verder(commands::CommandContext& c);
void cmd_les(commands::CommandContext& c);
void cmd_actie(commands::CommandContext& c);

// Subcommands of !casus; `args` is the text after the subcommand word.
void sub_plan(commands::CommandContext& c, std::string_view args);
void sub_lijst(commands::CommandContext& c, std::string_view args);
void sub_info(commands::CommandContext& c, std::string_view args);
void sub_verzet(commands::CommandContext& c, std::string_view args);
void sub_annuleer(commands::CommandContext& c, std::string_view args);
void sub_afronden(commands::CommandContext& c, std::string_view args);
void sub_ja(commands::CommandContext& c, std::string_view args);
void sub_nee(commands::CommandContext& c, std::string_view args);
void sub_pauze(commands::CommandContext& c, std::string_view args);
void sub_terug(commands::CommandContext& c, std::string_view args);
void sub_reeks(commands::CommandContext& c, std::string_view args);

/// The team scope of a command in a team room.
Scope scope_of(commands::CommandContext& c);
/// Session `id` if it belongs to the caller's team.
std::optional<Session> session_of_team(commands::CommandContext& c, std::int64_t id);
/// The running session a command is about: the one whose thread it is in, else the most
/// recently started running session in the room.
std::optional<Session> current_session(commands::CommandContext& c);
/// Leaders, the creator and the role holders may move or cancel a session.
bool may_change(const commands::CommandContext& c, const Session& s);
/// Joined members of the command's room, without the bot.
std::vector<std::string> room_members(commands::CommandContext& c);

}  // namespace dialoog::casus
