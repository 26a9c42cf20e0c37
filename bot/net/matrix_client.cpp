#include "bot/net/matrix_client.hpp"

#include <boost/asio/use_awaitable.hpp>

namespace dialoog::net {

namespace {
constexpr const char* kApi = "/_matrix/client/v3";

Result<json> as_json(Result<HttpResponse> r) {
    if (!r) return r.error();
    auto j = json::parse(r->body, nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return Error{"bad_json", "response is not a JSON object", static_cast<int>(r->status)};
    return j;
}
}  // namespace

std::string MatrixClient::encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

Error error_from_response(const HttpResponse& r) {
    Error e;
    e.http_status = static_cast<int>(r.status);
    if (r.status == 0) {
        e.errcode = r.cancelled ? "cancelled" : "network";
        e.message = r.error;
        return e;
    }
    auto j = json::parse(r.body, nullptr, false);
    if (j.is_object()) {
        e.errcode = j.value("errcode", "");
        e.message = j.value("error", "");
        if (auto it = j.find("retry_after_ms"); it != j.end() && it->is_number_integer())
            e.retry_after_ms = it->get<std::int64_t>();
        e.soft_logout = j.value("soft_logout", false);
    }
    if (e.errcode.empty()) e.errcode = "HTTP_" + std::to_string(r.status);
    if (e.message.empty()) e.message = "HTTP status " + std::to_string(r.status);
    // The header wins over the body (spec "Rate limiting", v1.10+).
    if (auto h = r.headers.find("retry-after"); h != r.headers.end()) {
        try {
            long long secs = std::stoll(h->second);
            if (secs >= 0) e.retry_after_ms = secs * 1000;
        } catch (...) {
            // An HTTP-date form; fall back to the body value.
        }
    }
    return e;
}

asio::awaitable<Result<HttpResponse>> MatrixClient::call(std::string method, std::string path,
                                                         std::string body, long timeout_ms,
                                                         bool auth) {
    HttpRequest req;
    req.method = std::move(method);
    req.url = hs_ + path;
    req.body = std::move(body);
    req.timeout_ms = timeout_ms;
    if (auth && !token_.empty()) req.headers.push_back("Authorization: Bearer " + token_);
    HttpResponse r = co_await http_.request(std::move(req));
    if (r.status >= 200 && r.status < 300) co_return r;
    co_return error_from_response(r);
}

asio::awaitable<Result<json>> MatrixClient::whoami() {
    co_return as_json(co_await call("GET", std::string(kApi) + "/account/whoami", "", 20000));
}

asio::awaitable<Result<json>> MatrixClient::login_password(std::string user_id,
                                                           std::string password,
                                                           std::string device_id) {
    json body = {{"type", "m.login.password"},
                 {"identifier", {{"type", "m.id.user"}, {"user", user_id}}},
                 {"password", password},
                 {"device_id", device_id},
                 {"initial_device_display_name", "dialoogbot"}};
    co_return as_json(
        co_await call("POST", std::string(kApi) + "/login", body.dump(), 30000, false));
}

asio::awaitable<Result<std::string>> MatrixClient::sync(std::optional<std::string> since,
                                                        std::string_view filter_json,
                                                        int timeout_ms) {
    std::string path = std::string(kApi) + "/sync?timeout=" + std::to_string(timeout_ms);
    if (!filter_json.empty()) path += "&filter=" + encode(filter_json);
    if (since) path += "&since=" + encode(*since);
    // The HTTP limit must exceed the long-poll time (Matrix spec, Client-Server API,
    // "Syncing": the server may hold the request for `timeout` ms).
    auto r = co_await call("GET", path, "", timeout_ms + 30000);
    if (!r) co_return r.error();
    co_return std::move(r.value().body);
}

asio::awaitable<Result<json>> MatrixClient::send(std::string room_id, std::string type,
                                                 std::string txn_id, std::string content_json) {
    co_return as_json(co_await call("PUT",
                                    std::string(kApi) + "/rooms/" + encode(room_id) + "/send/" +
                                        encode(type) + "/" + encode(txn_id),
                                    std::move(content_json), 30000));
}

asio::awaitable<Result<json>> MatrixClient::redact(std::string room_id, std::string event_id,
                                                   std::string txn_id, std::string reason) {
    json body = json::object();
    if (!reason.empty()) body["reason"] = reason;
    co_return as_json(co_await call("PUT",
                                    std::string(kApi) + "/rooms/" + encode(room_id) + "/redact/" +
                                        encode(event_id) + "/" + encode(txn_id),
                                    body.dump(), 30000));
}

asio::awaitable<Result<json>> MatrixClient::join(std::string room) {
    co_return as_json(
        co_await call("POST", std::string(kApi) + "/join/" + encode(room), "{}", 30000));
}

asio::awaitable<Result<json>> MatrixClient::leave(std::string room_id, std::string reason) {
    json body = json::object();
    if (!reason.empty()) body["reason"] = reason;
    co_return as_json(co_await call(
        "POST", std::string(kApi) + "/rooms/" + encode(room_id) + "/leave", body.dump(), 30000));
}

asio::awaitable<Result<json>> MatrixClient::create_dm(std::string user_id) {
    json body = {{"is_direct", true},
                 {"invite", json::array({user_id})},
                 {"preset", "trusted_private_chat"}};
    co_return as_json(co_await call("POST", std::string(kApi) + "/createRoom", body.dump(), 30000));
}

asio::awaitable<Result<json>> MatrixClient::set_account_data(std::string user_id, std::string type,
                                                             std::string content_json) {
    co_return as_json(co_await call(
        "PUT", std::string(kApi) + "/user/" + encode(user_id) + "/account_data/" + encode(type),
        std::move(content_json), 30000));
}

asio::awaitable<Result<json>> MatrixClient::resolve_alias(std::string alias) {
    co_return as_json(
        co_await call("GET", std::string(kApi) + "/directory/room/" + encode(alias), "", 20000));
}

asio::awaitable<Result<std::string>> MatrixClient::messages_backwards(std::string room_id,
                                                                      std::string from,
                                                                      std::optional<std::string> to,
                                                                      int limit) {
    std::string path = std::string(kApi) + "/rooms/" + encode(room_id) +
                       "/messages?dir=b&limit=" + std::to_string(limit) + "&from=" + encode(from);
    if (to) path += "&to=" + encode(*to);
    auto r = co_await call("GET", path, "", 30000);
    if (!r) co_return r.error();
    co_return std::move(r.value().body);
}

asio::awaitable<Result<json>> MatrixClient::upload(std::string filename, std::string content_type,
                                                   std::string data) {
    HttpRequest req;
    req.method = "POST";
    req.url = hs_ + "/_matrix/media/v3/upload?filename=" + encode(filename);
    req.body = std::move(data);
    req.timeout_ms = 60000;
    req.headers.push_back("Authorization: Bearer " + token_);
    req.headers.push_back("Content-Type: " + content_type);
    HttpResponse r = co_await http_.request(std::move(req));
    if (r.status >= 200 && r.status < 300) {
        auto j = json::parse(r.body, nullptr, false);
        if (j.is_object()) co_return j;
        co_return Error{"bad_json", "upload response is not JSON", static_cast<int>(r.status)};
    }
    co_return error_from_response(r);
}

}  // namespace dialoog::net
