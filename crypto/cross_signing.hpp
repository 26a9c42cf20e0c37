#pragma once
// The bot's cross-signing identity (Matrix spec, Client-Server API, "End-to-End Encryption" >
// "Cross-signing"; docs/security.md): a master key and a self-signing key, the self-signing
// key signed by the master key and the bot's one device signed by the self-signing key. Since
// spec v1.18 (MSC4153, "exclude insecure devices") Element shares no room keys with, and shows
// no messages from, a device its owner did not cross-sign; nobody needs to verify the bot.
//
// Only the self-signing key stays online (its seed pickled with the pickle key). The master
// key's private part is written once to the admin's recovery file (mode 0600) and never stored
// in the database; no user-signing key is made (the bot verifies nobody). Pure: no network;
// bot/net/cross_signer.hpp makes the calls.

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/clock.hpp"
#include "common/result.hpp"
#include "config/config.hpp"
#include "crypto/pickle_key.hpp"
#include "matrix/api.hpp"
#include "matrix/crypto_error.hpp"
#include "matrix/olm/pk_signing.hpp"
#include "storage/crypto/cross_signing_store.hpp"
#include "storage/database.hpp"

namespace dialoog::crypto {

/// Where the master key's recovery file goes: `<storage>.cross-signing-recovery` (beside the
/// database and its pickle key, on the disk the admin already protects and backs up).
std::string recovery_file_path(const config::Config& cfg);

/// What the homeserver shows of the bot's own keys (POST /keys/query for the bot's user),
/// compared with the stored identity. Signed is the goal: other users' clients then see the
/// bot's device as cross-signed by its owner.
enum class ServerView {
    Signed,            // our master key; our self-signing key, signed by it; device signed by that
    NoMaster,          // the server holds no master key for the bot
    ForeignMaster,     // the server holds a master key that is not ours (a reset elsewhere?)
    SelfSigningWrong,  // our master key, but the self-signing key is not ours or not signed by it
    DeviceNotSigned,   // the chain is ours, the device lacks a valid self-signing signature
    DeviceMissing,     // the server does not list the bot's device (keys not uploaded)
};
/// "signed", "no_master", "foreign_master", "self_signing_wrong", "device_not_signed",
/// "device_missing": the form stored in crypto_cross_signing.server_state.
const char* to_string(ServerView view);

/// The public master key `r` lists for `user_id` (its single "ed25519:…" key), or "" when
/// none (or it is malformed).
std::string published_master_key(const matrix::KeysQueryResponse& r, const std::string& user_id);

/// Compares the server's answer `r` for `user_id` with our keys (unpadded base64): the master
/// key `master_key`, the self-signing key `self_signing_key` (which must carry a valid
/// signature by the master key) and the device `device_id` with identity key `device_ed25519`
/// (which must carry a valid signature by the self-signing key). Signatures are checked with
/// matrix::verify_json, never trusted from the server.
ServerView inspect_own_keys(const matrix::KeysQueryResponse& r, const std::string& user_id,
                            const std::string& device_id, const std::string& device_ed25519,
                            const std::string& master_key, const std::string& self_signing_key);

/// The stored cross-signing identity, with its self-signing key loaded. Use from one thread.
class CrossSigning {
  public:
    /// The identity stored in `db`, or nullopt when none was made. Fails (a message for the
    /// admin) when `key` does not open the stored self-signing key. Call after
    /// open_device_identity, which migrates the crypto tables. Throws storage::DbError.
    static Result<std::optional<CrossSigning>, std::string> open(storage::Database& db,
                                                                 const PickleKey& key,
                                                                 const Clock& clock);

    /// Makes a new identity for `user_id`: a master and a self-signing key from fresh random
    /// seeds, the self-signing key signed by the master key; writes the master key to
    /// `recovery_path` (a new file, mode 0600, flushed; an existing file there is first
    /// renamed to "<path>.replaced-<UTC ms>", never overwritten); then saves the row (with
    /// `replace_on_server`) in a committed transaction, replacing a stored identity. The
    /// master key's private part is dropped when this returns. Call after open_device_identity
    /// (which migrates the crypto tables). Fails (a message for the admin,
    /// never a key) when a key cannot be made or the file cannot be written; nothing is saved
    /// then. Throws storage::DbError.
    static Result<CrossSigning, std::string> create(storage::Database& db, const PickleKey& key,
                                                    const Clock& clock, const std::string& user_id,
                                                    const std::string& recovery_path,
                                                    bool replace_on_server);

    const CrossSigningRow& row() const { return row_; }

    /// The POST /keys/device_signing/upload body: the stored objects, byte for byte the same
    /// on every retry, with `auth` when given.
    matrix::DeviceSigningUploadRequest upload_request(std::optional<nlohmann::json> auth) const;

    /// `device_keys` (the device's signed DeviceKeys) with the self-signing key's signature
    /// added under signatures[user_id]["ed25519:<self-signing public key>"]: the body of POST
    /// /keys/signatures/upload for the device. Fails with NotCanonical as sign_json does.
    matrix::CryptoResult<nlohmann::json> sign_device(nlohmann::json device_keys) const;

    /// The server accepted the keys: keys_uploaded, and replace_on_server is done. Saves.
    void mark_keys_uploaded();
    /// The server accepted the device's signature (or has it already). Saves.
    void set_device_signed(bool signed_now);
    /// What the last /keys/query showed, at the clock's now. Saves.
    void record_server_view(ServerView view);

    CrossSigning(CrossSigning&&) noexcept = default;
    CrossSigning(const CrossSigning&) = delete;
    CrossSigning& operator=(const CrossSigning&) = delete;
    CrossSigning& operator=(CrossSigning&&) = delete;

  private:
    CrossSigning(storage::Database& db, const Clock& clock, matrix::olm::PkSigning self_signing,
                 CrossSigningRow row)
        : db_(db), clock_(clock), self_signing_(std::move(self_signing)), row_(std::move(row)) {}
    void save();

    storage::Database& db_;
    const Clock& clock_;
    matrix::olm::PkSigning self_signing_;
    CrossSigningRow row_;
};

}  // namespace dialoog::crypto
