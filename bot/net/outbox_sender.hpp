#pragma once
// The outbox sender: drains storage::Outbox, the lane heads in order, one row at a time, each
// row sent with its fixed txn_id (docs/architecture.md, "Exactly once"; storage/outbox.hpp
// says what each kind asks). It decides what a failure means for the row:
//   - 401 / M_UNKNOWN_TOKEN: the token keeper pauses everything; the row waits unchanged;
//   - 429: retry after retry_after_ms (default 5 s), not counted against the row;
//   - 403 on a DM row: the DM room is forgotten and the row looks for (or makes) a new one;
//   - network, 5xx, an unreadable answer (Errcode::BadJson) and any failed join: retry with
//     backoff, up to 50 attempts (8 for joins);
//   - anything else, or too many attempts: the row fails for good and its `on_fail` follow-up,
//     if it names one, is queued.
// Upload and DM rows take two passes: the first uploads the file or finds the room and turns
// the row into a plain send (same txn_id), the next pass sends it.

#include <chrono>
#include <cstdint>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/net/bot_metrics.hpp"
#include "bot/net/direct_rooms.hpp"
#include "bot/net/matrix_client.hpp"
#include "bot/net/token_keeper.hpp"
#include "commands/context.hpp"
#include "storage/outbox.hpp"

namespace dialoog::net {

class OutboxSender {
  public:
    struct Options {
        std::chrono::milliseconds max_backoff{60000};
    };

    /// `api` is a client of its own (finish() cancels its requests). Writes sends_ok,
    /// sends_failed and rate_limited of `metrics`.
    OutboxSender(asio::io_context& io, commands::Services& services, MatrixClient& api,
                 DirectRooms& direct_rooms, TokenKeeper& tokens, BotMetrics& metrics, Options opts);

    /// Sends due rows until stopped; while the token is rejected it only waits. Also prunes,
    /// hourly, sent rows older than 24 h and handled marks older than 7 days.
    asio::awaitable<void> run();
    /// Looks at the outbox again now (new rows, or a token accepted again).
    void wake();
    /// Starts stopping: with `flush`, run() goes on until no row is due, else it ends at its
    /// next wait. Call finish() next.
    void begin_stop(bool flush);
    /// Waits until no row is due or `limit` has passed, then cancels the requests in flight and
    /// ends run().
    asio::awaitable<void> finish(std::chrono::milliseconds limit);

  private:
    /// What a successful attempt did with the row.
    enum class Done {
        Sent,      // the homeserver has it: mark it sent
        Resolved,  // turned into a plain send (upload done, DM room known): send it next pass
    };
    using Attempt = ApiResult<Done>;

    asio::awaitable<void> send_row(storage::OutboxRow row);
    asio::awaitable<Attempt> attempt(const storage::OutboxRow& row);
    // One per outbox kind (storage::OutboxKind).
    asio::awaitable<Attempt> send_event(const storage::OutboxRow& row);
    asio::awaitable<Attempt> redact(const storage::OutboxRow& row);
    asio::awaitable<Attempt> join(const storage::OutboxRow& row);
    asio::awaitable<Attempt> leave(const storage::OutboxRow& row);
    asio::awaitable<Attempt> account_data(const storage::OutboxRow& row);
    asio::awaitable<Attempt> upload_then_send(const storage::OutboxRow& row);
    asio::awaitable<Attempt> direct_message(const storage::OutboxRow& row);

    void mark_sent(const storage::OutboxRow& row);
    void on_failure(const storage::OutboxRow& row, const ApiError& e);
    /// Marks the row failed and queues its `on_fail` follow-up, in one transaction.
    void give_up(const storage::OutboxRow& row, const ApiError& e);
    void prune(std::int64_t now);
    std::int64_t now_ms() const { return services_.now_ms(); }

    enum class State { Running, Flushing, Stopped };

    commands::Services& services_;
    MatrixClient& api_;
    DirectRooms& direct_rooms_;
    TokenKeeper& tokens_;
    BotMetrics& metrics_;
    Options opts_;
    asio::io_context& io_;
    asio::steady_timer timer_;
    State state_ = State::Running;
    std::int64_t last_prune_ = 0;
};

}  // namespace dialoog::net
