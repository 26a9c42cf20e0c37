#pragma once
// Failures of the end-to-end encryption code as values (docs/architecture.md, "Errors"):
// canonical JSON, unpadded base64, signing and the libolm wrappers in matrix/olm/ all return
// CryptoResult<T>. Callers decide on `code`; `errcode` is libolm's own error string
// (olm_*_last_error, e.g. "BAD_MESSAGE_MAC") or a local one, for logs.
//
// Neither field ever holds key material, pickles or plaintext: an error may be logged.

#include <string>

#include "common/result.hpp"

namespace dialoog::matrix {

/// What went wrong. The first group is libolm's `enum OlmErrorCode` one for one (olm/error.h,
/// libolm 3.2); the second is local: checks made before libolm is called, or outside it.
enum class CryptoErrc {
    Other,                   // an OlmErrorCode this list does not name
    NotEnoughRandom,         // NOT_ENOUGH_RANDOM
    OutputBufferTooSmall,    // OUTPUT_BUFFER_TOO_SMALL (a bug in the wrapper if ever seen)
    BadMessageVersion,       // BAD_MESSAGE_VERSION
    BadMessageFormat,        // BAD_MESSAGE_FORMAT: not an Olm/Megolm message
    BadMessageMac,           // BAD_MESSAGE_MAC: tampered, replayed, or not for this session
    BadMessageKeyId,         // BAD_MESSAGE_KEY_ID: a pre-key message for an unknown one-time key
    InvalidBase64,           // INVALID_BASE64
    BadPickleKey,            // BAD_ACCOUNT_KEY: wrong pickle key, or the pickle was altered
    UnknownPickleVersion,    // UNKNOWN_PICKLE_VERSION
    CorruptedPickle,         // CORRUPTED_PICKLE
    BadSessionKey,           // BAD_SESSION_KEY: a Megolm session key of the wrong shape
    UnknownMessageIndex,     // UNKNOWN_MESSAGE_INDEX: Megolm message older than the session
    BadLegacyAccountPickle,  // BAD_LEGACY_ACCOUNT_PICKLE
    BadSignature,            // BAD_SIGNATURE (Megolm), and any failed ed25519 verification
    InputBufferTooSmall,     // INPUT_BUFFER_TOO_SMALL
    PickleExtraData,         // PICKLE_EXTRA_DATA

    NotCanonical,      // local "not_canonical": a value canonical JSON cannot hold
    MalformedBase64,   // local "malformed_base64": not unpadded (or padded) base64
    MissingSignature,  // local "missing_signature": no signature by that user and key id
    BadKey,            // local "bad_key": a key of the wrong length or shape
    RandomFailed,      // local "random_failed": OpenSSL's RAND_bytes failed
};

/// The errcode string of `code`: libolm's name ("BAD_MESSAGE_MAC") or the local one
/// ("not_canonical"); "OTHER" for Other.
const char* to_string(CryptoErrc code);

/// A failed cryptographic operation.
struct CryptoError {
    CryptoErrc code = CryptoErrc::Other;
    /// libolm's error string as returned by olm_*_last_error(), or to_string(code). For logs.
    std::string errcode;
    /// What was being done ("decrypting an Olm message"). Never key material or plaintext.
    std::string message;

    /// An error with a local code: errcode is to_string(code).
    static CryptoError local(CryptoErrc code, std::string message);
};

/// A Result whose failures are cryptographic errors.
template <typename T>
using CryptoResult = Result<T, CryptoError>;
/// CryptoResult for operations without a value.
using CryptoStatus = CryptoResult<Unit>;

}  // namespace dialoog::matrix
