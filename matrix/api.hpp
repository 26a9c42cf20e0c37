#pragma once
// The request and response bodies of the Client-Server API calls the bot makes, as plain
// structs (style: mtxclient's mtx::requests / mtx::responses): to_json for requests, from_json
// for responses, and one place, parse_response, that turns a 2xx body into a struct. Section
// names in brackets are those of the Matrix spec, Client-Server API.
//
// A response is read leniently: fields the bot does not use are ignored, but a required field
// that is missing or of the wrong type makes the whole body unreadable (Errcode::BadJson), so
// that the caller retries instead of acting on half an answer.

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "matrix/error.hpp"

namespace dialoog::matrix {

// ---- Requests -------------------------------------------------------------------------------

/// [Login] POST /login with `m.login.password` and an `m.id.user` identifier. A fixed
/// `device_id` keeps transaction ids valid across logins (they are scoped per device,
/// [Transaction identifiers]).
struct LoginRequest {
    std::string user;  // user id or localpart
    std::string password;
    std::string device_id;
    std::string initial_device_display_name = "dialoogbot";
};
void to_json(nlohmann::json& j, const LoginRequest& r);

/// [Creation] POST /createRoom. Fields left empty are omitted.
struct CreateRoomRequest {
    std::optional<std::string> preset;  // e.g. "trusted_private_chat"
    bool is_direct = false;             // [Direct Messaging]: the invitees see an m.direct room
    std::vector<std::string> invite;    // user ids

