#include "matrix/olm/support.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <climits>
#include <string>
#include <utility>

#include "matrix/base64.hpp"

namespace dialoog::matrix::olm::detail {

CryptoError from_olm(OlmErrorCode code, const char* text, std::string_view doing) {
    CryptoErrc c = CryptoErrc::Other;
    switch (code) {
        case OLM_SUCCESS:
            c = CryptoErrc::Other;
            break;
        case OLM_NOT_ENOUGH_RANDOM:
            c = CryptoErrc::NotEnoughRandom;
            break;
        case OLM_OUTPUT_BUFFER_TOO_SMALL:
            c = CryptoErrc::OutputBufferTooSmall;
            break;
        case OLM_BAD_MESSAGE_VERSION:
            c = CryptoErrc::BadMessageVersion;
            break;
        case OLM_BAD_MESSAGE_FORMAT:
            c = CryptoErrc::BadMessageFormat;
            break;
        case OLM_BAD_MESSAGE_MAC:
            c = CryptoErrc::BadMessageMac;
            break;
        case OLM_BAD_MESSAGE_KEY_ID:
            c = CryptoErrc::BadMessageKeyId;
            break;
        case OLM_INVALID_BASE64:
            c = CryptoErrc::InvalidBase64;
            break;
        case OLM_BAD_ACCOUNT_KEY:
            c = CryptoErrc::BadPickleKey;
            break;
        case OLM_UNKNOWN_PICKLE_VERSION:
            c = CryptoErrc::UnknownPickleVersion;
            break;
        case OLM_CORRUPTED_PICKLE:
            c = CryptoErrc::CorruptedPickle;
            break;
        case OLM_BAD_SESSION_KEY:
            c = CryptoErrc::BadSessionKey;
            break;
        case OLM_UNKNOWN_MESSAGE_INDEX:
            c = CryptoErrc::UnknownMessageIndex;
            break;
        case OLM_BAD_LEGACY_ACCOUNT_PICKLE:
            c = CryptoErrc::BadLegacyAccountPickle;
            break;
        case OLM_BAD_SIGNATURE:
            c = CryptoErrc::BadSignature;
            break;
        case OLM_INPUT_BUFFER_TOO_SMALL:
            c = CryptoErrc::InputBufferTooSmall;
            break;
        case OLM_PICKLE_EXTRA_DATA:
            c = CryptoErrc::PickleExtraData;
            break;
        default:
            c = CryptoErrc::Other;
            break;
    }
    return CryptoError{c, text ? text : to_string(c), std::string(doing)};
}

// A moved vector hands over its buffer: nothing stays behind in `other` to wipe.
SecretBytes::SecretBytes(SecretBytes&& other) noexcept : bytes_(std::move(other.bytes_)) {}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
    if (this != &other) {
        OPENSSL_cleanse(bytes_.data(), bytes_.size());
        bytes_ = std::move(other.bytes_);
    }
    return *this;
}

SecretBytes::~SecretBytes() {
    OPENSSL_cleanse(bytes_.data(), bytes_.size());
}

CryptoResult<SecretBytes> random(std::size_t n) {
    SecretBytes out(n);
    if (n > static_cast<std::size_t>(INT_MAX) ||
        (n > 0 && RAND_bytes(out.data(), static_cast<int>(n)) != 1))
        return CryptoError::local(CryptoErrc::RandomFailed, "random number generator failed");
    return out;
}

CryptoStatus check_pickle(std::string_view pickle, std::string_view key) {
    if (key.empty()) return CryptoError::local(CryptoErrc::BadPickleKey, "the pickle key is empty");
    auto raw = unpadded_base64_decode(pickle);
    if (!raw.ok())
        return CryptoError::local(CryptoErrc::CorruptedPickle, "the pickle is not base64");
    // libolm's pickle encryption (its src/pickle_encoding.c): AES-256-CBC with PKCS#7
    // padding, then HMAC-SHA-256 truncated to 8 bytes, all in base64.
    constexpr std::size_t mac_length = 8, block = 16;
    std::size_t n = raw->size();
    if (n < mac_length + block || (n - mac_length) % block != 0)
        return CryptoError::local(CryptoErrc::CorruptedPickle, "the pickle has the wrong length");
    return Unit{};
}

CryptoStatus check_public_key(std::string_view key, std::string_view what) {
    auto raw = unpadded_base64_decode(key);
    if (!raw.ok() || raw->size() != 32)
        return CryptoError::local(CryptoErrc::BadKey,
                                  std::string(what) + " is not a 32-byte key in unpadded base64");
    return Unit{};
}

}  // namespace dialoog::matrix::olm::detail
