// matrix/olm/: the RAII wrappers over libolm 3.2 (accounts, one-time and fallback keys, Olm
// sessions, Megolm sessions, cross-signing keys, verification) and their pickles. The
// protocol behaviour tested is the spec's ("End-to-End Encryption", "Olm & Megolm").
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "matrix/base64.hpp"
#include "matrix/olm/account.hpp"
#include "matrix/olm/group_session.hpp"
#include "matrix/olm/pk_signing.hpp"
#include "matrix/olm/session.hpp"
#include "matrix/olm/utility.hpp"

using namespace dialoog::matrix;
using namespace dialoog::matrix::olm;

namespace {

const std::string pickle_key(32, '\x5a');
const std::string wrong_key(32, '\x5b');

template <typename T>
T take(CryptoResult<T> r) {
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().errcode + ": " + r.error().message);
    if (!r.ok()) throw std::runtime_error("unexpected failure");
    return std::move(r).value();
}

template <typename T>
CryptoErrc code_of(const CryptoResult<T>& r) {
    EXPECT_FALSE(r.ok());
    return r.ok() ? CryptoErrc::Other : r.error().code;
}

/// `text` with one character changed to another of the base64 alphabet.
std::string flip(std::string text, std::size_t at) {
    text[at] = text[at] == 'A' ? 'B' : 'A';
    return text;
}

/// The (only) unpublished one-time key of `account`.
std::string one_time_key(const Account& account) {
    auto keys = account.unpublished_one_time_keys();
    EXPECT_EQ(keys.size(), 1u);
    return keys.empty() ? std::string() : keys.begin()->second;
}

/// Every way a pickle can be wrong fails cleanly.
template <typename T>
void expect_bad_pickles_fail(const std::string& pickle) {
    EXPECT_EQ(code_of(T::unpickle(pickle, wrong_key)), CryptoErrc::BadPickleKey);
    EXPECT_EQ(code_of(T::unpickle(pickle, "")), CryptoErrc::BadPickleKey);
    EXPECT_EQ(code_of(T::unpickle(flip(pickle, pickle.size() / 2), pickle_key)),
              CryptoErrc::BadPickleKey);
    for (std::string corrupt :
         {std::string(), std::string("AAAA"), std::string("AAAAAAAAAAA"), pickle.substr(0, 10),
          pickle.substr(0, pickle.size() - 4), std::string("not a pickle at all!"), pickle + "!"}) {
        auto r = T::unpickle(corrupt, pickle_key);
        EXPECT_FALSE(r.ok()) << corrupt;
    }
}

}  // namespace

// ---- Account --------------------------------------------------------------------------------

TEST(OlmAccount, IdentityKeysAreUnpaddedBase64Of32Bytes) {
    auto account = take(Account::create());
    auto ids = account.identity_keys();
    for (const auto& key : {ids.curve25519, ids.ed25519}) {
        EXPECT_EQ(key.size(), 43u);
        auto raw = unpadded_base64_decode(key);
        ASSERT_TRUE(raw.ok());
        EXPECT_EQ(raw->size(), 32u);
    }
    auto other = take(Account::create());
    EXPECT_NE(other.identity_keys().ed25519, ids.ed25519);
}

TEST(OlmAccount, SignVerifiesWithTheIdentityKey) {
    auto account = take(Account::create());
    std::string signature = account.sign("message");
    EXPECT_EQ(signature.size(), 86u);
    EXPECT_TRUE(ed25519_verify(account.identity_keys().ed25519, "message", signature).ok());
    EXPECT_EQ(ed25519_verify(account.identity_keys().ed25519, "messagf", signature).error().code,
              CryptoErrc::BadSignature);
}

