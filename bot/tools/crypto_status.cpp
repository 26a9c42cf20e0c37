// `dialoogbot crypto status`: the bot device's encryption identity as stored, read-only. It
// opens the database without migrating it and needs no pickle key: the public keys and the
// upload bookkeeping are stored beside the encrypted account (storage/crypto/).
#include <filesystem>
#include <iostream>

#include "bot/tools/status.hpp"
#include "crypto/device_identity.hpp"
#include "crypto/e2ee_config.hpp"
#include "crypto/pickle_key.hpp"
#include "storage/crypto/account_store.hpp"
#include "storage/database.hpp"

namespace dialoog::tools {

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
    try {
        storage::Database db(cfg.storage);
        row = crypto::AccountStore(db).load();
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
    std::error_code ec;
    const bool key_present = std::filesystem::is_regular_file(key_path, ec);
    out << "user_id: " << row->user_id << "\n"
        << "device_id: " << row->device_id << "\n"
        << "ed25519 fingerprint: " << crypto::format_fingerprint(row->ed25519_key) << "\n"
        << "curve25519 key: " << row->curve25519_key << "\n"
        << "device keys published: " << (row->device_keys_published ? "yes" : "no") << "\n"
        << "unpublished one-time keys: " << row->unpublished_one_time_keys << "\n"
        << "unpublished fallback key: " << (row->unpublished_fallback_key ? "yes" : "no") << "\n"
        << "pickle key file: " << key_path << (key_present ? "" : " (missing!)") << "\n"
        << "cross-signing: not set up yet\n";
    if (row->user_id != cfg.bot.user_id || row->device_id != cfg.bot.device_id)
        out << "warning: the config says " << cfg.bot.user_id << " device " << cfg.bot.device_id
            << "; the bot refuses to start until they match\n";
    return 0;
}

}  // namespace dialoog::tools
