#include "bot/net/cross_signer.hpp"

#include <spdlog/spdlog.h>

#include <exception>

#include "bot/net/backoff.hpp"

namespace dialoog::net {

using crypto::ServerView;

namespace {
// While the device keys are not yet published (KeyUploader runs beside this loop).
constexpr std::chrono::milliseconds kWaitForDeviceKeys{1000};
constexpr const char* kDocs = "docs/admin.en.md, \"Encryption\"";
}  // namespace

CrossSigner::CrossSigner(asio::io_context& io, crypto::DeviceIdentity& identity,
                         std::optional<crypto::CrossSigning> stored, storage::Database& db,
                         const std::shared_ptr<const config::Config>& cfg, MatrixClient& api,
                         TokenKeeper& tokens, const Clock& clock, Options opts)
    : identity_(identity),
      stored_(std::move(stored)),
      db_(db),
      cfg_(cfg),
      api_(api),
      tokens_(tokens),
      clock_(clock),
      opts_(opts),
      timer_(io) {}

void CrossSigner::wake() {
    woken_ = true;
    timer_.cancel();
}

void CrossSigner::stop() {
    stopped_ = true;
    timer_.cancel();
}

void CrossSigner::tell_admin(const std::string& message) {
    if (message == last_told_) {
        spdlog::debug("{}", message);
        return;
    }
    last_told_ = message;
    spdlog::error("{}", message);
}

CrossSigner::Step CrossSigner::failed(const char* doing, const ApiError& e) {
    if (e.token_rejected()) {
        tokens_.reject(e);
        return Step::Retry;
    }
    spdlog::warn("e2ee: {} failed ({} {}: {}); trying again", doing, e.http_status, e.errcode,
                 e.message);
    return Step::Retry;
}

asio::awaitable<void> CrossSigner::run() {
    int failures = 0;
    while (!stopped_) {
        if (!tokens_.valid() || !identity_.device_keys_published()) {
            co_await sleep_for(timer_, kWaitForDeviceKeys);
            continue;
        }
        woken_ = false;
        Step step = Step::Retry;
        try {
            step = co_await pass();
        } catch (const std::exception& e) {
            // A database failure: nothing half-done is kept (each save is one transaction).
            spdlog::error("e2ee: cross-signing could not save its state ({}); trying again",
                          e.what());
        }
        if (stopped_) break;
        if (step == Step::Retry) {
            co_await sleep_for(timer_, backoff(++failures, opts_.max_backoff));
            continue;
        }
        failures = 0;
        if (!woken_) co_await sleep_for(timer_, opts_.recheck);
    }
}

asio::awaitable<CrossSigner::Step> CrossSigner::pass() {
    const std::string me = identity_.user_id();
    // Each round asks the server afresh, then takes one step; three rounds cover
    // create + upload, sign, and the final check.
    for (int round = 0; round < 4 && !stopped_; ++round) {
        matrix::KeysQueryRequest own;
        own.users.push_back(me);
        auto q = co_await api_.query_keys(std::move(own));
        if (!q) co_return failed("asking the homeserver for the bot's own keys", q.error());
        const std::string server_master = crypto::published_master_key(*q, me);

        if (!stored_) {
            if (!server_master.empty()) {
                tell_admin(
                    "e2ee: the homeserver holds cross-signing keys for " + me + " (master key " +
                    crypto::format_fingerprint(server_master) +
                    ") that are not in this database, so the bot cannot cross-sign its device "
                    "and Element will not share room keys with it. If they are the bot's, "
                    "restore the database they belong to; otherwise stop the bot and run "
                    "`dialoogbot crypto reset-identity --config …` (replaces them; the server "
                    "will ask for the password in bot.password_file). " +
                    kDocs);
                co_return Step::WaitForAdmin;
            }
            auto made = crypto::CrossSigning::create(db_, identity_.pickle_key(), clock_, me,
                                                     crypto::recovery_file_path(*cfg_), false);
            if (!made) {
                tell_admin("e2ee: " + made.error());
                co_return Step::Retry;
            }
            stored_.emplace(std::move(made).value());
        }
        auto& cs = *stored_;

        if (!cs.row().keys_uploaded) {
            if (server_master == cs.row().master_key) {
                cs.mark_keys_uploaded();  // accepted before a crash or a lost answer
            } else if (!server_master.empty() && !cs.row().replace_on_server) {
                cs.record_server_view(ServerView::ForeignMaster);
                last_view_ = ServerView::ForeignMaster;
                tell_admin("e2ee: the homeserver holds another cross-signing identity for " + me +
                           " (master key " + crypto::format_fingerprint(server_master) +
                           ", the bot's is " + crypto::format_fingerprint(cs.row().master_key) +
                           "). The bot never replaces it by itself: stop it and run "
                           "`dialoogbot crypto reset-identity --config …` to replace it. " +
                           kDocs);
                co_return Step::WaitForAdmin;
            } else {
                const Step s = co_await upload_keys();
                if (s != Step::Done) co_return s;
            }
            continue;
        }

        const ServerView view =
            crypto::inspect_own_keys(*q, me, identity_.device_id(), identity_.ed25519_key(),
                                     cs.row().master_key, cs.row().self_signing_key);
        last_view_ = view;
        switch (view) {
            case ServerView::Signed:
                if (!cs.row().device_signed) cs.set_device_signed(true);
                if (cs.row().server_state != crypto::to_string(view))
                    spdlog::info(
                        "e2ee: device {} is cross-signed (self-signing key {}, master key {})",
                        identity_.device_id(),
                        crypto::format_fingerprint(cs.row().self_signing_key),
                        crypto::format_fingerprint(cs.row().master_key));
                cs.record_server_view(view);
                last_told_.clear();
                co_return Step::Done;
            case ServerView::DeviceNotSigned: {
                cs.record_server_view(view);
                const Step s = co_await sign_device();
                if (s != Step::Done) co_return s;
                continue;
            }
            case ServerView::NoMaster:
            case ServerView::SelfSigningWrong: {
                // Our keys are gone or damaged on the server: send the same ones again.
                cs.record_server_view(view);
                const Step s = co_await upload_keys();
                if (s != Step::Done) co_return s;
                continue;
            }
            case ServerView::ForeignMaster:
                cs.record_server_view(view);
                tell_admin("e2ee: the cross-signing identity of " + me +
                           " was replaced on the homeserver (master key now " +
                           crypto::format_fingerprint(server_master) + ", the bot's is " +
                           crypto::format_fingerprint(cs.row().master_key) +
                           "), so its device no longer counts as cross-signed. The bot does not "
                           "take it back by itself: stop it and run `dialoogbot crypto "
                           "reset-identity --config …`. " +
                           kDocs);
                co_return Step::WaitForAdmin;
            case ServerView::DeviceMissing:
                cs.record_server_view(view);
                spdlog::warn(
                    "e2ee: the homeserver does not list device {} with the bot's keys; "
                    "trying again",
                    identity_.device_id());
                co_return Step::Retry;
        }
    }
    co_return Step::Retry;
}

asio::awaitable<CrossSigner::Step> CrossSigner::upload_keys() {
    auto& cs = *stored_;
    auto r = co_await api_.upload_cross_signing_keys(cs.upload_request(std::nullopt));
    if (!r && r.error().uia) {
        // Synapse asks only when it holds other keys for the user (MSC3967); other servers may
        // always ask. The bot can answer a password stage and nothing else.
        const matrix::UiaChallenge challenge = *r.error().uia;
        if (!challenge.offers_single("m.login.password")) {
            tell_admin(
                "e2ee: to publish the cross-signing keys the homeserver asks for a kind of "
                "login the bot cannot do (no password-only flow). Publish them with an admin "
                "tool or allow password authentication for the bot account. " +
                std::string(kDocs));
            co_return Step::WaitForAdmin;
        }
        auto password = tokens_.password();
        if (!password) {
            tell_admin(
                "e2ee: the homeserver asks for the bot's password to publish its cross-signing "
                "keys, and the bot has none (it uses an access token). Switch it to "
                "bot.password_file (a file with the password, mode 0600, instead of "
                "bot.access_token_file) and send SIGHUP; until then Element will not share "
                "room keys with the bot. " +
                std::string(kDocs));
            co_return Step::WaitForAdmin;
        }
        r = co_await api_.upload_cross_signing_keys(cs.upload_request(
            matrix::password_auth(identity_.user_id(), *password, challenge.session)));
        if (!r && r.error().uia) {
            tell_admin(
                "e2ee: the homeserver refused the password in bot.password_file for "
                "publishing the cross-signing keys (" +
                r.error().errcode + "). Fix the file and send SIGHUP. " + std::string(kDocs));
            co_return Step::WaitForAdmin;
        }
    }
    if (!r) co_return failed("publishing the cross-signing keys", r.error());
    cs.mark_keys_uploaded();
    spdlog::info("e2ee: published the cross-signing keys of {} (master key {})",
                 identity_.user_id(), crypto::format_fingerprint(cs.row().master_key));
    co_return Step::Done;
}

asio::awaitable<CrossSigner::Step> CrossSigner::sign_device() {
    auto& cs = *stored_;
    auto device_keys = identity_.device_keys();
    if (!device_keys) {
        spdlog::error("e2ee: cannot build the device keys to sign ({})",
                      device_keys.error().message);
        co_return Step::Retry;
    }
    auto signed_keys = cs.sign_device(std::move(device_keys).value());
    if (!signed_keys) {
        spdlog::error("e2ee: cannot sign the device keys ({})", signed_keys.error().message);
        co_return Step::Retry;
    }
    matrix::SignaturesUploadRequest req;
    req.signed_keys[identity_.user_id()][identity_.device_id()] = std::move(signed_keys).value();
    auto r = co_await api_.upload_signatures(std::move(req));
    if (!r) co_return failed("publishing the device's cross-signing signature", r.error());
    if (!r->failures.empty()) {
        tell_admin("e2ee: the homeserver did not accept the cross-signing signature of device " +
                   identity_.device_id() + ": " + nlohmann::json(r->failures).dump());
        co_return Step::Retry;
    }
    cs.set_device_signed(true);
    co_return Step::Done;
}

}  // namespace dialoog::net
