#include "commands/dispatcher.hpp"

#include "commands/feature.hpp"
#include "storage/rooms.hpp"

namespace dialoog::commands {

namespace {
bool should_ignore(const matrix::Event& ev, const std::string& bot_user) {
    if (ev.sender == bot_user) return true;  // never answer ourselves: that would loop
    if (ev.type != "m.room.message") return true;
    if (ev.msgtype() == "m.notice") return true;    // notices must never be answered
    if (ev.rel_type() == "m.replace") return true;  // an edit is never a new command
    return false;
}
}  // namespace

std::string Dispatcher::language_for(const config::TeamConfig* team) const {
    return team ? team->language : s_.cfg().language;
}

bool Dispatcher::is_dm(const storage::RoomRow& room) const {
    if (s_.cfg().team_for_room(room.room_id)) return false;
    if (room.is_direct) return true;
    // A DM the bot created itself (intake, digests) is in dm_rooms.
    return storage::Rooms(s_.db).is_dm_room(room.room_id);
}

bool Dispatcher::is_command(const matrix::Event& ev) const {
    if (should_ignore(ev, s_.cfg().bot.user_id)) return false;
    auto body = ev.body();
    if (!body) return false;
    return parse_command(strip_reply_fallback(*body)).has_value();
}

void Dispatcher::handle(const matrix::Event& ev, const storage::RoomRow& room, Effects& fx) {
    const auto& cfg = s_.cfg();
    const config::TeamConfig* team = cfg.team_for_room(room.room_id);
    if (ev.type == "m.reaction") {
        if (ev.sender == cfg.bot.user_id) return;
        auto rel = ev.content.find("m.relates_to");
        if (rel == ev.content.end() || !rel->is_object()) return;
        ReactionContext rc{{s_, fx, ev, room, team, role_of(cfg, team, &room, ev.sender),
                            language_for(team), is_dm(room)},
                           rel->value("event_id", ""),
                           rel->value("key", "")};
        if (rc.relates_to.empty()) return;
        for (auto* f : s_.features) f->on_reaction(rc);
        return;
    }
    if (ev.sender == cfg.bot.user_id && ev.type == "m.room.message") {
        // Our own message echoed by /sync: features may learn its event id (thread roots).
        MessageContext mc{{s_, fx, ev, room, team, Role::Member, language_for(team), is_dm(room)},
                          ev.body().value_or("")};
        for (auto* f : s_.features) f->on_own_message(mc);
        return;
    }
    if (should_ignore(ev, cfg.bot.user_id)) return;
    auto raw = ev.body();
    if (!raw) return;  // a message without a string body: nothing to parse, no crash
    std::string body = strip_reply_fallback(*raw);
    bool dm = is_dm(room);
    Role role = role_of(cfg, team, &room, ev.sender);
    auto parsed = parse_command(body);
    if (!parsed) {
        MessageContext mc{{s_, fx, ev, room, team, role, language_for(team), dm}, body};
        for (auto* f : s_.features) f->on_message(mc);
        return;
    }
    CommandContext cc{{s_, fx, ev, room, team, role, language_for(team), dm}, *parsed};
    const CommandSpec* spec = s_.registry.find(parsed->name);
    if (!spec) {
        if (auto hint = s_.registry.suggest(parsed->name, cc.lang)) {
            cc.reply_text("core.unknown_hint", {{"cmd", "!" + *hint}});
        } else if (dm) {
            cc.reply_text("core.unknown_dm", {{"cmd", "!" + md_echo(parsed->name)}});
        }
        // In team rooms other bots may own the command: stay silent.
        return;
    }
    switch (refusal(*spec, role, team != nullptr, dm)) {
        case Refusal::None:
            break;
        case Refusal::NeedsTeamRoom:
            cc.reply_text(dm ? "core.only_team_room_dm" : "core.only_team_room",
                          {{"cmd", "!" + spec->name}});
            return;
        case Refusal::NeedsDm:
            cc.reply_text("core.only_dm", {{"cmd", "!" + spec->name}});
            return;
        case Refusal::NeedsLeader:
            cc.reply_text("core.needs_leader", {{"cmd", "!" + spec->name}});
            return;
        case Refusal::NeedsAdmin:
            cc.reply_text("core.needs_admin", {{"cmd", "!" + spec->name}});
            return;
    }
    spec->handler(cc);
}

}  // namespace dialoog::commands
