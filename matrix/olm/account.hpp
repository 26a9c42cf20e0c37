#pragma once
// An Olm account: the long-term identity of one device (Matrix spec, Client-Server API,
// "End-to-End Encryption" > "Device keys", "One-time and fallback keys"; the Olm protocol,
// spec "Olm & Megolm"). RAII over libolm 3.2's OlmAccount (<olm/olm.h>).
//
// The account holds the device's curve25519 and ed25519 identity keys (they go into
// `device_keys`), the one-time keys not yet claimed (`one_time_keys`) and a fallback key
// (`fallback_keys`, spec v1.2, MSC2732). Keys are returned as libolm gives them: unpadded
// base64 of the 32-byte public key; key ids are libolm's ("AAAAAQ"), unique per account.
//
// Not thread-safe: use one object from one thread at a time (even const methods write
// libolm's last-error field). A moved-from Account may only be destroyed or assigned to.
// Destroying an account wipes its memory (olm_clear_account) before freeing it.

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "matrix/crypto_error.hpp"

struct OlmAccount;  // libolm's, <olm/olm.h>

namespace dialoog::matrix::olm {

class Session;

/// The public halves of an account's identity keys, unpadded base64 (43 characters each).
struct IdentityKeys {
    std::string curve25519;  // for Olm sessions: `keys["curve25519:<device_id>"]`
    std::string ed25519;     // for signatures: `keys["ed25519:<device_id>"]`
};

class Account {
  public:
    /// A new account with fresh identity keys (randomness from OpenSSL's RAND_bytes).
    /// Fails with RandomFailed when the generator does.
    static CryptoResult<Account> create();

    /// The account `pickle` holds, decrypted with `key` (the bytes given to pickle()).
    /// Fails with BadPickleKey for a wrong or empty key (or an altered pickle), and
    /// CorruptedPickle / UnknownPickleVersion / PickleExtraData for a pickle that is not
    /// one; never crashes on bad input.
    static CryptoResult<Account> unpickle(std::string_view pickle, std::string_view key);

    /// The account encrypted with `key` (libolm: AES-256-CBC and HMAC-SHA-256 under keys
    /// derived from `key`), as base64 text safe to store. The bot uses a 32-byte random key.
    /// vodozemac can read this format (Account::from_libolm_pickle).
    CryptoResult<std::string> pickle(std::string_view key) const;

    IdentityKeys identity_keys() const;

    /// The ed25519 signature of `message` with the identity key, unpadded base64 (86
    /// characters, 64 bytes). For signing JSON use matrix/signing.hpp, which canonicalises.
    std::string sign(std::string_view message) const;

    /// How many one-time keys the account keeps (libolm 3.2: 100). Generating more
    /// discards the oldest; the spec asks to keep about half of them on the server
    /// (`one_time_key_counts` in /sync says how many are left).
    std::size_t max_number_of_one_time_keys() const;

    /// Generates `count` new one-time curve25519 keys; they are unpublished until
    /// mark_keys_as_published().
    CryptoStatus generate_one_time_keys(std::size_t count);

    /// The one-time keys not yet marked published: key id -> curve25519 public key. The
    /// upload signs each as `signed_curve25519:<key id>` (spec "One-time and fallback keys").
    std::map<std::string, std::string> unpublished_one_time_keys() const;

    /// Marks the current one-time keys and the fallback key as published: they are no
    /// longer returned by unpublished_one_time_keys() / unpublished_fallback_key(). Call it
    /// after the upload succeeded. Returns the number of one-time keys marked.
    std::size_t mark_keys_as_published();

    /// Generates a new fallback key (MSC2732, spec "One-time and fallback keys"). The
    /// previous one is kept (for messages already on their way) until
    /// forget_old_fallback_key().
    CryptoStatus generate_fallback_key();

    /// The fallback key if it is not yet published: key id -> curve25519 public key, at most
    /// one entry; empty when there is none or it was published.
    std::map<std::string, std::string> unpublished_fallback_key() const;

    /// Forgets the fallback key before the current one. libolm suggests doing so once no
    /// message using it can still arrive (e.g. some minutes after the new one was published).
    void forget_old_fallback_key();

    /// Removes the one-time key `session` was created with (an inbound session from a
    /// pre-key message), so it is never used twice. A session made with the fallback key
    /// succeeds and leaves that key in place (it stays until replaced). Fails with
    /// BadMessageKeyId when the account has no such key (e.g. already removed).
    CryptoStatus remove_one_time_keys(const Session& session);

    Account(Account&&) noexcept = default;
    Account& operator=(Account&&) noexcept = default;
    Account(const Account&) = delete;
    Account& operator=(const Account&) = delete;
    ~Account() = default;

  private:
    struct Free {
        void operator()(OlmAccount* account) const;
    };
    explicit Account(std::unique_ptr<OlmAccount, Free> account) : ptr_(std::move(account)) {}
    static std::unique_ptr<OlmAccount, Free> allocate();
    CryptoError last_error(std::string_view doing) const;

    std::unique_ptr<OlmAccount, Free> ptr_;

    friend class Session;
};

}  // namespace dialoog::matrix::olm
