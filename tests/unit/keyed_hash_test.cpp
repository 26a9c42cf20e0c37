// HMAC-SHA256 against the RFC 4231 test vectors, also when keys alternate (the per-thread
// context cache holds two keys, so a third one evicts) and for an empty message.
#include <gtest/gtest.h>

#include <string>

#include "common/keyed_hash.hpp"

using dialoog::hmac_hex;

namespace {

struct Vector {
    std::string key;
    std::string data;
    std::string mac;  // full 32 bytes, hex
};

const Vector kCase1{std::string(20, '\x0b'), "Hi There",
                    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"};
const Vector kCase2{"Jefe", "what do ya want for nothing?",
                    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"};
const Vector kCase6{std::string(131, '\xaa'),
                    "Test Using Larger Than Block-Size Key - Hash Key First",
                    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"};

}  // namespace

TEST(KeyedHash, Rfc4231Vectors) {
    for (const auto* v : {&kCase1, &kCase2, &kCase6})
        EXPECT_EQ(hmac_hex(v->key, v->data, 32), v->mac) << v->data;
}

TEST(KeyedHash, AlternatingKeysGiveTheSameResults) {
    for (int round = 0; round < 3; ++round)
        for (const auto* v : {&kCase1, &kCase2, &kCase6, &kCase2, &kCase1})
            EXPECT_EQ(hmac_hex(v->key, v->data, 32), v->mac) << round << " " << v->data;
    EXPECT_EQ(hmac_hex(kCase2.key, kCase2.data), kCase2.mac.substr(0, 32));  // default 16 bytes
}

TEST(KeyedHash, EmptyMessageAndEmptyKey) {
    // HMAC-SHA256("", "") and ("key", "The quick brown fox jumps over the lazy dog").
    EXPECT_EQ(hmac_hex("", "", 32),
              "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
    EXPECT_EQ(hmac_hex("key", "The quick brown fox jumps over the lazy dog", 32),
              "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
}