TEST(OlmAccount, OneTimeKeysGenerateListAndPublish) {
    auto account = take(Account::create());
    EXPECT_EQ(account.max_number_of_one_time_keys(), 100u);
    EXPECT_TRUE(account.unpublished_one_time_keys().empty());
    ASSERT_TRUE(account.generate_one_time_keys(5).ok());
    auto keys = account.unpublished_one_time_keys();
    EXPECT_EQ(keys.size(), 5u);
    for (const auto& [id, key] : keys) {
        EXPECT_FALSE(id.empty());
        EXPECT_EQ(unpadded_base64_decode(key)->size(), 32u);
    }
    EXPECT_EQ(account.mark_keys_as_published(), 5u);
    EXPECT_TRUE(account.unpublished_one_time_keys().empty());
    ASSERT_TRUE(account.generate_one_time_keys(2).ok());
    auto fresh = account.unpublished_one_time_keys();
    EXPECT_EQ(fresh.size(), 2u);
    for (const auto& [id, key] : fresh) EXPECT_EQ(keys.count(id), 0u) << "ids are not reused";
}

TEST(OlmAccount, OneTimeKeyIsRemovedAfterAnInboundSession) {
    auto alice = take(Account::create());
    auto bob = take(Account::create());
    ASSERT_TRUE(bob.generate_one_time_keys(1).ok());
    auto outbound =
        take(Session::outbound(alice, bob.identity_keys().curve25519, one_time_key(bob)));
    auto first = take(outbound.encrypt("hello"));
    ASSERT_EQ(first.type, MessageType::PreKey);

    auto inbound = take(Session::inbound(bob, first.body));
    EXPECT_EQ(bob.unpublished_one_time_keys().size(), 1u) << "kept until removed";
    ASSERT_TRUE(bob.remove_one_time_keys(inbound).ok());
    EXPECT_TRUE(bob.unpublished_one_time_keys().empty());
    // The key is gone: the same pre-key message cannot start a second session, and
    // removing it again fails.
    EXPECT_EQ(code_of(Session::inbound(bob, first.body)), CryptoErrc::BadMessageKeyId);
    EXPECT_EQ(bob.remove_one_time_keys(inbound).error().code, CryptoErrc::BadMessageKeyId);
}

TEST(OlmAccount, FallbackKey) {
    auto alice = take(Account::create());
    auto bob = take(Account::create());
    EXPECT_TRUE(bob.unpublished_fallback_key().empty());
    ASSERT_TRUE(bob.generate_fallback_key().ok());
    auto fallback = bob.unpublished_fallback_key();
    ASSERT_EQ(fallback.size(), 1u);
    std::string fallback_key = fallback.begin()->second;
    EXPECT_EQ(unpadded_base64_decode(fallback_key)->size(), 32u);
    EXPECT_EQ(bob.mark_keys_as_published(), 0u) << "the count leaves out the fallback key";
    EXPECT_TRUE(bob.unpublished_fallback_key().empty());

    // Two senders may claim the same fallback key; it is not used up.
    auto carol = take(Account::create());
    for (Account* sender : {&alice, &carol}) {
        auto out = take(Session::outbound(*sender, bob.identity_keys().curve25519, fallback_key));
        auto message = take(out.encrypt("via the fallback key"));
        auto in = take(Session::inbound(bob, message.body));
        EXPECT_TRUE(bob.remove_one_time_keys(in).ok()) << "succeeds and keeps the key";
        EXPECT_EQ(take(in.decrypt(message)), "via the fallback key");
    }

    // A new fallback key: the old one still works until forgotten.
    auto late = take(Session::outbound(alice, bob.identity_keys().curve25519, fallback_key));
    auto late_message = take(late.encrypt("late"));
    ASSERT_TRUE(bob.generate_fallback_key().ok());
    EXPECT_EQ(bob.unpublished_fallback_key().size(), 1u);
    EXPECT_NE(bob.unpublished_fallback_key().begin()->second, fallback_key);
    EXPECT_TRUE(Session::inbound(bob, late_message.body).ok());
    bob.forget_old_fallback_key();
    EXPECT_EQ(code_of(Session::inbound(bob, late_message.body)), CryptoErrc::BadMessageKeyId);
}

