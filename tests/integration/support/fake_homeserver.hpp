#pragma once
// An in-process fake Matrix homeserver for integration tests: a Boost.Beast HTTP/1.1 server on
// 127.0.0.1 (random port), on its own thread and io_context. It implements the Client-Server
// calls the bot makes (whoami, login, sync with long-poll, send, redact, messages, join, leave,
// createRoom, account_data, directory, media upload) closely enough to run the real net::Bot
// against it, and it can inject the faults a real server or proxy produces (429, 5xx, stalls,
// dropped connections, malformed or truncated JSON, malformed events, duplicate events, huge syncs,
// limited timelines).
//
// Every public member is thread-safe: tests call them from their own thread while the bot and
// the server run. Events are kept in one global stream; a sync token is "s<position>".

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace dialoog::testing {

using nlohmann::json;

/// The endpoints faults can be attached to.
enum class Endpoint {
    Whoami,
    Login,
    Sync,
    Send,
    Redact,
    Messages,
    Join,
    Leave,
    CreateRoom,
    AccountData,
    Directory,
    Upload,              // POST /_matrix/media/v3/upload
    KeysUpload,          // POST /_matrix/client/v3/keys/upload
    CrossSigningUpload,  // POST /_matrix/client/v3/keys/device_signing/upload
    SignaturesUpload,    // POST /_matrix/client/v3/keys/signatures/upload
    KeysQuery,           // POST /_matrix/client/v3/keys/query
};

const char* to_string(Endpoint e);

/// One injected fault. `after_processing`: the request takes effect first (an event is stored,
/// a room joined) and only its response goes wrong, like a proxy failing on the way back.
struct Fault {
    enum class Kind {
        Status,       // respond `status` with an error body {errcode, error}
        Stall,        // wait `stall` before answering normally (or, after processing, replying)
        DropHeaders,  // write part of the status line/headers, then close the connection
        DropBody,  // write full headers (Content-Length of the whole body) and half the body, close
        Malformed,  // 200 with a body that is not JSON
        Truncated,  // 200 with the first half of the real JSON body (Content-Length matches)
    };
    Kind kind = Kind::Status;
    int status = 500;
    std::string errcode;                         // default: M_UNKNOWN / M_LIMIT_EXCEEDED for 429
    std::optional<int> retry_after_header_s;     // Retry-After header (seconds)
    std::optional<std::int64_t> retry_after_ms;  // retry_after_ms in the body
    std::chrono::milliseconds stall{0};
    bool after_processing = false;
};

/// An event the server accepted from the bot (PUT send), once per event (retransmissions of
/// the same txn are not recorded again).
struct AcceptedEvent {
    std::string room_id;
    std::string type;
    std::string txn_id;
    std::string event_id;
    std::string device_id;
    json content;
    /// content["m.relates_to"]["m.in_reply_to"]["event_id"], or "".
    std::string in_reply_to() const;
};

/// A file the bot uploaded to the content repository (POST /_matrix/media/v3/upload).
struct UploadedMedia {
    std::string content_uri;  // "mxc://fake.hs/<id>"
    std::string filename;     // the `filename` query parameter
    std::string content_type;
    std::string data;
};

/// One HTTP request as the server saw it (for timing and rate assertions).
struct RequestRecord {
    std::optional<Endpoint> endpoint;  // nullopt: unknown path
    std::string method;
    std::string path;    // decoded path without the query string
    std::string query;   // raw query string (without '?')
    std::string txn_id;  // for send/redact
    int status = 0;      // 0 when the connection was dropped
    std::chrono::steady_clock::time_point received;
};

/// What one device published through POST /keys/upload (spec "End-to-End Encryption" >
/// "Key management API").
struct DeviceKeyState {
    std::optional<json> device_keys;            // the accepted signed `device_keys`
    std::map<std::string, json> one_time_keys;  // unclaimed: "signed_curve25519:<id>" -> signed key
    std::map<std::string, json> ever_uploaded;  // every one-time key id ever accepted -> its object
    std::optional<std::pair<std::string, json>> fallback_key;  // "signed_curve25519:<id>" -> key
    bool fallback_used = false;
};

class FakeHomeserver {
  public:
    /// Binds 127.0.0.1 on a free port and starts serving on a new thread.
    explicit FakeHomeserver(std::string bot_user_id = "@bot:fake.hs");
    ~FakeHomeserver();
    FakeHomeserver(const FakeHomeserver&) = delete;
    FakeHomeserver& operator=(const FakeHomeserver&) = delete;

    unsigned short port() const { return port_; }
    /// "http://127.0.0.1:<port>"
    std::string base_url() const;
    const std::string& bot_user_id() const { return bot_; }
    static constexpr const char* kServerName = "fake.hs";

    // ---- accounts ----
    /// Makes `token` valid for the bot account on `device_id`.
    void add_token(const std::string& token, const std::string& device_id);
    /// The token becomes invalid: requests with it get 401 M_UNKNOWN_TOKEN.
    void revoke_token(const std::string& token);
    /// Every token becomes invalid (e.g. an admin logged the bot's sessions out).
    void revoke_all_tokens();
    /// Enables POST /login with this password (issues a new token per login).
    void set_password(const std::string& password);

    // ---- rooms and events (each call wakes waiting long-polls) ----
    /// Creates a room with `creator` and `members` joined. With `bot_joined`, the bot is a
    /// member from the start (it sees the room in its first sync).
    std::string create_room(const std::string& creator, const std::vector<std::string>& members,
                            bool bot_joined, std::string room_id = "");
    /// `inviter` invites the bot (creates the room first when it does not exist).
    std::string invite_bot(const std::string& inviter, bool is_direct = false,
                           std::string room_id = "");
    /// Removes the bot from a room (kick by `by`, or ban).
    void kick_bot(const std::string& room_id, const std::string& by, bool ban = false);
    /// An m.room.message (m.text) from `sender`; returns its event id.
    std::string post_message(const std::string& room_id, const std::string& sender,
                             const std::string& body, const json& content_extra = json::object());
    /// Several messages appended at once (so they land in one sync); returns their ids.
    std::vector<std::string> post_messages(const std::string& room_id, const std::string& sender,
                                           const std::vector<std::string>& bodies);
    /// Appends any JSON as a timeline event of `room_id` verbatim (may lack fields).
    void post_raw_event(const std::string& room_id, json event);
    /// Puts an earlier event into the stream again (a replay/duplicate across syncs).
    void replay_event(const std::string& event_id);
    /// Maps a room alias ("#team:fake.hs") to a room id for GET /directory/room.
    void set_alias(const std::string& alias, const std::string& room_id);

    // ---- end-to-end encryption keys ----
    /// Another user claims `n` of `device_id`'s one-time keys (POST /keys/claim), oldest id
    /// first; returns how many were there. Wakes long-polls (the sync counts change).
    int claim_one_time_keys(const std::string& device_id, int n);
    /// Another user's claim found no one-time key and used the fallback key: /sync lists no
    /// unused fallback key type until a new one is uploaded. Wakes long-polls.
    void use_fallback_key(const std::string& device_id);
    /// What `device_id` published so far.
    DeviceKeyState keys_of(const std::string& device_id) const;
    /// The bodies of every POST /keys/upload answered 200, oldest first.
    std::vector<json> key_uploads() const;
    /// The bot's cross-signing keys as the server holds them (spec "Cross-signing").
    struct CrossSigningState {
        std::optional<json> master_key;
        std::optional<json> self_signing_key;
        int uploads = 0;         // POST /keys/device_signing/upload answered 200
        int uia_challenges = 0;  // answered 401 with flows
    };
    CrossSigningState cross_signing() const;
    /// Sets the bot's cross-signing keys as if another client had uploaded them.
    void set_cross_signing(json master_key, json self_signing_key);
    /// Ask for interactive authentication (m.login.password, the password of set_password) on
    /// every cross-signing upload, not only on a replacement as Synapse does (MSC3967).
    void require_uia_always(bool on);

    // ---- knobs (thread-safe) ----
    /// Queues `f` for the next `count` requests of `e` (queued faults run in order).
    void inject(Endpoint e, Fault f, int count = 1);
    void fail_next(Endpoint e, int count, int status, std::string errcode = "",
                   bool after_processing = false);
    void rate_limit_next(Endpoint e, int count, std::optional<int> retry_after_header_s,
                         std::optional<std::int64_t> retry_after_ms);
    void stall_next(Endpoint e, int count, std::chrono::milliseconds d,
                    bool after_processing = false);
    void drop_next(Endpoint e, int count, bool in_body, bool after_processing = false);
    void malformed_next(Endpoint e, int count, bool after_processing = false);
    void truncated_next(Endpoint e, int count, bool after_processing = false);
    void clear_faults();
    /// Timeline events per room per sync (the rest is a gap: limited + prev_batch).
    void set_timeline_limit(int n);
    /// The next `n` non-empty incremental syncs say `limited: true` even without a gap.
    void force_limited_next(int n);
    /// The next `n` syncs also re-deliver the events of the sync before (duplicates).
    void duplicate_next_syncs(int n);
    /// The next `n` syncs carry about `bytes` of extra timeline events (non-commands) in a
    /// noise room, e.g. 5 MB.
    void pad_next_syncs(int n, std::size_t bytes);

    // ---- observations ----
    std::vector<AcceptedEvent> accepted() const;
    /// Accepted events that reply to `event_id`.
    int replies_to(const std::string& event_id) const;
    /// The reply to `event_id` (first one), if any.
    std::optional<AcceptedEvent> reply_to(const std::string& event_id) const;
    /// How many PUT /send requests carried `txn_id` (retransmissions included).
    int send_attempts(const std::string& txn_id) const;
    std::vector<RequestRecord> requests() const;
    int count_requests(Endpoint e) const;
    /// Requests to `e` whose response was `status`.
    int count_responses(Endpoint e, int status) const;
    /// The bot's membership in `room_id` ("join", "invite", "leave", "ban", "").
    std::string bot_membership(const std::string& room_id) const;
    std::optional<json> account_data(const std::string& type) const;
    /// Every file uploaded so far, oldest first (one entry per successful POST).
    std::vector<UploadedMedia> uploads() const;
    /// Current stream position (the next_batch a sync would return now).
    std::int64_t stream_position() const;
    /// Incremental syncs answered (status 200, not faulted).
    int syncs_served() const;
    /// Faults queued and not yet used (all endpoints).
    int pending_faults() const;
    /// True when a request carried the token as a query parameter (it belongs in the header only).
    bool saw_query_token() const;

    struct Impl;  // public so the session code in the .cpp can reach it

  private:
    std::string bot_;
    unsigned short port_ = 0;
    std::unique_ptr<Impl> impl_;
};

}  // namespace dialoog::testing
