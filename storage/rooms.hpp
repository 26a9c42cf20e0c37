#pragma once
// What the bot knows about rooms: its own membership, encryption, power levels, creators,
// DM rooms, and the joined members (for rotation and digests).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::storage {

struct RoomRow {
    std::string room_id;
    std::string membership;  // invite | join | leave | ban
    std::optional<std::string> inviter;
    bool encrypted = false;
    bool encryption_notice_sent = false;
    bool is_direct = false;
    std::optional<std::string> power_levels;         // JSON content of m.room.power_levels
    std::optional<std::string> creator;              // sender of m.room.create
    std::optional<std::string> additional_creators;  // JSON array (room version 12+)
    std::optional<std::string> room_version;
};

class Rooms {
  public:
    explicit Rooms(Database& db) : db_(db) {}
    std::optional<RoomRow> get(std::string_view room_id);
    /// True when the bot's own membership of `room_id` is "leave" or "ban" (it left, was kicked
    /// or banned): effects aimed at the room are dropped. False for a room not known.
    bool bot_left(std::string_view room_id);
    /// Creates the row if needed and sets the bot's membership.
    void set_membership(std::string_view room_id, std::string_view membership, std::int64_t now_ms,
                        std::optional<std::string> inviter = std::nullopt);
    void set_encrypted(std::string_view room_id, std::int64_t now_ms);
    void set_encryption_notice_sent(std::string_view room_id);
    void set_direct(std::string_view room_id, bool is_direct);
    void set_power_levels(std::string_view room_id, std::string_view json);
    void set_create(std::string_view room_id, std::string_view creator,
                    std::string_view room_version, std::string_view additional_creators_json);
    std::vector<RoomRow> all();

    void set_member(std::string_view room_id, std::string_view user_id,
                    std::string_view membership);
    /// User ids whose membership is "join", sorted.
    std::vector<std::string> joined_members(std::string_view room_id);
    /// User ids whose membership is "join" or "invite" (in the room or on their way), sorted.
    std::vector<std::string> present_members(std::string_view room_id);
    /// True when `user_id`'s recorded membership of `room_id` is "leave" or "ban" (a DM
    /// partner who left: the DM room is no longer usable). False when none is recorded.
    bool member_gone(std::string_view room_id, std::string_view user_id);

    /// DM rooms (mirrors the bot's m.direct account data).
    std::optional<std::string> dm_room(std::string_view user_id);
    /// True when `room_id` is one of the DM rooms above (a DM the bot created itself, for
    /// intake or digests, even when the room lacks is_direct).
    bool is_dm_room(std::string_view room_id);
    void set_dm_room(std::string_view user_id, std::string_view room_id, std::int64_t now_ms);
    void forget_dm_room(std::string_view room_id);
    /// user -> room pairs, for writing m.direct.
    std::vector<std::pair<std::string, std::string>> dm_rooms();

  private:
    Database& db_;
};

}  // namespace dialoog::storage
