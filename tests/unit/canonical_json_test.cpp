// matrix/canonical_json.hpp and matrix/base64.hpp against the Matrix spec's own examples:
// Appendices "Unpadded Base64" and "Canonical JSON" > "Examples".
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include <cmath>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "matrix/base64.hpp"
#include "matrix/canonical_json.hpp"

using namespace dialoog::matrix;
using nlohmann::json;

namespace {

std::string canon(const json& j) {
    auto r = canonical_json(j);
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? *r : std::string();
}

std::string canon_text(const char* text) {
    return canon(json::parse(text));
}

CryptoErrc canon_error(const json& j) {
    auto r = canonical_json(j);
    EXPECT_FALSE(r.ok()) << "written as " << (r.ok() ? *r : "");
    return r.ok() ? CryptoErrc::Other : r.error().code;
}

}  // namespace

// ---- Canonical JSON (spec Appendices, "Canonical JSON" > "Examples") ------------------------

TEST(CanonicalJson, SpecExamples) {
    EXPECT_EQ(canon_text("{}"), "{}");
    EXPECT_EQ(canon_text(R"({
        "one": 1,
        "two": "Two"
    })"),
              R"({"one":1,"two":"Two"})");
    EXPECT_EQ(canon_text(R"({
        "b": "2",
        "a": "1"
    })"),
              R"({"a":"1","b":"2"})");
    EXPECT_EQ(canon_text(R"({"b":"2","a":"1"})"), R"({"a":"1","b":"2"})");
    EXPECT_EQ(canon_text(R"({
        "auth": {
            "success": true,
            "mxid": "@john.doe:example.com",
            "profile": {
                "display_name": "John Doe",
                "three_pids": [
                    {
                        "medium": "email",
                        "address": "john.doe@example.org"
                    },
                    {
                        "medium": "msisdn",
                        "address": "123456789"
                    }
                ]
            }
        }
    })"),
              R"({"auth":{"mxid":"@john.doe:example.com","profile":{"display_name":"John Doe",)"
              R"("three_pids":[{"address":"john.doe@example.org","medium":"email"},)"
              R"({"address":"123456789","medium":"msisdn"}]},"success":true}})");
    EXPECT_EQ(canon_text(R"({"a": "日本語"})"), R"({"a":"日本語"})");
    EXPECT_EQ(canon_text(R"({"本": 2, "日": 1})"), R"({"日":1,"本":2})");
    EXPECT_EQ(canon_text(R"({"a": "\u65E5"})"), R"({"a":"日"})");
    EXPECT_EQ(canon_text(R"({"a": null})"), R"({"a":null})");
    EXPECT_EQ(canon_text(R"({"a": -0, "b": 1e10})"), R"({"a":0,"b":10000000000})");
}

TEST(CanonicalJson, KeysSortByCodePointNotUtf16) {
    // U+FF61 sorts before U+1F600 by code point; in UTF-16 (JavaScript's sort) the surrogate
    // pair of U+1F600 (D83D …) would come first.
    json j = {{"\xF0\x9F\x98\x80", 1}, {"\xEF\xBD\xA1", 2}, {"a", 3}, {"B", 4}, {"\x7F", 5},
              {"\xC3\xA9", 6}};
    EXPECT_EQ(canon(j),
              "{\"B\":4,\"a\":3,\"\x7F\":5,\"\xC3\xA9\":6,\"\xEF\xBD\xA1\":2,"
              "\"\xF0\x9F\x98\x80\":1}");
}

TEST(CanonicalJson, OnlyTheEscapesOfTheGrammar) {
    std::string s("\x00\x01\b\t\n\x0B\f\r\x1F\"\\/ \x7F\xE2\x80\xA8", 17);
    EXPECT_EQ(canon(json(s)),
              "\"\\u0000\\u0001\\b\\t\\n\\u000b\\f\\r\\u001f\\\"\\\\/ \x7F\xE2\x80\xA8\"");
}

TEST(CanonicalJson, ValuesAndNesting) {
    EXPECT_EQ(canon_text(R"([true, false, null, [], {}, [1, [2, {"z": [], "y": -3}]]])"),
              R"([true,false,null,[],{},[1,[2,{"y":-3,"z":[]}]]])");
    EXPECT_EQ(canon_text(R"("plain")"), R"("plain")");
}

TEST(CanonicalJson, IntegersOnlyWithinTwoToTheFiftyThree) {
    EXPECT_EQ(canon(json(canonical_json_max_integer)), "9007199254740991");
    EXPECT_EQ(canon(json(-canonical_json_max_integer)), "-9007199254740991");
    EXPECT_EQ(canon_text("9007199254740991"), "9007199254740991");
    EXPECT_EQ(canon_error(json::parse("9007199254740992")), CryptoErrc::NotCanonical);
    EXPECT_EQ(canon_error(json::parse("-9007199254740992")), CryptoErrc::NotCanonical);
    EXPECT_EQ(canon_error(json(std::numeric_limits<std::uint64_t>::max())),
              CryptoErrc::NotCanonical);
    EXPECT_EQ(canon_error(json(std::numeric_limits<std::int64_t>::min())),
              CryptoErrc::NotCanonical);
}

