#include "matrix/olm/account.hpp"

#include <olm/olm.h>

#include <new>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "matrix/olm/session.hpp"
#include "matrix/olm/support.hpp"

namespace dialoog::matrix::olm {

namespace {

/// libolm writes its key lists as JSON: {"curve25519": {"<key id>": "<key>", …}}.
std::map<std::string, std::string> curve25519_keys(const std::string& text) {
    std::map<std::string, std::string> keys;
    auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object())
        throw std::logic_error("libolm returned a key list that is not JSON");
    auto it = j.find("curve25519");
    if (it == j.end() || !it->is_object()) return keys;
    for (auto k = it->begin(); k != it->end(); ++k)
        if (k.value().is_string()) keys.emplace(k.key(), k.value().get<std::string>());
    return keys;
}

}  // namespace

void Account::Free::operator()(OlmAccount* account) const {
    olm_clear_account(account);
    ::operator delete(account);
}

std::unique_ptr<OlmAccount, Account::Free> Account::allocate() {
    void* memory = ::operator new(olm_account_size());
    return std::unique_ptr<OlmAccount, Free>(olm_account(memory));
}

CryptoError Account::last_error(std::string_view doing) const {
    return detail::from_olm(olm_account_last_error_code(ptr_.get()),
                            olm_account_last_error(ptr_.get()), doing);
}

CryptoResult<Account> Account::create() {
    Account account(allocate());
    auto random = detail::random(olm_create_account_random_length(account.ptr_.get()));
    if (!random.ok()) return random.error();
    if (olm_create_account(account.ptr_.get(), random->data(), random->size()) == olm_error())
        return account.last_error("creating an Olm account");
    return account;
}

CryptoResult<Account> Account::unpickle(std::string_view pickle, std::string_view key) {
    if (auto checked = detail::check_pickle(pickle, key); !checked.ok()) return checked.error();
    Account account(allocate());
    std::string buffer = detail::scratch(pickle);
    if (olm_unpickle_account(account.ptr_.get(), key.data(), key.size(), buffer.data(),
                             buffer.size()) == olm_error())
        return account.last_error("unpickling an Olm account");
    return account;
}

CryptoResult<std::string> Account::pickle(std::string_view key) const {
    if (key.empty()) return CryptoError::local(CryptoErrc::BadPickleKey, "the pickle key is empty");
    std::string out(olm_pickle_account_length(ptr_.get()), '\0');
    std::size_t n = olm_pickle_account(ptr_.get(), key.data(), key.size(), out.data(), out.size());
    if (n == olm_error()) return last_error("pickling an Olm account");
    out.resize(n);
    return out;
}

IdentityKeys Account::identity_keys() const {
    std::string text(olm_account_identity_keys_length(ptr_.get()), '\0');
    std::size_t n = olm_account_identity_keys(ptr_.get(), text.data(), text.size());
    if (n == olm_error()) throw std::logic_error("olm_account_identity_keys failed");
    text.resize(n);
    auto j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.contains("curve25519") || !j.contains("ed25519"))
        throw std::logic_error("libolm returned identity keys that are not JSON");
    return IdentityKeys{j["curve25519"].get<std::string>(), j["ed25519"].get<std::string>()};
}

std::string Account::sign(std::string_view message) const {
    std::string signature(olm_account_signature_length(ptr_.get()), '\0');
    std::size_t n = olm_account_sign(ptr_.get(), message.data(), message.size(), signature.data(),
                                     signature.size());
    if (n == olm_error()) throw std::logic_error("olm_account_sign failed");
    signature.resize(n);
    return signature;
}

std::size_t Account::max_number_of_one_time_keys() const {
    return olm_account_max_number_of_one_time_keys(ptr_.get());
}

CryptoStatus Account::generate_one_time_keys(std::size_t count) {
    auto random =
        detail::random(olm_account_generate_one_time_keys_random_length(ptr_.get(), count));
    if (!random.ok()) return random.error();
    if (olm_account_generate_one_time_keys(ptr_.get(), count, random->data(), random->size()) ==
        olm_error())
        return last_error("generating one-time keys");
    return Unit{};
}

std::map<std::string, std::string> Account::unpublished_one_time_keys() const {
    std::string text(olm_account_one_time_keys_length(ptr_.get()), '\0');
    std::size_t n = olm_account_one_time_keys(ptr_.get(), text.data(), text.size());
    if (n == olm_error()) throw std::logic_error("olm_account_one_time_keys failed");
    text.resize(n);
    return curve25519_keys(text);
}

std::size_t Account::mark_keys_as_published() {
    return olm_account_mark_keys_as_published(ptr_.get());
}

CryptoStatus Account::generate_fallback_key() {
    auto random = detail::random(olm_account_generate_fallback_key_random_length(ptr_.get()));
    if (!random.ok()) return random.error();
    if (olm_account_generate_fallback_key(ptr_.get(), random->data(), random->size()) ==
        olm_error())
        return last_error("generating a fallback key");
    return Unit{};
}

std::map<std::string, std::string> Account::unpublished_fallback_key() const {
    std::string text(olm_account_unpublished_fallback_key_length(ptr_.get()), '\0');
    std::size_t n = olm_account_unpublished_fallback_key(ptr_.get(), text.data(), text.size());
    if (n == olm_error()) throw std::logic_error("olm_account_unpublished_fallback_key failed");
    text.resize(n);
    return curve25519_keys(text);
}

void Account::forget_old_fallback_key() {
    olm_account_forget_old_fallback_key(ptr_.get());
}

CryptoStatus Account::remove_one_time_keys(const Session& session) {
    if (olm_remove_one_time_keys(ptr_.get(), session.ptr_.get()) == olm_error())
        return last_error("removing the one-time key of a session");
    return Unit{};
}

}  // namespace dialoog::matrix::olm
