#pragma once
// The Client-Server API calls the bot makes (Matrix spec v1.x, section names in brackets), as
// awaitables returning the typed responses of matrix/api.hpp. Auth is the Authorization
// header only, never a query parameter [Using access tokens]. A non-2xx answer becomes a
// matrix::ApiError with errcode, HTTP status and retry_after_ms from the Retry-After header or
// the body [Rate limiting]; a 2xx body that is not JSON or lacks a required field is
// Errcode::BadJson (with the HTTP status); no HTTP answer at all is Network or Cancelled.

#include <optional>
#include <string>
#include <string_view>

#include "bot/net/http_client.hpp"
#include "matrix/api.hpp"
#include "matrix/error.hpp"

namespace dialoog::net {

using matrix::ApiError;
using matrix::ApiResult;

class MatrixClient {
  public:
    MatrixClient(HttpClient& http, std::string homeserver)
        : http_(http), hs_(std::move(homeserver)) {}

    void set_access_token(std::string token) { token_ = std::move(token); }
    bool has_token() const { return !token_.empty(); }
    /// Aborts this client's requests in flight: they fail with Errcode::Cancelled (shutdown).
    void cancel_all() { http_.cancel_all(); }

    /// [Client Authentication] GET /account/whoami
    asio::awaitable<ApiResult<matrix::WhoamiResponse>> whoami();
    /// [Login] POST /login (without the access token)
    asio::awaitable<ApiResult<matrix::LoginResponse>> login(matrix::LoginRequest req);
    /// [Syncing] GET /sync. `timeout_ms` is the long-poll time; the HTTP limit is set above it.
    /// Returns the raw body, which matrix::parse_sync_response reads.
    asio::awaitable<ApiResult<std::string>> sync(std::optional<std::string> since,
                                                 std::string_view filter_json, int timeout_ms);
    /// [Sending events] PUT /rooms/{room_id}/send/{type}/{txn_id}; `content_json` is sent as is.
    asio::awaitable<ApiResult<matrix::EventIdResponse>> send(std::string room_id, std::string type,
                                                             std::string txn_id,
                                                             std::string content_json);
    /// [Redactions] PUT /rooms/{room_id}/redact/{event_id}/{txn_id}
    asio::awaitable<ApiResult<matrix::EventIdResponse>> redact(std::string room_id,
                                                               std::string event_id,
                                                               std::string txn_id,
                                                               matrix::RedactRequest req);
    /// [Joining rooms] POST /join/{roomIdOrAlias}
    asio::awaitable<ApiResult<matrix::RoomIdResponse>> join(std::string room_id_or_alias);
    /// [Leaving rooms] POST /rooms/{room_id}/leave
    asio::awaitable<ApiResult<matrix::EmptyResponse>> leave(std::string room_id,
                                                            matrix::LeaveRequest req);
    /// [Creation] POST /createRoom (a DM: matrix::CreateRoomRequest::direct_chat)
    asio::awaitable<ApiResult<matrix::RoomIdResponse>> create_room(matrix::CreateRoomRequest req);
    /// [Client Config] PUT /user/{user_id}/account_data/{type}; `content_json` is sent as is.
    asio::awaitable<ApiResult<matrix::EmptyResponse>> set_account_data(std::string user_id,
                                                                       std::string type,
                                                                       std::string content_json);
    /// [Room directory] GET /directory/room/{room_alias}
    asio::awaitable<ApiResult<matrix::RoomIdResponse>> resolve_alias(std::string alias);
    /// [Getting events for a room] GET /rooms/{room_id}/messages?dir=b&from=&to=&limit=.
    /// Returns the raw body, which matrix::parse_messages_response reads.
    asio::awaitable<ApiResult<std::string>> messages_backwards(std::string room_id,
                                                               std::string from,
                                                               std::optional<std::string> to,
                                                               int limit);
    /// [Content repository] POST /_matrix/media/v3/upload?filename= with `data` (bytes) as
    /// the body and `content_type` as its Content-Type.
    asio::awaitable<ApiResult<matrix::UploadResponse>> upload(std::string filename,
                                                              std::string content_type,
                                                              std::string data);

    /// [End-to-End Encryption > Key management API] POST /keys/upload: publishes device keys,
    /// one-time and fallback keys; the answer's `one_time_key_counts` says how many one-time
    /// keys the server holds (an empty request only asks for that).
    asio::awaitable<ApiResult<matrix::KeysUploadResponse>> upload_keys(
        matrix::KeysUploadRequest req);
    /// [Cross-signing] POST /keys/device_signing/upload. A 401 asking for interactive
    /// authentication comes back as an ApiError with `uia` set (not a rejected token).
    asio::awaitable<ApiResult<matrix::EmptyResponse>> upload_cross_signing_keys(
        matrix::DeviceSigningUploadRequest req);
    /// [Cross-signing] POST /keys/signatures/upload.
    asio::awaitable<ApiResult<matrix::SignaturesUploadResponse>> upload_signatures(
        matrix::SignaturesUploadRequest req);
    /// [Key management API] POST /keys/query.
    asio::awaitable<ApiResult<matrix::KeysQueryResponse>> query_keys(matrix::KeysQueryRequest req);

    /// Percent-encodes a path segment or query value (RFC 3986 unreserved kept).
    static std::string encode(std::string_view s);

  private:
    /// One request to hs_ + `path`; a non-2xx answer or none becomes an ApiError.
    asio::awaitable<ApiResult<HttpResponse>> call(std::string method, std::string path,
                                                  std::string body, long timeout_ms,
                                                  bool auth = true, std::string content_type = "");
    HttpClient& http_;
    std::string hs_;
    std::string token_;
};

/// Converts a non-2xx HTTP response, or a transport failure (status 0: Network, or Cancelled
/// after cancel_all), into an ApiError (matrix::parse_error_response reads the body).
ApiError error_from_response(const HttpResponse& r);

}  // namespace dialoog::net
