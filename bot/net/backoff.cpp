#include "bot/net/backoff.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <cstdint>
#include <random>

namespace dialoog::net {

std::chrono::milliseconds backoff(int failures, std::chrono::milliseconds max) {
    std::int64_t base = 1000LL << std::min(failures, 16);
    base = std::min<std::int64_t>(base, max.count());
    static thread_local std::mt19937_64 rng{std::random_device{}()};
    std::uniform_int_distribution<std::int64_t> dist(base / 2, base);
    return std::chrono::milliseconds(dist(rng));
}

boost::asio::awaitable<void> sleep_for(boost::asio::steady_timer& timer,
                                       std::chrono::milliseconds d) {
    timer.expires_after(d);
    boost::system::error_code ec;
    co_await timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
}

}  // namespace dialoog::net
