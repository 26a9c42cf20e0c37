#pragma once
// The bot's one device for end-to-end encryption (Matrix spec, Client-Server API, "End-to-End
// Encryption" > "Device keys" and "One-time and fallback keys"): its libolm account, loaded
// from or first saved to the database, the signed `device_keys`, and which one-time and
// fallback keys to publish. Pure: no network; bot/net/key_uploader.hpp makes the calls.
//
// Persist before upload, mark published after: prepare_upload() generates what is missing and
// saves the account in a committed transaction before the request leaves; mark_published()
// runs only after the server accepted it. A crash in between loses nothing: libolm keeps
// unpublished keys until they are marked, so the next start uploads the same keys again (the
// server accepts a key id it already holds with the same key), never new ones under used ids.

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "config/config.hpp"
#include "crypto/pickle_key.hpp"
#include "matrix/api.hpp"
#include "matrix/crypto_error.hpp"
#include "matrix/olm/account.hpp"
#include "storage/crypto/account_store.hpp"
#include "storage/database.hpp"

namespace dialoog::crypto {

/// The algorithms the device supports, as `device_keys.algorithms` lists them (spec "Device
/// keys"; "m.olm.v1.curve25519-aes-sha2" and "m.megolm.v1.aes-sha2").
inline constexpr const char* kOlmAlgorithm = "m.olm.v1.curve25519-aes-sha2";
inline constexpr const char* kMegolmAlgorithm = "m.megolm.v1.aes-sha2";
/// The key algorithm of one-time and fallback keys (spec "One-time and fallback keys").
inline constexpr const char* kSignedCurve25519 = "signed_curve25519";

/// How many one-time keys to generate now: enough to bring the keys the server holds
/// (`on_server`, `device_one_time_keys_count.signed_curve25519` in /sync or
/// `one_time_key_counts` of /keys/upload; negative counts as 0) plus those generated but not
/// yet published (`unpublished`) up to half of `max` (olm::Account::
/// max_number_of_one_time_keys(); the spec asks clients to keep about half of the maximum
/// on the server, so that keys claimed while the bot is busy never run out and libolm never
/// has to discard a published key). Never more than `max - unpublished`.
std::size_t one_time_keys_to_generate(std::int64_t on_server, std::size_t unpublished,
                                      std::size_t max);

/// An ed25519 key (unpadded base64) as Element shows a session key: groups of 4 characters
/// separated by spaces ("abcd efgh … xyz").
std::string format_fingerprint(std::string_view ed25519);

/// What the server said about this device's keys: either from /sync
/// (`device_one_time_keys_count`, `device_unused_fallback_key_types`) or from the answer to
/// /keys/upload (only `one_time_key_counts`). nullopt: not said, do not act on it.
struct KeyCounts {
    std::optional<std::int64_t> one_time_keys;  // signed_curve25519 keys on the server
    /// True when the server listed the unused fallback key types and signed_curve25519 was
    /// not among them: the fallback key was used (or never uploaded).
    bool fallback_key_missing = false;

