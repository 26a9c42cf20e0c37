#pragma once
// The running bot: one io_context, three coroutines (sync loop, outbox sender, scheduler)
// and signal handling. All database work happens on the io_context thread between awaits,
// so one SQLite connection serves everything without locks.

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/engine/sync_processor.hpp"
#include "bot/net/http_client.hpp"
#include "bot/net/matrix_client.hpp"
#include "commands/context.hpp"
#include "commands/dispatcher.hpp"
#include "commands/feature.hpp"
#include "commands/registry.hpp"
#include "storage/outbox.hpp"

namespace dialoog::net {

/// Counters for /metrics and tests. Only aggregate numbers: no ids, no names.
struct BotMetrics {
    std::int64_t events_handled = 0;
    std::int64_t sync_batches = 0;
    std::int64_t sync_errors = 0;
    std::int64_t sends_ok = 0;
    std::int64_t sends_failed = 0;
    std::int64_t rate_limited = 0;  // 429s received
    std::int64_t last_sync_ok_ms = 0;
    std::int64_t unreachable_since_ms = 0;  // 0 while the homeserver answers
    bool token_invalid = false;
};

/// Everything the bot needs that outlives one config: features, texts, commands, jobs.
struct BotParts {
    std::vector<std::unique_ptr<commands::Feature>> features;
    commands::Catalogue texts;
    commands::Registry registry;
    commands::JobRegistry jobs;
};

/// Builds the parts from a list of features (registers texts, commands and jobs).
std::unique_ptr<BotParts> make_parts(std::vector<std::unique_ptr<commands::Feature>> features);
/// The YAML sections all features contribute (for the config loader).
std::vector<config::SectionSchema> config_sections(const BotParts& parts);

struct BotOptions {
    int sync_timeout_ms = 30000;
    std::chrono::milliseconds max_backoff{60000};
    std::chrono::milliseconds token_recheck{60000};
    std::chrono::milliseconds shutdown_flush{5000};
};

class Bot {
  public:
    /// Opens and migrates the database (throws on failure: start-up error).
    Bot(asio::io_context& io, std::shared_ptr<const config::Config> cfg, BotParts& parts,
        const Clock& clock, BotOptions opts = {});
    ~Bot();

    /// Starts the coroutines. Returns at once; run the io_context to drive them.
    void start();
    /// Graceful stop: ends syncing, flushes the outbox up to opts.shutdown_flush, then stops
    /// the coroutines; `on_stopped` runs when done.
    void stop(std::function<void()> on_stopped = {});
    /// SIGHUP: re-read the token (and, via the callback, the config).
    void reload_token();
    /// Swaps in a new validated config (SIGHUP). The database path must not change.
    void set_config(std::shared_ptr<const config::Config> cfg);

    const BotMetrics& metrics() const { return metrics_; }
    asio::io_context& io() { return io_; }  // for the health listener
    storage::Database& db() { return *db_; }
    commands::Services& services() { return *services_; }
    bool token_valid() const { return !metrics_.token_invalid; }

  private:
    asio::awaitable<void> run_startup();
    asio::awaitable<void> sync_loop();
    asio::awaitable<void> outbox_loop();
    asio::awaitable<void> scheduler_loop();
    asio::awaitable<void> token_watch();
    asio::awaitable<bool> acquire_token();
    asio::awaitable<void> resolve_aliases();
    /// Fetches the events of limited timelines; the first error when a gap stayed open.
    asio::awaitable<std::optional<ApiError>> fill_gaps(matrix::SyncResponse& resp,
                                                       const std::string& since);
    asio::awaitable<void> send_row(storage::OutboxRow row);
    asio::awaitable<void> sleep(asio::steady_timer& t, std::chrono::milliseconds d);
    void on_token_invalid(const ApiError& e);
    void wake_outbox();
    void wake_scheduler();
    std::chrono::milliseconds backoff(int failures) const;
    std::int64_t now_ms() const { return to_epoch_ms(clock_.now()); }

    asio::io_context& io_;
    std::shared_ptr<const config::Config> cfg_;
    BotParts& parts_;
    const Clock& clock_;
    BotOptions opts_;
    std::unique_ptr<storage::Database> db_;
    std::unique_ptr<commands::Services> services_;
    std::unique_ptr<commands::Dispatcher> dispatcher_;
    std::unique_ptr<engine::SyncProcessor> processor_;
    std::unique_ptr<HttpClient> sync_http_;
    std::unique_ptr<HttpClient> send_http_;
    std::unique_ptr<MatrixClient> sync_mx_;
    std::unique_ptr<MatrixClient> send_mx_;
    asio::steady_timer outbox_timer_;
    asio::steady_timer scheduler_timer_;
    asio::steady_timer sync_timer_;
    asio::steady_timer token_timer_;
    BotMetrics metrics_;
    bool running_ = false;
    bool flushing_ = false;
    bool started_ = false;  // token acquired and whoami passed
    std::string token_;
    std::string filter_;
};

}  // namespace dialoog::net
