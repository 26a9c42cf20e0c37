#pragma once
// The persistent outbox (docs/architecture.md, "Exactly once"). Every effect on
// the homeserver is a row written in the same transaction as the state change that caused it.
// The row's txn_id is fixed at write time and reused on every retry, so the homeserver
// de-duplicates a PUT repeated after a crash (spec: "Transaction identifiers").

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace dialoog::storage {

/// What a row asks the sender to do.
///  send:         PUT /rooms/{room_id}/send/{event_type}/{txn_id} with `content`
///  redact:       PUT /rooms/{room_id}/redact/{content.event_id}/{txn_id}
///  join / leave: POST /rooms/{room_id}/join | leave (content may hold {"reason": ...})
///  dm:           send `content` (an m.room.message) to the DM room of target_user, creating
///                the DM first when none is known
///  account_data: PUT /user/{bot}/account_data/{event_type} with `content`
///  upload_send:  POST /_matrix/media/v3/upload of content.upload {filename, content_type,
///                data (UTF-8 text)}, then the row becomes a `send` of content.message with
///                "url" = the content URI (resolve_upload), sent with the row's own txn_id.
///                A crash between the two uploads the file again (an unused copy on the
///                server); the message itself is still sent once.
enum class OutboxKind { Send, Redact, Join, Leave, Dm, AccountData, UploadSend };

const char* to_string(OutboxKind k);
std::optional<OutboxKind> outbox_kind_from(std::string_view s);

struct OutboxRow {
    std::int64_t id = 0;
    OutboxKind kind = OutboxKind::Send;
    std::string lane;
    std::optional<std::string> room_id;
    std::optional<std::string> target_user;
    std::optional<std::string> event_type;
    std::string txn_id;
    std::string content;  // JSON text
    int attempts = 0;
    std::int64_t not_before = 0;  // UTC ms
    std::int64_t created_at = 0;  // UTC ms
    bool purge_after_send = false;
};

/// A new row. `lane` defaults from kind: room_id, "dm:<user>", or "account".
struct OutboxItem {
    OutboxKind kind = OutboxKind::Send;
    std::optional<std::string> room_id;
    std::optional<std::string> target_user;
    std::optional<std::string> event_type;
    std::string txn_id;
    std::string content = "{}";
    std::int64_t not_before = 0;
    bool purge_after_send = false;  // delete the row as soon as it is sent (intake DMs)
};

struct OutboxCounts {
    std::int64_t pending = 0;
    std::int64_t failed = 0;
    std::int64_t sent = 0;
};

/// What /healthz and /metrics need to know about the outbox.
struct OutboxHealth {
    std::int64_t pending = 0;
    std::int64_t failed = 0;
    /// The earliest not_before (UTC ms) of pending rows that are due (not_before <= now): how
    /// long the longest-waiting due row has waited. nullopt when nothing is due.
    std::optional<std::int64_t> oldest_due_ms;
};

class Outbox {
  public:
    explicit Outbox(Database& db) : db_(db) {}

    /// Inserts a row; a row with the same txn_id already present is left as it is (returns
    /// false), which makes re-running an effect harmless.
    bool enqueue(const OutboxItem& item, std::int64_t now_ms);

    /// The oldest pending row of each lane whose not_before <= now_ms, oldest first, at most
    /// `limit`. Later rows of a lane wait for its head, which keeps split messages in order.
    std::vector<OutboxRow> due_heads(std::int64_t now_ms, int limit);
    /// The earliest not_before among lane heads, if any row is pending.
    std::optional<std::int64_t> next_wake();

    void mark_sent(std::int64_t id, std::int64_t now_ms);
    void mark_retry(std::int64_t id, std::int64_t not_before_ms, std::string_view error);
    void mark_failed(std::int64_t id, std::string_view error);
    /// Re-targets a dm row once its room is known (kind becomes send; txn_id unchanged).
    void resolve_dm(std::int64_t id, std::string_view room_id);
    /// Undoes resolve_dm after the DM room refused the send (HTTP 403: the partner left or the
    /// bot lost the room): kind becomes dm again, room_id NULL, attempts + 1, so the next pass
    /// finds or creates a DM room. txn_id unchanged.
    void reopen_dm(std::int64_t id);
    /// Turns an upload_send row into a send of `message_json` (which now holds the content
    /// URI); txn_id and lane position unchanged, the uploaded data is dropped from the row.
    void resolve_upload(std::int64_t id, std::string_view message_json);
    /// Pending rows of a room the bot was removed from become failed ("room left").
    int fail_room(std::string_view room_id, std::string_view reason);
    /// Deletes sent rows older than `cutoff_ms` (24 h: data minimisation).
    int prune_sent(std::int64_t cutoff_ms);
    /// Deletes failed rows (admin command). Returns how many.
    int clear_failed();

    OutboxCounts counts();
    /// Pending and failed rows and the oldest due pending row at `now_ms`, in one query.
    OutboxHealth health(std::int64_t now_ms);
    std::vector<OutboxRow> failed_rows(int limit);

  private:
    Database& db_;
};

}  // namespace dialoog::storage
