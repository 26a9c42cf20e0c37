// matrix/canonical_json.hpp, matrix/base64.hpp and matrix/signing.hpp against the Matrix
// spec's own examples: Appendices "Unpadded Base64", "Canonical JSON" > "Examples", and
// "Cryptographic Test Vectors" (JSON signing and event signing with the seed
// YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1).
#include <gtest/gtest.h>

#include <openssl/evp.h>

#include <cmath>
#include <limits>
#include <string>

#include <nlohmann/json.hpp>

#include "matrix/base64.hpp"
#include "matrix/canonical_json.hpp"
#include "matrix/olm/account.hpp"
#include "matrix/olm/pk_signing.hpp"
#include "matrix/olm/utility.hpp"
#include "matrix/signing.hpp"

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

// ---- Signing JSON (spec Appendices, "Cryptographic Test Vectors") ----------------------------

namespace {

const char* spec_seed = "YJDBA9Xnr2sVqXD9Vj7XVUnmFZcZrlw8Md7kMW+3XA1";

olm::PkSigning spec_key() {
    auto seed = unpadded_base64_decode(spec_seed);
    EXPECT_TRUE(seed.ok());
    auto key = olm::PkSigning::from_seed(*seed);
    EXPECT_TRUE(key.ok()) << key.error().message;
    return std::move(key).value();
}

/// Signs as the spec's vectors do: SERVER_NAME "domain", KEY_ID "ed25519:1".
json spec_sign(const olm::PkSigning& key, json object) {
    auto signed_ = sign_json(std::move(object), "domain", "1",
                             [&](std::string_view m) { return key.sign(m); });
    EXPECT_TRUE(signed_.ok()) << signed_.error().message;
    return signed_.ok() ? *signed_ : json();
}

}  // namespace

TEST(SigningJson, SpecVectorEmptyObject) {
    auto key = spec_key();
    EXPECT_EQ(spec_sign(key, json::object()), json::parse(R"({
        "signatures": {
            "domain": {
                "ed25519:1": "K8280/U9SSy9IVtjBuVeLr+HpOB4BQFWbg+UZaADMtTdGYI7Geitb76LTrr5QV/7Xg4ahLwYGYZzuHGZKM5ZAQ"
            }
        }
    })"));
}

TEST(SigningJson, SpecVectorObjectWithData) {
    auto key = spec_key();
    json signed_ = spec_sign(key, json::parse(R"({"one": 1, "two": "Two"})"));
    EXPECT_EQ(signed_, json::parse(R"({
        "one": 1,
        "signatures": {
            "domain": {
                "ed25519:1": "KqmLSbO39/Bzb0QIYE82zqLwsA+PDzYIpIRA2sRQ4sL53+sN6/fpNSoqE7BP7vBZhG6kYdD13EIMJpvhJI+6Bw"
            }
        },
        "two": "Two"
    })"));
    EXPECT_TRUE(verify_json(signed_, "domain", "1", key.public_key()).ok());
}

TEST(SigningJson, SpecVectorMinimalEvent) {
    // "Event Signing": the content hash covers the event without unsigned, signatures and
    // hashes; the signature covers the redacted event (here: every key is kept by the
    // redaction algorithm) with the hash, without unsigned.
    auto key = spec_key();
    json event = json::parse(R"({
        "room_id": "!x:domain",
        "sender": "@a:domain",
        "origin": "domain",
        "origin_server_ts": 1000000,
        "signatures": {},
        "hashes": {},
        "type": "X",
        "content": {},
        "prev_events": [],
        "auth_events": [],
        "depth": 3,
        "unsigned": {
            "age_ts": 1000000
        }
    })");
    json hashed = event;
    for (const char* k : {"unsigned", "signatures", "hashes"}) hashed.erase(k);
    EXPECT_EQ(olm::sha256(canon(hashed)), "5jM4wQpv6lnBo7CLIghJuHdW+s2CMBJPUOGOC89ncos");
    event["hashes"] = {{"sha256", olm::sha256(canon(hashed))}};
    json signed_ = spec_sign(key, event);
    EXPECT_EQ(signed_["signatures"]["domain"]["ed25519:1"],
              "KxwGjPSDEtvnFgU00fwFz+l6d2pJM6XBIaMEn81SXPTRl16AqLAYqfIReFGZlHi5KLjAWbOoMszkwsQma+"
              "lYAg");
    EXPECT_EQ(signed_["unsigned"], json({{"age_ts", 1000000}}));  // kept, not signed
}

TEST(SigningJson, SpecVectorRedactableEvent) {
    auto key = spec_key();
    json event = json::parse(R"({
        "content": {
            "body": "Here is the message content"
        },
        "event_id": "$0:domain",
        "origin": "domain",
        "origin_server_ts": 1000000,
        "type": "m.room.message",
        "room_id": "!r:domain",
        "sender": "@u:domain",
        "signatures": {},
        "unsigned": {
            "age_ts": 1000000
        }
    })");
    json hashed = event;
    for (const char* k : {"unsigned", "signatures", "hashes"}) hashed.erase(k);
    EXPECT_EQ(olm::sha256(canon(hashed)), "onLKD1bGljeBWQhWZ1kaP9SorVmRQNdN5aM2JYU2n/g");
    // Redacted: an m.room.message keeps no content keys.
    json redacted = event;
    redacted["content"] = json::object();
    redacted["hashes"] = {{"sha256", olm::sha256(canon(hashed))}};
    json signed_ = spec_sign(key, redacted);
    EXPECT_EQ(signed_["signatures"]["domain"]["ed25519:1"],
              "Wm+VzmOUOz08Ds+0NTWb1d4CZrVsJSikkeRxh6aCcUwu6pNC78FunoD7KNWzqFn241eYHYMGCA5McEiVPdhz"
              "BA");
}

