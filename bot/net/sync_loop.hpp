#pragma once
// The sync loop: long-polls /sync, fills gaps in limited timelines, and hands each batch to
// engine::SyncProcessor, which stores it in one transaction (docs/architecture.md, "Exactly
// once"). Failures back off and retry from the same position; a rejected token pauses the loop
// until TokenKeeper has a valid one.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/engine/sync_processor.hpp"
#include "bot/net/bot_metrics.hpp"
#include "bot/net/matrix_client.hpp"
#include "bot/net/token_keeper.hpp"
#include "common/clock.hpp"

namespace dialoog::net {

class SyncLoop {
  public:
    struct Options {
        int timeout_ms = 30000;  // long-poll time of an incremental /sync
        std::chrono::milliseconds max_backoff{60000};
    };

    /// `api` is a client of its own: stop() cancels its long-poll. Writes the sync counters
    /// of `metrics` (batches, errors, rate_limited, last_sync_ok_ms, unreachable_since_ms,
    /// events_handled). `on_stored` runs after each stored batch (it may have written outbox
    /// rows and jobs).
    SyncLoop(asio::io_context& io, MatrixClient& api, engine::SyncProcessor& processor,
             TokenKeeper& tokens, BotMetrics& metrics, const Clock& clock, Options opts,
             std::function<void()> on_stored);

    /// Syncs until stop(). The first /sync of a fresh database (no next_batch) does not
    /// long-poll and does not replay history (SyncProcessor::process, `initial`).
    asio::awaitable<void> run();
    /// Ends run(): cancels the request in flight and any wait.
    void stop();

    /// Runs after each stored batch with the batch and the number of the /sync request that
    /// returned it (see requests_started); the key uploader reads the one-time key counts
    /// from it (`device_one_time_keys_count`, `device_unused_fallback_key_types`).
    using BatchObserver = std::function<void(const matrix::SyncResponse&, std::uint64_t)>;
    void set_batch_observer(BatchObserver observer) { observer_ = std::move(observer); }
    /// How many /sync requests run() has sent so far (the first is number 1).
    std::uint64_t requests_started() const { return requests_started_; }

  private:
    /// The wait before the next try after a failed /sync, counting it in metrics; nullopt when
    /// the token was rejected (then run() waits for a new one).
    std::optional<std::chrono::milliseconds> after_sync_error(const ApiError& e);
    /// Stores one batch; false (logged) when the transaction failed and the batch must be
    /// fetched again.
    bool store(const matrix::SyncResponse& batch, bool initial);
    std::int64_t now_ms() const { return to_epoch_ms(clock_.now()); }

    MatrixClient& api_;
    engine::SyncProcessor& processor_;
    TokenKeeper& tokens_;
    BotMetrics& metrics_;
    const Clock& clock_;
    Options opts_;
    std::function<void()> on_stored_;
    BatchObserver observer_;
    std::uint64_t requests_started_ = 0;
    asio::steady_timer timer_;
    bool stopped_ = false;
    int failures_ = 0;
    bool logged_unreachable_ = false;
};

}  // namespace dialoog::net
