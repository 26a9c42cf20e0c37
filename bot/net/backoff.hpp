#pragma once
// How the bot's loops wait: exponential backoff with jitter between retries, and a sleep on a
// timer that another part of the bot may cancel to wake the loop at once.

#include <chrono>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

namespace dialoog::net {

/// The delay before retry number `failures` (1, 2, …): 1 s × 2^failures, capped at `max`,
/// with full jitter in [50 %, 100 %] of that step.
std::chrono::milliseconds backoff(int failures, std::chrono::milliseconds max);

/// Waits `d` on `timer`. Returns early, without an error, when the timer is cancelled: that is
/// how a loop is woken (new work) or stopped.
boost::asio::awaitable<void> sleep_for(boost::asio::steady_timer& timer,
                                       std::chrono::milliseconds d);

}  // namespace dialoog::net
