#include "bot/net/sync_loop.hpp"

#include <spdlog/spdlog.h>

#include "bot/net/backoff.hpp"
#include "bot/net/gap_filler.hpp"

namespace dialoog::net {

namespace {

// Timeline events per room per sync; the rest comes through gap filling.
constexpr const char* kFilter =
    R"({"presence":{"not_types":["*"]},"account_data":{"types":["m.direct"]},)"
    R"("room":{"ephemeral":{"not_types":["*"]},"account_data":{"not_types":["*"]},)"
    R"("timeline":{"limit":100},"state":{"lazy_load_members":false}}})";

// How often a batch whose gap could not be filled is fetched again before it is stored anyway.
constexpr int kGapRetries = 5;

}  // namespace

SyncLoop::SyncLoop(asio::io_context& io, MatrixClient& api, engine::SyncProcessor& processor,
                   TokenKeeper& tokens, BotMetrics& metrics, const Clock& clock, Options opts,
                   std::function<void()> on_stored)
    : api_(api),
      processor_(processor),
      tokens_(tokens),
      metrics_(metrics),
      clock_(clock),
      opts_(opts),
      on_stored_(std::move(on_stored)),
      timer_(io) {}

void SyncLoop::stop() {
    stopped_ = true;
    api_.cancel_all();
    timer_.cancel();
}

asio::awaitable<void> SyncLoop::run() {
    int gap_retries = 0;
    while (!stopped_) {
        if (!tokens_.valid()) {
            co_await tokens_.wait_until_valid();
            continue;
        }
        auto since = processor_.next_batch();
        const bool initial = !since.has_value();
        const int timeout_ms = initial ? 0 : opts_.timeout_ms;
        const std::uint64_t request = ++requests_started_;
        auto r = co_await api_.sync(since, kFilter, timeout_ms);
        if (stopped_) break;
        if (!r) {
            auto delay = after_sync_error(r.error());
            if (delay) co_await sleep_for(timer_, *delay);
            continue;
        }
        auto parsed = matrix::parse_sync_response(r.value());
        if (!parsed) {
            ++metrics_.sync_errors;
            auto delay = backoff(++failures_, opts_.max_backoff);
            spdlog::warn("sync response unusable ({}); next try in {} ms", parsed.error().message,
                         delay.count());
            co_await sleep_for(timer_, delay);
            continue;
        }
        if (parsed->dropped_events)
            spdlog::warn("sync: skipped {} malformed events", parsed->dropped_events);
        // Most batches have no gap: only a limited timeline costs /messages calls.
        const bool gaps = !initial && has_gaps(parsed.value());
        if (gaps) {
            auto gap_error = co_await fill_gaps(api_, parsed.value(), *since);
            if (stopped_) break;
            // Storing this batch would move past the gap for good and lose the commands in it:
            // sync again from the same position a few times before settling for what we have.
            if (gap_error && gap_retries < kGapRetries) {
                ++gap_retries;
                auto delay = gap_error->retry_after_ms
                                 ? std::chrono::milliseconds(*gap_error->retry_after_ms)
                                 : backoff(gap_retries, opts_.max_backoff);
                spdlog::warn("sync gap not filled; syncing again from the same position in {} ms",
                             delay.count());
                co_await sleep_for(timer_, delay);
                continue;
            }
            if (gap_error)
                spdlog::warn("sync gap still open after {} tries; messages may stay unanswered",
                             gap_retries + 1);
        }
        if (stopped_) break;
        if (!store(parsed.value(), initial)) {
            co_await sleep_for(timer_, backoff(++failures_, opts_.max_backoff));
            continue;
        }
        if (logged_unreachable_) spdlog::info("syncing again");
        logged_unreachable_ = false;
        failures_ = 0;
        gap_retries = 0;
        ++metrics_.sync_batches;
        metrics_.last_sync_ok_ms = now_ms();
        metrics_.unreachable_since_ms = 0;
        if (on_stored_) on_stored_();
        if (observer_) observer_(parsed.value(), request);
    }
}

std::optional<std::chrono::milliseconds> SyncLoop::after_sync_error(const ApiError& e) {
    if (e.token_rejected()) {
        tokens_.reject(e);
        return std::nullopt;
    }
    ++metrics_.sync_errors;
    if (e.rate_limited()) ++metrics_.rate_limited;
    if (e.http_status == 0 && !metrics_.unreachable_since_ms)
        metrics_.unreachable_since_ms = now_ms();
    auto delay = e.retry_after_ms ? std::chrono::milliseconds(*e.retry_after_ms)
                                  : backoff(++failures_, opts_.max_backoff);
    if (!logged_unreachable_ || failures_ % 10 == 0)
        spdlog::warn("sync failed ({} {}: {}); next try in {} ms", e.http_status, e.errcode,
                     e.message, delay.count());
    logged_unreachable_ = true;
    return delay;
}

bool SyncLoop::store(const matrix::SyncResponse& batch, bool initial) {
    try {
        auto st = processor_.process(batch, initial);
        metrics_.events_handled += st.handled;
        if (initial)
            spdlog::info("first start: {} rooms, {} invites; earlier messages are not replayed",
                         batch.join.size(), batch.invite.size());
        if (st.too_old) spdlog::info("skipped {} commands older than catch_up_max_age", st.too_old);
        return true;
    } catch (const std::exception& e) {
        ++metrics_.sync_errors;
        spdlog::error("could not store sync batch ({}); retrying", e.what());
        return false;
    }
}

}  // namespace dialoog::net
