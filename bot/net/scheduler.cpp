#include "bot/net/scheduler.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "bot/engine/job_runner.hpp"
#include "bot/net/backoff.hpp"
#include "storage/jobs.hpp"

namespace dialoog::net {

using namespace std::chrono_literals;

Scheduler::Scheduler(asio::io_context& io, commands::Services& services,
                     std::function<void()> on_fired)
    : services_(services), on_fired_(std::move(on_fired)), timer_(io) {}

void Scheduler::wake() {
    timer_.cancel();
}

void Scheduler::stop() {
    stopped_ = true;
    timer_.cancel();
}

asio::awaitable<void> Scheduler::run() {
    while (!stopped_) {
        const std::int64_t now = services_.now_ms();
        auto next = storage::Jobs(services_.db).next_due_at();
        if (next && *next <= now) {
            bool ok = false;
            try {
                auto st = engine::run_due_jobs(services_, now);
                ok = true;
                if ((st.fired || st.failed) && on_fired_) on_fired_();
            } catch (const std::exception& e) {
                spdlog::error("scheduler: could not run due jobs ({}); retrying in 5 s", e.what());
            }
            if (!ok) co_await sleep_for(timer_, 5s);
            continue;
        }
        std::int64_t wait = next ? std::min<std::int64_t>(*next - now, 60000) : 60000;
        co_await sleep_for(timer_, std::chrono::milliseconds(std::max<std::int64_t>(wait, 1)));
    }
}

}  // namespace dialoog::net
