// `dialoogbot crypto status` (the bot device's encryption identity as stored, read-only) and
// `crypto reset-identity`. Status opens the database without migrating it and needs no pickle
// key: the public keys and the upload bookkeeping are stored beside the encrypted account and
// the cross-signing keys (storage/crypto/).
#include <filesystem>
#include <iostream>

#include "bot/tools/status.hpp"
#include "common/clock.hpp"
#include "crypto/cross_signing.hpp"
#include "crypto/device_identity.hpp"
#include "crypto/e2ee_config.hpp"
#include "crypto/pickle_key.hpp"
#include "matrix/olm/account.hpp"
#include "storage/crypto/account_store.hpp"
#include "storage/crypto/cross_signing_store.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace dialoog::tools {

namespace {

/// What crypto_cross_signing.server_state means, for the admin.
const char* server_state_text(const std::string& state) {
    using crypto::ServerView;
    using crypto::to_string;
    if (state == to_string(ServerView::Signed))
        return "the device is cross-signed (Element talks to it without a warning)";
    if (state == to_string(ServerView::NoMaster))
        return "the server holds no cross-signing keys for the bot yet (the bot uploads them)";
    if (state == to_string(ServerView::ForeignMaster))
        return "the server holds ANOTHER cross-signing identity for the bot; it is not replaced "
               "without you: see `crypto reset-identity`";
    if (state == to_string(ServerView::SelfSigningWrong))
        return "the server's self-signing key is not the bot's (the bot uploads its own again)";
    if (state == to_string(ServerView::DeviceNotSigned))
        return "the device is not signed yet (the bot signs it)";
    if (state == to_string(ServerView::DeviceMissing))
        return "the server does not list the bot's device with these keys";
    return "unknown";
}

void print_cross_signing(const std::optional<crypto::CrossSigningRow>& cs, std::ostream& out) {
    if (!cs) {
        out << "cross-signing: not set up yet (the bot does it once its device keys are "
               "published)\n";
        return;
    }
    std::error_code ec;
    const bool file_here = std::filesystem::exists(cs->recovery_file, ec);
    out << "cross-signing master key: " << crypto::format_fingerprint(cs->master_key) << "\n"
        << "cross-signing self-signing key: " << crypto::format_fingerprint(cs->self_signing_key)
        << "\n"
        << "recovery file (master key): " << cs->recovery_file
        << (file_here ? " (still on this disk: move it to a safe place)"
                      : " (not on this disk; keep it where you put it)")
        << "\n"
        << "cross-signing keys uploaded: " << (cs->keys_uploaded ? "yes" : "no")
        << (cs->replace_on_server ? " (a reset waits: the next start replaces the server's keys)"
                                  : "")
        << "\n"
        << "device signed by the self-signing key: " << (cs->device_signed ? "yes" : "no") << "\n";
    if (cs->server_checked_ms == 0)
        out << "server view: not checked yet\n";
    else
        out << "server view (checked by the bot " << utc_ms_text(cs->server_checked_ms)
            << "): " << server_state_text(cs->server_state) << "\n";
}

}  // namespace

