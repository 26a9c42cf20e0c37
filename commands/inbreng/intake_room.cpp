#include "commands/inbreng/intake_room.hpp"

#include <nlohmann/json.hpp>

#include "commands/roles.hpp"
#include "storage/rooms.hpp"

namespace dialoog::inbreng {

namespace {

bool only_bot_and(commands::Services& s, const storage::RoomRow& room, std::string_view sender) {
    const auto& bot = s.cfg().bot.user_id;
    bool saw_sender = false;
    for (const auto& u : storage::Rooms(s.db).present_members(room.room_id)) {
        if (u == sender)
            saw_sender = true;
        else if (u != bot)
            return false;
    }
    return saw_sender;
}

/// The level needed to redact someone else's event (spec "Permissions": `redact`, default 50)
/// and to send the redaction event itself (`events["m.room.redaction"]`, else events_default).
std::int64_t redact_level(const storage::RoomRow& room) {
    if (!room.power_levels) return 50;
    auto pl = nlohmann::json::parse(*room.power_levels, nullptr, false);
    if (!pl.is_object()) return 50;
    std::int64_t need = 50;
    if (auto r = pl.find("redact"); r != pl.end() && r->is_number_integer())
        need = r->get<std::int64_t>();
    std::int64_t send = 0;
    if (auto d = pl.find("events_default"); d != pl.end() && d->is_number_integer())
        send = d->get<std::int64_t>();
    if (auto ev = pl.find("events"); ev != pl.end() && ev->is_object())
        if (auto r = ev->find("m.room.redaction"); r != ev->end() && r->is_number_integer())
            send = r->get<std::int64_t>();
    return std::max(need, send);
}

}  // namespace

bool is_intake_room(commands::Services& s, const storage::RoomRow& room, std::string_view sender) {
    if (s.cfg().team_for_room(room.room_id)) return false;
    if (!only_bot_and(s, room, sender)) return false;
    if (auto dm = storage::Rooms(s.db).dm_room(sender); dm && *dm == room.room_id) return true;
    return room.is_direct && commands::power_level(room, s.cfg().bot.user_id) >= redact_level(room);
}

}  // namespace dialoog::inbreng
