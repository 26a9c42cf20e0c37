#include "matrix/crypto_error.hpp"

#include <utility>

namespace dialoog::matrix {

const char* to_string(CryptoErrc code) {
    switch (code) {
        case CryptoErrc::Other:
            return "OTHER";
        case CryptoErrc::NotEnoughRandom:
            return "NOT_ENOUGH_RANDOM";
        case CryptoErrc::OutputBufferTooSmall:
            return "OUTPUT_BUFFER_TOO_SMALL";
        case CryptoErrc::BadMessageVersion:
            return "BAD_MESSAGE_VERSION";
        case CryptoErrc::BadMessageFormat:
            return "BAD_MESSAGE_FORMAT";
        case CryptoErrc::BadMessageMac:
            return "BAD_MESSAGE_MAC";
        case CryptoErrc::BadMessageKeyId:
            return "BAD_MESSAGE_KEY_ID";
        case CryptoErrc::InvalidBase64:
            return "INVALID_BASE64";
        case CryptoErrc::BadPickleKey:
            return "BAD_ACCOUNT_KEY";
        case CryptoErrc::UnknownPickleVersion:
            return "UNKNOWN_PICKLE_VERSION";
        case CryptoErrc::CorruptedPickle:
            return "CORRUPTED_PICKLE";
        case CryptoErrc::BadSessionKey:
            return "BAD_SESSION_KEY";
        case CryptoErrc::UnknownMessageIndex:
            return "UNKNOWN_MESSAGE_INDEX";
        case CryptoErrc::BadLegacyAccountPickle:
            return "BAD_LEGACY_ACCOUNT_PICKLE";
        case CryptoErrc::BadSignature:
            return "BAD_SIGNATURE";
        case CryptoErrc::InputBufferTooSmall:
            return "INPUT_BUFFER_TOO_SMALL";
        case CryptoErrc::PickleExtraData:
            return "PICKLE_EXTRA_DATA";
        case CryptoErrc::NotCanonical:
            return "not_canonical";
        case CryptoErrc::MalformedBase64:
            return "malformed_base64";
        case CryptoErrc::MissingSignature:
            return "missing_signature";
        case CryptoErrc::BadKey:
            return "bad_key";
        case CryptoErrc::RandomFailed:
            return "random_failed";
    }
    return "OTHER";
}

CryptoError CryptoError::local(CryptoErrc code, std::string message) {
    return CryptoError{code, to_string(code), std::move(message)};
}

}  // namespace dialoog::matrix
