#include "matrix/olm/session.hpp"

#include <olm/olm.h>

#include <new>
#include <stdexcept>

#include "matrix/olm/account.hpp"
#include "matrix/olm/support.hpp"

namespace dialoog::matrix::olm {

std::optional<MessageType> message_type_from(long long type) {
    if (type == 0) return MessageType::PreKey;
    if (type == 1) return MessageType::Normal;
    return std::nullopt;
}

void Session::Free::operator()(OlmSession* session) const {
    olm_clear_session(session);
    ::operator delete(session);
}

std::unique_ptr<OlmSession, Session::Free> Session::allocate() {
    void* memory = ::operator new(olm_session_size());
    return std::unique_ptr<OlmSession, Free>(olm_session(memory));
}

CryptoError Session::last_error(std::string_view doing) const {
    return detail::from_olm(olm_session_last_error_code(ptr_.get()),
                            olm_session_last_error(ptr_.get()), doing);
}

namespace {

CryptoError empty_message(std::string_view doing) {
    return CryptoError{CryptoErrc::BadMessageFormat, "BAD_MESSAGE_FORMAT",
                       std::string(doing) + ": the message is empty"};
}

}  // namespace

CryptoResult<Session> Session::outbound(const Account& account, std::string_view their_identity_key,
                                        std::string_view their_one_time_key) {
    if (auto ok = detail::check_public_key(their_identity_key, "the identity key"); !ok.ok())
        return ok.error();
    if (auto ok = detail::check_public_key(their_one_time_key, "the one-time key"); !ok.ok())
        return ok.error();
    Session session(allocate());
    auto random = detail::random(olm_create_outbound_session_random_length(session.ptr_.get()));
    if (!random.ok()) return random.error();
    if (olm_create_outbound_session(session.ptr_.get(), account.ptr_.get(),
                                    their_identity_key.data(), their_identity_key.size(),
                                    their_one_time_key.data(), their_one_time_key.size(),
                                    random->data(), random->size()) == olm_error())
        return session.last_error("creating an outbound Olm session");
    return session;
}

CryptoResult<Session> Session::inbound(Account& account, std::string_view body) {
    if (body.empty()) return empty_message("creating an inbound Olm session");
    Session session(allocate());
    std::string buffer = detail::scratch(body);
    if (olm_create_inbound_session(session.ptr_.get(), account.ptr_.get(), buffer.data(),
                                   buffer.size()) == olm_error())
        return session.last_error("creating an inbound Olm session");
    return session;
}

CryptoResult<Session> Session::inbound_from(Account& account, std::string_view their_identity_key,
                                            std::string_view body) {
    if (auto ok = detail::check_public_key(their_identity_key, "the identity key"); !ok.ok())
        return ok.error();
    if (body.empty()) return empty_message("creating an inbound Olm session");
    Session session(allocate());
    std::string buffer = detail::scratch(body);
    if (olm_create_inbound_session_from(session.ptr_.get(), account.ptr_.get(),
                                        their_identity_key.data(), their_identity_key.size(),
                                        buffer.data(), buffer.size()) == olm_error())
        return session.last_error("creating an inbound Olm session");
    return session;
}

CryptoResult<Session> Session::unpickle(std::string_view pickle, std::string_view key) {
    if (auto checked = detail::check_pickle(pickle, key); !checked.ok()) return checked.error();
    Session session(allocate());
    std::string buffer = detail::scratch(pickle);
    if (olm_unpickle_session(session.ptr_.get(), key.data(), key.size(), buffer.data(),
                             buffer.size()) == olm_error())
        return session.last_error("unpickling an Olm session");
    return session;
}

CryptoResult<std::string> Session::pickle(std::string_view key) const {
    if (key.empty()) return CryptoError::local(CryptoErrc::BadPickleKey, "the pickle key is empty");
    std::string out(olm_pickle_session_length(ptr_.get()), '\0');
    std::size_t n = olm_pickle_session(ptr_.get(), key.data(), key.size(), out.data(), out.size());
    if (n == olm_error()) return last_error("pickling an Olm session");
    out.resize(n);
    return out;
}

CryptoResult<bool> Session::matches_inbound(std::string_view body) const {
    if (body.empty()) return empty_message("matching a pre-key message");
    std::string buffer = detail::scratch(body);
    std::size_t r = olm_matches_inbound_session(ptr_.get(), buffer.data(), buffer.size());
    if (r == olm_error()) return last_error("matching a pre-key message");
    return r == 1;
}

CryptoResult<bool> Session::matches_inbound_from(std::string_view their_identity_key,
                                                 std::string_view body) const {
    if (auto ok = detail::check_public_key(their_identity_key, "the identity key"); !ok.ok())
        return ok.error();
    if (body.empty()) return empty_message("matching a pre-key message");
    std::string buffer = detail::scratch(body);
    std::size_t r =
        olm_matches_inbound_session_from(ptr_.get(), their_identity_key.data(),
                                         their_identity_key.size(), buffer.data(), buffer.size());
    if (r == olm_error()) return last_error("matching a pre-key message");
    return r == 1;
}

CryptoResult<OlmMessage> Session::encrypt(std::string_view plaintext) {
    std::size_t type = olm_encrypt_message_type(ptr_.get());
    if (type == olm_error()) return last_error("encrypting an Olm message");
    auto random = detail::random(olm_encrypt_random_length(ptr_.get()));
    if (!random.ok()) return random.error();
    OlmMessage message;
    message.type = type == OLM_MESSAGE_TYPE_PRE_KEY ? MessageType::PreKey : MessageType::Normal;
    message.body.assign(olm_encrypt_message_length(ptr_.get(), plaintext.size()), '\0');
    std::size_t n = olm_encrypt(ptr_.get(), plaintext.data(), plaintext.size(), random->data(),
                                random->size(), message.body.data(), message.body.size());
    if (n == olm_error()) return last_error("encrypting an Olm message");
    message.body.resize(n);
    return message;
}

CryptoResult<std::string> Session::decrypt(const OlmMessage& message) {
    if (message.body.empty()) return empty_message("decrypting an Olm message");
    auto type = static_cast<std::size_t>(message.type);
    // libolm decodes the base64 in place: each call gets its own copy.
    std::string buffer = detail::scratch(message.body);
    std::size_t max =
        olm_decrypt_max_plaintext_length(ptr_.get(), type, buffer.data(), buffer.size());
    if (max == olm_error()) return last_error("decrypting an Olm message");
    buffer = detail::scratch(message.body);
    std::string plaintext(max, '\0');
    std::size_t n = olm_decrypt(ptr_.get(), type, buffer.data(), buffer.size(), plaintext.data(),
                                plaintext.size());
    if (n == olm_error()) return last_error("decrypting an Olm message");
    plaintext.resize(n);
    return plaintext;
}

std::string Session::session_id() const {
    std::string id(olm_session_id_length(ptr_.get()), '\0');
    std::size_t n = olm_session_id(ptr_.get(), id.data(), id.size());
    if (n == olm_error()) throw std::logic_error("olm_session_id failed");
    id.resize(n);
    return id;
}

bool Session::has_received_message() const {
    return olm_session_has_received_message(ptr_.get()) != 0;
}

}  // namespace dialoog::matrix::olm
