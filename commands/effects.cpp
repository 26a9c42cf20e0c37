#include "commands/effects.hpp"

#include "common/keyed_hash.hpp"
#include "matrix/content.hpp"
#include "storage/outbox.hpp"
#include "storage/rooms.hpp"

namespace dialoog::commands {

namespace {
std::string render(std::string_view md) {
    return matrix::markdown_to_html(md);
}

// After a kick or ban the bot stops all activity in that room: scheduled
// reminders and other effects aimed at it are dropped here, before they reach the outbox.
bool room_closed(storage::Database& db, std::string_view room_id) {
    return storage::Rooms(db).bot_left(room_id);
}

/// Writes one outbox row for `room_id` (the kinds that target a room by id) and returns its
/// txn_id. Content is serialised with invalid UTF-8 replaced, never thrown on.
std::string enqueue_room_row(storage::Database& db, const Clock& clock, std::string txn_id,
                             storage::OutboxKind kind, std::string_view room_id,
                             std::string_view event_type, const nlohmann::json& content,
                             std::int64_t not_before, bool purge_after_send) {
    storage::OutboxItem item;
    item.kind = kind;
    item.room_id = std::string(room_id);
    item.event_type = std::string(event_type);
    item.txn_id = std::move(txn_id);
    item.content = content.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    item.not_before = not_before;
    item.purge_after_send = purge_after_send;
    storage::Outbox(db).enqueue(item, to_epoch_ms(clock.now()));
    return item.txn_id;
}
}  // namespace

Effects::Effects(storage::Database& db, const Clock& clock, std::string key, std::string cause)
    : db_(db), clock_(clock), key_(std::move(key)), cause_(std::move(cause)) {}

std::string Effects::next_txn_id() {
    // The hash keeps event ids out of txn_ids (and out of the outbox), while staying stable.
    // Computed on the first effect only: most events a bot sees cause none.
    if (prefix_.empty()) prefix_ = "d" + hmac_hex(key_, cause_, 10);
    return prefix_ + "." + std::to_string(seq_++);
}

std::string Effects::notice(std::string_view room_id, std::string_view markdown,
                            const matrix::Relation& rel, const std::vector<std::string>& mentions,
                            std::int64_t not_before, bool purge_after_send) {
    if (room_closed(db_, room_id)) return {};
    auto parts = matrix::split_markdown(markdown, matrix::kMaxEventBytes, &render);
    std::string first;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        // Only the first part answers the command and mentions people; the rest continue it.
        matrix::Relation r = rel;
        if (i > 0) {
            r.in_reply_to.reset();
            if (r.thread_root) r.is_falling_back = true;
        }
        auto content = matrix::make_message(parts[i], render(parts[i]),
                                            i == 0 ? mentions : std::vector<std::string>{}, r);
        auto txn = enqueue_room_row(db_, clock_, next_txn_id(), storage::OutboxKind::Send, room_id,
                                    "m.room.message", content, not_before, purge_after_send);
        if (i == 0) first = txn;
    }
    return first;
}

std::string Effects::send_raw(std::string_view room_id, std::string_view event_type,
                              const nlohmann::json& content, std::int64_t not_before,
                              bool purge_after_send) {
    if (room_closed(db_, room_id)) return {};
    return enqueue_room_row(db_, clock_, next_txn_id(), storage::OutboxKind::Send, room_id,
                            event_type, content, not_before, purge_after_send);
}

std::string Effects::file(std::string_view room_id, std::string_view filename,
                          std::string_view content_type, std::string_view data,
                          const matrix::Relation& rel) {
    if (room_closed(db_, room_id)) return {};
    nlohmann::json content = {
        {"upload", {{"filename", filename}, {"content_type", content_type}, {"data", data}}},
        {"message", matrix::make_file_message(filename, content_type, data.size(), rel)}};
    return enqueue_room_row(db_, clock_, next_txn_id(), storage::OutboxKind::UploadSend, room_id,
                            "m.room.message", content, 0, false);
}

std::string Effects::dm(std::string_view user_id, std::string_view markdown,
                        std::int64_t not_before, bool purge_after_send,
                        const std::vector<std::string>& mentions) {
    auto parts = matrix::split_markdown(markdown, matrix::kMaxEventBytes, &render);
    std::string first;
    storage::Outbox outbox(db_);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        auto content = matrix::make_message(parts[i], render(parts[i]),
                                            i == 0 ? mentions : std::vector<std::string>{}, {});
        storage::OutboxItem item;
        item.kind = storage::OutboxKind::Dm;
        item.target_user = std::string(user_id);
        item.event_type = "m.room.message";
        item.txn_id = next_txn_id();
        item.content = content.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        item.not_before = not_before;
        item.purge_after_send = purge_after_send;
        outbox.enqueue(item, to_epoch_ms(clock_.now()));
        if (i == 0) first = item.txn_id;
    }
    return first;
}

void Effects::redact(std::string_view room_id, std::string_view event_id, std::string_view reason) {
    storage::OutboxItem item;
    item.kind = storage::OutboxKind::Redact;
    item.room_id = std::string(room_id);
    item.txn_id = next_txn_id();
    nlohmann::json c = {{"event_id", event_id}};
    if (!reason.empty()) c["reason"] = reason;
    item.content = c.dump();
    item.purge_after_send = true;  // the row names an event id; no reason to keep it
    storage::Outbox(db_).enqueue(item, to_epoch_ms(clock_.now()));
}

void Effects::join(std::string_view room_id) {
    storage::OutboxItem item;
    item.kind = storage::OutboxKind::Join;
    item.room_id = std::string(room_id);
    item.txn_id = next_txn_id();
    storage::Outbox(db_).enqueue(item, to_epoch_ms(clock_.now()));
}

void Effects::leave(std::string_view room_id, std::string_view reason) {
    storage::OutboxItem item;
    item.kind = storage::OutboxKind::Leave;
    item.room_id = std::string(room_id);
    item.txn_id = next_txn_id();
    nlohmann::json c = nlohmann::json::object();
    if (!reason.empty()) c["reason"] = reason;
    item.content = c.dump();
    storage::Outbox(db_).enqueue(item, to_epoch_ms(clock_.now()));
}

void Effects::account_data(std::string_view type, const nlohmann::json& content) {
    storage::OutboxItem item;
    item.kind = storage::OutboxKind::AccountData;
    item.event_type = std::string(type);
    item.txn_id = next_txn_id();
    item.content = content.dump();
    storage::Outbox(db_).enqueue(item, to_epoch_ms(clock_.now()));
}

}  // namespace dialoog::commands
