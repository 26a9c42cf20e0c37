#include "common/keyed_hash.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <stdexcept>

namespace dialoog {

std::array<std::uint8_t, 32> hmac_sha256(std::string_view key, std::string_view message) {
    std::array<std::uint8_t, 32> out{};
    unsigned int len = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), out.data(),
         &len);
    return out;
}

std::string to_hex(std::string_view raw) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(raw.size() * 2);
    for (unsigned char c : raw) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

std::string from_hex(std::string_view hex) {
    auto val = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    if (hex.size() % 2) return {};
    std::string out;
    out.reserve(hex.size() / 2);
    for (std::size_t i = 0; i < hex.size(); i += 2) {
        int a = val(hex[i]), b = val(hex[i + 1]);
        if (a < 0 || b < 0) return {};
        out.push_back(static_cast<char>(a * 16 + b));
    }
    return out;
}

std::string hmac_hex(std::string_view key, std::string_view message, std::size_t bytes) {
    auto mac = hmac_sha256(key, message);
    if (bytes > mac.size()) bytes = mac.size();
    return to_hex(std::string_view(reinterpret_cast<const char*>(mac.data()), bytes));
}

std::string random_bytes(std::size_t n) {
    std::string out(n, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(out.data()), static_cast<int>(n)) != 1)
        throw std::runtime_error("random number generator failed");
    return out;
}

}  // namespace dialoog
