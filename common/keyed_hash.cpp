#include "common/keyed_hash.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <stdexcept>
#include <string>

namespace dialoog {

namespace {

// OpenSSL 3's one-shot HMAC() fetches the algorithm and sets up the key on every call (about
// 5 us, measured; the /sync path hashes several times per event). A context initialised with
// the key is kept per thread, for the last two keys used, and duplicated per message (about
// 2 us). The key stays in this process's memory as it does anyway (Services::mark_key).
class KeyedContexts {
  public:
    ~KeyedContexts() {
        for (auto& s : slots_) EVP_MAC_CTX_free(s.ctx);
        EVP_MAC_free(mac_);
    }
    /// A fresh context for `key`, ready for update/final; nullptr when OpenSSL refuses.
    EVP_MAC_CTX* start(std::string_view key) {
        for (auto& s : slots_)
            if (s.ctx && s.key == key) return EVP_MAC_CTX_dup(s.ctx);
        if (!mac_) mac_ = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
        if (!mac_) return nullptr;
        Slot& s = slots_[next_];
        next_ = (next_ + 1) % 2;
        EVP_MAC_CTX_free(s.ctx);
        s.ctx = EVP_MAC_CTX_new(mac_);
        s.key.assign(key);
        char digest[] = "SHA256";
        OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_construct_end()};
        if (!s.ctx || EVP_MAC_init(s.ctx, reinterpret_cast<const unsigned char*>(key.data()),
                                   key.size(), params) != 1) {
            EVP_MAC_CTX_free(s.ctx);
            s.ctx = nullptr;
            s.key.clear();
            return nullptr;
        }
        return EVP_MAC_CTX_dup(s.ctx);
    }

  private:
    struct Slot {
        std::string key;
        EVP_MAC_CTX* ctx = nullptr;
    };
    EVP_MAC* mac_ = nullptr;
    Slot slots_[2];
    int next_ = 0;
};

}  // namespace

std::array<std::uint8_t, 32> hmac_sha256(std::string_view key, std::string_view message) {
    std::array<std::uint8_t, 32> out{};
    thread_local KeyedContexts contexts;
    if (EVP_MAC_CTX* ctx = contexts.start(key)) {
        std::size_t len = 0;
        bool ok = EVP_MAC_update(ctx, reinterpret_cast<const unsigned char*>(message.data()),
                                 message.size()) == 1 &&
                  EVP_MAC_final(ctx, out.data(), &len, out.size()) == 1 && len == out.size();
        EVP_MAC_CTX_free(ctx);
        if (ok) return out;
    }
    unsigned int len = 0;  // the slow path gives the same result
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), out.data(), &len);
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
