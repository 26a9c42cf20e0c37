#pragma once
// Optional HTTP listener for monitoring: GET /healthz and GET /metrics
// (Prometheus text format 0.0.4). Boost.Beast, one coroutine per connection, on the bot's own
// io_context: every database read happens on the io_context thread between awaits, like the
// rest of the bot, so it needs no locks. Default bind 127.0.0.1 (health.bind in the YAML).
//
// Privacy: only aggregate numbers and fixed vocabulary leave this listener (command names,
// placeholder types); no user id, room id, event id or text, not even in a 503 reason.

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/io_context.hpp>

#include "bot/net/bot.hpp"
#include "common/clock.hpp"
#include "storage/database.hpp"
#include "storage/outbox.hpp"

namespace dialoog::net {

/// What /healthz needs to know about the outbox (one small query, see read_outbox_facts).
using OutboxFacts = storage::OutboxHealth;

struct HealthThresholds {
    /// Unreachable homeserver, or no successful /sync, for longer than this: unhealthy.
    std::chrono::milliseconds unreachable_after{std::chrono::minutes(5)};
    /// A due outbox row waiting longer than this: "outbox stuck".
    std::chrono::milliseconds outbox_stuck_after{std::chrono::minutes(10)};
};

struct HealthStatus {
    int code = 200;             // 200 or 503
    std::string reason = "ok";  // short, English, no personal data
    bool ok() const { return code == 200; }
};

/// The decision behind /healthz, as a pure function. `started_ms`: when this process started
/// (a bot that never synced is "starting" until the unreachable threshold has passed).
/// Order: token invalid, never synced, homeserver unreachable, no successful sync, outbox stuck.
HealthStatus health_status(const BotMetrics& m, const OutboxFacts& outbox, std::int64_t now_ms,
                           std::int64_t started_ms, const HealthThresholds& t = {});

/// Pending and failed row counts and the oldest due pending row (storage::Outbox::health).
OutboxFacts read_outbox_facts(storage::Database& db, std::int64_t now_ms);

/// Everything /metrics prints besides BotMetrics and the process-wide counters.
struct MetricsFacts {
    OutboxFacts outbox;
    std::int64_t jobs_due = 0;    // scheduled jobs with due_at <= now
    std::int64_t jobs_total = 0;  // all scheduled jobs
    HealthStatus health;
    std::int64_t now_ms = 0;
    std::int64_t started_ms = 0;
    std::int64_t rss_bytes = -1;  // -1 when /proc/self/statm cannot be read
};

/// Prometheus text exposition of `m`, `f` and every common/counters.hpp family.
std::string render_metrics(const BotMetrics& m, const MetricsFacts& f);

/// Resident set size of this process from /proc/self/statm; -1 when unavailable.
std::int64_t process_rss_bytes();

struct HealthOptions {
    std::string bind = "127.0.0.1";
    unsigned short port = 9464;  // 0: any free port (tests)
    HealthThresholds thresholds;
    int max_connections = 16;                                        // more are closed at once
    std::chrono::milliseconds io_timeout{std::chrono::seconds(10)};  // per request
};

/// Options from the validated config (health.bind, health.port).
HealthOptions health_options(const config::HealthConfig& c);

class HealthServer {
  public:
    /// Does not bind yet; `bot` and `clock` must outlive the server (or stop() it first).
    HealthServer(asio::io_context& io, Bot& bot, const Clock& clock, HealthOptions opts);
    ~HealthServer();
    HealthServer(const HealthServer&) = delete;
    HealthServer& operator=(const HealthServer&) = delete;

    /// Binds and starts accepting. False, with the error logged, when it cannot bind (the bot
    /// keeps running without the listener).
    bool start();
    /// Closes the listener; open connections get 503 "stopping" and close. Idempotent.
    void stop();
    /// The bound port (useful with port 0); 0 before start().
    unsigned short port() const;
    const HealthOptions& options() const;

    struct Response {
        int status = 200;
        std::string content_type = "text/plain; charset=utf-8";
        std::string body;
    };
    /// The response to one request, without sockets (used by the sessions and by tests).
    Response handle(std::string_view method, std::string_view target);

    struct State;  // shared with the connection coroutines

  private:
    std::shared_ptr<State> state_;
};

}  // namespace dialoog::net
