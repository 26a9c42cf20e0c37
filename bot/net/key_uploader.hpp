#pragma once
// Publishes the bot device's keys (Matrix spec, Client-Server API, "End-to-End Encryption" >
// "Uploading keys" and "One-time and fallback keys"): once logged in, `device_keys` (once per
// device) and what was generated but not yet published; after that whenever a /sync batch
// says the one-time keys run low or the fallback key was used. crypto::DeviceIdentity decides
// what to upload and saves it before the request (persist before upload, mark published
// after); this class makes the calls, one at a time, with the retry rules of the other loops:
// a failure waits with backoff (or Retry-After) and tries again, a rejected token waits for
// a new one; the sync loop never waits for it.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/net/matrix_client.hpp"
#include "bot/net/token_keeper.hpp"
#include "crypto/device_identity.hpp"

namespace dialoog::net {

class KeyUploader {
  public:
    struct Options {
        std::chrono::milliseconds max_backoff{60000};
    };

    /// `identity` is the opened device (crypto::open_device_identity); `api` makes the
    /// /keys/upload calls. `sync_requests_started` returns how many /sync requests the sync
    /// loop has sent so far (SyncLoop::requests_started): counts from a /sync requested before
    /// an upload finished are out of date and ignored.
    KeyUploader(asio::io_context& io, crypto::DeviceIdentity& identity, MatrixClient& api,
                TokenKeeper& tokens, std::function<std::uint64_t()> sync_requests_started,
                Options opts);

    /// Uploads until stop(): first what is pending (device keys, unpublished keys), topping
    /// up one-time keys from the answer; then on each note_sync() that needs it.
    asio::awaitable<void> run();
    /// A stored /sync batch said `counts`; `sync_request` is the number of the /sync request
    /// it answered (1-based, SyncLoop::requests_started() when it was sent). Wakes run() when
    /// keys are low or the fallback key is missing.
    void note_sync(const crypto::KeyCounts& counts, std::uint64_t sync_request);
    /// Ends run() at its next wait.
    void stop();

    /// Uploads the server accepted (for tests and logs).
    int uploads_done() const { return uploads_done_; }

  private:
    /// True when `counts` ask for new keys now.
    bool needs_keys(const crypto::KeyCounts& counts) const;

    crypto::DeviceIdentity& identity_;
    MatrixClient& api_;
    TokenKeeper& tokens_;
    std::function<std::uint64_t()> sync_requests_started_;
    Options opts_;
    asio::steady_timer timer_;
    bool stopped_ = false;
    std::optional<crypto::KeyCounts> pending_;
    std::uint64_t pending_request_ = 0;  // the /sync request pending_ came from (0: upload)
    std::uint64_t stale_through_ = 0;    // /sync requests sent before the last upload finished
    int uploads_done_ = 0;
};

}  // namespace dialoog::net
