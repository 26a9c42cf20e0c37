#pragma once
// An Olm session: the encrypted one-to-one channel between two devices (Matrix spec,
// Client-Server API, "End-to-End Encryption" > "m.olm.v1.curve25519-aes-sha2"; the Olm
// protocol, spec "Olm & Megolm" > "Olm"). RAII over libolm 3.2's OlmSession.
//
// The sender starts with outbound() from the peer's curve25519 identity key and one of its
// claimed one-time (or fallback) keys; its messages are pre-key messages (type 0) until it
// has decrypted a reply, then normal messages (type 1). The receiver creates the session
// with inbound() from the first pre-key message, then calls Account::remove_one_time_keys.
// A message arrives in an `m.room.encrypted` to-device event as
// `ciphertext[<our curve25519 key>] = {"type": 0|1, "body": "<base64>"}`.
//
// Not thread-safe; a moved-from Session may only be destroyed or assigned to. Destroying a
// session wipes its memory (olm_clear_session) before freeing it.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "matrix/crypto_error.hpp"

struct OlmSession;  // libolm's, <olm/olm.h>

namespace dialoog::matrix::olm {

class Account;

/// The `type` of an Olm message (spec "m.olm.v1.curve25519-aes-sha2").
enum class MessageType : int {
    PreKey = 0,  // carries what the receiver needs to create the session
    Normal = 1,
};

/// The MessageType of a `type` read from the wire; nullopt for anything but 0 and 1.
std::optional<MessageType> message_type_from(long long type);

/// One encrypted Olm message: `type` and `body` (unpadded base64) as they go into
/// `ciphertext[<recipient curve25519 key>]`.
struct OlmMessage {
    MessageType type = MessageType::Normal;
    std::string body;
};

class Session {
  public:
    /// A session to send to the device whose curve25519 identity key is
    /// `their_identity_key` and whose claimed one-time (or fallback) key is
    /// `their_one_time_key`, both unpadded base64 as in /keys/query and /keys/claim (the
    /// caller checks the one-time key's signature first, matrix/signing.hpp). Fails with
    /// BadKey for a key that is not 32 bytes of base64, RandomFailed when the generator does.
    static CryptoResult<Session> outbound(const Account& account,
                                          std::string_view their_identity_key,
                                          std::string_view their_one_time_key);

    /// The session a pre-key message (type 0) `body` starts, using the one-time key of
    /// `account` it names. Fails with BadMessageKeyId when the account does not have that key
    /// (already used), BadMessageFormat / InvalidBase64 / BadMessageVersion for a body that
    /// is no pre-key message. The account keeps the one-time key until
    /// Account::remove_one_time_keys(session).
    static CryptoResult<Session> inbound(Account& account, std::string_view body);

    /// As inbound(), and fails (BadMessageKeyId) unless the message was sent by the device
    /// with curve25519 identity key `their_identity_key` (the event's `sender_key`).
    static CryptoResult<Session> inbound_from(Account& account, std::string_view their_identity_key,
                                              std::string_view body);

    /// The session encrypted with `key`, as pickle() made it. Fails with BadPickleKey for a
    /// wrong or empty key, CorruptedPickle and friends for a damaged pickle; never crashes.
    static CryptoResult<Session> unpickle(std::string_view pickle, std::string_view key);

    /// The session encrypted with `key` as base64 text (libolm's format; vodozemac reads it
    /// with Session::from_libolm_pickle).
    CryptoResult<std::string> pickle(std::string_view key) const;

    /// Whether the pre-key message `body` belongs to this (inbound) session: a sender may
    /// send several pre-key messages before it has a reply; try the known sessions with the
    /// sender first, and create a new one only when none matches. Fails for a body that is
    /// no pre-key message.
    CryptoResult<bool> matches_inbound(std::string_view body) const;

    /// As matches_inbound(), and false unless it was sent from `their_identity_key`.
    CryptoResult<bool> matches_inbound_from(std::string_view their_identity_key,
                                            std::string_view body) const;

    /// Encrypts `plaintext` (for Matrix: the JSON of the spec's plaintext payload, with
    /// `sender`, `recipient`, `recipient_keys`, `keys`, `type`, `content`). Advances the
    /// ratchet. Fails only with RandomFailed.
    CryptoResult<OlmMessage> encrypt(std::string_view plaintext);

    /// The plaintext of `message`. Fails with BadMessageMac for a tampered message, one of
    /// another session, or one decrypted before (a replay: libolm 3.2 reports a used-up
    /// message key as BAD_MESSAGE_MAC), BadMessageFormat / InvalidBase64 for a body that is
    /// no Olm message. A failed decrypt leaves the session as it was.
    CryptoResult<std::string> decrypt(const OlmMessage& message);

    /// The session id, the same at both ends (unpadded base64 of a SHA-256).
    std::string session_id() const;

    /// True once this session has decrypted a message; from then on it sends normal (type 1)
    /// messages.
    bool has_received_message() const;

    Session(Session&&) noexcept = default;
    Session& operator=(Session&&) noexcept = default;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    ~Session() = default;

  private:
    struct Free {
        void operator()(OlmSession* session) const;
    };
    explicit Session(std::unique_ptr<OlmSession, Free> session) : ptr_(std::move(session)) {}
    static std::unique_ptr<OlmSession, Free> allocate();
    CryptoError last_error(std::string_view doing) const;

    std::unique_ptr<OlmSession, Free> ptr_;

    friend class Account;
};

}  // namespace dialoog::matrix::olm