TEST(OlmPickle, AccountRoundTripKeepsKeys) {
    auto account = take(Account::create());
    ASSERT_TRUE(account.generate_one_time_keys(3).ok());
    ASSERT_TRUE(account.generate_fallback_key().ok());
    std::string pickle = take(account.pickle(pickle_key));
    EXPECT_EQ(pickle.find(account.identity_keys().ed25519), std::string::npos);

    auto back = take(Account::unpickle(pickle, pickle_key));
    EXPECT_EQ(back.identity_keys().curve25519, account.identity_keys().curve25519);
    EXPECT_EQ(back.identity_keys().ed25519, account.identity_keys().ed25519);
    EXPECT_EQ(back.unpublished_one_time_keys(), account.unpublished_one_time_keys());
    EXPECT_EQ(back.unpublished_fallback_key(), account.unpublished_fallback_key());
    EXPECT_EQ(back.sign("x"), account.sign("x"));  // ed25519 signatures are deterministic
    expect_bad_pickles_fail<Account>(pickle);
    EXPECT_EQ(code_of(account.pickle("")), CryptoErrc::BadPickleKey);
}

// ---- Olm sessions ---------------------------------------------------------------------------

namespace {

/// Alice and Bob with an Olm session each way: Alice sent the pre-key message `first`.
struct Pair {
    Account alice = take(Account::create());
    Account bob = take(Account::create());
    Session to_bob = start();
    OlmMessage first = take(to_bob.encrypt("first"));
    Session to_alice =
        take(Session::inbound_from(bob, alice.identity_keys().curve25519, first.body));

    Session start() {
        EXPECT_TRUE(bob.generate_one_time_keys(1).ok());
        std::string otk = one_time_key(bob);
        bob.mark_keys_as_published();
        return take(Session::outbound(alice, bob.identity_keys().curve25519, otk));
    }
};

}  // namespace

TEST(OlmSession, PreKeyThenNormalMessagesBothWays) {
    Pair p;
    EXPECT_EQ(p.first.type, MessageType::PreKey);
    EXPECT_TRUE(p.bob.remove_one_time_keys(p.to_alice).ok());
    EXPECT_EQ(p.to_bob.session_id(), p.to_alice.session_id());
    EXPECT_EQ(take(p.to_alice.decrypt(p.first)), "first");
    EXPECT_TRUE(p.to_alice.has_received_message());

    // Until Alice hears back, her messages stay pre-key messages.
    auto second = take(p.to_bob.encrypt("second"));
    EXPECT_EQ(second.type, MessageType::PreKey);
    EXPECT_EQ(take(p.to_alice.matches_inbound(second.body)), true);
    EXPECT_EQ(take(p.to_alice.decrypt(second)), "second");

    auto reply = take(p.to_alice.encrypt("reply"));
    EXPECT_EQ(reply.type, MessageType::Normal);
    EXPECT_FALSE(p.to_bob.has_received_message());
    EXPECT_EQ(take(p.to_bob.decrypt(reply)), "reply");

    for (int i = 0; i < 3; ++i) {
        auto a = take(p.to_bob.encrypt("from alice " + std::to_string(i)));
        EXPECT_EQ(a.type, MessageType::Normal);
        auto b = take(p.to_alice.encrypt("from bob " + std::to_string(i)));
        EXPECT_EQ(take(p.to_bob.decrypt(b)), "from bob " + std::to_string(i));
        EXPECT_EQ(take(p.to_alice.decrypt(a)), "from alice " + std::to_string(i));
    }
    // Out of order within a chain works too (skipped message keys).
    auto m1 = take(p.to_bob.encrypt("one"));
    auto m2 = take(p.to_bob.encrypt("two"));
    EXPECT_EQ(take(p.to_alice.decrypt(m2)), "two");
    EXPECT_EQ(take(p.to_alice.decrypt(m1)), "one");
    // Plaintext is bytes: empty and binary messages survive.
    auto empty = take(p.to_bob.encrypt(""));
    EXPECT_EQ(take(p.to_alice.decrypt(empty)), "");
    std::string binary("\x00\xff\x01", 3);
    EXPECT_EQ(take(p.to_alice.decrypt(take(p.to_bob.encrypt(binary)))), binary);
}

