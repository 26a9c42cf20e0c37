#pragma once
// The scheduler loop: one timer waits for the earliest scheduled job (storage::Jobs), then
// engine::run_due_jobs fires every due job in one transaction (docs/architecture.md,
// "Scheduled jobs"). Woken early when jobs may have changed (a stored /sync batch, a new
// config).

#include <functional>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "commands/context.hpp"

namespace dialoog::net {

namespace asio = boost::asio;

class Scheduler {
  public:
    /// `on_fired` runs after a run of jobs that fired or failed (they may have written outbox
    /// rows).
    Scheduler(asio::io_context& io, commands::Services& services, std::function<void()> on_fired);

    /// Fires due jobs until stop(). Waits at most 60 s between looks at the jobs table, and
    /// 5 s after a run that could not be stored.
    asio::awaitable<void> run();
    /// Looks at the jobs table again now.
    void wake();
    /// Ends run() at its next wait.
    void stop();

  private:
    commands::Services& services_;
    std::function<void()> on_fired_;
    asio::steady_timer timer_;
    bool stopped_ = false;
};

}  // namespace dialoog::net
