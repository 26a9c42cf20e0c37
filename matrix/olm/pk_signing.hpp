#pragma once
// An ed25519 signing key made from a 32-byte seed, for cross-signing (Matrix spec,
// Client-Server API, "End-to-End Encryption" > "Cross-signing": the master, self-signing and
// user-signing keys). RAII over libolm 3.2's OlmPkSigning (<olm/pk.h>).
//
// The seed is the private key: secret storage (spec "Secrets", `m.cross_signing.master` …)
// holds it as unpadded base64. libolm keeps only the expanded key, so this object keeps the
// seed too, in a buffer wiped on destruction.
//
// Not thread-safe; a moved-from PkSigning may only be destroyed or assigned to.

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "matrix/crypto_error.hpp"

struct OlmPkSigning;  // libolm's, <olm/pk.h>

namespace dialoog::matrix::olm {

namespace detail {
class SecretBytes;
}

class PkSigning {
  public:
    /// The seed length in bytes (olm_pk_signing_seed_length(): 32).
    static constexpr std::size_t seed_length = 32;

    /// The key for `seed` (exactly seed_length raw bytes, not base64). The same seed gives
    /// the same key, so a key kept in secret storage can be restored. Fails with BadKey for
    /// a seed of another length.
    static CryptoResult<PkSigning> from_seed(std::string_view seed);

    /// A key from a fresh random seed. Fails only with RandomFailed.
    static CryptoResult<PkSigning> generate();

    /// The key `pickle` holds, decrypted with `key`. Fails with BadPickleKey for a wrong or
    /// empty key, CorruptedPickle and friends for a damaged pickle; never crashes.
    static CryptoResult<PkSigning> unpickle(std::string_view pickle, std::string_view key);

    /// The seed encrypted with `key`, base64. libolm has no pickle for a signing key; the
    /// seed is stored in libolm's OlmPkDecryption pickle (a 32-byte private key, encrypted and
    /// authenticated like every other libolm pickle). Read it back with unpickle() only.
    CryptoResult<std::string> pickle(std::string_view key) const;

    /// The ed25519 public key, unpadded base64 (43 characters): the key id and value in
    /// `keys` of a cross-signing key ("ed25519:<public key>": "<public key>").
    const std::string& public_key() const { return public_key_; }

    /// A SECRET: the raw 32-byte seed, for secret storage.
    std::string seed() const;

    /// The ed25519 signature of `message`, unpadded base64 (64 bytes). For signing JSON use
    /// matrix/signing.hpp, which canonicalises.
    std::string sign(std::string_view message) const;

    PkSigning(PkSigning&&) noexcept;
    PkSigning& operator=(PkSigning&&) noexcept;
    PkSigning(const PkSigning&) = delete;
    PkSigning& operator=(const PkSigning&) = delete;
    ~PkSigning();

  private:
    struct Free {
        void operator()(OlmPkSigning* signing) const;
    };
    PkSigning(std::unique_ptr<OlmPkSigning, Free> signing,
              std::unique_ptr<detail::SecretBytes> seed, std::string public_key);

    std::unique_ptr<OlmPkSigning, Free> ptr_;
    std::unique_ptr<detail::SecretBytes> seed_;
    std::string public_key_;
};

}  // namespace dialoog::matrix::olm