TEST(OlmSession, ReplayedMessageFails) {
    Pair p;
    // libolm 3.2 reports a message whose key is already used up as BAD_MESSAGE_MAC.
    EXPECT_EQ(take(p.to_alice.decrypt(p.first)), "first");
    EXPECT_EQ(code_of(p.to_alice.decrypt(p.first)), CryptoErrc::BadMessageMac);
    auto reply = take(p.to_alice.encrypt("reply"));
    EXPECT_EQ(take(p.to_bob.decrypt(reply)), "reply");
    EXPECT_EQ(code_of(p.to_bob.decrypt(reply)), CryptoErrc::BadMessageMac);
    // Out of order is fine, but each message only once.
    auto m1 = take(p.to_alice.encrypt("one"));
    auto m2 = take(p.to_alice.encrypt("two"));
    EXPECT_EQ(take(p.to_bob.decrypt(m2)), "two");
    EXPECT_EQ(take(p.to_bob.decrypt(m1)), "one");
    EXPECT_EQ(code_of(p.to_bob.decrypt(m1)), CryptoErrc::BadMessageMac);
    EXPECT_EQ(code_of(p.to_bob.decrypt(m2)), CryptoErrc::BadMessageMac);
}

TEST(OlmSession, TamperedMessageFailsAndLeavesTheSessionUsable) {
    Pair p;
    ASSERT_EQ(take(p.to_alice.decrypt(p.first)), "first");
    auto reply = take(p.to_alice.encrypt("reply"));
    // Change a byte of the ciphertext (the body ends with an 8-byte MAC).
    OlmMessage tampered = reply;
    tampered.body = flip(tampered.body, tampered.body.size() - 20);
    EXPECT_EQ(code_of(p.to_bob.decrypt(tampered)), CryptoErrc::BadMessageMac);
    OlmMessage wrong_type{MessageType::PreKey, reply.body};
    EXPECT_FALSE(p.to_bob.decrypt(wrong_type).ok());
    EXPECT_FALSE(p.to_bob.decrypt(OlmMessage{MessageType::Normal, ""}).ok());
    EXPECT_FALSE(p.to_bob.decrypt(OlmMessage{MessageType::Normal, "AAAA"}).ok());
    EXPECT_FALSE(p.to_bob.decrypt(OlmMessage{MessageType::Normal, "not base64 at all"}).ok());
    EXPECT_EQ(take(p.to_bob.decrypt(reply)), "reply");
}

TEST(OlmSession, MatchesOnlyItsOwnPreKeyMessages) {
    Pair p;
    EXPECT_EQ(take(p.to_alice.matches_inbound(p.first.body)), true);
    EXPECT_EQ(
        take(p.to_alice.matches_inbound_from(p.alice.identity_keys().curve25519, p.first.body)),
        true);
    EXPECT_EQ(take(p.to_alice.matches_inbound_from(p.bob.identity_keys().curve25519, p.first.body)),
              false);
    // Carol's pre-key message to Bob belongs to another session.
    auto carol = take(Account::create());
    ASSERT_TRUE(p.bob.generate_one_time_keys(1).ok());
    auto to_bob =
        take(Session::outbound(carol, p.bob.identity_keys().curve25519, one_time_key(p.bob)));
    auto from_carol = take(to_bob.encrypt("hi"));
    EXPECT_EQ(take(p.to_alice.matches_inbound(from_carol.body)), false);
    EXPECT_FALSE(p.to_alice.matches_inbound("").ok());
    // inbound_from refuses a message from another sender than the one named.
    EXPECT_EQ(
        code_of(Session::inbound_from(p.bob, p.alice.identity_keys().curve25519, from_carol.body)),
        CryptoErrc::BadMessageKeyId);
}