int print_crypto_status(const config::Config& cfg, std::ostream& out) {
    const bool enabled = cfg.section(crypto::kE2eeSection).enabled;
    out << "end-to-end encryption: "
        << (enabled ? "on (e2ee.enabled: true)" : "off (e2ee.enabled: false in the config)")
        << "\n";
    if (cfg.storage.empty() || !std::filesystem::is_regular_file(cfg.storage)) {
        // Reading the status must not create an empty database.
        out << "no database at \"" << cfg.storage
            << "\": the bot creates it on its first start (check storage: in the config)\n";
        return 1;
    }
    std::optional<crypto::AccountRow> row;
    std::optional<crypto::CrossSigningRow> cross;
    try {
        storage::Database db(cfg.storage);
        row = crypto::AccountStore(db).load();
        cross = crypto::CrossSigningStore(db).load();
    } catch (const std::exception& e) {
        std::cerr << "cannot read the database: " << e.what() << "\n";
        return 1;
    }
    const std::string key_path = crypto::pickle_key_path(cfg);
    if (!row) {
        out << "no encryption identity in " << cfg.storage
            << (enabled ? ": the bot creates one at its next start\n"
                        : ": none is made while e2ee.enabled is false\n");
        return 0;
    }
    // Whether the key opens the stored account, as the bot's start will check (the key is read,
    // never printed).
    std::string key_state = "opens the stored identity";
    bool key_ok = true;
    if (auto key = crypto::read_pickle_key(key_path); !key) {
        key_state = key.error().message;
        key_ok = false;
    } else if (!matrix::olm::Account::unpickle(row->pickle, key->view())) {
        key_state = "does NOT open the stored identity (another key?)";
        key_ok = false;
    }
    out << "user_id: " << row->user_id << "\n"
        << "device_id: " << row->device_id << "\n"
        << "ed25519 fingerprint: " << crypto::format_fingerprint(row->ed25519_key) << "\n"
        << "curve25519 key: " << row->curve25519_key << "\n"
        << "device keys published: " << (row->device_keys_published ? "yes" : "no") << "\n"
        << "unpublished one-time keys: " << row->unpublished_one_time_keys << "\n"
        << "unpublished fallback key: " << (row->unpublished_fallback_key ? "yes" : "no") << "\n"
        << "pickle key file: " << key_path << ": " << key_state << "\n";
    for (const auto& problem : crypto::pickle_key_file_problems(cfg))
        out << "warning: " << problem << "\n";
    print_cross_signing(cross, out);
    if (row->user_id != cfg.bot.user_id || row->device_id != cfg.bot.device_id)
        out << "warning: the config says " << cfg.bot.user_id << " device " << cfg.bot.device_id
            << "; the bot refuses to start until they match\n";
    if (!key_ok) {
        out << "the bot refuses to start until the pickle key opens the identity: restore the "
               "key file (docs/admin.en.md, \"Encryption\")\n";
        return 1;
    }
    return 0;
}

int reset_crypto_identity(const config::Config& cfg, bool yes, std::ostream& out,
                          std::ostream& err) {
    if (!cfg.section(crypto::kE2eeSection).enabled) {
        err << "crypto reset-identity: e2ee.enabled is false in the config, so the bot has no "
               "cross-signing identity to reset\n";
        return 1;
    }
    if (cfg.storage.empty() || !std::filesystem::is_regular_file(cfg.storage)) {
        err << "crypto reset-identity: no database at \"" << cfg.storage
            << "\" (start the bot with e2ee on first)\n";
        return 1;
    }
    const std::string recovery = crypto::recovery_file_path(cfg);
    out << "This makes a NEW cross-signing identity for " << cfg.bot.user_id
        << ": a new master key and self-signing key. At its next start the bot uploads them and\n"
           "replaces the keys the homeserver holds for it; the homeserver asks for the bot's\n"
           "password for that (bot.password_file). The device and its messages stay; people who\n"
           "verified the bot by hand must verify it again. The new master key goes to\n"
        << recovery << " (an existing file there is kept under a new name).\n"
        << "Stop the bot before you go on.\n";
    if (!yes) {
        out << "Nothing was changed. Run again with --yes to go ahead.\n";
        return 1;
    }
    try {
        storage::Database db(cfg.storage);
        if (!crypto::AccountStore(db).load()) {
            err << "crypto reset-identity: the database holds no encryption identity yet; start "
                   "the bot with e2ee on first\n";
            return 1;
        }
        SystemClock clock;
        storage::migrate_core(db);
        auto identity = crypto::open_device_identity(db, cfg, clock);
        if (!identity) {
            err << "crypto reset-identity: " << identity.error().message << "\n";
            return 1;
        }
        auto made = crypto::CrossSigning::create(db, identity->pickle_key(), clock, cfg.bot.user_id,
                                                 recovery, true);
        if (!made) {
            err << "crypto reset-identity: " << made.error() << "\n";
            return 1;
        }
        out << "Done. New master key: " << crypto::format_fingerprint(made->row().master_key)
            << "\nIts private part is in " << recovery
            << " (mode 0600): move it to a safe place.\n"
               "Start the bot: it uploads the keys and signs its device.\n";
        if (!cfg.bot.password_file)
            out << "Note: bot.password_file is not set. The homeserver will ask for the bot's "
                   "password: put it in a file (mode 0600) and use bot.password_file instead of "
                   "bot.access_token_file before you start the bot.\n";
        return 0;
    } catch (const std::exception& e) {
        err << "crypto reset-identity: cannot change the database " << cfg.storage << ": "
            << e.what() << "\n";
        return 1;
    }
}

}  // namespace dialoog::tools
