#include "matrix/olm/utility.hpp"

#include <olm/olm.h>

#include <array>
#include <cstdint>
#include <memory>
#include <new>
#include <stdexcept>

#include "matrix/base64.hpp"
#include "matrix/olm/support.hpp"

namespace dialoog::matrix::olm {

namespace {

struct FreeUtility {
    void operator()(OlmUtility* utility) const {
        olm_clear_utility(utility);
        ::operator delete(utility);
    }
};
using Utility = std::unique_ptr<OlmUtility, FreeUtility>;

Utility make_utility() {
    return Utility(olm_utility(::operator new(olm_utility_size())));
}

/// True when the scalar S (the second half of an ed25519 signature, 32 bytes little-endian)
/// is below the group order L = 2^252 + 27742317777372353535851937790883648493
/// (RFC 8032 section 5.1.7: "if ... S >= L, the signature is invalid").
bool scalar_is_reduced(const std::uint8_t* s) {
    static constexpr std::array<std::uint8_t, 32> order = {
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
        0xa2, 0xde, 0xf9, 0xde, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};
    for (int i = 31; i >= 0; --i) {
        if (s[i] < order[static_cast<std::size_t>(i)]) return true;
        if (s[i] > order[static_cast<std::size_t>(i)]) return false;
    }
    return false;  // S == L
}

}  // namespace

CryptoStatus ed25519_verify(std::string_view public_key, std::string_view message,
                            std::string_view signature) {
    if (auto ok = detail::check_public_key(public_key, "the ed25519 key"); !ok.ok())
        return ok.error();
    auto raw = unpadded_base64_decode(signature);
    if (!raw.ok()) return raw.error();
    if (raw->size() != 64)
        return CryptoError::local(CryptoErrc::BadSignature, "a signature must be 64 bytes");
    if (!scalar_is_reduced(reinterpret_cast<const std::uint8_t*>(raw->data()) + 32))
        return CryptoError::local(CryptoErrc::BadSignature, "the signature is not canonical");

    Utility utility = make_utility();
    std::string buffer(signature);  // libolm decodes the signature in place
    if (olm_ed25519_verify(utility.get(), public_key.data(), public_key.size(), message.data(),
                           message.size(), buffer.data(), buffer.size()) == olm_error()) {
        // libolm reports a signature that does not verify as BAD_MESSAGE_MAC.
        CryptoError e = detail::from_olm(olm_utility_last_error_code(utility.get()),
                                         olm_utility_last_error(utility.get()),
                                         "verifying an ed25519 signature");
        if (e.code == CryptoErrc::BadMessageMac) e.code = CryptoErrc::BadSignature;
        return e;
    }
    return Unit{};
}

std::string sha256(std::string_view input) {
    Utility utility = make_utility();
    std::string out(olm_sha256_length(utility.get()), '\0');
    std::size_t n = olm_sha256(utility.get(), input.data(), input.size(), out.data(), out.size());
    if (n == olm_error()) throw std::logic_error("olm_sha256 failed");
    out.resize(n);
    return out;
}

}  // namespace dialoog::matrix::olm
