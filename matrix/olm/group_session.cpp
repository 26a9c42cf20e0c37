#include "matrix/olm/group_session.hpp"

#include <olm/inbound_group_session.h>
#include <olm/olm.h>
#include <olm/outbound_group_session.h>

#include <new>
#include <stdexcept>

#include "matrix/olm/support.hpp"

namespace dialoog::matrix::olm {

using detail::bytes;

namespace {

CryptoError empty_message(std::string_view doing) {
    return CryptoError{CryptoErrc::BadMessageFormat, "BAD_MESSAGE_FORMAT",
                       std::string(doing) + ": the message is empty"};
}

}  // namespace

// ---- OutboundGroupSession -------------------------------------------------------------------

void OutboundGroupSession::Free::operator()(OlmOutboundGroupSession* session) const {
    olm_clear_outbound_group_session(session);
    ::operator delete(session);
}

std::unique_ptr<OlmOutboundGroupSession, OutboundGroupSession::Free>
OutboundGroupSession::allocate() {
    void* memory = ::operator new(olm_outbound_group_session_size());
    return std::unique_ptr<OlmOutboundGroupSession, Free>(olm_outbound_group_session(memory));
}

CryptoError OutboundGroupSession::last_error(std::string_view doing) const {
    return detail::from_olm(olm_outbound_group_session_last_error_code(ptr_.get()),
                            olm_outbound_group_session_last_error(ptr_.get()), doing);
}

CryptoResult<OutboundGroupSession> OutboundGroupSession::create() {
    OutboundGroupSession session(allocate());
    auto random = detail::random(olm_init_outbound_group_session_random_length(session.ptr_.get()));
    if (!random.ok()) return random.error();
    if (olm_init_outbound_group_session(session.ptr_.get(), random->data(), random->size()) ==
        olm_error())
        return session.last_error("creating a Megolm session");
    return session;
}

CryptoResult<OutboundGroupSession> OutboundGroupSession::unpickle(std::string_view pickle,
                                                                  std::string_view key) {
    if (auto checked = detail::check_pickle(pickle, key); !checked.ok()) return checked.error();
    OutboundGroupSession session(allocate());
    std::string buffer = detail::scratch(pickle);
    if (olm_unpickle_outbound_group_session(session.ptr_.get(), key.data(), key.size(),
                                            buffer.data(), buffer.size()) == olm_error())
        return session.last_error("unpickling a Megolm session");
    return session;
}

CryptoResult<std::string> OutboundGroupSession::pickle(std::string_view key) const {
    if (key.empty()) return CryptoError::local(CryptoErrc::BadPickleKey, "the pickle key is empty");
    std::string out(olm_pickle_outbound_group_session_length(ptr_.get()), '\0');
    std::size_t n = olm_pickle_outbound_group_session(ptr_.get(), key.data(), key.size(),
                                                      out.data(), out.size());
    if (n == olm_error()) return last_error("pickling a Megolm session");
    out.resize(n);
    return out;
}

std::string OutboundGroupSession::session_id() const {
    std::string id(olm_outbound_group_session_id_length(ptr_.get()), '\0');
    std::size_t n = olm_outbound_group_session_id(ptr_.get(), bytes(id), id.size());
    if (n == olm_error()) throw std::logic_error("olm_outbound_group_session_id failed");
    id.resize(n);
    return id;
}

std::string OutboundGroupSession::session_key() const {
    std::string key(olm_outbound_group_session_key_length(ptr_.get()), '\0');
    std::size_t n = olm_outbound_group_session_key(ptr_.get(), bytes(key), key.size());
    if (n == olm_error()) throw std::logic_error("olm_outbound_group_session_key failed");
    key.resize(n);
    return key;
}

std::uint32_t OutboundGroupSession::message_index() const {
    return olm_outbound_group_session_message_index(ptr_.get());
}

CryptoResult<std::string> OutboundGroupSession::encrypt(std::string_view plaintext) {
    std::string out(olm_group_encrypt_message_length(ptr_.get(), plaintext.size()), '\0');
    std::size_t n =
        olm_group_encrypt(ptr_.get(), bytes(plaintext), plaintext.size(), bytes(out), out.size());
    if (n == olm_error()) return last_error("encrypting a Megolm message");
    out.resize(n);
    return out;
}

// ---- InboundGroupSession --------------------------------------------------------------------

void InboundGroupSession::Free::operator()(OlmInboundGroupSession* session) const {
    olm_clear_inbound_group_session(session);
    ::operator delete(session);
}

std::unique_ptr<OlmInboundGroupSession, InboundGroupSession::Free> InboundGroupSession::allocate() {
    void* memory = ::operator new(olm_inbound_group_session_size());
    return std::unique_ptr<OlmInboundGroupSession, Free>(olm_inbound_group_session(memory));
}

CryptoError InboundGroupSession::last_error(std::string_view doing) const {
    return detail::from_olm(olm_inbound_group_session_last_error_code(ptr_.get()),
                            olm_inbound_group_session_last_error(ptr_.get()), doing);
}

CryptoResult<InboundGroupSession> InboundGroupSession::create(std::string_view session_key) {
    if (session_key.empty())
        return CryptoError::local(CryptoErrc::BadSessionKey, "the session key is empty");
    InboundGroupSession session(allocate());
    detail::SecretBytes key(session_key);
    if (olm_init_inbound_group_session(session.ptr_.get(), key.data(), key.size()) == olm_error())
        return session.last_error("creating an inbound Megolm session");
    return session;
}

CryptoResult<InboundGroupSession> InboundGroupSession::import(std::string_view exported_key) {
    if (exported_key.empty())
        return CryptoError::local(CryptoErrc::BadSessionKey, "the exported key is empty");
    InboundGroupSession session(allocate());
    // libolm decodes the key in place (its header says so): a copy that is wiped after.
    detail::SecretBytes key(exported_key);
    if (olm_import_inbound_group_session(session.ptr_.get(), key.data(), key.size()) == olm_error())
        return session.last_error("importing a Megolm session");
    return session;
}

CryptoResult<InboundGroupSession> InboundGroupSession::unpickle(std::string_view pickle,
                                                                std::string_view key) {
    if (auto checked = detail::check_pickle(pickle, key); !checked.ok()) return checked.error();
    InboundGroupSession session(allocate());
    std::string buffer = detail::scratch(pickle);
    if (olm_unpickle_inbound_group_session(session.ptr_.get(), key.data(), key.size(),
                                           buffer.data(), buffer.size()) == olm_error())
        return session.last_error("unpickling an inbound Megolm session");
    return session;
}

CryptoResult<std::string> InboundGroupSession::pickle(std::string_view key) const {
    if (key.empty()) return CryptoError::local(CryptoErrc::BadPickleKey, "the pickle key is empty");
    std::string out(olm_pickle_inbound_group_session_length(ptr_.get()), '\0');
    std::size_t n = olm_pickle_inbound_group_session(ptr_.get(), key.data(), key.size(), out.data(),
                                                     out.size());
    if (n == olm_error()) return last_error("pickling an inbound Megolm session");
    out.resize(n);
    return out;
}

CryptoResult<GroupPlaintext> InboundGroupSession::decrypt(std::string_view ciphertext) {
    if (ciphertext.empty()) return empty_message("decrypting a Megolm message");
    // libolm decodes the base64 in place: each call gets its own copy.
    std::string buffer = detail::scratch(ciphertext);
    std::size_t max =
        olm_group_decrypt_max_plaintext_length(ptr_.get(), bytes(buffer), buffer.size());
    if (max == olm_error()) return last_error("decrypting a Megolm message");
    buffer = detail::scratch(ciphertext);
    GroupPlaintext out;
    out.plaintext.assign(max, '\0');
    std::size_t n =
        olm_group_decrypt(ptr_.get(), bytes(buffer), buffer.size(), bytes(out.plaintext),
                          out.plaintext.size(), &out.message_index);
    if (n == olm_error()) return last_error("decrypting a Megolm message");
    out.plaintext.resize(n);
    return out;
}

std::string InboundGroupSession::session_id() const {
    std::string id(olm_inbound_group_session_id_length(ptr_.get()), '\0');
    std::size_t n = olm_inbound_group_session_id(ptr_.get(), bytes(id), id.size());
    if (n == olm_error()) throw std::logic_error("olm_inbound_group_session_id failed");
    id.resize(n);
    return id;
}

std::uint32_t InboundGroupSession::first_known_index() const {
    return olm_inbound_group_session_first_known_index(ptr_.get());
}

bool InboundGroupSession::is_verified() const {
    return olm_inbound_group_session_is_verified(ptr_.get()) != 0;
}

CryptoResult<std::string> InboundGroupSession::export_at(std::uint32_t message_index) const {
    std::string out(olm_export_inbound_group_session_length(ptr_.get()), '\0');
    std::size_t n =
        olm_export_inbound_group_session(ptr_.get(), bytes(out), out.size(), message_index);
    if (n == olm_error()) return last_error("exporting a Megolm session");
    out.resize(n);
    return out;
}

}  // namespace dialoog::matrix::olm
