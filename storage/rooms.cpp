#include "storage/rooms.hpp"

namespace dialoog::storage {

namespace {
constexpr const char* kCols =
    "room_id, membership, inviter, encrypted, encryption_notice_sent, is_direct, power_levels, "
    "creator, additional_creators, room_version";
RoomRow read_room(Statement& st) {
    RoomRow r;
    r.room_id = st.column_text(0);
    r.membership = st.column_text(1);
    r.inviter = st.column_text_opt(2);
    r.encrypted = st.column_int(3) != 0;
    r.encryption_notice_sent = st.column_int(4) != 0;
    r.is_direct = st.column_int(5) != 0;
    r.power_levels = st.column_text_opt(6);
    r.creator = st.column_text_opt(7);
    r.additional_creators = st.column_text_opt(8);
    r.room_version = st.column_text_opt(9);
    return r;
}
}  // namespace

std::optional<RoomRow> Rooms::get(std::string_view room_id) {
    auto st = db_.prepare(std::string("SELECT ") + kCols + " FROM rooms WHERE room_id=?");
    st.bind(1, room_id);
    if (st.step()) return read_room(st);
    return std::nullopt;
}

bool Rooms::bot_left(std::string_view room_id) {
    auto st = db_.prepare("SELECT membership FROM rooms WHERE room_id=?");
    st.bind(1, room_id);
    if (!st.step()) return false;
    auto m = st.column_text(0);
    return m == "leave" || m == "ban";
}

void Rooms::set_membership(std::string_view room_id, std::string_view membership,
                           std::int64_t now_ms, std::optional<std::string> inviter) {
    auto st = db_.prepare(
        "INSERT INTO rooms(room_id, membership, inviter, updated_at) VALUES(?,?,?,?) "
        "ON CONFLICT(room_id) DO UPDATE SET membership=excluded.membership, "
        "inviter=COALESCE(excluded.inviter, rooms.inviter), updated_at=excluded.updated_at");
    st.bind(1, room_id).bind(2, membership).bind(3, inviter).bind(4, now_ms).run();
}

void Rooms::set_encrypted(std::string_view room_id, std::int64_t now_ms) {
    auto st = db_.prepare(
        "INSERT INTO rooms(room_id, membership, encrypted, updated_at) VALUES(?, 'join', 1, ?) "
        "ON CONFLICT(room_id) DO UPDATE SET encrypted=1");
    st.bind(1, room_id).bind(2, now_ms).run();
}

void Rooms::set_encryption_notice_sent(std::string_view room_id) {
    auto st = db_.prepare("UPDATE rooms SET encryption_notice_sent=1 WHERE room_id=?");
    st.bind(1, room_id).run();
}

void Rooms::set_direct(std::string_view room_id, bool is_direct) {
    auto st = db_.prepare("UPDATE rooms SET is_direct=? WHERE room_id=?");
    st.bind(1, is_direct ? 1 : 0).bind(2, room_id).run();
}

void Rooms::set_power_levels(std::string_view room_id, std::string_view json) {
    auto st = db_.prepare("UPDATE rooms SET power_levels=? WHERE room_id=?");
    st.bind(1, json).bind(2, room_id).run();
}

void Rooms::set_create(std::string_view room_id, std::string_view creator,
                       std::string_view room_version, std::string_view additional_creators_json) {
    auto st = db_.prepare(
        "UPDATE rooms SET creator=?, room_version=?, additional_creators=? WHERE room_id=?");
    st.bind(1, creator).bind(2, room_version).bind(3, additional_creators_json).bind(4, room_id);
    st.run();
}

std::vector<RoomRow> Rooms::all() {
    auto st = db_.prepare(std::string("SELECT ") + kCols + " FROM rooms ORDER BY room_id");
    std::vector<RoomRow> out;
    while (st.step()) out.push_back(read_room(st));
    return out;
}

void Rooms::set_member(std::string_view room_id, std::string_view user_id,
                       std::string_view membership) {
    auto st = db_.prepare(
        "INSERT INTO room_members(room_id, user_id, membership) VALUES(?,?,?) ON "
        "CONFLICT(room_id, user_id) DO UPDATE SET membership=excluded.membership");
    st.bind(1, room_id).bind(2, user_id).bind(3, membership).run();
}

std::vector<std::string> Rooms::joined_members(std::string_view room_id) {
    auto st = db_.prepare(
        "SELECT user_id FROM room_members WHERE room_id=? AND membership='join' ORDER BY "
        "user_id");
    st.bind(1, room_id);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.column_text(0));
    return out;
}

std::vector<std::string> Rooms::present_members(std::string_view room_id) {
    auto st = db_.prepare(
        "SELECT user_id FROM room_members WHERE room_id=? AND membership IN ('join','invite') "
        "ORDER BY user_id");
    st.bind(1, room_id);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.column_text(0));
    return out;
}

bool Rooms::member_gone(std::string_view room_id, std::string_view user_id) {
    auto st = db_.prepare("SELECT membership FROM room_members WHERE room_id=? AND user_id=?");
    st.bind(1, room_id).bind(2, user_id);
    if (!st.step()) return false;
    auto m = st.column_text(0);
    return m == "leave" || m == "ban";
}

std::optional<std::string> Rooms::dm_room(std::string_view user_id) {
    auto st = db_.prepare("SELECT room_id FROM dm_rooms WHERE user_id=?");
    st.bind(1, user_id);
    if (st.step()) return st.column_text(0);
    return std::nullopt;
}

bool Rooms::is_dm_room(std::string_view room_id) {
    auto st = db_.prepare("SELECT 1 FROM dm_rooms WHERE room_id=?");
    st.bind(1, room_id);
    return st.step();
}

void Rooms::set_dm_room(std::string_view user_id, std::string_view room_id, std::int64_t now_ms) {
    auto st = db_.prepare(
        "INSERT INTO dm_rooms(user_id, room_id, created_at) VALUES(?,?,?) ON CONFLICT(user_id) "
        "DO UPDATE SET room_id=excluded.room_id, created_at=excluded.created_at");
    st.bind(1, user_id).bind(2, room_id).bind(3, now_ms).run();
}

void Rooms::forget_dm_room(std::string_view room_id) {
    auto st = db_.prepare("DELETE FROM dm_rooms WHERE room_id=?");
    st.bind(1, room_id).run();
}

std::vector<std::pair<std::string, std::string>> Rooms::dm_rooms() {
    auto st = db_.prepare("SELECT user_id, room_id FROM dm_rooms ORDER BY user_id");
    std::vector<std::pair<std::string, std::string>> out;
    while (st.step()) out.emplace_back(st.column_text(0), st.column_text(1));
    return out;
}

}  // namespace dialoog::storage
