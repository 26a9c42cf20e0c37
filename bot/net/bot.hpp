#pragma once
// The running bot: one io_context, and the parts that run on it, each in its own file pair:
//   TokenKeeper   the access token (files, login, whoami, rejection, SIGHUP);
//   SyncLoop      /sync with gap filling, one transaction per batch;
//   OutboxSender  drains the outbox (DirectRooms finds or makes DM rooms);
//   Scheduler     fires due jobs.
// Bot builds them on one database and one config, starts them once a token is accepted, and
// stops them gracefully. All database work happens on the io_context thread between awaits,
// so one SQLite connection serves everything without locks.

#include <chrono>
#include <functional>
#include <memory>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

#include "bot/net/bot_metrics.hpp"
#include "bot/net/bot_parts.hpp"
#include "bot/net/http_client.hpp"
#include "commands/context.hpp"
#include "common/clock.hpp"
#include "config/config.hpp"
#include "storage/database.hpp"

namespace dialoog::commands {
class Dispatcher;
}
namespace dialoog::crypto {
class DeviceIdentity;
}
namespace dialoog::engine {
class SyncProcessor;
}

namespace dialoog::net {

class MatrixClient;
class TokenKeeper;
class SyncLoop;
class OutboxSender;
class DirectRooms;
class Scheduler;
class KeyUploader;
class CrossSigner;

struct BotOptions {
    int sync_timeout_ms = 30000;
    std::chrono::milliseconds max_backoff{60000};
    std::chrono::milliseconds token_recheck{60000};
    /// Between checks of the bot's cross-signing on the server (net/cross_signer.hpp).
    std::chrono::milliseconds cross_signing_recheck{std::chrono::hours(1)};
    std::chrono::milliseconds shutdown_flush{5000};
};

class Bot {
  public:
    /// Opens and migrates the database (throws on failure: start-up error). With
    /// `e2ee.enabled` it also opens the device identity (crypto::open_device_identity) and
    /// throws std::runtime_error with its refusal (e.g. a missing pickle key).
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
    /// The device identity when `e2ee.enabled` (null otherwise).
    const crypto::DeviceIdentity* identity() const { return identity_.get(); }
    /// The cross-signing setter-up when `e2ee.enabled` (null otherwise).
    const CrossSigner* cross_signer() const { return cross_signer_.get(); }
    /// Key uploads the homeserver accepted since start (0 with e2ee off).
    int key_uploads() const;
    /// Called (after a graceful stop) when the bot refuses to go on after start-up: the access
    /// token's device is not the device of the stored encryption identity. main exits 1.
    void on_fatal(std::function<void()> callback) { on_fatal_ = std::move(callback); }
    /// True once the bot refused to go on (see on_fatal).
    bool failed() const { return failed_; }

  private:
    asio::awaitable<void> run_startup();
    /// Replaces the config by one with team aliases resolved, unless a newer config arrived
    /// meanwhile.
    asio::awaitable<void> resolve_aliases();

    asio::io_context& io_;
    BotParts& parts_;
    BotOptions opts_;
    BotMetrics metrics_;
    std::unique_ptr<storage::Database> db_;
    std::unique_ptr<commands::Services> services_;  // holds the current config
    std::unique_ptr<commands::Dispatcher> dispatcher_;
    std::unique_ptr<engine::SyncProcessor> processor_;
    // Two HTTP clients: the long-poll of /sync must not hold up sending.
    std::unique_ptr<HttpClient> sync_http_;
    std::unique_ptr<HttpClient> send_http_;
    std::unique_ptr<MatrixClient> sync_mx_;
    std::unique_ptr<MatrixClient> send_mx_;
    std::unique_ptr<TokenKeeper> tokens_;
    std::unique_ptr<DirectRooms> direct_rooms_;
    std::unique_ptr<OutboxSender> outbox_;
    std::unique_ptr<Scheduler> scheduler_;
    std::unique_ptr<SyncLoop> sync_;
    std::unique_ptr<crypto::DeviceIdentity> identity_;  // with e2ee.enabled only
    std::unique_ptr<KeyUploader> key_uploader_;
    std::unique_ptr<CrossSigner> cross_signer_;
    std::function<void()> on_fatal_;
    bool failed_ = false;
    bool running_ = false;
    bool started_ = false;  // token acquired and whoami passed
};

}  // namespace dialoog::net