TEST(OlmSession, BadKeysAndBodiesAreErrors) {
    auto alice = take(Account::create());
    auto bob = take(Account::create());
    ASSERT_TRUE(bob.generate_one_time_keys(1).ok());
    std::string idk = bob.identity_keys().curve25519;
    EXPECT_EQ(code_of(Session::outbound(alice, "short", one_time_key(bob))), CryptoErrc::BadKey);
    EXPECT_EQ(code_of(Session::outbound(alice, idk, idk + "A")), CryptoErrc::BadKey);
    EXPECT_EQ(code_of(Session::outbound(alice, idk, std::string(43, '!'))), CryptoErrc::BadKey);
    EXPECT_FALSE(Session::inbound(bob, "").ok());
    EXPECT_FALSE(Session::inbound(bob, "AAAA").ok());
    EXPECT_FALSE(Session::inbound(bob, "definitely not a message").ok());
    EXPECT_FALSE(Session::inbound_from(bob, "short", "AAAA").ok());
    EXPECT_EQ(message_type_from(0), MessageType::PreKey);
    EXPECT_EQ(message_type_from(1), MessageType::Normal);
    EXPECT_FALSE(message_type_from(2).has_value());
    EXPECT_FALSE(message_type_from(-1).has_value());
}

TEST(OlmPickle, SessionRoundTripContinuesTheConversation) {
    Pair p;
    ASSERT_EQ(take(p.to_alice.decrypt(p.first)), "first");
    std::string pickled_bob_side = take(p.to_alice.pickle(pickle_key));
    std::string pickled_alice_side = take(p.to_bob.pickle(pickle_key));
    {
        auto to_alice = take(Session::unpickle(pickled_bob_side, pickle_key));
        auto to_bob = take(Session::unpickle(pickled_alice_side, pickle_key));
        EXPECT_EQ(to_alice.session_id(), p.to_alice.session_id());
        auto reply = take(to_alice.encrypt("after unpickling"));
        EXPECT_EQ(take(to_bob.decrypt(reply)), "after unpickling");
        auto next = take(to_bob.encrypt("and back"));
        EXPECT_EQ(next.type, MessageType::Normal);
        EXPECT_EQ(take(to_alice.decrypt(next)), "and back");
    }
    expect_bad_pickles_fail<Session>(pickled_bob_side);
}

// ---- Megolm ---------------------------------------------------------------------------------

TEST(MegolmSession, OutOfOrderWithMessageIndices) {
    auto outbound = take(OutboundGroupSession::create());
    EXPECT_EQ(outbound.message_index(), 0u);
    auto inbound = take(InboundGroupSession::create(outbound.session_key()));
    EXPECT_EQ(inbound.session_id(), outbound.session_id());
    EXPECT_EQ(inbound.first_known_index(), 0u);
    EXPECT_TRUE(inbound.is_verified());

    std::vector<std::string> ciphertexts;
    for (int i = 0; i < 5; ++i) {
        ciphertexts.push_back(take(outbound.encrypt("message " + std::to_string(i))));
        EXPECT_EQ(outbound.message_index(), static_cast<std::uint32_t>(i + 1));
    }
    for (std::uint32_t i : {4u, 0u, 2u, 1u, 3u}) {
        auto plain = take(inbound.decrypt(ciphertexts[i]));
        EXPECT_EQ(plain.plaintext, "message " + std::to_string(i));
        EXPECT_EQ(plain.message_index, i);
    }
    // libolm does not detect replays: the same message decrypts again, with the same index
    // (the caller keeps (session_id, message_index) -> event id, group_session.hpp).
    auto again = take(inbound.decrypt(ciphertexts[2]));
    EXPECT_EQ(again.message_index, 2u);
}

