#include "commands/casus/casus_commands.hpp"

#include <algorithm>
#include <cctype>

#include "commands/casus/plan_args.hpp"
#include "commands/casus/session_ops.hpp"
#include "storage/rooms.hpp"

namespace dialoog::casus {

Scope scope_of(commands::CommandContext& c) {
    return make_scope(c.s, c.fx, *c.team);
}

std::optional<Session> session_of_team(commands::CommandContext& c, std::int64_t id) {
    auto s = Sessions(c.s.db).get(id);
    if (!s || !c.team || s->team != c.team->name) return std::nullopt;
    return s;
}

std::optional<Session> current_session(commands::CommandContext& c) {
    Sessions repo(c.s.db);
    if (auto root = c.event.thread_root()) {
        if (auto s = repo.by_root(*root); s && c.team && s->team == c.team->name) return s;
    }
    auto running = repo.running_in_room(c.room.room_id);
    if (running.empty()) return std::nullopt;
    return running.front();
}

bool may_change(const commands::CommandContext& c, const Session& s) {
    if (static_cast<int>(c.role) >= static_cast<int>(commands::Role::Leader)) return true;
    const std::string& who = c.event.sender;
    return who == s.created_by || s.inbrenger == who || s.gespreksleider == who;
}

std::vector<std::string> room_members(commands::CommandContext& c) {
    auto members = storage::Rooms(c.s.db).joined_members(c.room.room_id);
    members.erase(std::remove(members.begin(), members.end(), c.s.cfg().bot.user_id),
                  members.end());
    return members;
}

void cmd_casus(commands::CommandContext& c) {
    std::string_view rest = c.cmd.rest;
    std::string sub = c.cmd.args.empty() ? "" : c.cmd.args[0];
    std::transform(sub.begin(), sub.end(), sub.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    const std::string_view args = after_first_word(rest);
    using Sub = void (*)(commands::CommandContext&, std::string_view);
    static const std::vector<std::pair<std::vector<std::string_view>, Sub>> subs = {
        {{"plan", "nieuw", "new"}, sub_plan},
        {{"lijst", "list", "overzicht"}, sub_lijst},
        {{"info", "toon", "show"}, sub_info},
        {{"verzet", "verplaats", "move", "reschedule"}, sub_verzet},
        {{"annuleer", "afzeggen", "cancel"}, sub_annuleer},
        {{"afronden", "afsluiten", "klaar", "close", "finish"}, sub_afronden},
        {{"ja", "yes"}, sub_ja},
        {{"nee", "no"}, sub_nee},
        {{"pauze", "pause"}, sub_pauze},
        {{"terug", "back"}, sub_terug},
        {{"reeks", "series"}, sub_reeks},
    };
    for (const auto& [names, fn] : subs) {
        if (std::find(names.begin(), names.end(), sub) != names.end()) {
            fn(c, args);
            return;
        }
    }
    if (sub == "methodes" || sub == "methods") {
        show_methods(c, args);
        return;
    }
    c.reply_text(sub.empty() ? "casus.usage" : "casus.unknown_sub",
                 {{"sub", commands::md_echo(sub)}});
}

}  // namespace dialoog::casus
