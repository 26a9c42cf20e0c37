#include "commands/roles.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace dialoog::commands {

const char* to_string(Role r) {
    switch (r) {
        case Role::Member:
            return "member";
        case Role::Leader:
            return "leader";
        case Role::Admin:
            return "admin";
    }
    return "member";
}

bool creators_are_privileged(std::string_view v) {
    if (v.rfind("org.matrix.hydra", 0) == 0) return true;
    if (v.empty() || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return false;
    return v.size() > 2 || std::stoi(std::string(v)) >= 12;
}

namespace {
std::optional<std::int64_t> as_level(const nlohmann::json& j) {
    if (j.is_number_integer()) return j.get<std::int64_t>();
    // Older rooms may carry levels as strings ("50").
    if (j.is_string()) {
        try {
            return std::stoll(j.get<std::string>());
        } catch (...) {
        }
    }
    return std::nullopt;
}
}  // namespace

std::int64_t power_level(const storage::RoomRow& room, std::string_view user_id) {
    if (creators_are_privileged(room.room_version.value_or(""))) {
        if (room.creator && *room.creator == user_id) return kCreatorPowerLevel;
        if (room.additional_creators) {
            auto arr = nlohmann::json::parse(*room.additional_creators, nullptr, false);
            if (arr.is_array())
                for (const auto& c : arr)
                    if (c.is_string() && c.get<std::string>() == user_id) return kCreatorPowerLevel;
        }
    }
    if (!room.power_levels) {
        return room.creator && *room.creator == user_id ? 100 : 0;
    }
    auto pl = nlohmann::json::parse(*room.power_levels, nullptr, false);
    if (!pl.is_object()) return 0;
    if (auto users = pl.find("users"); users != pl.end() && users->is_object()) {
        if (auto u = users->find(std::string(user_id)); u != users->end())
            if (auto v = as_level(*u)) return *v;
    }
    if (auto d = pl.find("users_default"); d != pl.end())
        if (auto v = as_level(*d)) return *v;
    return 0;
}

Role role_of(const config::Config& cfg, const config::TeamConfig* team,
             const storage::RoomRow* room, std::string_view user_id) {
    if (cfg.is_admin(user_id)) return Role::Admin;
    if (team) {
        if (std::find(team->leaders.begin(), team->leaders.end(), user_id) != team->leaders.end())
            return Role::Leader;
        if (room && power_level(*room, user_id) >= 50) return Role::Leader;
    }
    return Role::Member;
}

}  // namespace dialoog::commands
