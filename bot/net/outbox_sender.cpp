#include "bot/net/outbox_sender.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bot/net/backoff.hpp"
#include "storage/handled_events.hpp"
#include "storage/rooms.hpp"

namespace dialoog::net {

using namespace std::chrono_literals;
using nlohmann::json;
using storage::OutboxKind;
using storage::OutboxRow;

namespace {

// A failure the sender finds itself (no API call made), with a code of its own.
ApiError own_error(std::string errcode, std::string message, int http_status) {
    ApiError e;
    e.errcode = std::move(errcode);
    e.message = std::move(message);
    e.http_status = http_status;
    return e;
}

// A row's content is JSON the bot wrote itself; `key` as a string, "" when absent.
std::string content_string(const json& c, const char* key) {
    return c.is_object() ? c.value(key, "") : "";
}

}  // namespace

OutboxSender::OutboxSender(asio::io_context& io, commands::Services& services, MatrixClient& api,
                           DirectRooms& direct_rooms, TokenKeeper& tokens, BotMetrics& metrics,
                           Options opts)
    : services_(services),
      api_(api),
      direct_rooms_(direct_rooms),
      tokens_(tokens),
      metrics_(metrics),
      opts_(opts),
      io_(io),
      timer_(io) {}

void OutboxSender::wake() {
    timer_.cancel();
}

void OutboxSender::begin_stop(bool flush) {
    state_ = flush ? State::Flushing : State::Stopped;
    wake();
}

asio::awaitable<void> OutboxSender::finish(std::chrono::milliseconds limit) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    asio::steady_timer t(io_);
    while (state_ == State::Flushing && std::chrono::steady_clock::now() < deadline) {
        auto pending = storage::Outbox(services_.db).due_heads(now_ms(), 1);
        if (pending.empty()) break;
        co_await sleep_for(t, 50ms);
    }
    state_ = State::Stopped;
    api_.cancel_all();
    timer_.cancel();
}