TEST(MegolmSession, ImportedAtALaterIndexCannotDecryptEarlierMessages) {
    auto outbound = take(OutboundGroupSession::create());
    auto full = take(InboundGroupSession::create(outbound.session_key()));
    std::vector<std::string> ciphertexts;
    for (int i = 0; i < 5; ++i) ciphertexts.push_back(take(outbound.encrypt(std::to_string(i))));
    std::string exported = take(full.export_at(3));

    auto partial = take(InboundGroupSession::import(exported));
    EXPECT_EQ(partial.session_id(), outbound.session_id());
    EXPECT_EQ(partial.first_known_index(), 3u);
    EXPECT_FALSE(partial.is_verified());
    EXPECT_EQ(code_of(partial.decrypt(ciphertexts[1])), CryptoErrc::UnknownMessageIndex);
    EXPECT_EQ(code_of(partial.decrypt(ciphertexts[2])), CryptoErrc::UnknownMessageIndex);
    EXPECT_EQ(take(partial.decrypt(ciphertexts[4])).plaintext, "4");
    EXPECT_TRUE(partial.is_verified());
    EXPECT_EQ(take(partial.decrypt(ciphertexts[3])).message_index, 3u);
    EXPECT_EQ(code_of(partial.export_at(2)), CryptoErrc::UnknownMessageIndex);

    // A session key shared later starts at the sender's current index.
    auto late = take(InboundGroupSession::create(outbound.session_key()));
    EXPECT_EQ(late.first_known_index(), 5u);
    EXPECT_EQ(code_of(late.decrypt(ciphertexts[4])), CryptoErrc::UnknownMessageIndex);
}

TEST(MegolmSession, TamperedOrForeignMessagesFail) {
    auto outbound = take(OutboundGroupSession::create());
    auto inbound = take(InboundGroupSession::create(outbound.session_key()));
    std::string ciphertext = take(outbound.encrypt("secret"));
    EXPECT_FALSE(inbound.decrypt(flip(ciphertext, ciphertext.size() / 2)).ok());
    EXPECT_FALSE(inbound.decrypt(flip(ciphertext, ciphertext.size() - 3)).ok());
    EXPECT_FALSE(inbound.decrypt("").ok());
    EXPECT_FALSE(inbound.decrypt("AAAA").ok());
    EXPECT_FALSE(inbound.decrypt("not base64 at all").ok());
    auto other = take(OutboundGroupSession::create());
    EXPECT_FALSE(inbound.decrypt(take(other.encrypt("foreign"))).ok());
    EXPECT_EQ(take(inbound.decrypt(ciphertext)).plaintext, "secret");

    std::string key = outbound.session_key();
    // The session key is signed by the session's ed25519 key.
    EXPECT_EQ(code_of(InboundGroupSession::create(flip(key, key.size() / 2))),
              CryptoErrc::BadSignature);
    EXPECT_EQ(code_of(InboundGroupSession::create("")), CryptoErrc::BadSessionKey);
    EXPECT_EQ(code_of(InboundGroupSession::create("AAAA")), CryptoErrc::BadSessionKey);
    EXPECT_FALSE(InboundGroupSession::import("AAAA").ok());
    EXPECT_FALSE(InboundGroupSession::import("").ok());
}

TEST(OlmPickle, GroupSessionsRoundTrip) {
    auto outbound = take(OutboundGroupSession::create());
    auto inbound = take(InboundGroupSession::create(outbound.session_key()));
    std::string first = take(outbound.encrypt("before"));

    std::string out_pickle = take(outbound.pickle(pickle_key));
    std::string in_pickle = take(inbound.pickle(pickle_key));
    auto outbound2 = take(OutboundGroupSession::unpickle(out_pickle, pickle_key));
    auto inbound2 = take(InboundGroupSession::unpickle(in_pickle, pickle_key));
    EXPECT_EQ(outbound2.session_id(), outbound.session_id());
    EXPECT_EQ(outbound2.message_index(), 1u);
    EXPECT_EQ(inbound2.session_id(), outbound.session_id());
    EXPECT_EQ(take(inbound2.decrypt(first)).plaintext, "before");
    auto after = take(inbound2.decrypt(take(outbound2.encrypt("after"))));
    EXPECT_EQ(after.plaintext, "after");
    EXPECT_EQ(after.message_index, 1u);

    expect_bad_pickles_fail<OutboundGroupSession>(out_pickle);
    expect_bad_pickles_fail<InboundGroupSession>(in_pickle);
    // A pickle of one kind is not another kind.
    EXPECT_FALSE(Account::unpickle(in_pickle, pickle_key).ok());
    EXPECT_FALSE(InboundGroupSession::unpickle(out_pickle, pickle_key).ok());
}