    /// A DM with `user_id` as [Direct Messaging] describes: is_direct, the user invited,
    /// preset trusted_private_chat (the invitee gets the same power as the bot).
    static CreateRoomRequest direct_chat(std::string user_id);
};
void to_json(nlohmann::json& j, const CreateRoomRequest& r);

/// [Redactions] PUT /rooms/{room_id}/redact/{event_id}/{txn_id}; `reason` omitted when empty.
struct RedactRequest {
    std::string reason;
};
void to_json(nlohmann::json& j, const RedactRequest& r);

/// [Leaving rooms] POST /rooms/{room_id}/leave; `reason` omitted when empty.
struct LeaveRequest {
    std::string reason;
};
void to_json(nlohmann::json& j, const LeaveRequest& r);

/// The content of the `m.direct` account data event ([Direct Messaging]): user id -> the DM
/// room ids with that user.
struct DirectContent {
    std::map<std::string, std::vector<std::string>> rooms;
};
void to_json(nlohmann::json& j, const DirectContent& c);

/// [End-to-End Encryption > Key management API] POST /keys/upload. Every part is optional
/// and omitted when empty; the bot sends `device_keys` once (the signed object of
/// [Device keys]) and tops up `one_time_keys` / `fallback_keys` ([One-time and fallback keys]):
/// key "signed_curve25519:<key id>" -> {"key": <curve25519, unpadded base64>, "signatures":
/// …}, a fallback key also with "fallback": true inside the signed object.
struct KeysUploadRequest {
    std::optional<nlohmann::json> device_keys;
    std::map<std::string, nlohmann::json> one_time_keys;
    std::map<std::string, nlohmann::json> fallback_keys;
    /// True when nothing would be uploaded (the call only asks for `one_time_key_counts`).
    bool empty() const { return !device_keys && one_time_keys.empty() && fallback_keys.empty(); }
};
void to_json(nlohmann::json& j, const KeysUploadRequest& r);

/// [Cross-signing] POST /keys/device_signing/upload: the master key and the self-signing key
/// (CrossSigningKey objects: user_id, usage ["master"] / ["self_signing"], keys
/// {"ed25519:<public key>": <public key>}, the self-signing key signed by the master key). The
/// bot needs no user-signing key (it verifies nobody). `auth` answers a User-Interactive
/// Authentication challenge (password_auth); absent on the first try.
struct DeviceSigningUploadRequest {
    nlohmann::json master_key;
    nlohmann::json self_signing_key;
    std::optional<nlohmann::json> auth;
};
void to_json(nlohmann::json& j, const DeviceSigningUploadRequest& r);

/// The `auth` of an m.login.password stage ([User-Interactive Authentication API] >
/// [Password-based]): identifier m.id.user `user_id`, the password (a SECRET: the request body
/// is never logged) and the challenge's `session` (omitted when empty).
nlohmann::json password_auth(const std::string& user_id, const std::string& password,
                             const std::string& session);

/// [Cross-signing] POST /keys/signatures/upload: user_id -> key id (a device id, or the public
/// key of a cross-signing key) -> the signed object, complete with its new signature.
struct SignaturesUploadRequest {
    std::map<std::string, std::map<std::string, nlohmann::json>> signed_keys;
};
void to_json(nlohmann::json& j, const SignaturesUploadRequest& r);

/// [Key management API] POST /keys/query for whole users (every device): `device_keys`
/// user_id -> [] , `timeout` in ms.
struct KeysQueryRequest {
    std::vector<std::string> users;
    std::int64_t timeout_ms = 10000;
};
void to_json(nlohmann::json& j, const KeysQueryRequest& r);

// ---- Responses ------------------------------------------------------------------------------

/// [Client Authentication] GET /account/whoami: user_id required; device_id absent for
/// appservice users.
struct WhoamiResponse {
    std::string user_id;
    std::optional<std::string> device_id;
};
void from_json(const nlohmann::json& j, WhoamiResponse& r);

/// [Login] POST /login: all three required.
struct LoginResponse {
    std::string access_token;  // a secret: never logged
    std::string user_id;
    std::string device_id;
};
void from_json(const nlohmann::json& j, LoginResponse& r);

/// [Sending events] PUT /rooms/{room_id}/send/…, [Redactions] PUT …/redact/…: the event id.
struct EventIdResponse {
    std::string event_id;
};
void from_json(const nlohmann::json& j, EventIdResponse& r);

/// [Joining rooms] POST /join, [Creation] POST /createRoom, [Room directory] GET
/// /directory/room/{room_alias}: the room id (the directory's `servers` are not used).
struct RoomIdResponse {
    std::string room_id;
};
void from_json(const nlohmann::json& j, RoomIdResponse& r);

/// [Content repository] POST /_matrix/media/v3/upload: content_uri, an `mxc://` URI.
struct UploadResponse {
    std::string content_uri;
};
void from_json(const nlohmann::json& j, UploadResponse& r);

/// [Key management API] POST /keys/upload: `one_time_key_counts` (required): algorithm ->
/// how many unclaimed one-time keys the server holds for this device, e.g.
/// {"signed_curve25519": 50}. An algorithm the server does not list counts as 0.
struct KeysUploadResponse {
    std::map<std::string, std::int64_t> one_time_key_counts;
};
void from_json(const nlohmann::json& j, KeysUploadResponse& r);

/// [Cross-signing] POST /keys/signatures/upload: `failures` user_id -> key id -> an error
/// object ({errcode, error}); empty when every signature was accepted.
struct SignaturesUploadResponse {
    std::map<std::string, std::map<std::string, nlohmann::json>> failures;
};
void from_json(const nlohmann::json& j, SignaturesUploadResponse& r);

/// [Key management API] POST /keys/query: `device_keys` user_id -> device_id -> the device's
/// signed keys as published (DeviceKeys, possibly with `unsigned`); `master_keys` and
/// `self_signing_keys` user_id -> CrossSigningKey; `failures` server name -> error. Objects
/// are kept as JSON: signatures are checked over their canonical form (matrix/signing.hpp).
/// Entries that are not objects are skipped, never an error.
struct KeysQueryResponse {
    std::map<std::string, std::map<std::string, nlohmann::json>> device_keys;
    std::map<std::string, nlohmann::json> master_keys;
    std::map<std::string, nlohmann::json> self_signing_keys;
    std::map<std::string, nlohmann::json> failures;
};
void from_json(const nlohmann::json& j, KeysQueryResponse& r);

/// Calls whose 2xx body is `{}` ([Leaving rooms], [Client Config] account data): any JSON
/// object.
struct EmptyResponse {};
void from_json(const nlohmann::json& j, EmptyResponse& r);

/// Thrown by the from_json functions above for a missing or mistyped required field; caught by
/// parse_response.
struct ResponseShapeError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Reads a 2xx response body as T. Fails with Errcode::BadJson (and `http_status`) when the
/// body is not a JSON object or lacks a field T requires: the caller cannot know whether the
/// server acted, so it retries (with the same txn_id where there is one).
template <typename T>
ApiResult<T> parse_response(std::string_view body, int http_status) {
    auto j = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object())
        return ApiError::local(Errcode::BadJson, "response is not a JSON object", http_status);
    try {
        return j.get<T>();
    } catch (const ResponseShapeError& e) {
        return ApiError::local(Errcode::BadJson, e.what(), http_status);
    }
}

}  // namespace dialoog::matrix
