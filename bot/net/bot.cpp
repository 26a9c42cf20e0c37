#include "bot/net/bot.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>

#include <spdlog/spdlog.h>

#include <stdexcept>

#include "bot/engine/sync_processor.hpp"
#include "bot/net/alias_resolver.hpp"
#include "bot/net/cross_signer.hpp"
#include "bot/net/direct_rooms.hpp"
#include "bot/net/key_uploader.hpp"
#include "bot/net/matrix_client.hpp"
#include "bot/net/outbox_sender.hpp"
#include "bot/net/scheduler.hpp"
#include "bot/net/sync_loop.hpp"
#include "bot/net/token_keeper.hpp"
#include "commands/dispatcher.hpp"
#include "crypto/cross_signing.hpp"
#include "crypto/device_identity.hpp"
#include "crypto/e2ee_config.hpp"
#include "storage/handled_events.hpp"
#include "storage/migrations.hpp"

namespace dialoog::net {

Bot::Bot(asio::io_context& io, std::shared_ptr<const config::Config> cfg, BotParts& parts,
         const Clock& clock, BotOptions opts)
    : io_(io), parts_(parts), opts_(opts) {
    db_ = std::make_unique<storage::Database>(cfg->storage);
    storage::migrate_core(*db_);
    for (auto& f : parts_.features) storage::migrate_owner(*db_, f->name(), f->migrations());
    std::vector<commands::Feature*> fs;
    for (auto& f : parts_.features) fs.push_back(f.get());
    // End-to-end encryption only when switched on: with it off nothing of it is created.
    if (cfg->section(crypto::kE2eeSection).enabled) {
        auto opened = crypto::open_device_identity(*db_, *cfg, clock);
        if (!opened) throw std::runtime_error("e2ee: " + opened.error().message);
        identity_ = std::make_unique<crypto::DeviceIdentity>(std::move(opened).value());
    }
    std::string key = storage::HandledEvents::load_or_create_key(*db_);
    const std::string homeserver = cfg->homeserver;
    services_.reset(new commands::Services{*db_, std::move(cfg), parts_.texts, parts_.registry,
                                           parts_.jobs, clock, key, fs});
    dispatcher_ = std::make_unique<commands::Dispatcher>(*services_);
    processor_ = std::make_unique<engine::SyncProcessor>(*services_, *dispatcher_);
    sync_http_ = make_curl_client(io_);
    send_http_ = make_curl_client(io_);
    sync_mx_ = std::make_unique<MatrixClient>(*sync_http_, homeserver);
    send_mx_ = std::make_unique<MatrixClient>(*send_http_, homeserver);

    tokens_ = std::make_unique<TokenKeeper>(
        io_, services_->config, *send_mx_,
        std::vector<MatrixClient*>{sync_mx_.get(), send_mx_.get()}, metrics_, clock,
        TokenKeeper::Options{opts_.token_recheck, opts_.max_backoff}, [this] { outbox_->wake(); });
    direct_rooms_ = std::make_unique<DirectRooms>(*services_, *send_mx_);
    outbox_ = std::make_unique<OutboxSender>(io_, *services_, *send_mx_, *direct_rooms_, *tokens_,
                                             metrics_, OutboxSender::Options{opts_.max_backoff});
    scheduler_ = std::make_unique<Scheduler>(io_, *services_, [this] { outbox_->wake(); });
    sync_ = std::make_unique<SyncLoop>(io_, *sync_mx_, *processor_, *tokens_, metrics_, clock,
                                       SyncLoop::Options{opts_.sync_timeout_ms, opts_.max_backoff},
                                       [this] {
                                           outbox_->wake();
                                           scheduler_->wake();
                                       });
    if (identity_) {
        key_uploader_ = std::make_unique<KeyUploader>(
            io_, *identity_, *send_mx_, *tokens_, [this] { return sync_->requests_started(); },
            KeyUploader::Options{opts_.max_backoff});
        sync_->set_batch_observer([this](const matrix::SyncResponse& batch, std::uint64_t request) {
            key_uploader_->note_sync(
                crypto::KeyCounts::from_sync(batch.device_one_time_keys_count,
                                             batch.device_unused_fallback_key_types),
                request);
        });
        auto cross_signing = crypto::CrossSigning::open(*db_, identity_->pickle_key(), clock);
        if (!cross_signing) throw std::runtime_error("e2ee: " + cross_signing.error());
        cross_signer_ = std::make_unique<CrossSigner>(
            io_, *identity_, std::move(cross_signing).value(), *db_, services_->config, *send_mx_,
            *tokens_, clock, CrossSigner::Options{opts_.max_backoff, opts_.cross_signing_recheck});
    }
    {
        storage::Transaction tx(*db_);
        for (auto* f : fs) f->on_start(*services_);
        tx.commit();
    }
}

Bot::~Bot() = default;

int Bot::key_uploads() const {
    return key_uploader_ ? key_uploader_->uploads_done() : 0;
}

void Bot::set_config(std::shared_ptr<const config::Config> cfg) {
    services_->config = std::move(cfg);
    co_spawn(io_, resolve_aliases(), asio::detached);
    scheduler_->wake();
}

void Bot::start() {
    running_ = true;
    co_spawn(io_, run_startup(), asio::detached);
}

asio::awaitable<void> Bot::run_startup() {
    // Keep trying until we have a valid token: the bot stays up and tells the admin why.
    const bool established = co_await tokens_->establish();
    if (!established || !running_) co_return;
    if (identity_) {
        // One device: transaction ids and the encryption identity both belong to it. A token
        // of another device would publish this identity's keys under that device's name.
        const std::string& token_device = tokens_->device_id();
        if (!token_device.empty() && token_device != identity_->device_id()) {
            spdlog::error(
                "e2ee: the access token belongs to device {}, but the stored encryption identity "
                "is of device {} (bot.device_id). dialoogbot keeps one device and stops: log in "
                "with device_id {} (docs/admin.en.md, \"Encryption\")",
                token_device, identity_->device_id(), identity_->device_id());
            failed_ = true;
            stop(on_fatal_);
            co_return;
        }
        co_spawn(io_, key_uploader_->run(), asio::detached);
        co_spawn(io_, cross_signer_->run(), asio::detached);
    }
    started_ = true;
    co_await resolve_aliases();
    co_spawn(io_, sync_->run(), asio::detached);
    co_spawn(io_, outbox_->run(), asio::detached);
    co_spawn(io_, scheduler_->run(), asio::detached);
}

asio::awaitable<void> Bot::resolve_aliases() {
    auto cfg = services_->config;
    auto resolved = co_await resolve_team_aliases(*send_mx_, cfg);
    if (resolved && services_->config == cfg) services_->config = std::move(resolved);
}

void Bot::reload_token() {
    tokens_->reload();
    if (cross_signer_) cross_signer_->wake();  // a new bot.password_file
}

void Bot::stop(std::function<void()> on_stopped) {
    if (!running_) {
        if (on_stopped) asio::post(io_, on_stopped);
        return;
    }
    running_ = false;
    sync_->stop();
    scheduler_->stop();
    if (key_uploader_) key_uploader_->stop();
    if (cross_signer_) cross_signer_->stop();
    tokens_->stop();
    outbox_->begin_stop(/*flush=*/started_);
    co_spawn(
        io_,
        [this, on_stopped]() -> asio::awaitable<void> {
            co_await outbox_->finish(opts_.shutdown_flush);
            if (on_stopped) on_stopped();
        },
        asio::detached);
}

}  // namespace dialoog::net
