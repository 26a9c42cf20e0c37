#pragma once
// The bot's access token: where it comes from (DIALOOGBOT_ACCESS_TOKEN, bot.access_token_file,
// or a password login with bot.password_file), whether the homeserver accepts it (whoami), and
// what happens when it stops doing so: syncing and sending pause, the bot stays up, and the
// token is read again every `recheck` and at once on SIGHUP (docs/admin.en.md).

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange
#include <vector>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/net/bot_metrics.hpp"
#include "bot/net/matrix_client.hpp"
#include "common/clock.hpp"
#include "config/config.hpp"

namespace dialoog::net {

class TokenKeeper {
  public:
    struct Options {
        std::chrono::milliseconds recheck{60000};      // re-read an invalid token this often
        std::chrono::milliseconds max_backoff{60000};  // between start-up tries
    };

    /// `cfg` is read at each use (a SIGHUP may swap it). `api` makes the login and whoami
    /// calls; every client in `clients` (including `api`) gets the token. Writes
    /// metrics.token_invalid and metrics.unreachable_since_ms. `on_valid_again` runs when a
    /// new token is accepted after the old one was rejected (the outbox waits for that).
    TokenKeeper(asio::io_context& io, const std::shared_ptr<const config::Config>& cfg,
                MatrixClient& api, std::vector<MatrixClient*> clients, BotMetrics& metrics,
                const Clock& clock, Options opts, std::function<void()> on_valid_again);

    /// Start-up: tries until a token is accepted, waiting with backoff while the homeserver is
    /// unreachable and for a new token while it is rejected. False when stopped first.
    asio::awaitable<bool> establish();
    /// While the token is rejected: re-reads it every `recheck` (or at once after reload())
    /// until one is accepted or stop() is called; then runs on_valid_again.
    asio::awaitable<void> wait_until_valid();
    /// Records that the homeserver refused the token (M_UNKNOWN_TOKEN or 401 on any call):
    /// logs once what to do, and valid() turns false.
    void reject(const ApiError& e);
    /// False from a rejection until a token is accepted again.
    bool valid() const { return !metrics_.token_invalid; }
    /// SIGHUP: while the token is rejected, read it again now.
    void reload();
    /// Ends establish() and wait_until_valid() at their next wait.
    void stop();
    /// The device id whoami reported for the accepted token ("" before one was accepted, or
    /// when the homeserver did not say). End-to-end encryption checks it against its device.
    const std::string& device_id() const { return device_id_; }
    /// A SECRET: the bot's password from bot.password_file (read now; nullopt when not
    /// configured or unreadable), registered with the log filter. For interactive
    /// authentication (cross-signing keys), never logged.
    std::optional<std::string> password() const;

  private:
    /// One try: reads the token (or logs in), sets it on the clients, checks it with whoami.
    asio::awaitable<bool> acquire();
    /// Reads the token from the environment or bot.access_token_file, else logs in with
    /// bot.password_file; nullopt (and a log line) when none could be had.
    asio::awaitable<std::optional<std::string>> read_or_login();
    /// Checks the token with whoami: it must belong to bot.user_id.
    asio::awaitable<bool> check(const std::string& token);
    void mark_invalid(std::string_view why);
    std::int64_t now_ms() const { return to_epoch_ms(clock_.now()); }

    const std::shared_ptr<const config::Config>& cfg_;
    MatrixClient& api_;
    std::vector<MatrixClient*> clients_;
    BotMetrics& metrics_;
    const Clock& clock_;
    Options opts_;
    std::function<void()> on_valid_again_;
    asio::steady_timer timer_;
    bool stopped_ = false;
    std::string device_id_;
};

}  // namespace dialoog::net
