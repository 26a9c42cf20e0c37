#pragma once
// Who may do what: member < leader < admin. Leader rights = listed in the
// team's `leaders`, or power level >= 50 in the team room. Admin = listed in `admins`.
// Power levels follow the spec ("Permissions"): users[mxid], else users_default, else 0; with no
// power-levels event the creator has 100; from room version 12 the creators (the m.room.create
// sender and additional_creators) rank above everyone.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "config/config.hpp"
#include "storage/rooms.hpp"

namespace dialoog::commands {

enum class Role { Member = 0, Leader = 1, Admin = 2 };

const char* to_string(Role r);

/// A power level too high for any `users` entry: how room-version-12 creators rank.
constexpr std::int64_t kCreatorPowerLevel = INT64_MAX;

/// The user's power level in `room` (see the header comment for the rules).
std::int64_t power_level(const storage::RoomRow& room, std::string_view user_id);

/// True for room versions where creators have infinite power (12 and later, and the MSC4289
/// test versions whose names start with "org.matrix.hydra").
bool creators_are_privileged(std::string_view room_version);

/// The caller's role for a command in `room` (which may be a team room, or any other room).
Role role_of(const config::Config& cfg, const config::TeamConfig* team,
             const storage::RoomRow* room, std::string_view user_id);

}  // namespace dialoog::commands
