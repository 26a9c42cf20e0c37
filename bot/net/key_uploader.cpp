#include "bot/net/key_uploader.hpp"

#include <spdlog/spdlog.h>

#include "bot/net/backoff.hpp"

namespace dialoog::net {

namespace {
// Between checks while idle: note_sync() wakes the loop earlier when there is work.
constexpr std::chrono::hours kIdle{1};
}  // namespace

KeyUploader::KeyUploader(asio::io_context& io, crypto::DeviceIdentity& identity, MatrixClient& api,
                         TokenKeeper& tokens, std::function<std::uint64_t()> sync_requests_started,
                         Options opts)
    : identity_(identity),
      api_(api),
      tokens_(tokens),
      sync_requests_started_(std::move(sync_requests_started)),
      opts_(opts),
      timer_(io) {}

void KeyUploader::stop() {
    stopped_ = true;
    timer_.cancel();
}

bool KeyUploader::needs_keys(const crypto::KeyCounts& counts) const {
    if (counts.fallback_key_missing) return true;
    return counts.one_time_keys && crypto::one_time_keys_to_generate(
                                       *counts.one_time_keys, identity_.unpublished_one_time_keys(),
                                       identity_.max_one_time_keys()) > 0;
}

void KeyUploader::note_sync(const crypto::KeyCounts& counts, std::uint64_t sync_request) {
    if (sync_request <= stale_through_ || !needs_keys(counts)) return;
    pending_ = counts;
    pending_request_ = sync_request;
    timer_.cancel();
}

asio::awaitable<void> KeyUploader::run() {
    // The first round asks with what the account has (device keys until published, keys
    // generated before a crash); its answer says how many one-time keys the server holds.
    bool first = true;
    int failures = 0;
    while (!stopped_) {
        if (!tokens_.valid()) {
            co_await sleep_for(timer_, backoff(++failures, opts_.max_backoff));
            continue;
        }
        // Counts from a /sync sent before the last upload finished are out of date.
        if (pending_ && pending_request_ != 0 && pending_request_ <= stale_through_)
            pending_.reset();
        if (!first && !pending_) {
            co_await sleep_for(timer_, kIdle);
            continue;
        }
        const crypto::KeyCounts counts = pending_.value_or(crypto::KeyCounts{});
        pending_.reset();
        auto prepared = identity_.prepare_upload(counts);
        if (!prepared) {
            // A libolm or database failure: nothing was marked, the next round tries again.
            spdlog::error("e2ee: cannot prepare the key upload ({}: {})", prepared.error().errcode,
                          prepared.error().message);
            if (!pending_) pending_ = counts;
            co_await sleep_for(timer_, backoff(++failures, opts_.max_backoff));
            continue;
        }
        if (!first && prepared->empty()) continue;
        const matrix::KeysUploadRequest req = std::move(prepared).value();
        auto r = co_await api_.upload_keys(req);
        if (stopped_) break;
        if (!r) {
            const ApiError& e = r.error();
            if (e.token_rejected()) {
                tokens_.reject(e);
            } else {
                auto delay = e.retry_after_ms ? std::chrono::milliseconds(*e.retry_after_ms)
                                              : backoff(failures + 1, opts_.max_backoff);
                // The keys stay unpublished and saved: the retry uploads the same ones.
                spdlog::warn("e2ee: key upload failed ({} {}: {}); next try in {} ms",
                             e.http_status, e.errcode, e.message, delay.count());
                ++failures;
                if (!pending_) pending_ = counts;
                pending_request_ = 0;
                co_await sleep_for(timer_, delay);
                continue;
            }
            if (!pending_) pending_ = counts;
            pending_request_ = 0;
            continue;
        }
        stale_through_ = sync_requests_started_ ? sync_requests_started_() : 0;
        if (pending_ && pending_request_ != 0 && pending_request_ <= stale_through_)
            pending_.reset();
        if (auto marked = identity_.mark_published(req); !marked)
            spdlog::error("e2ee: {}", marked.error().message);
        ++uploads_done_;
        failures = 0;
        if (req.device_keys)
            spdlog::info("e2ee: published the device keys of {} (ed25519 {})",
                         identity_.device_id(),
                         crypto::format_fingerprint(identity_.ed25519_key()));
        if (!req.one_time_keys.empty() || !req.fallback_keys.empty())
            spdlog::info("e2ee: published {} one-time keys{}", req.one_time_keys.size(),
                         req.fallback_keys.empty() ? "" : " and a fallback key");
        first = false;
        // The answer is the freshest count there is: top up from it at once.
        const auto answer = crypto::KeyCounts::from_upload(r.value());
        if (!pending_ && needs_keys(answer)) {
            pending_ = answer;
            pending_request_ = 0;
        }
    }
}

}  // namespace dialoog::net