    /// From a /sync batch: `device_one_time_keys_count` (a present map without
    /// signed_curve25519 counts 0) and `device_unused_fallback_key_types`.
    static KeyCounts from_sync(
        const std::optional<std::map<std::string, std::int64_t>>& device_one_time_keys_count,
        const std::optional<std::vector<std::string>>& device_unused_fallback_key_types);
    /// From the answer to /keys/upload (`one_time_key_counts`); says nothing of fallback keys.
    static KeyCounts from_upload(const matrix::KeysUploadResponse& response);
};

/// Refusals of open_device_identity: each says what is wrong and what the admin can do.
struct IdentityError {
    enum class Code {
        KeyMissing,            // state exists, the pickle key file does not
        KeyUnreadable,         // cannot read the key file, or not a regular file
        KeyWrongLength,        // not exactly 32 bytes
        KeyDoesNotOpen,        // the key does not decrypt the stored account (or it was altered)
        OtherDevice,           // the stored account belongs to another user_id or device_id
        CreateFailed,          // could not create the key file or the account
        ConfiguredKeyMissing,  // no state, bot.pickle_key_file set but the file is not there
    };
    Code code = Code::CreateFailed;
    std::string message;
};

class DeviceIdentity;

/// Opens the bot's device for `cfg.bot.user_id` / `cfg.bot.device_id` in `db`: creates the
/// crypto tables (crypto_migrations) and then
/// - with a stored account: reads the pickle key (pickle_key_path) and decrypts the account;
///   refuses (never makes a new device) when the key file is missing, unreadable, of the wrong
///   length or does not decrypt it, or when the account is of another user or device id;
/// - without one: reads the key file when it exists (refusing a wrong length), else creates
///   it beside the database (when `bot.pickle_key_file` is not set; logged with its path,
///   never the key; refused when it is set and missing); then creates an account and saves it
///   in a committed transaction.
/// Call it only when `e2ee.enabled` is true, after storage::migrate_core (the crypto schema is
/// tracked in schema_versions). Throws storage::DbError on a database failure.
Result<DeviceIdentity, IdentityError> open_device_identity(storage::Database& db,
                                                           const config::Config& cfg,
                                                           const Clock& clock);

/// The loaded account of the bot's device and its upload bookkeeping. Use from one thread.
class DeviceIdentity {
  public:
    const std::string& user_id() const { return row_.user_id; }
    const std::string& device_id() const { return row_.device_id; }
    /// Public identity keys, unpadded base64.
    const std::string& ed25519_key() const { return row_.ed25519_key; }
    const std::string& curve25519_key() const { return row_.curve25519_key; }
    bool device_keys_published() const { return row_.device_keys_published; }
    /// One-time keys generated and saved but not yet marked published.
    std::size_t unpublished_one_time_keys() const;
    /// The pickle key that opened the account: the cross-signing keys are pickled with it too.
    const PickleKey& pickle_key() const { return key_; }
    /// libolm's maximum of kept one-time keys (100 in libolm 3.2).
    std::size_t max_one_time_keys() const { return account_.max_number_of_one_time_keys(); }

    /// The signed `device_keys` object (spec "Device keys"): user_id, device_id, algorithms
    /// [kOlmAlgorithm, kMegolmAlgorithm], keys {"curve25519:<device_id>",
    /// "ed25519:<device_id>"}, and `signatures[user_id]["ed25519:<device_id>"]` over its
    /// canonical JSON (spec "Signing JSON").
    matrix::CryptoResult<nlohmann::json> device_keys() const;

    /// What to upload now, given what the server said (`counts`): `device_keys` until they
    /// were published; one-time keys topped up to half the maximum (one_time_keys_to_generate,
    /// counting keys already unpublished); a new fallback key when `counts` says it is
    /// missing and none is waiting. New keys are generated and the account saved in a
    /// committed transaction before this returns (persist before upload). Keys generated
    /// earlier and not yet published are always included (a crash before their upload).
    /// The request is empty when nothing needs uploading.
    matrix::CryptoResult<matrix::KeysUploadRequest> prepare_upload(const KeyCounts& counts);

    /// After the server accepted `sent` (the request prepare_upload returned): marks the
    /// account's one-time and fallback keys published (libolm marks both) and, when `sent`
    /// held them, the device keys; saves. Fails (Other) without marking anything when the
    /// account's unpublished keys are not the ones in `sent`. Throws storage::DbError.
    matrix::CryptoStatus mark_published(const matrix::KeysUploadRequest& sent);

    DeviceIdentity(DeviceIdentity&&) noexcept = default;
    DeviceIdentity(const DeviceIdentity&) = delete;
    DeviceIdentity& operator=(const DeviceIdentity&) = delete;
    DeviceIdentity& operator=(DeviceIdentity&&) = delete;

  private:
    DeviceIdentity(storage::Database& db, const Clock& clock, PickleKey key,
                   matrix::olm::Account account, AccountRow row)
        : db_(db),
          clock_(clock),
          key_(std::move(key)),
          account_(std::move(account)),
          row_(std::move(row)) {}
    /// Pickles the account and writes the row in a committed transaction.
    matrix::CryptoStatus save();
    /// {"key": <key>} (plus "fallback": true) signed by the device.
    matrix::CryptoResult<nlohmann::json> signed_key(const std::string& key, bool fallback) const;

    storage::Database& db_;
    const Clock& clock_;
    PickleKey key_;
    matrix::olm::Account account_;
    AccountRow row_;

    friend Result<DeviceIdentity, IdentityError> open_device_identity(storage::Database&,
                                                                      const config::Config&,
                                                                      const Clock&);
};

}  // namespace dialoog::crypto