TEST(SigningJson, DeviceKeysSignedByTheAccountVerify) {
    auto account = olm::Account::create();
    ASSERT_TRUE(account.ok());
    auto ids = account->identity_keys();
    json device_keys = {
        {"user_id", "@dialoogbot:example.org"},
        {"device_id", "DIALOOGBOT"},
        {"algorithms", {"m.olm.v1.curve25519-aes-sha2", "m.megolm.v1.aes-sha2"}},
        {"keys", {{"curve25519:DIALOOGBOT", ids.curve25519}, {"ed25519:DIALOOGBOT", ids.ed25519}}},
    };
    auto signed_ = sign_json(device_keys, "@dialoogbot:example.org", "DIALOOGBOT", *account);
    ASSERT_TRUE(signed_.ok()) << signed_.error().message;
    ASSERT_TRUE(signed_->contains("signatures"));
    EXPECT_EQ((*signed_)["signatures"]["@dialoogbot:example.org"]["ed25519:DIALOOGBOT"]
                  .get<std::string>()
                  .size(),
              86u);
    EXPECT_TRUE(verify_json(*signed_, "@dialoogbot:example.org", "DIALOOGBOT", ids.ed25519).ok());

    // unsigned and further signatures do not change what was signed.
    json later = *signed_;
    later["unsigned"] = {{"device_display_name", "dialoogbot"}};
    later["signatures"]["@admin:example.org"]["ed25519:OTHER"] = "x";
    EXPECT_TRUE(verify_json(later, "@dialoogbot:example.org", "DIALOOGBOT", ids.ed25519).ok());

    // Any change to a signed field fails.
    json altered = *signed_;
    altered["device_id"] = "EVIL";
    auto bad = verify_json(altered, "@dialoogbot:example.org", "DIALOOGBOT", ids.ed25519);
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, CryptoErrc::BadSignature);
}

TEST(SigningJson, KeepsExistingSignaturesAndUnsigned) {
    auto key = olm::PkSigning::generate();
    ASSERT_TRUE(key.ok());
    json object = json::parse(R"({
        "key": "zKbLg+NrIjpnagy+pIY6uPL4ZwEG2v+8F9lmgsnlZzs",
        "signatures": {"@alice:example.org": {"ed25519:JLAFKJWSCS": "sig"}},
        "unsigned": {"note": 1}
    })");
    auto signed_ = sign_json(object, "@alice:example.org", *key);
    ASSERT_TRUE(signed_.ok());
    EXPECT_EQ((*signed_)["signatures"]["@alice:example.org"]["ed25519:JLAFKJWSCS"], "sig");
    EXPECT_TRUE(
        (*signed_)["signatures"]["@alice:example.org"].contains("ed25519:" + key->public_key()));
    EXPECT_EQ((*signed_)["unsigned"], json({{"note", 1}}));
    EXPECT_TRUE(
        verify_json(*signed_, "@alice:example.org", key->public_key(), key->public_key()).ok());
}

TEST(SigningJson, VerifyFailuresAreValues) {
    auto key = spec_key();
    json signed_ = spec_sign(key, json::parse(R"({"one": 1})"));
    auto other = olm::PkSigning::generate();
    ASSERT_TRUE(other.ok());

    EXPECT_EQ(verify_json(signed_, "other", "1", key.public_key()).error().code,
              CryptoErrc::MissingSignature);
    EXPECT_EQ(verify_json(signed_, "domain", "2", key.public_key()).error().code,
              CryptoErrc::MissingSignature);
    EXPECT_EQ(
        verify_json(json::parse(R"({"one": 1})"), "domain", "1", key.public_key()).error().code,
        CryptoErrc::MissingSignature);
    EXPECT_EQ(verify_json(signed_, "domain", "1", other->public_key()).error().code,
              CryptoErrc::BadSignature);
    EXPECT_EQ(verify_json(signed_, "domain", "1", "not a key").error().code, CryptoErrc::BadKey);
    json bad_b64 = signed_;
    bad_b64["signatures"]["domain"]["ed25519:1"] = "not base64!";
    EXPECT_EQ(verify_json(bad_b64, "domain", "1", key.public_key()).error().code,
              CryptoErrc::MalformedBase64);
    json short_sig = signed_;
    short_sig["signatures"]["domain"]["ed25519:1"] = "Zm9vYmFy";
    EXPECT_EQ(verify_json(short_sig, "domain", "1", key.public_key()).error().code,
              CryptoErrc::BadSignature);
}

TEST(SigningJson, RefusesWhatCannotBeCanonical) {
    auto key = spec_key();
    auto signer = [&](std::string_view m) { return key.sign(m); };
    EXPECT_EQ(sign_json(json::parse(R"({"a": 0.5})"), "u", "k", signer).error().code,
              CryptoErrc::NotCanonical);
    EXPECT_EQ(sign_json(json::array(), "u", "k", signer).error().code, CryptoErrc::NotCanonical);
    EXPECT_EQ(sign_json(json::parse(R"({"signatures": []})"), "u", "k", signer).error().code,
              CryptoErrc::NotCanonical);
    EXPECT_EQ(sign_json(json::parse(R"({"signatures": {"u": 1}})"), "u", "k", signer).error().code,
              CryptoErrc::NotCanonical);
    // A float under unsigned is not signed and does not matter.
    EXPECT_TRUE(sign_json(json::parse(R"({"unsigned": {"a": 0.5}})"), "u", "k", signer).ok());
}
