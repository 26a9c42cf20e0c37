#include "bot/net/token_keeper.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>

#include "bot/net/backoff.hpp"
#include "common/logging.hpp"

namespace dialoog::net {

namespace {

std::optional<std::string> read_secret_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    while (!s.empty() && (s.front() == ' ')) s.erase(0, 1);
    if (s.empty()) return std::nullopt;
    return s;
}

}  // namespace

TokenKeeper::TokenKeeper(asio::io_context& io, const std::shared_ptr<const config::Config>& cfg,
                         MatrixClient& api, std::vector<MatrixClient*> clients, BotMetrics& metrics,
                         const Clock& clock, Options opts, std::function<void()> on_valid_again)
    : cfg_(cfg),
      api_(api),
      clients_(std::move(clients)),
      metrics_(metrics),
      clock_(clock),
      opts_(opts),
      on_valid_again_(std::move(on_valid_again)),
      timer_(io) {}

asio::awaitable<bool> TokenKeeper::establish() {
    int failures = 0;
    // Note: no co_await inside conditions; g++ 12 miscompiles some of those (SIGILL seen).
    while (!stopped_) {
        bool ok = co_await acquire();
        if (ok) break;
        if (!valid()) {
            co_await wait_until_valid();
            break;
        }
        co_await sleep_for(timer_, backoff(++failures, opts_.max_backoff));
    }
    co_return !stopped_;
}

asio::awaitable<void> TokenKeeper::wait_until_valid() {
    while (!stopped_ && !valid()) {
        co_await sleep_for(timer_, opts_.recheck);
        if (stopped_) break;
        bool ok = co_await acquire();
        if (ok) break;
    }
    if (on_valid_again_) on_valid_again_();
}

void TokenKeeper::reload() {
    if (!valid()) timer_.cancel();  // wait_until_valid re-reads at once
}

void TokenKeeper::stop() {
    stopped_ = true;
    timer_.cancel();
}

void TokenKeeper::reject(const ApiError& e) {
    mark_invalid(e.errcode);
}

void TokenKeeper::mark_invalid(std::string_view why) {
    if (valid()) {
        const auto& bot = cfg_->bot;
        if (bot.password_file && !bot.access_token_file && !std::getenv("DIALOOGBOT_ACCESS_TOKEN"))
            // A newcomer saw "put a valid token in <password file>" after a wrong password.
            spdlog::error(
                "the homeserver refused the bot's login or its token ({}). dialoogbot pauses "
                "syncing and sending and stays up. Check the password in {} (bot.password_file) "
                "and send SIGHUP, or wait: the file is re-read every {} s.",
                why, *bot.password_file, opts_.recheck.count() / 1000);
        else
            spdlog::error(
                "the homeserver rejected the access token ({}). dialoogbot pauses syncing and "
                "sending and stays up. Put a valid token in {} and send SIGHUP, or wait: the "
                "file is re-read every {} s.",
                why, bot.access_token_file.value_or("DIALOOGBOT_ACCESS_TOKEN"),
                opts_.recheck.count() / 1000);
    }
    metrics_.token_invalid = true;
}

std::optional<std::string> TokenKeeper::password() const {
    const auto& file = cfg_->bot.password_file;
    if (!file) return std::nullopt;
    auto password = read_secret_file(*file);
    if (password) add_log_secret(*password);
    return password;
}

asio::awaitable<bool> TokenKeeper::acquire() {
    auto token = co_await read_or_login();
    if (!token) co_return false;
    bool ok = co_await check(*token);
    co_return ok;
}

asio::awaitable<std::optional<std::string>> TokenKeeper::read_or_login() {
    const auto& bot = cfg_->bot;
    std::optional<std::string> token;
    if (const char* env = std::getenv("DIALOOGBOT_ACCESS_TOKEN"); env && *env) token = env;
    if (!token && bot.access_token_file) token = read_secret_file(*bot.access_token_file);
    if (!token && bot.password_file) {
        auto password = read_secret_file(*bot.password_file);
        if (!password) {
            spdlog::error("cannot read bot.password_file {}", *bot.password_file);
            co_return std::nullopt;
        }
        add_log_secret(*password);
        matrix::LoginRequest req;
        req.user = bot.user_id;
        req.password = *password;
        req.device_id = bot.device_id;
        auto r = co_await api_.login(std::move(req));
        if (!r) {
            if (r.error().http_status == 403) {
                reject(r.error());
            } else {
                spdlog::warn("login failed ({}); retrying", r.error().errcode);
            }
            co_return std::nullopt;
        }
        token = std::move(r->access_token);
    }
    if (!token || token->empty()) {
        mark_invalid("no_token");
        co_return std::nullopt;
    }
    co_return token;
}

asio::awaitable<bool> TokenKeeper::check(const std::string& token) {
    const auto& bot = cfg_->bot;
    add_log_secret(token);
    for (auto* c : clients_) c->set_access_token(token);
    auto who = co_await api_.whoami();
    if (!who) {
        const ApiError& e = who.error();
        if (e.token_rejected()) {
            reject(e);
        } else {
            if (!metrics_.unreachable_since_ms) metrics_.unreachable_since_ms = now_ms();
            spdlog::warn("homeserver {} not reachable for whoami ({}: {}); retrying",
                         cfg_->homeserver, e.errcode, e.message);
        }
        co_return false;
    }
    metrics_.unreachable_since_ms = 0;
    if (who->user_id != bot.user_id) {
        spdlog::error("the access token belongs to {}, but bot.user_id is {}; fix the config",
                      who->user_id, bot.user_id);
        mark_invalid("wrong_user");
        co_return false;
    }
    const std::string dev = who->device_id.value_or("");
    device_id_ = dev;
    if (!dev.empty() && dev != bot.device_id)
        spdlog::warn(
            "the token's device is {}, config says {}: transaction ids are per device, "
            "so keep one device",
            dev, bot.device_id);
    if (!valid()) spdlog::info("valid access token found: resuming");
    metrics_.token_invalid = false;
    spdlog::info("logged in as {} on {}", who->user_id, cfg_->homeserver);
    co_return true;
}

}  // namespace dialoog::net
