#include "bot/net/direct_rooms.hpp"

#include <spdlog/spdlog.h>

#include "storage/outbox.hpp"
#include "storage/rooms.hpp"

namespace dialoog::net {

asio::awaitable<ApiResult<std::string>> DirectRooms::room_for(std::string user_id) {
    auto known = usable_room(user_id);
    if (known) co_return *known;
    auto req = matrix::CreateRoomRequest::direct_chat(user_id);
    auto created = co_await api_.create_room(std::move(req));
    if (!created) co_return created.error();
    record_created(created->room_id, user_id);
    spdlog::info("created a direct-message room {}", created->room_id);
    co_return created->room_id;
}

std::optional<std::string> DirectRooms::usable_room(const std::string& user_id) {
    storage::Rooms rooms(services_.db);
    auto known = rooms.dm_room(user_id);
    if (!known) return std::nullopt;
    auto room = rooms.get(*known);
    const bool usable = room && room->membership == "join" && !rooms.member_gone(*known, user_id);
    if (!usable) return std::nullopt;
    return known;
}

void DirectRooms::record_created(const std::string& room_id, const std::string& user_id) {
    const std::int64_t now = services_.now_ms();
    storage::Rooms rooms(services_.db);
    storage::Transaction tx(services_.db);
    rooms.set_membership(room_id, "join", now);
    rooms.set_direct(room_id, true);
    rooms.set_member(room_id, services_.cfg().bot.user_id, "join");
    rooms.set_member(room_id, user_id, "invite");
    rooms.set_dm_room(user_id, room_id, now);
    matrix::DirectContent direct;
    for (auto& [user, rid] : rooms.dm_rooms()) direct.rooms[user] = {rid};
    storage::OutboxItem acct;
    acct.kind = storage::OutboxKind::AccountData;
    acct.event_type = "m.direct";
    acct.txn_id = "acct.direct." + std::to_string(now) + "." + room_id;
    acct.content = nlohmann::json(direct).dump();
    storage::Outbox(services_.db).enqueue(acct, now);
    tx.commit();
}

}  // namespace dialoog::net
