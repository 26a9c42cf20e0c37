#pragma once
// Megolm sessions: encryption of room messages (Matrix spec, Client-Server API, "End-to-End
// Encryption" > "m.megolm.v1.aes-sha2"; the protocol, spec "Olm & Megolm" > "Megolm"). RAII
// over libolm 3.2's OlmOutboundGroupSession and OlmInboundGroupSession.
//
// The sender keeps an OutboundGroupSession per room and shares its session_key() with each
// recipient device in an `m.room_key` event (over Olm). Every message advances a ratchet: its
// message_index counts up from 0, and a key at index i can derive every later key but no
// earlier one. A recipient creates an InboundGroupSession from the session key (or from an
// exported key at some index: key backups, `m.forwarded_room_key`) and decrypts messages in
// any order.
//
// Replays: libolm decrypts the same message as often as it is given. The spec asks the
// receiver to remember (session_id, message_index) with the event id and to reject a second
// event with the same pair; that is the caller's job.
//
// Not thread-safe; a moved-from session may only be destroyed or assigned to. Destroying a
// session wipes its memory (olm_clear_*_group_session) before freeing it.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "matrix/crypto_error.hpp"

struct OlmOutboundGroupSession;  // libolm's, <olm/outbound_group_session.h>
struct OlmInboundGroupSession;   // libolm's, <olm/inbound_group_session.h>

namespace dialoog::matrix::olm {

class OutboundGroupSession {
  public:
    /// A new session with a random ratchet and signing key, at message index 0. Fails only
    /// with RandomFailed.
    static CryptoResult<OutboundGroupSession> create();

    /// The session encrypted with `key`, as pickle() made it. Fails with BadPickleKey for a
    /// wrong or empty key, CorruptedPickle and friends for a damaged pickle; never crashes.
    static CryptoResult<OutboundGroupSession> unpickle(std::string_view pickle,
                                                       std::string_view key);
    /// The session encrypted with `key` as base64 text (libolm's format; vodozemac reads it
    /// with GroupSession::from_libolm_pickle).
    CryptoResult<std::string> pickle(std::string_view key) const;

    /// The session id: the ed25519 public key that signs the messages, unpadded base64. The
    /// `session_id` of `m.room_key` and of each `m.room.encrypted` event.
    std::string session_id() const;

    /// A SECRET: the ratchet at the current message index plus the signing public key,
    /// signed, unpadded base64. The `session_key` of `m.room_key`; send it only over Olm.
    std::string session_key() const;

    /// The index the next encrypt() will use (0 for a new session).
    std::uint32_t message_index() const;

    /// The Megolm message for `plaintext` (for Matrix: the JSON of {type, content, room_id}),
    /// unpadded base64: the `ciphertext` of `m.room.encrypted`. Uses message_index() and
    /// advances it by one.
    CryptoResult<std::string> encrypt(std::string_view plaintext);

    OutboundGroupSession(OutboundGroupSession&&) noexcept = default;
    OutboundGroupSession& operator=(OutboundGroupSession&&) noexcept = default;
    OutboundGroupSession(const OutboundGroupSession&) = delete;
    OutboundGroupSession& operator=(const OutboundGroupSession&) = delete;
    ~OutboundGroupSession() = default;

  private:
    struct Free {
        void operator()(OlmOutboundGroupSession* session) const;
    };
    explicit OutboundGroupSession(std::unique_ptr<OlmOutboundGroupSession, Free> session)
        : ptr_(std::move(session)) {}
    static std::unique_ptr<OlmOutboundGroupSession, Free> allocate();
    CryptoError last_error(std::string_view doing) const;

    std::unique_ptr<OlmOutboundGroupSession, Free> ptr_;
};

/// A decrypted Megolm message.
struct GroupPlaintext {
    std::string plaintext;
    /// The ratchet index the message was encrypted at (for the replay check above).
    std::uint32_t message_index = 0;
};

class InboundGroupSession {
  public:
    /// The session an `m.room_key`'s `session_key` (OutboundGroupSession::session_key())
    /// starts, at the index the sender had when it took the key. The key is signed by the
    /// session's ed25519 key: fails with BadSignature when it was altered, BadSessionKey
    /// when it is empty or of the wrong length. is_verified() is then true.
    static CryptoResult<InboundGroupSession> create(std::string_view session_key);

    /// The session an exported key (export_at(), key backups, `m.forwarded_room_key`'s
    /// `session_key`) describes; it decrypts from the exported index on. Exported keys carry
    /// no signature: is_verified() is false until a message decrypts (its signature is
    /// checked with the session's key then). Fails with BadSessionKey for a malformed key.
    static CryptoResult<InboundGroupSession> import(std::string_view exported_key);

    /// The session encrypted with `key`, as pickle() made it. Fails with BadPickleKey for a
    /// wrong or empty key, CorruptedPickle and friends for a damaged pickle; never crashes.
    static CryptoResult<InboundGroupSession> unpickle(std::string_view pickle,
                                                      std::string_view key);
    /// The session encrypted with `key` as base64 text (libolm's format; vodozemac reads it
    /// with InboundGroupSession::from_libolm_pickle).
    CryptoResult<std::string> pickle(std::string_view key) const;

    /// Decrypts a Megolm message (`ciphertext` of `m.room.encrypted`) and checks its
    /// signature. Fails with UnknownMessageIndex for a message older than
    /// first_known_index(), BadMessageMac / BadSignature for a tampered message or one of
    /// another session, BadMessageFormat / InvalidBase64 for a body that is none.
    CryptoResult<GroupPlaintext> decrypt(std::string_view ciphertext);

    /// The session id, equal to the sender's OutboundGroupSession::session_id().
    std::string session_id() const;

    /// The earliest message index this session can decrypt.
    std::uint32_t first_known_index() const;

    /// True when the session key was signed (create()) or a message has been decrypted.
    bool is_verified() const;

    /// A SECRET: the session's key at `message_index` (unsigned, unpadded base64), for
    /// import() elsewhere; it decrypts messages from that index on. Fails with
    /// UnknownMessageIndex when `message_index` < first_known_index().
    CryptoResult<std::string> export_at(std::uint32_t message_index) const;

    InboundGroupSession(InboundGroupSession&&) noexcept = default;
    InboundGroupSession& operator=(InboundGroupSession&&) noexcept = default;
    InboundGroupSession(const InboundGroupSession&) = delete;
    InboundGroupSession& operator=(const InboundGroupSession&) = delete;
    ~InboundGroupSession() = default;

  private:
    struct Free {
        void operator()(OlmInboundGroupSession* session) const;
    };
    explicit InboundGroupSession(std::unique_ptr<OlmInboundGroupSession, Free> session)
        : ptr_(std::move(session)) {}
    static std::unique_ptr<OlmInboundGroupSession, Free> allocate();
    CryptoError last_error(std::string_view doing) const;

    std::unique_ptr<OlmInboundGroupSession, Free> ptr_;
};

}  // namespace dialoog::matrix::olm
