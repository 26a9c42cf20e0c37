#pragma once
// Sets up and keeps the bot's cross-signing (Matrix spec, Client-Server API, "End-to-End
// Encryption" > "Cross-signing"; crypto/cross_signing.hpp): once the device keys are
// published, it asks the server what it holds of the bot's keys (POST /keys/query), makes the
// identity on the first start, uploads the master and self-signing keys
// (POST /keys/device_signing/upload, answering interactive authentication with the password
// from bot.password_file when the server asks), signs the device (POST
// /keys/signatures/upload) and checks the result; then it checks again every hour.
//
// It never replaces keys the server holds by itself: when the server has a master key that is
// not the bot's, it logs what the admin can do (`dialoogbot crypto reset-identity`) and waits.
// Each step is saved before the next, so a crash anywhere resumes where it stopped: resending
// the same keys is accepted without a password (the server compares them).

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/net/matrix_client.hpp"
#include "bot/net/token_keeper.hpp"
#include "common/clock.hpp"
#include "config/config.hpp"
#include "crypto/cross_signing.hpp"
#include "crypto/device_identity.hpp"
#include "storage/database.hpp"

namespace dialoog::net {

class CrossSigner {
  public:
    struct Options {
        std::chrono::milliseconds max_backoff{60000};
        /// Between checks once the device is cross-signed, and between tries while the admin
        /// must act (a foreign master key, a password that is missing or refused).
        std::chrono::milliseconds recheck{std::chrono::hours(1)};
    };

    /// `stored` is the identity CrossSigning::open found (nullopt: none yet). `cfg` is read at
    /// each use (SIGHUP may swap it; the recovery file's path comes from it).
    CrossSigner(asio::io_context& io, crypto::DeviceIdentity& identity,
                std::optional<crypto::CrossSigning> stored, storage::Database& db,
                const std::shared_ptr<const config::Config>& cfg, MatrixClient& api,
                TokenKeeper& tokens, const Clock& clock, Options opts);

    /// Works until stop(); waits (woken by wake()) while the device keys are not published.
    asio::awaitable<void> run();
    /// New facts: the device keys were published, or SIGHUP (a new password file).
    void wake();
    /// Ends run() at its next wait.
    void stop();

    /// What the last check showed; nullopt before the first check.
    std::optional<crypto::ServerView> last_view() const { return last_view_; }
    /// The stored identity, if any (for status and tests).
    const crypto::CrossSigning* identity() const { return stored_ ? &*stored_ : nullptr; }

  private:
    enum class Step { Done, Retry, WaitForAdmin };
    /// One pass: query, create, upload, sign, check. Says how to wait before the next.
    asio::awaitable<Step> pass();
    asio::awaitable<Step> upload_keys();
    asio::awaitable<Step> sign_device();
    /// Handles a failed call: a rejected token goes to the TokenKeeper, the rest is logged.
    Step failed(const char* doing, const ApiError& e);
    /// Logs `message` at error level once per distinct message (repeats go to debug).
    void tell_admin(const std::string& message);

    crypto::DeviceIdentity& identity_;
    std::optional<crypto::CrossSigning> stored_;
    storage::Database& db_;
    const std::shared_ptr<const config::Config>& cfg_;
    MatrixClient& api_;
    TokenKeeper& tokens_;
    const Clock& clock_;
    Options opts_;
    asio::steady_timer timer_;
    bool stopped_ = false;
    bool woken_ = false;
    std::optional<crypto::ServerView> last_view_;
    std::string last_told_;
};

}  // namespace dialoog::net
