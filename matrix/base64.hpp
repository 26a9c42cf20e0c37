#pragma once
// Unpadded base64 (Matrix spec, Appendices, "Unpadded Base64"): RFC 4648's standard alphabet
// (A-Z a-z 0-9 + /) without the "=" padding. Keys, signatures, session ids and Olm/Megolm
// ciphertexts travel in this form.
//
// Both directions map characters with arithmetic instead of a lookup table, so the time taken
// does not depend on the bytes (only on the length): the input may be a secret (a Megolm
// session key, a cross-signing seed). libolm's own decoder uses a table, which is one of the
// side channels docs/security.md describes.

#include <string>
#include <string_view>

#include "matrix/crypto_error.hpp"

namespace dialoog::matrix {

/// `bytes` as unpadded base64: 4 characters per 3 bytes, the last group 2 or 3 characters
/// ("f" -> "Zg", "fo" -> "Zm8", "foo" -> "Zm9v").
std::string unpadded_base64_encode(std::string_view bytes);

/// The bytes `text` encodes. Accepts unpadded input and, as the spec asks decoders to
/// ("SHOULD accept input with or without padding"), correctly padded input ("Zg==").
/// Fails with CryptoErrc::MalformedBase64 for a character outside the standard alphabet
/// (including the URL-safe "-" and "_", whitespace and a misplaced "=") and a length that
/// leaves one character over (length % 4 == 1).
///
/// Bits after the last byte are ignored, not refused ("Zh" is "f", as "Zg" is): the spec's
/// own signing-key seed in "Cryptographic Test Vectors" ends in such bits, and other
/// implementations (Python's base64, libolm) accept them. So one byte string may have more
/// than one encoding: compare decoded bytes, not base64 text, where that matters.
CryptoResult<std::string> unpadded_base64_decode(std::string_view text);

}  // namespace dialoog::matrix
