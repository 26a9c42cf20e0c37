#pragma once
// Effects: how handlers act on the world. Every effect is an outbox row written on the
// handler's own database connection, inside the caller's savepoint, with a deterministic
// txn_id derived from what caused it (an event id, or a job key plus its due instant). So a
// handler never touches the network, and a rolled-back handler leaves no effect behind.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "matrix/content.hpp"
#include "storage/database.hpp"

namespace dialoog::commands {

class Effects {
  public:
    /// `cause`: a stable string naming what triggered these effects (an event id or
    /// "job:<key>:<due_ms>"); it seeds every txn_id together with `key`.
    Effects(storage::Database& db, const Clock& clock, std::string key, std::string cause);

    /// Posts Markdown as m.notice to `room_id`; long texts become ordered parts.
    /// Returns the txn_id of the first part.
    std::string notice(std::string_view room_id, std::string_view markdown,
                       const matrix::Relation& rel = {},
                       const std::vector<std::string>& mentions = {}, std::int64_t not_before = 0,
                       bool purge_after_send = false);
    /// Posts raw content (any event type) to a room.
    std::string send_raw(std::string_view room_id, std::string_view event_type,
                         const nlohmann::json& content, std::int64_t not_before = 0,
                         bool purge_after_send = false);
    /// Sends Markdown as m.notice in the DM room with `user_id` (created when needed).
    std::string dm(std::string_view user_id, std::string_view markdown, std::int64_t not_before = 0,
                   bool purge_after_send = false, const std::vector<std::string>& mentions = {});
    /// Uploads `data` (UTF-8 text, e.g. a CSV) as `filename` with `content_type` and posts it as
    /// an m.file message in `room_id` with `rel` (one upload_send outbox row; see
    /// storage::OutboxKind). Returns the row's txn_id, "" when the room is closed.
    std::string file(std::string_view room_id, std::string_view filename,
                     std::string_view content_type, std::string_view data,
                     const matrix::Relation& rel = {});
    void redact(std::string_view room_id, std::string_view event_id, std::string_view reason);
    void join(std::string_view room_id);
    void leave(std::string_view room_id, std::string_view reason = {});
    void account_data(std::string_view type, const nlohmann::json& content);

    /// The next deterministic txn_id for this cause ("d" + 20 hex + "." + n).
    std::string next_txn_id();
    const std::string& cause() const { return cause_; }
    int count() const { return seq_; }

  private:
    storage::Database& db_;
    const Clock& clock_;
    std::string key_;
    std::string prefix_;  // "d" + keyed hash of cause_, set by the first next_txn_id()
    std::string cause_;
    int seq_ = 0;
};

}  // namespace dialoog::commands