TEST(CanonicalJson, FloatsAreErrorsUnlessWholeNumbers) {
    EXPECT_EQ(canon_error(json::parse(R"({"a": 1.5})")), CryptoErrc::NotCanonical);
    EXPECT_EQ(canon_error(json::parse(R"([0.1])")), CryptoErrc::NotCanonical);
    EXPECT_EQ(canon_error(json::parse("1e300")), CryptoErrc::NotCanonical);
    EXPECT_EQ(canon_error(json(std::nan(""))), CryptoErrc::NotCanonical);
    EXPECT_EQ(canon_error(json(std::numeric_limits<double>::infinity())), CryptoErrc::NotCanonical);
    EXPECT_EQ(canon_error(json(9007199254740992.0)), CryptoErrc::NotCanonical);
    // A float that is an integer exactly is that integer (the spec's 1e10 example).
    EXPECT_EQ(canon(json(-0.0)), "0");
    EXPECT_EQ(canon(json(2.0)), "2");
    auto r = canonical_json(json::parse(R"({"a": 1.5})"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().errcode, "not_canonical");
    EXPECT_EQ(r.error().message.find("1.5"), std::string::npos);  // never the value
}

TEST(CanonicalJson, InvalidUtf8IsAnError) {
    for (const char* bad : {"\xFF", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                            "\xC3", "a\x80"}) {
        EXPECT_EQ(canon_error(json(std::string(bad))), CryptoErrc::NotCanonical) << bad;
        json key_bad = json::object();
        key_bad[std::string(bad)] = 1;
        EXPECT_EQ(canon_error(key_bad), CryptoErrc::NotCanonical);
    }
    EXPECT_EQ(canon(json("\xF0\x9F\x98\x80")), "\"\xF0\x9F\x98\x80\"");
    EXPECT_EQ(canon(json("\xF4\x8F\xBF\xBF")), "\"\xF4\x8F\xBF\xBF\"");  // U+10FFFF
    EXPECT_EQ(canon_error(json::binary({1, 2, 3})), CryptoErrc::NotCanonical);
}

// ---- Unpadded base64 (spec Appendices, "Unpadded Base64") ------------------------------------

TEST(UnpaddedBase64, SpecExamples) {
    const std::pair<const char*, const char*> examples[] = {
        {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},         {"foo", "Zm9v"},
        {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}};
    for (auto [plain, encoded] : examples) {
        EXPECT_EQ(unpadded_base64_encode(plain), encoded);
        auto back = unpadded_base64_decode(encoded);
        ASSERT_TRUE(back.ok()) << encoded;
        EXPECT_EQ(*back, plain);
    }
}

TEST(UnpaddedBase64, AcceptsPaddedInput) {
    EXPECT_EQ(*unpadded_base64_decode("Zg=="), "f");
    EXPECT_EQ(*unpadded_base64_decode("Zm8="), "fo");
    EXPECT_EQ(*unpadded_base64_decode("Zm9vYmFy"), "foobar");
}

TEST(UnpaddedBase64, IgnoresBitsAfterTheLastByte) {
    // The spec's test-vector seed ends in "1" (0b110101): its last two bits are not zero.
    auto seed = unpadded_base64_decode("YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1");
    ASSERT_TRUE(seed.ok());
    EXPECT_EQ(seed->size(), 32u);
    EXPECT_EQ(unpadded_base64_encode(*seed), "YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA0");
    EXPECT_EQ(*unpadded_base64_decode("Zh"), "f");
    EXPECT_EQ(*unpadded_base64_decode("Zm9"), "fo");
}

TEST(UnpaddedBase64, RejectsMalformedInput) {
    for (const char* bad :
         {"Z", "Zm9vY", "Zg=", "Zg===", "Z===", "=Zm9", "Zg==Zg==", "Zm-v", "Zm_v", "Zm9v\n",
          " Zm9v", "Zm 9v", "Zm9v====", "Zm9v!", "\xC3\xA9\xC3\xA9"}) {
        auto r = unpadded_base64_decode(bad);
        EXPECT_FALSE(r.ok()) << bad;
        if (!r.ok()) {
            EXPECT_EQ(r.error().code, CryptoErrc::MalformedBase64);
        }
    }
}

TEST(UnpaddedBase64, AgreesWithOpenSslOnEveryByteAndLength) {
    std::string all;
    for (int i = 0; i < 256; ++i) all.push_back(static_cast<char>(i));
    for (std::size_t len = 0; len <= all.size(); len += (len < 70 ? 1 : 31)) {
        std::string in = all.substr(256 - len);
        std::string padded(4 * ((len + 2) / 3) + 1, '\0');
        int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(padded.data()),
                                reinterpret_cast<const unsigned char*>(in.data()),
                                static_cast<int>(len));
        padded.resize(static_cast<std::size_t>(n));
        std::string unpadded = padded.substr(0, padded.find_last_not_of('=') + 1);
        if (len == 0) unpadded.clear();
        EXPECT_EQ(unpadded_base64_encode(in), unpadded) << len;
        auto back = unpadded_base64_decode(unpadded);
        ASSERT_TRUE(back.ok()) << len;
        EXPECT_EQ(*back, in);
        auto back_padded = unpadded_base64_decode(padded);
        ASSERT_TRUE(back_padded.ok()) << len;
        EXPECT_EQ(*back_padded, in);
    }
}
