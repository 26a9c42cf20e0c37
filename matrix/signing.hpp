#pragma once
// Signing JSON and checking signatures (Matrix spec, Appendices, "Signing JSON" > "Signing
// Details" and "Checking for a Signature"; Client-Server API, "End-to-End Encryption" >
// "Signing JSON" for `device_keys`, `one_time_keys`, `fallback_keys` and cross-signing keys).
//
// A signature covers the canonical JSON (matrix/canonical_json.hpp) of the object without
// its `signatures` and `unsigned` members, and is stored as
// `signatures[<user id>]["ed25519:<key id>"]` = unpadded base64 of the 64-byte signature.
// For a device key the key id is the device id; for a cross-signing key it is the key's
// public key (spec "Cross-signing").

#include <functional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "matrix/crypto_error.hpp"

namespace dialoog::matrix {

namespace olm {
class Account;
class PkSigning;
}  // namespace olm

/// The bytes a signature of `object` covers: its canonical JSON without `signatures` and
/// `unsigned`. Fails with NotCanonical when `object` is not a JSON object or holds a value
/// canonical JSON cannot (a float, an integer out of range, invalid UTF-8).
CryptoResult<std::string> signing_payload(const nlohmann::json& object);

/// Makes an ed25519 signature of `message`, unpadded base64.
using Ed25519Signer = std::function<std::string(std::string_view message)>;

/// `object` signed by `user_id` with the key `key_id` (without the "ed25519:" prefix, which
/// is added): the signature goes to `signatures[user_id]["ed25519:" + key_id]`; signatures
/// already there (other users, other keys) and `unsigned` are kept, and a signature with the
/// same user and key id is replaced. Fails with NotCanonical as signing_payload() does, or
/// when `signatures` or `signatures[user_id]` is there but not an object.
CryptoResult<nlohmann::json> sign_json(nlohmann::json object, std::string_view user_id,
                                       std::string_view key_id, const Ed25519Signer& sign);

/// sign_json with a device's identity key (key id: the device id).
CryptoResult<nlohmann::json> sign_json(nlohmann::json object, std::string_view user_id,
                                       std::string_view device_id, const olm::Account& account);

/// sign_json with a cross-signing key (key id: its public key, key.public_key()).
CryptoResult<nlohmann::json> sign_json(nlohmann::json object, std::string_view user_id,
                                       const olm::PkSigning& key);

/// Checks the signature `signatures[user_id]["ed25519:" + key_id]` of `object` against
/// `ed25519_public_key` (unpadded base64, 32 bytes), as "Checking for a Signature" says.
/// Fails with MissingSignature when there is no such signature (or it is not a string),
/// NotCanonical when the object cannot be canonicalised, BadKey for a malformed public key,
/// MalformedBase64 / BadSignature for a signature that is malformed or does not verify
/// (olm::ed25519_verify, which also refuses malleable signatures).
CryptoStatus verify_json(const nlohmann::json& object, std::string_view user_id,
                         std::string_view key_id, std::string_view ed25519_public_key);

}  // namespace dialoog::matrix
