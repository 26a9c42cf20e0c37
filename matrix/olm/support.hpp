#pragma once
// What the libolm wrappers share (matrix/olm/*.cpp only; callers never need it): turning
// libolm's error codes into CryptoError, randomness from OpenSSL, buffers that wipe secrets,
// and the checks a pickle passes before libolm sees it.

#include <olm/error.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "matrix/crypto_error.hpp"

namespace dialoog::matrix::olm::detail {

/// A CryptoError for libolm's `code`; errcode is `text`, the string olm_*_last_error()
/// returned; message is `doing`.
CryptoError from_olm(OlmErrorCode code, const char* text, std::string_view doing);

/// Bytes that are wiped (OPENSSL_cleanse) when they go: random input for libolm, seeds,
/// session keys on their way in. Move-only, so a secret is never copied by accident.
class SecretBytes {
  public:
    explicit SecretBytes(std::size_t n) : bytes_(n, 0) {}
    explicit SecretBytes(std::string_view from) : bytes_(from.begin(), from.end()) {}
    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;
    ~SecretBytes();

    std::uint8_t* data() { return bytes_.data(); }
    const std::uint8_t* data() const { return bytes_.data(); }
    std::size_t size() const { return bytes_.size(); }
    std::string_view view() const {
        return {reinterpret_cast<const char*>(bytes_.data()), bytes_.size()};
    }

  private:
    // A vector, not a std::string: moving a short std::string copies its bytes and leaves
    // them in the source's inline buffer, where they could not be wiped.
    std::vector<std::uint8_t> bytes_;
};

/// `n` bytes from OpenSSL's RAND_bytes; CryptoErrc::RandomFailed if the generator fails.
CryptoResult<SecretBytes> random(std::size_t n);

/// Checks a pickle and its key before libolm reads them: the key is not empty (BadPickleKey),
/// the pickle is base64 whose bytes can be libolm's AES-256-CBC ciphertext (whole 16-byte
/// blocks, at least one) plus its 8-byte MAC (else CorruptedPickle). libolm 3.2.13 refuses
/// such input too (tested), but its base64 decoder maps unknown characters silently and its
/// length arithmetic is unsigned: what cannot be a pickle does not reach it.
CryptoStatus check_pickle(std::string_view pickle, std::string_view key);

/// Checks that `key` is unpadded base64 of a 32-byte curve25519 or ed25519 public key
/// (libolm only checks the length and maps unknown characters silently).
CryptoStatus check_public_key(std::string_view key, std::string_view what);

/// A copy of `text` that libolm may overwrite (it decodes base64 input in place).
inline std::string scratch(std::string_view text) {
    return std::string(text);
}

inline std::uint8_t* bytes(std::string& s) {
    return reinterpret_cast<std::uint8_t*>(s.data());
}
inline const std::uint8_t* bytes(std::string_view s) {
    return reinterpret_cast<const std::uint8_t*>(s.data());
}

}  // namespace dialoog::matrix::olm::detail
