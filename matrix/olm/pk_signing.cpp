#include "matrix/olm/pk_signing.hpp"

#include <olm/olm.h>
#include <olm/pk.h>

#include <new>
#include <stdexcept>

#include "matrix/olm/support.hpp"

namespace dialoog::matrix::olm {

using detail::bytes;

namespace {

/// An OlmPkDecryption for the span of one call: the container pickle() and unpickle() use.
struct PkDecryption {
    PkDecryption() : ptr(olm_pk_decryption(::operator new(olm_pk_decryption_size()))) {}
    ~PkDecryption() {
        olm_clear_pk_decryption(ptr);
        ::operator delete(ptr);
    }
    PkDecryption(const PkDecryption&) = delete;
    PkDecryption& operator=(const PkDecryption&) = delete;

    CryptoError last_error(std::string_view doing) const {
        return detail::from_olm(olm_pk_decryption_last_error_code(ptr),
                                olm_pk_decryption_last_error(ptr), doing);
    }

    OlmPkDecryption* ptr;
};

}  // namespace

void PkSigning::Free::operator()(OlmPkSigning* signing) const {
    olm_clear_pk_signing(signing);
    ::operator delete(signing);
}

PkSigning::PkSigning(std::unique_ptr<OlmPkSigning, Free> signing,
                     std::unique_ptr<detail::SecretBytes> seed, std::string public_key)
    : ptr_(std::move(signing)), seed_(std::move(seed)), public_key_(std::move(public_key)) {}

PkSigning::PkSigning(PkSigning&&) noexcept = default;
PkSigning& PkSigning::operator=(PkSigning&&) noexcept = default;
PkSigning::~PkSigning() = default;

CryptoResult<PkSigning> PkSigning::from_seed(std::string_view seed) {
    static_assert(seed_length == 32);
    if (seed.size() != olm_pk_signing_seed_length())
        return CryptoError::local(CryptoErrc::BadKey, "a signing seed must be 32 bytes");
    std::unique_ptr<OlmPkSigning, Free> signing(
        olm_pk_signing(::operator new(olm_pk_signing_size())));
    auto secret = std::make_unique<detail::SecretBytes>(seed);
    std::string public_key(olm_pk_signing_public_key_length(), '\0');
    if (olm_pk_signing_key_from_seed(signing.get(), public_key.data(), public_key.size(),
                                     secret->data(), secret->size()) == olm_error())
        return detail::from_olm(olm_pk_signing_last_error_code(signing.get()),
                                olm_pk_signing_last_error(signing.get()),
                                "creating a signing key from its seed");
    return PkSigning(std::move(signing), std::move(secret), std::move(public_key));
}

CryptoResult<PkSigning> PkSigning::generate() {
    auto seed = detail::random(seed_length);
    if (!seed.ok()) return seed.error();
    return from_seed(seed->view());
}

CryptoResult<std::string> PkSigning::pickle(std::string_view key) const {
    if (key.empty()) return CryptoError::local(CryptoErrc::BadPickleKey, "the pickle key is empty");
    PkDecryption container;
    std::string curve25519(olm_pk_key_length(), '\0');
    // libolm stores the 32 bytes as given (curve25519 clamps a copy when it computes), so
    // olm_pk_get_private_key returns the seed unchanged.
    if (olm_pk_key_from_private(container.ptr, curve25519.data(), curve25519.size(), seed_->data(),
                                seed_->size()) == olm_error())
        return container.last_error("pickling a signing key");
    std::string out(olm_pickle_pk_decryption_length(container.ptr), '\0');
    std::size_t n =
        olm_pickle_pk_decryption(container.ptr, key.data(), key.size(), out.data(), out.size());
    if (n == olm_error()) return container.last_error("pickling a signing key");
    out.resize(n);
    return out;
}

CryptoResult<PkSigning> PkSigning::unpickle(std::string_view pickle, std::string_view key) {
    if (auto checked = detail::check_pickle(pickle, key); !checked.ok()) return checked.error();
    PkDecryption container;
    std::string buffer = detail::scratch(pickle);
    std::string curve25519(olm_pk_key_length(), '\0');
    if (olm_unpickle_pk_decryption(container.ptr, key.data(), key.size(), buffer.data(),
                                   buffer.size(), curve25519.data(),
                                   curve25519.size()) == olm_error())
        return container.last_error("unpickling a signing key");
    detail::SecretBytes seed(olm_pk_private_key_length());
    if (seed.size() != seed_length ||
        olm_pk_get_private_key(container.ptr, seed.data(), seed.size()) == olm_error())
        return CryptoError::local(CryptoErrc::CorruptedPickle, "the pickle holds no seed");
    return from_seed(seed.view());
}

std::string PkSigning::seed() const {
    return std::string(seed_->view());
}

std::string PkSigning::sign(std::string_view message) const {
    std::string signature(olm_pk_signature_length(), '\0');
    std::size_t n =
        olm_pk_sign(ptr_.get(), bytes(message), message.size(), bytes(signature), signature.size());
    if (n == olm_error()) throw std::logic_error("olm_pk_sign failed");
    signature.resize(n);
    return signature;
}

}  // namespace dialoog::matrix::olm
