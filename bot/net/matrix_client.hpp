#pragma once
// The Client-Server API calls the bot makes (spec v1.x, section names in brackets), as
// awaitables returning Result<json>. Auth is the Authorization header only, never a query
// parameter [Using access tokens]. Error bodies become dialoog::Error with errcode, HTTP
// status, and retry_after_ms from the Retry-After header or the body [Rate limiting].

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "bot/net/http_client.hpp"
#include "common/result.hpp"

namespace dialoog::net {

using nlohmann::json;

class MatrixClient {
  public:
    MatrixClient(HttpClient& http, std::string homeserver)
        : http_(http), hs_(std::move(homeserver)) {}

    void set_access_token(std::string token) { token_ = std::move(token); }
    bool has_token() const { return !token_.empty(); }

    /// [Client Authentication] GET /account/whoami -> {"user_id", "device_id"?}
    asio::awaitable<Result<json>> whoami();
    /// [Login] POST /login m.login.password with a fixed device_id -> {"access_token", ...}
    asio::awaitable<Result<json>> login_password(std::string user_id, std::string password,
                                                 std::string device_id);
    /// [Syncing] GET /sync. `timeout_ms` is the long-poll time; the HTTP limit is set above it.
    /// Returns the raw body (parsed by matrix::parse_sync_response).
    asio::awaitable<Result<std::string>> sync(std::optional<std::string> since,
                                              std::string_view filter_json, int timeout_ms);
    /// [Sending events] PUT /rooms/{room}/send/{type}/{txn} -> {"event_id"}
    asio::awaitable<Result<json>> send(std::string room_id, std::string type, std::string txn_id,
                                       std::string content_json);
    /// [Redactions] PUT /rooms/{room}/redact/{event}/{txn}
    asio::awaitable<Result<json>> redact(std::string room_id, std::string event_id,
                                         std::string txn_id, std::string reason);
    /// [Joining rooms] POST /join/{roomIdOrAlias} -> {"room_id"}
    asio::awaitable<Result<json>> join(std::string room_id_or_alias);
    /// [Leaving rooms] POST /rooms/{room}/leave
    asio::awaitable<Result<json>> leave(std::string room_id, std::string reason);
    /// [Direct Messaging] POST /createRoom {is_direct, invite, preset: trusted_private_chat}
    asio::awaitable<Result<json>> create_dm(std::string user_id);
    /// [Client Config] PUT /user/{me}/account_data/{type}
    asio::awaitable<Result<json>> set_account_data(std::string user_id, std::string type,
                                                   std::string content_json);
    /// [Room directory] GET /directory/room/{alias} -> {"room_id"}
    asio::awaitable<Result<json>> resolve_alias(std::string alias);
    /// [Getting events for a room] GET /rooms/{room}/messages?dir=b&from=&to=&limit=
    asio::awaitable<Result<std::string>> messages_backwards(std::string room_id, std::string from,
                                                            std::optional<std::string> to,
                                                            int limit);
    /// [Content repository] POST /_matrix/media/v3/upload -> {"content_uri"}
    asio::awaitable<Result<json>> upload(std::string filename, std::string content_type,
                                         std::string data);

    /// Percent-encodes a path segment or query value (RFC 3986 unreserved kept).
    static std::string encode(std::string_view s);

  private:
    asio::awaitable<Result<HttpResponse>> call(std::string method, std::string path,
                                               std::string body, long timeout_ms, bool auth = true);
    HttpClient& http_;
    std::string hs_;
    std::string token_;
};

/// Converts a non-2xx HTTP response (or transport failure) into an Error. Exposed for tests.
Error error_from_response(const HttpResponse& r);

}  // namespace dialoog::net
