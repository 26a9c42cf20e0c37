#include "matrix/api.hpp"

#include <utility>

namespace dialoog::matrix {

using nlohmann::json;

namespace {

std::string required_string(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string())
        throw ResponseShapeError(std::string("response without a string ") + key);
    return it->get<std::string>();
}

// Absent and null both mean "not given"; another type is a malformed answer.
std::optional<std::string> optional_string(const json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_string())
        throw ResponseShapeError(std::string("response with a non-string ") + key);
    return it->get<std::string>();
}

}  // namespace

void to_json(json& j, const LoginRequest& r) {
    j = {{"type", "m.login.password"},
         {"identifier", {{"type", "m.id.user"}, {"user", r.user}}},
         {"password", r.password},
         {"device_id", r.device_id},
         {"initial_device_display_name", r.initial_device_display_name}};
}

CreateRoomRequest CreateRoomRequest::direct_chat(std::string user_id) {
    CreateRoomRequest r;
    r.preset = "trusted_private_chat";
    r.is_direct = true;
    r.invite.push_back(std::move(user_id));
    return r;
}

void to_json(json& j, const CreateRoomRequest& r) {
    j = json::object();
    if (r.is_direct) j["is_direct"] = true;
    if (!r.invite.empty()) j["invite"] = r.invite;
    if (r.preset) j["preset"] = *r.preset;
}

void to_json(json& j, const RedactRequest& r) {
    j = json::object();
    if (!r.reason.empty()) j["reason"] = r.reason;
}

void to_json(json& j, const LeaveRequest& r) {
    j = json::object();
    if (!r.reason.empty()) j["reason"] = r.reason;
}

void to_json(json& j, const DirectContent& c) {
    j = json::object();
    for (const auto& [user_id, room_ids] : c.rooms) j[user_id] = room_ids;
}

void from_json(const json& j, WhoamiResponse& r) {
    r.user_id = required_string(j, "user_id");
    r.device_id = optional_string(j, "device_id");
}

void from_json(const json& j, LoginResponse& r) {
    r.access_token = required_string(j, "access_token");
    r.user_id = required_string(j, "user_id");
    r.device_id = required_string(j, "device_id");
}

void from_json(const json& j, EventIdResponse& r) {
    r.event_id = required_string(j, "event_id");
}

void from_json(const json& j, RoomIdResponse& r) {
    r.room_id = required_string(j, "room_id");
}

void from_json(const json& j, UploadResponse& r) {
    r.content_uri = required_string(j, "content_uri");
    // The message that links the file needs an mxc:// URI ([Matrix Content (mxc://) URIs]).
    if (r.content_uri.rfind("mxc://", 0) != 0)
        throw ResponseShapeError("upload response without an mxc:// content_uri");
}

void to_json(json& j, const KeysUploadRequest& r) {
    j = json::object();
    if (r.device_keys) j["device_keys"] = *r.device_keys;
    if (!r.one_time_keys.empty()) j["one_time_keys"] = r.one_time_keys;
    if (!r.fallback_keys.empty()) j["fallback_keys"] = r.fallback_keys;
}

void to_json(json& j, const DeviceSigningUploadRequest& r) {
    j = json{{"master_key", r.master_key}, {"self_signing_key", r.self_signing_key}};
    if (r.auth) j["auth"] = *r.auth;
}

json password_auth(const std::string& user_id, const std::string& password,
                   const std::string& session) {
    json a = {{"type", "m.login.password"},
              {"identifier", {{"type", "m.id.user"}, {"user", user_id}}},
              {"password", password}};
    if (!session.empty()) a["session"] = session;
    return a;
}

void to_json(json& j, const SignaturesUploadRequest& r) {
    j = json::object();
    for (const auto& [user, keys] : r.signed_keys) j[user] = keys;
}

void to_json(json& j, const KeysQueryRequest& r) {
    json users = json::object();
    for (const auto& u : r.users) users[u] = json::array();
    j = json{{"device_keys", std::move(users)}, {"timeout", r.timeout_ms}};
}

namespace {
/// `j[field]` as a map of its object members; members that are not objects are skipped.
std::map<std::string, json> objects_in(const json& j, const char* field) {
    std::map<std::string, json> out;
    auto it = j.find(field);
    if (it == j.end() || !it->is_object()) return out;
    for (const auto& [k, v] : it->items())
        if (v.is_object()) out[k] = v;
    return out;
}
}  // namespace

void from_json(const json& j, SignaturesUploadResponse& r) {
    if (!j.is_object()) throw ResponseShapeError("response is not a JSON object");
    r.failures.clear();
    for (auto& [user, keys] : objects_in(j, "failures"))
        for (const auto& [key_id, error] : keys.items()) r.failures[user][key_id] = error;
}

void from_json(const json& j, KeysQueryResponse& r) {
    if (!j.is_object()) throw ResponseShapeError("response is not a JSON object");
    r = KeysQueryResponse{};
    for (auto& [user, devices] : objects_in(j, "device_keys"))
        for (const auto& [device_id, keys] : devices.items())
            if (keys.is_object()) r.device_keys[user][device_id] = keys;
    r.master_keys = objects_in(j, "master_keys");
    r.self_signing_keys = objects_in(j, "self_signing_keys");
    r.failures = objects_in(j, "failures");
}

void from_json(const json& j, KeysUploadResponse& r) {
    auto it = j.find("one_time_key_counts");
    if (it == j.end() || !it->is_object())
        throw ResponseShapeError("keys/upload response without an object one_time_key_counts");
    r.one_time_key_counts.clear();
    for (const auto& [algorithm, count] : it->items()) {
        if (!count.is_number_integer())
            throw ResponseShapeError("keys/upload response with a non-integer key count");
        r.one_time_key_counts[algorithm] = count.get<std::int64_t>();
    }
}

void from_json(const json& j, EmptyResponse&) {
    if (!j.is_object()) throw ResponseShapeError("response is not a JSON object");
}

}  // namespace dialoog::matrix
