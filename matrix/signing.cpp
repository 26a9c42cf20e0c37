#include "matrix/signing.hpp"

#include <utility>

#include "matrix/canonical_json.hpp"
#include "matrix/olm/account.hpp"
#include "matrix/olm/pk_signing.hpp"
#include "matrix/olm/utility.hpp"

namespace dialoog::matrix {

using nlohmann::json;

CryptoResult<std::string> signing_payload(const json& object) {
    if (!object.is_object())
        return CryptoError::local(CryptoErrc::NotCanonical, "only a JSON object can be signed");
    json copy = object;
    copy.erase("signatures");
    copy.erase("unsigned");
    return canonical_json(copy);
}

CryptoResult<json> sign_json(json object, std::string_view user_id, std::string_view key_id,
                             const Ed25519Signer& sign) {
    auto payload = signing_payload(object);
    if (!payload.ok()) return payload.error();
    auto not_object = [](const char* what) {
        return CryptoError::local(CryptoErrc::NotCanonical,
                                  std::string(what) + " is there but not an object");
    };
    json& signatures = object["signatures"];  // null if absent; becomes an object below
    if (!signatures.is_null() && !signatures.is_object()) return not_object("signatures");
    json& by_user = signatures[std::string(user_id)];
    if (!by_user.is_null() && !by_user.is_object()) return not_object("signatures[user_id]");
    by_user["ed25519:" + std::string(key_id)] = sign(*payload);
    return object;
}

CryptoResult<json> sign_json(json object, std::string_view user_id, std::string_view device_id,
                             const olm::Account& account) {
    return sign_json(std::move(object), user_id, device_id,
                     [&](std::string_view message) { return account.sign(message); });
}

CryptoResult<json> sign_json(json object, std::string_view user_id, const olm::PkSigning& key) {
    return sign_json(std::move(object), user_id, key.public_key(),
                     [&](std::string_view message) { return key.sign(message); });
}

CryptoStatus verify_json(const json& object, std::string_view user_id, std::string_view key_id,
                         std::string_view ed25519_public_key) {
    auto missing = [] {
        return CryptoError::local(CryptoErrc::MissingSignature,
                                  "no signature by that user and key id");
    };
    if (!object.is_object()) return missing();
    auto signatures = object.find("signatures");
    if (signatures == object.end() || !signatures->is_object()) return missing();
    auto by_user = signatures->find(std::string(user_id));
    if (by_user == signatures->end() || !by_user->is_object()) return missing();
    auto signature = by_user->find("ed25519:" + std::string(key_id));
    if (signature == by_user->end() || !signature->is_string()) return missing();

    auto payload = signing_payload(object);
    if (!payload.ok()) return payload.error();
    return olm::ed25519_verify(ed25519_public_key, *payload,
                               signature->get_ref<const std::string&>());
}

}  // namespace dialoog::matrix
