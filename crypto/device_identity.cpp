#include "crypto/device_identity.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

#include "matrix/signing.hpp"
#include "storage/crypto/migrations.hpp"

namespace dialoog::crypto {

namespace olm = matrix::olm;
using matrix::CryptoErrc;
using matrix::CryptoError;
using nlohmann::json;

std::size_t one_time_keys_to_generate(std::int64_t on_server, std::size_t unpublished,
                                      std::size_t max) {
    const std::size_t target = max / 2;
    const std::size_t held = static_cast<std::size_t>(std::max<std::int64_t>(on_server, 0));
    if (held + unpublished >= target) return 0;
    const std::size_t want = target - held - unpublished;
    const std::size_t room = max > unpublished ? max - unpublished : 0;
    return std::min(want, room);
}

std::string format_fingerprint(std::string_view ed25519) {
    std::string out;
    for (std::size_t i = 0; i < ed25519.size(); i += 4) {
        if (i) out += ' ';
        out += ed25519.substr(i, 4);
    }
    return out;
}

KeyCounts KeyCounts::from_sync(
    const std::optional<std::map<std::string, std::int64_t>>& device_one_time_keys_count,
    const std::optional<std::vector<std::string>>& device_unused_fallback_key_types) {
    KeyCounts c;
    if (device_one_time_keys_count) {
        auto it = device_one_time_keys_count->find(kSignedCurve25519);
        c.one_time_keys = it == device_one_time_keys_count->end() ? 0 : it->second;
    }
    if (device_unused_fallback_key_types) {
        const auto& t = *device_unused_fallback_key_types;
        c.fallback_key_missing = std::find(t.begin(), t.end(), kSignedCurve25519) == t.end();
    }
    return c;
}

KeyCounts KeyCounts::from_upload(const matrix::KeysUploadResponse& response) {
    KeyCounts c;
    auto it = response.one_time_key_counts.find(kSignedCurve25519);
    c.one_time_keys = it == response.one_time_key_counts.end() ? 0 : it->second;
    return c;
}

namespace {

IdentityError refuse(IdentityError::Code code, std::string message) {
    return IdentityError{code, std::move(message)};
}

// What to tell the admin when the stored identity cannot be opened: the device's other
// sessions depend on it, so the fix is the key, never a fresh start.
const char* kKeepIdentity =
    ". The encryption identity of this device is stored in the database and the bot will not "
    "make a new one silently: restore the pickle key file from a backup (or point "
    "bot.pickle_key_file at it). Only if the key is lost for good: stop the bot, delete the "
    "device in the homeserver and remove the crypto_account row (docs/admin.en.md, "
    "\"Encryption\")";

}  // namespace

Result<DeviceIdentity, IdentityError> open_device_identity(storage::Database& db,
                                                           const config::Config& cfg,
                                                           const Clock& clock) {
    using Code = IdentityError::Code;
    storage::migrate_owner(db, kCryptoSchemaOwner, crypto_migrations());
    AccountStore store(db);
    const std::string key_path = pickle_key_path(cfg);
    auto stored = store.load();

    if (stored) {
        if (stored->user_id != cfg.bot.user_id || stored->device_id != cfg.bot.device_id)
            return refuse(Code::OtherDevice,
                          "the encryption identity in the database belongs to " + stored->user_id +
                              " device " + stored->device_id + ", but the config says " +
                              cfg.bot.user_id + " device " + cfg.bot.device_id +
                              ": set bot.user_id and bot.device_id back (the bot keeps one "
                              "device), or use another database");
        auto key = read_pickle_key(key_path);
        if (!key) {
            const auto c = key.error().code;
            return refuse(c == PickleKeyError::Code::Missing       ? Code::KeyMissing
                          : c == PickleKeyError::Code::WrongLength ? Code::KeyWrongLength
                                                                   : Code::KeyUnreadable,
                          key.error().message + kKeepIdentity);
        }
        auto account = olm::Account::unpickle(stored->pickle, key->view());
        if (!account)
            return refuse(Code::KeyDoesNotOpen,
                          "the pickle key in " + key_path +
                              " does not open the stored encryption identity (" +
                              account.error().errcode + ")" + kKeepIdentity);
        const auto ids = account->identity_keys();
        if (ids.ed25519 != stored->ed25519_key || ids.curve25519 != stored->curve25519_key)
            return refuse(Code::KeyDoesNotOpen,
                          "the stored encryption identity does not match its recorded public "
                          "keys (the database was altered?)" +
                              std::string(kKeepIdentity));
        AccountRow row = std::move(*stored);
        return DeviceIdentity(db, clock, std::move(key).value(), std::move(account).value(),
                              std::move(row));
    }

    // No identity yet: the first start with e2ee.enabled.
    auto key = read_pickle_key(key_path);
    if (!key && key.error().code == PickleKeyError::Code::Missing) {
        if (cfg.bot.pickle_key_file)
            return refuse(Code::ConfiguredKeyMissing,
                          key.error().message +
                              " (bot.pickle_key_file names it). Create it with 32 random bytes: "
                              "head -c 32 /dev/urandom > " +
                              key_path + " && chmod 600 " + key_path +
                              ", or leave bot.pickle_key_file out and the bot "
                              "creates one beside the database");
        key = create_pickle_key(key_path);
        if (!key) return refuse(Code::CreateFailed, key.error().message);
        spdlog::info(
            "e2ee: created the pickle key file {} (mode 0600); back it up together with "
            "the database",
            key_path);
    } else if (!key) {
        const auto c = key.error().code;
        return refuse(
            c == PickleKeyError::Code::WrongLength ? Code::KeyWrongLength : Code::KeyUnreadable,
            key.error().message);
    }
    auto account = olm::Account::create();
    if (!account)
        return refuse(Code::CreateFailed,
                      "cannot create the encryption identity (" + account.error().errcode + ")");
    const auto ids = account->identity_keys();
    AccountRow row;
    row.user_id = cfg.bot.user_id;
    row.device_id = cfg.bot.device_id;
    row.ed25519_key = ids.ed25519;
    row.curve25519_key = ids.curve25519;
    row.created_ms = to_epoch_ms(clock.now());
    DeviceIdentity identity(db, clock, std::move(key).value(), std::move(account).value(),
                            std::move(row));
    if (auto saved = identity.save(); !saved)
        return refuse(Code::CreateFailed,
                      "cannot save the new encryption identity (" + saved.error().errcode + ")");
    spdlog::info("e2ee: created the encryption identity of {} device {} (ed25519 {})",
                 identity.user_id(), identity.device_id(),
                 format_fingerprint(identity.ed25519_key()));
    return identity;
}

std::size_t DeviceIdentity::unpublished_one_time_keys() const {
    return account_.unpublished_one_time_keys().size();
}

matrix::CryptoStatus DeviceIdentity::save() {
    auto pickle = account_.pickle(key_.view());
    if (!pickle) return pickle.error();
    row_.pickle = std::move(pickle).value();
    row_.unpublished_one_time_keys = static_cast<int>(account_.unpublished_one_time_keys().size());
    row_.unpublished_fallback_key = !account_.unpublished_fallback_key().empty();
    row_.updated_ms = to_epoch_ms(clock_.now());
    if (row_.created_ms == 0) row_.created_ms = row_.updated_ms;
    storage::Transaction tx(db_);
    AccountStore(db_).save(row_);
    tx.commit();
    return Unit{};
}

matrix::CryptoResult<json> DeviceIdentity::device_keys() const {
    json keys = {{"user_id", row_.user_id},
                 {"device_id", row_.device_id},
                 {"algorithms", json::array({kOlmAlgorithm, kMegolmAlgorithm})},
                 {"keys",
                  {{"curve25519:" + row_.device_id, row_.curve25519_key},
                   {"ed25519:" + row_.device_id, row_.ed25519_key}}}};
    return matrix::sign_json(std::move(keys), row_.user_id, row_.device_id, account_);
}

matrix::CryptoResult<json> DeviceIdentity::signed_key(const std::string& key, bool fallback) const {
    json object = {{"key", key}};
    if (fallback) object["fallback"] = true;
    return matrix::sign_json(std::move(object), row_.user_id, row_.device_id, account_);
}

matrix::CryptoResult<matrix::KeysUploadRequest> DeviceIdentity::prepare_upload(
    const KeyCounts& counts) {
    bool generated = false;
    if (counts.one_time_keys) {
        const std::size_t n = one_time_keys_to_generate(*counts.one_time_keys,
                                                        account_.unpublished_one_time_keys().size(),
                                                        account_.max_number_of_one_time_keys());
        if (n > 0) {
            if (auto st = account_.generate_one_time_keys(n); !st) return st.error();
            generated = true;
        }
    }
    if (counts.fallback_key_missing && account_.unpublished_fallback_key().empty()) {
        if (auto st = account_.generate_fallback_key(); !st) return st.error();
        generated = true;
    }
    if (generated) {
        if (auto st = save(); !st) return st.error();
    }

    matrix::KeysUploadRequest req;
    if (!row_.device_keys_published) {
        auto dk = device_keys();
        if (!dk) return dk.error();
        req.device_keys = std::move(dk).value();
    }
    for (const auto& [key_id, key] : account_.unpublished_one_time_keys()) {
        auto signed_key_json = signed_key(key, false);
        if (!signed_key_json) return signed_key_json.error();
        req.one_time_keys[std::string(kSignedCurve25519) + ":" + key_id] =
            std::move(signed_key_json).value();
    }
    for (const auto& [key_id, key] : account_.unpublished_fallback_key()) {
        auto signed_key_json = signed_key(key, true);
        if (!signed_key_json) return signed_key_json.error();
        req.fallback_keys[std::string(kSignedCurve25519) + ":" + key_id] =
            std::move(signed_key_json).value();
    }
    return req;
}

matrix::CryptoStatus DeviceIdentity::mark_published(const matrix::KeysUploadRequest& sent) {
    // libolm marks every unpublished key: only do so when those are exactly the keys sent.
    const std::string prefix = std::string(kSignedCurve25519) + ":";
    auto same = [&](const std::map<std::string, std::string>& have,
                    const std::map<std::string, json>& uploaded) {
        if (have.size() != uploaded.size()) return false;
        for (const auto& [key_id, key] : have)
            if (!uploaded.count(prefix + key_id)) return false;
        return true;
    };
    if (!same(account_.unpublished_one_time_keys(), sent.one_time_keys) ||
        !same(account_.unpublished_fallback_key(), sent.fallback_keys))
        return CryptoError{CryptoErrc::Other, "keys_changed",
                           "marking keys published: the unpublished keys are not those uploaded"};
    account_.mark_keys_as_published();
    if (sent.device_keys) row_.device_keys_published = true;
    return save();
}

}  // namespace dialoog::crypto
