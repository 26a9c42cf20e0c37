#include "bot/net/matrix_client.hpp"

#include <boost/asio/use_awaitable.hpp>

namespace dialoog::net {

namespace {
constexpr const char* kApi = "/_matrix/client/v3";

template <typename T>
ApiResult<T> parsed(ApiResult<HttpResponse> r) {
    if (!r) return r.error();
    return matrix::parse_response<T>(r->body, static_cast<int>(r->status));
}

ApiResult<std::string> raw_body(ApiResult<HttpResponse> r) {
    if (!r) return r.error();
    return std::move(r.value().body);
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

ApiError error_from_response(const HttpResponse& r) {
    if (r.status == 0) {
        auto code = r.cancelled ? matrix::Errcode::Cancelled : matrix::Errcode::Network;
        return ApiError::local(code, r.error);
    }
    std::optional<std::string_view> retry_after;
    if (auto h = r.headers.find("retry-after"); h != r.headers.end()) retry_after = h->second;
    return matrix::parse_error_response(static_cast<int>(r.status), r.body, retry_after);
}

asio::awaitable<ApiResult<HttpResponse>> MatrixClient::call(std::string method, std::string path,
                                                            std::string body, long timeout_ms,
                                                            bool auth, std::string content_type) {
    HttpRequest req;
    req.method = std::move(method);
    req.url = hs_ + path;
    req.body = std::move(body);
    req.timeout_ms = timeout_ms;
    if (auth && !token_.empty()) req.headers.push_back("Authorization: Bearer " + token_);
    if (!content_type.empty()) req.headers.push_back("Content-Type: " + content_type);
    HttpResponse r = co_await http_.request(std::move(req));
    if (r.status >= 200 && r.status < 300) co_return r;
    co_return error_from_response(r);
}

asio::awaitable<ApiResult<matrix::WhoamiResponse>> MatrixClient::whoami() {
    co_return parsed<matrix::WhoamiResponse>(
        co_await call("GET", std::string(kApi) + "/account/whoami", "", 20000));
}

asio::awaitable<ApiResult<matrix::LoginResponse>> MatrixClient::login(matrix::LoginRequest req) {
    const nlohmann::json body = req;
    co_return parsed<matrix::LoginResponse>(
        co_await call("POST", std::string(kApi) + "/login", body.dump(), 30000, false));
}

asio::awaitable<ApiResult<std::string>> MatrixClient::sync(std::optional<std::string> since,
                                                           std::string_view filter_json,
                                                           int timeout_ms) {
    std::string path = std::string(kApi) + "/sync?timeout=" + std::to_string(timeout_ms);
    if (!filter_json.empty()) path += "&filter=" + encode(filter_json);
    if (since) path += "&since=" + encode(*since);
    // The HTTP limit must exceed the long-poll time (Matrix spec, Client-Server API,
    // "Syncing": the server may hold the request for `timeout` ms).
    co_return raw_body(co_await call("GET", path, "", timeout_ms + 30000));
}

asio::awaitable<ApiResult<matrix::EventIdResponse>> MatrixClient::send(std::string room_id,
                                                                       std::string type,
                                                                       std::string txn_id,
                                                                       std::string content_json) {
    co_return parsed<matrix::EventIdResponse>(co_await call("PUT",
                                                            std::string(kApi) + "/rooms/" +
                                                                encode(room_id) + "/send/" +
                                                                encode(type) + "/" + encode(txn_id),
                                                            std::move(content_json), 30000));
}

asio::awaitable<ApiResult<matrix::EventIdResponse>> MatrixClient::redact(
    std::string room_id, std::string event_id, std::string txn_id, matrix::RedactRequest req) {
    const nlohmann::json body = req;
    co_return parsed<matrix::EventIdResponse>(
        co_await call("PUT",
                      std::string(kApi) + "/rooms/" + encode(room_id) + "/redact/" +
                          encode(event_id) + "/" + encode(txn_id),
                      body.dump(), 30000));
}

asio::awaitable<ApiResult<matrix::RoomIdResponse>> MatrixClient::join(std::string room) {
    co_return parsed<matrix::RoomIdResponse>(
        co_await call("POST", std::string(kApi) + "/join/" + encode(room), "{}", 30000));
}

asio::awaitable<ApiResult<matrix::EmptyResponse>> MatrixClient::leave(std::string room_id,
                                                                      matrix::LeaveRequest req) {
    const nlohmann::json body = req;
    co_return parsed<matrix::EmptyResponse>(co_await call(
        "POST", std::string(kApi) + "/rooms/" + encode(room_id) + "/leave", body.dump(), 30000));
}

asio::awaitable<ApiResult<matrix::RoomIdResponse>> MatrixClient::create_room(
    matrix::CreateRoomRequest req) {
    const nlohmann::json body = req;
    co_return parsed<matrix::RoomIdResponse>(
        co_await call("POST", std::string(kApi) + "/createRoom", body.dump(), 30000));
}

asio::awaitable<ApiResult<matrix::KeysUploadResponse>> MatrixClient::upload_keys(
    matrix::KeysUploadRequest req) {
    const nlohmann::json body = req;
    co_return parsed<matrix::KeysUploadResponse>(
        co_await call("POST", std::string(kApi) + "/keys/upload", body.dump(), 30000));
}

asio::awaitable<ApiResult<matrix::EmptyResponse>> MatrixClient::upload_cross_signing_keys(
    matrix::DeviceSigningUploadRequest req) {
    const nlohmann::json body = req;
    co_return parsed<matrix::EmptyResponse>(co_await call(
        "POST", std::string(kApi) + "/keys/device_signing/upload", body.dump(), 30000));
}

asio::awaitable<ApiResult<matrix::SignaturesUploadResponse>> MatrixClient::upload_signatures(
    matrix::SignaturesUploadRequest req) {
    const nlohmann::json body = req;
    co_return parsed<matrix::SignaturesUploadResponse>(
        co_await call("POST", std::string(kApi) + "/keys/signatures/upload", body.dump(), 30000));
}

asio::awaitable<ApiResult<matrix::KeysQueryResponse>> MatrixClient::query_keys(
    matrix::KeysQueryRequest req) {
    const nlohmann::json body = req;
    co_return parsed<matrix::KeysQueryResponse>(
        co_await call("POST", std::string(kApi) + "/keys/query", body.dump(), 30000));
}

asio::awaitable<ApiResult<matrix::EmptyResponse>> MatrixClient::set_account_data(
    std::string user_id, std::string type, std::string content_json) {
    co_return parsed<matrix::EmptyResponse>(co_await call(
        "PUT", std::string(kApi) + "/user/" + encode(user_id) + "/account_data/" + encode(type),
        std::move(content_json), 30000));
}

asio::awaitable<ApiResult<matrix::RoomIdResponse>> MatrixClient::resolve_alias(std::string alias) {
    co_return parsed<matrix::RoomIdResponse>(
        co_await call("GET", std::string(kApi) + "/directory/room/" + encode(alias), "", 20000));
}

asio::awaitable<ApiResult<std::string>> MatrixClient::messages_backwards(
    std::string room_id, std::string from, std::optional<std::string> to, int limit) {
    std::string path = std::string(kApi) + "/rooms/" + encode(room_id) +
                       "/messages?dir=b&limit=" + std::to_string(limit) + "&from=" + encode(from);
    if (to) path += "&to=" + encode(*to);
    co_return raw_body(co_await call("GET", path, "", 30000));
}

asio::awaitable<ApiResult<matrix::UploadResponse>> MatrixClient::upload(std::string filename,
                                                                        std::string content_type,
                                                                        std::string data) {
    co_return parsed<matrix::UploadResponse>(
        co_await call("POST", "/_matrix/media/v3/upload?filename=" + encode(filename),
                      std::move(data), 60000, true, std::move(content_type)));
}

}  // namespace dialoog::net