// ---- Cross-signing keys and the utility -----------------------------------------------------

TEST(OlmPkSigning, FromSeedSignsAndVerifies) {
    std::string seed(32, '\x07');
    auto key = take(PkSigning::from_seed(seed));
    EXPECT_EQ(key.public_key().size(), 43u);
    EXPECT_EQ(take(PkSigning::from_seed(seed)).public_key(), key.public_key());
    EXPECT_EQ(key.seed(), seed);
    std::string signature = key.sign("master key payload");
    EXPECT_TRUE(ed25519_verify(key.public_key(), "master key payload", signature).ok());
    EXPECT_EQ(ed25519_verify(key.public_key(), "other payload", signature).error().code,
              CryptoErrc::BadSignature);
    auto other = take(PkSigning::generate());
    EXPECT_NE(other.public_key(), key.public_key());
    EXPECT_EQ(ed25519_verify(other.public_key(), "master key payload", signature).error().code,
              CryptoErrc::BadSignature);
    EXPECT_EQ(code_of(PkSigning::from_seed(std::string(31, 'x'))), CryptoErrc::BadKey);
    EXPECT_EQ(code_of(PkSigning::from_seed(std::string(33, 'x'))), CryptoErrc::BadKey);
}

TEST(OlmPickle, PkSigningRoundTrip) {
    auto key = take(PkSigning::generate());
    std::string pickle = take(key.pickle(pickle_key));
    EXPECT_EQ(pickle.find(unpadded_base64_encode(key.seed())), std::string::npos);
    auto back = take(PkSigning::unpickle(pickle, pickle_key));
    EXPECT_EQ(back.public_key(), key.public_key());
    EXPECT_EQ(back.seed(), key.seed());
    EXPECT_EQ(back.sign("x"), key.sign("x"));
    expect_bad_pickles_fail<PkSigning>(pickle);
}

TEST(OlmUtility, Ed25519VerifyRefusesMalleableSignatures) {
    auto key = take(PkSigning::generate());
    std::string signature = key.sign("payload");
    ASSERT_TRUE(ed25519_verify(key.public_key(), "payload", signature).ok());
    // S + L (the group order) is the same point arithmetic, so a lax verifier accepts it
    // (CVE-2024-45193); ed25519_verify must not.
    std::string raw = *unpadded_base64_decode(signature);
    const unsigned char order[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58,
                                     0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde, 0x14,
                                     0,    0,    0,    0,    0,    0,    0,    0,
                                     0,    0,    0,    0,    0,    0,    0,    0x10};
    unsigned carry = 0;
    for (int i = 0; i < 32; ++i) {
        unsigned sum = static_cast<unsigned char>(raw[32 + i]) + order[i] + carry;
        raw[32 + i] = static_cast<char>(sum & 0xff);
        carry = sum >> 8;
    }
    ASSERT_EQ(carry, 0u);
    auto malleated = ed25519_verify(key.public_key(), "payload", unpadded_base64_encode(raw));
    ASSERT_FALSE(malleated.ok());
    EXPECT_EQ(malleated.error().code, CryptoErrc::BadSignature);
    EXPECT_EQ(ed25519_verify("short", "payload", signature).error().code, CryptoErrc::BadKey);
    EXPECT_EQ(ed25519_verify(key.public_key(), "payload", "***").error().code,
              CryptoErrc::MalformedBase64);
}

TEST(OlmUtility, Sha256IsUnpaddedBase64) {
    // SHA-256("") = e3b0c442…b855 (FIPS 180-4); "abc" = ba7816bf…15ad.
    EXPECT_EQ(sha256(""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU");
    EXPECT_EQ(sha256("abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0");
}
