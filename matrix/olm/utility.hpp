#pragma once
// libolm's stateless helpers (OlmUtility, <olm/olm.h>): ed25519 verification and SHA-256,
// both with unpadded base64 on the outside (Matrix spec, Appendices, "Unpadded Base64").

#include <string>
#include <string_view>

#include "matrix/crypto_error.hpp"

namespace dialoog::matrix::olm {

/// Checks that `signature` (unpadded base64, 64 bytes) is the ed25519 signature of
/// `message` by `public_key` (unpadded base64, 32 bytes: a device's `ed25519:<device_id>` or
/// a cross-signing key). Fails with BadKey for a key that is not 32 bytes of base64,
/// MalformedBase64 for a signature that is no base64, BadSignature for a signature of the
/// wrong length, a non-canonical one, or one that does not verify.
///
/// Non-canonical: libolm 3.2 accepts a signature whose scalar S is not reduced below the
/// group order L (CVE-2024-45193, malleability: S + L verifies too). This check refuses
/// those, as RFC 8032 section 5.1.7 asks, so one message has one valid signature per key.
CryptoStatus ed25519_verify(std::string_view public_key, std::string_view message,
                            std::string_view signature);

/// The SHA-256 of `input`, unpadded base64 (43 characters), as Matrix writes hashes.
std::string sha256(std::string_view input);

}  // namespace dialoog::matrix::olm
