#pragma once
// Matrix protocol types as plain structs (style: mtxclient), parsed from /sync responses.
// Parsing is tolerant: only `next_batch` is required (spec "Syncing"); an event missing a
// field it needs is dropped and counted, never a crash.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "matrix/error.hpp"

namespace dialoog::matrix {

/// A room event (client format). `content` is always an object (empty when missing).
struct Event {
    std::string event_id;
    std::string type;
    std::string sender;
    std::string room_id;
    std::optional<std::string> state_key;
    std::int64_t origin_server_ts = 0;  // UTC ms, set by the sender's homeserver
    nlohmann::json content = nlohmann::json::object();
    std::optional<std::string> redacts;

    bool is_state() const { return state_key.has_value(); }
    /// content.msgtype, or "" when absent or not a string.
    std::string msgtype() const;
    /// content.body when it is a string.
    std::optional<std::string> body() const;
    /// content["m.relates_to"].rel_type, or "".
    std::string rel_type() const;
    /// The thread root when this event is in a thread (rel_type m.thread).
    std::optional<std::string> thread_root() const;
};

struct JoinedRoom {
    std::string room_id;
    std::vector<Event> state;
    std::vector<Event> timeline;
    bool limited = false;
    std::optional<std::string> prev_batch;
};

/// A stripped state event from rooms.invite.*.invite_state (no event_id, no timestamp).
struct InvitedRoom {
    std::string room_id;
    std::vector<Event> invite_state;
};

struct LeftRoom {
    std::string room_id;
    std::vector<Event> state;
    std::vector<Event> timeline;
};

struct SyncResponse {
    std::string next_batch;
    std::vector<JoinedRoom> join;
    std::vector<InvitedRoom> invite;
    std::vector<LeftRoom> leave;
    std::optional<nlohmann::json> direct;  // account_data m.direct content, when present
    /// [End-to-End Encryption > Extensions to /sync]: algorithm -> unclaimed one-time keys the
    /// server holds for this device ({"signed_curve25519": 50}); nullopt when absent (then the
    /// bot does not act on it). Entries that are not integers are skipped.
    std::optional<std::map<std::string, std::int64_t>> device_one_time_keys_count;
    /// The same section: algorithms whose fallback key is still unused (["signed_curve25519"]);
    /// a list without "signed_curve25519" means the fallback key was used and needs replacing.
    /// nullopt when absent (a server without fallback keys).
    std::optional<std::vector<std::string>> device_unused_fallback_key_types;
    int dropped_events = 0;  // malformed events skipped while parsing
};

/// Parses one /sync response body. Fails (Errcode::BadJson, http_status 0) only when the body
/// is not JSON, not an object, or lacks a string `next_batch`; everything else degrades
/// gracefully.
ApiResult<SyncResponse> parse_sync_response(std::string_view body);

/// Parses one event object; nullopt when it lacks event_id, type or sender (strict=true) or
/// type/sender for stripped state (strict=false). `room_id` fills the field when absent.
std::optional<Event> parse_event(const nlohmann::json& j, std::string_view room_id,
                                 bool strict = true);

/// Parses the `chunk` of a /rooms/{id}/messages response (newest first when dir=b) and its
/// `end` token. Fails (Errcode::BadJson) only when the body is not a JSON object.
struct MessagesPage {
    std::vector<Event> chunk;
    std::optional<std::string> end;
};
ApiResult<MessagesPage> parse_messages_response(std::string_view body, std::string_view room_id);

}  // namespace dialoog::matrix