void OutboxSender::prune(std::int64_t now) {
    try {
        storage::Outbox(services_.db).prune_sent(now - 24 * 3600'000LL);
        storage::HandledEvents(services_.db, services_.mark_key).prune(now - 7 * 24 * 3600'000LL);
    } catch (const std::exception& e) {
        spdlog::warn("pruning failed: {}", e.what());
    }
}

asio::awaitable<void> OutboxSender::run() {
    while (state_ != State::Stopped) {
        if (!tokens_.valid()) {
            co_await sleep_for(timer_, 5s);
            continue;
        }
        const std::int64_t now = now_ms();
        if (now - last_prune_ > 3600'000) {
            last_prune_ = now;
            prune(now);
        }
        std::vector<OutboxRow> rows;
        bool readable = false;
        try {
            rows = storage::Outbox(services_.db).due_heads(now, 16);
            readable = true;
        } catch (const std::exception& e) {
            spdlog::error("outbox: cannot read ({}); retrying in 5 s", e.what());
        }
        if (!readable) {
            co_await sleep_for(timer_, 5s);
            continue;
        }
        if (rows.empty()) {
            if (state_ == State::Flushing) break;
            auto wake = storage::Outbox(services_.db).next_wake();
            std::int64_t wait = wake ? std::clamp<std::int64_t>(*wake - now, 1, 60000) : 60000;
            co_await sleep_for(timer_, std::chrono::milliseconds(wait));
            continue;
        }
        for (auto& row : rows) {
            if (!tokens_.valid()) break;
            co_await send_row(std::move(row));
        }
    }
}

asio::awaitable<void> OutboxSender::send_row(OutboxRow row) {
    Attempt a = co_await attempt(row);
    if (!a) {
        on_failure(row, a.error());
        co_return;
    }
    if (a.value() == Done::Resolved) {
        wake();  // sent as a normal row on the next pass, with its own txn_id
        co_return;
    }
    mark_sent(row);
}

asio::awaitable<OutboxSender::Attempt> OutboxSender::attempt(const OutboxRow& row) {
    switch (row.kind) {
        case OutboxKind::Send:
            co_return co_await send_event(row);
        case OutboxKind::Redact:
            co_return co_await redact(row);
        case OutboxKind::Join:
            co_return co_await join(row);
        case OutboxKind::Leave:
            co_return co_await leave(row);
        case OutboxKind::AccountData:
            co_return co_await account_data(row);
        case OutboxKind::UploadSend:
            co_return co_await upload_then_send(row);
        case OutboxKind::Dm:
            co_return co_await direct_message(row);
    }
    co_return own_error("unset", "unknown outbox kind", 0);
}

asio::awaitable<OutboxSender::Attempt> OutboxSender::send_event(const OutboxRow& row) {
    std::string room_id = row.room_id.value_or("");
    std::string type = row.event_type.value_or("m.room.message");
    auto r = co_await api_.send(room_id, type, row.txn_id, row.content);
    if (!r) co_return r.error();
    co_return Done::Sent;
}

asio::awaitable<OutboxSender::Attempt> OutboxSender::redact(const OutboxRow& row) {
    // Arguments as named locals: g++ 12 destroys a ?: temporary inside a co_await expression
    // twice ("free(): invalid pointer", seen in the integration tests).
    auto c = json::parse(row.content, nullptr, false);
    std::string room_id = row.room_id.value_or("");
    std::string event_id = content_string(c, "event_id");
    matrix::RedactRequest req;
    req.reason = content_string(c, "reason");
    auto r = co_await api_.redact(room_id, event_id, row.txn_id, std::move(req));
    if (!r) co_return r.error();
    co_return Done::Sent;
}

asio::awaitable<OutboxSender::Attempt> OutboxSender::join(const OutboxRow& row) {
    std::string room_id = row.room_id.value_or("");
    auto r = co_await api_.join(room_id);
    if (!r) co_return r.error();
    // A join's membership is recorded by the sync that reports it: that is where the change
    // from "invite" to "join" triggers the one greeting. Recording it here first (the join
    // response usually beats the sync) suppressed the greeting.
    co_return Done::Sent;
}

asio::awaitable<OutboxSender::Attempt> OutboxSender::leave(const OutboxRow& row) {
    auto c = json::parse(row.content, nullptr, false);
    std::string room_id = row.room_id.value_or("");  // see redact()
    matrix::LeaveRequest req;
    req.reason = content_string(c, "reason");
    auto r = co_await api_.leave(room_id, std::move(req));
    const bool not_in_room = !r && (r.error().http_status == 403 || r.error().http_status == 404);
    if (!r && !not_in_room) co_return r.error();
    co_return Done::Sent;  // when not in the room any more, the goal is reached too
}

asio::awaitable<OutboxSender::Attempt> OutboxSender::account_data(const OutboxRow& row) {
    std::string user_id = services_.cfg().bot.user_id;
    std::string type = row.event_type.value_or("");
    auto r = co_await api_.set_account_data(user_id, type, row.content);
    if (!r) co_return r.error();
    co_return Done::Sent;
}

asio::awaitable<OutboxSender::Attempt> OutboxSender::upload_then_send(const OutboxRow& row) {
    // Upload first, then the same row becomes a plain send carrying the content URI.
    auto c = json::parse(row.content, nullptr, false);
    if (!c.is_object() || !c.contains("upload") || !c["upload"].is_object() ||
        !c.contains("message") || !c["message"].is_object()) {
        // Not retried: a 4xx status that is neither 429 nor BadJson.
        co_return own_error("bad_row", "upload_send row without upload/message", 400);
    }
    const auto& up = c["upload"];
    std::string filename = up.value("filename", "file");
    std::string content_type = up.value("content_type", "application/octet-stream");
    std::string data = up.value("data", "");
    auto uploaded = co_await api_.upload(filename, content_type, std::move(data));
    if (!uploaded) co_return uploaded.error();
    json message = c["message"];
    message["url"] = uploaded->content_uri;
    storage::Outbox(services_.db)
        .resolve_upload(row.id, message.dump(-1, ' ', false, json::error_handler_t::replace));
    co_return Done::Resolved;
}

asio::awaitable<OutboxSender::Attempt> OutboxSender::direct_message(const OutboxRow& row) {
    std::string user_id = row.target_user.value_or("");
    auto room = co_await direct_rooms_.room_for(user_id);
    if (!room) co_return room.error();
    storage::Outbox(services_.db).resolve_dm(row.id, room.value());
    co_return Done::Resolved;
}

void OutboxSender::mark_sent(const OutboxRow& row) {
    ++metrics_.sends_ok;
    storage::Transaction tx(services_.db);
    storage::Outbox(services_.db).mark_sent(row.id, now_ms());
    tx.commit();
}

void OutboxSender::on_failure(const OutboxRow& row, const ApiError& e) {
    const std::int64_t now = now_ms();
    storage::Outbox outbox(services_.db);
    if (e.token_rejected()) {
        tokens_.reject(e);
        return;
    }
    if (e.rate_limited()) {
        ++metrics_.rate_limited;
        std::int64_t wait = e.retry_after_ms.value_or(5000);
        outbox.mark_retry(row.id, now + std::max<std::int64_t>(wait, 100), "rate limited");
        return;
    }
    // A resolved DM whose partner left, or a room we lost: try a fresh DM for DM rows.
    const bool dm_row = row.target_user.has_value();
    if (dm_row && e.http_status == 403) {
        storage::Transaction tx(services_.db);
        storage::Rooms(services_.db).forget_dm_room(row.room_id.value_or(""));
        outbox.reopen_dm(row.id);
        tx.commit();
        return;
    }
    // A response we cannot read (BadJson, even with status 200) says nothing reliable about
    // whether the server acted: retry with the same txn_id, which the server deduplicates.
    // A join is retried whatever the error: joins race the invites that allow them.
    const bool retry =
        e.transient() || e.code == matrix::Errcode::BadJson || row.kind == OutboxKind::Join;
    const int max_attempts = row.kind == OutboxKind::Join ? 8 : 50;
    if (retry && row.attempts + 1 < max_attempts) {
        auto delay = backoff(row.attempts + 1, opts_.max_backoff);
        outbox.mark_retry(row.id, now + delay.count(), e.errcode);
        if (row.attempts == 0 || e.http_status != 0)
            spdlog::warn("{} {} failed ({} {}); retry {} in {} ms", storage::to_string(row.kind),
                         row.txn_id, e.http_status, e.errcode, row.attempts + 1, delay.count());
        return;
    }
    give_up(row, e);
}

void OutboxSender::give_up(const OutboxRow& row, const ApiError& e) {
    const std::int64_t now = now_ms();
    ++metrics_.sends_failed;
    storage::Outbox outbox(services_.db);
    storage::Transaction tx(services_.db);
    outbox.mark_failed(row.id, e.errcode + " " + std::to_string(e.http_status));
    // A row may name a follow-up to post when it fails for good (e.g. "please delete your
    // message yourself" after a refused redaction).
    auto c = json::parse(row.content, nullptr, false);
    if (c.is_object() && c.contains("on_fail") && c["on_fail"].is_object()) {
        const auto& f = c["on_fail"];
        storage::OutboxItem item;
        item.kind = OutboxKind::Send;
        item.room_id = f.value("room_id", row.room_id.value_or(""));
        item.event_type = "m.room.message";
        item.txn_id = row.txn_id + ".f";
        item.content = f.value("content", json::object()).dump();
        item.purge_after_send = row.purge_after_send;
        outbox.enqueue(item, now);
    }
    tx.commit();
    spdlog::error("{} {} failed for good ({} {}: {}); kept as failed (see dialoogbot --status)",
                  storage::to_string(row.kind), row.txn_id, e.http_status, e.errcode, e.message);
}

}  // namespace dialoog::net
