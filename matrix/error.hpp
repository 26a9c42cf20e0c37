#pragma once
// Failures of Client-Server API calls as values (Matrix spec, Client-Server API, "Standard
// error response", "Common error codes", "Other error codes", "Rate limiting"). Callers decide
// on `code` and the HTTP status; `errcode` keeps the string as received (or the local code) for
// logs and for the outbox's last_error.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.hpp"

namespace dialoog::matrix {

/// The errcodes the bot tells apart. Matrix codes are named after the spec's `M_…` strings;
/// the last three are local: no Matrix error body stands behind them. M_BAD_JSON and M_NOT_JSON
/// (the server could not read the bot's request) are Other: BadJson is the bot failing to
/// read the server's answer, which calls for a retry, theirs does not.
enum class Errcode {
    Other,            // any other errcode, or none (the string is then "HTTP_<status>")
    Forbidden,        // M_FORBIDDEN
    UnknownToken,     // M_UNKNOWN_TOKEN: the access token is not (or no longer) valid
    MissingToken,     // M_MISSING_TOKEN
    UserDeactivated,  // M_USER_DEACTIVATED
    UserLocked,       // M_USER_LOCKED
    NotFound,         // M_NOT_FOUND
    LimitExceeded,    // M_LIMIT_EXCEEDED: rate limited, see retry_after_ms
    TooLarge,         // M_TOO_LARGE
    MissingParam,     // M_MISSING_PARAM
    InvalidParam,     // M_INVALID_PARAM
    Unrecognized,     // M_UNRECOGNIZED
    Unknown,          // M_UNKNOWN
    Network,          // local "network": no HTTP response (refused, reset, timed out)
    Cancelled,        // local "cancelled": the bot aborted the request (shutdown)
    BadJson,          // local "bad_json": a 2xx body that is not a JSON object or lacks a field
};

/// The errcode for a Matrix `errcode` string; Other for codes not listed in Errcode and for
/// the local strings (a server never sends those).
Errcode errcode_from(std::string_view errcode);
/// The spec string ("M_FORBIDDEN") or local code ("bad_json") of `code`; "" for Other.
const char* to_string(Errcode code);

/// A failed API call.
/// A 401 that asks for User-Interactive Authentication (spec "User-Interactive Authentication
/// API"): the body has `flows` (each a list of stage types) and usually a `session`, not an
/// errcode (or M_FORBIDDEN after a failed stage). The token itself was fine.
struct UiaChallenge {
    std::string session;                          // "" when the server sent none
    std::vector<std::vector<std::string>> flows;  // e.g. {{"m.login.password"}}
    std::vector<std::string> completed;           // stages already done in this session
    /// True when one flow consists of `stage` alone (e.g. "m.login.password").
    bool offers_single(std::string_view stage) const;
};

struct ApiError {
    Errcode code = Errcode::Other;
    /// As received ("M_LIMIT_EXCEEDED"), "HTTP_<status>" when the body had none, a local code
    /// ("network", "cancelled", "bad_json") or the bot's own ("bad_row"). For logs only.
    std::string errcode;
    /// The body's `error` text (English, from the server) or a local description; never shown
    /// to users and never holding tokens or message text.
    std::string message;
    /// 0 when no HTTP response arrived.
    int http_status = 0;
    /// How long to wait before retrying (ms): the Retry-After header, else the body's
    /// `retry_after_ms` (spec "Rate limiting"; the header wins since v1.10).
    std::optional<std::int64_t> retry_after_ms;
    /// The body's `soft_logout` (spec "Soft logout"), for M_UNKNOWN_TOKEN.
    bool soft_logout = false;
    /// Set for a 401 whose body holds `flows`: the call needs interactive authentication.
    std::optional<UiaChallenge> uia;

    /// An error with a local code (Network, Cancelled, BadJson): errcode is to_string(code).
    static ApiError local(Errcode code, std::string message, int http_status = 0);

    /// True for failures worth retrying later: no HTTP response, 429 and 5xx.
    bool transient() const { return http_status == 0 || http_status == 429 || http_status >= 500; }
    /// True when the homeserver refused the access token: M_UNKNOWN_TOKEN or HTTP 401
    /// (spec "Using access tokens").
    /// A 401 that asks for interactive authentication (uia set) is not a rejected token.
    bool token_rejected() const {
        return code == Errcode::UnknownToken || (http_status == 401 && !uia);
    }
    /// True for HTTP 429 (spec "Rate limiting").
    bool rate_limited() const { return http_status == 429; }
};

/// A Result whose failures are API errors.
template <typename T>
using ApiResult = Result<T, ApiError>;

/// Reads a non-2xx response (spec "Standard error response"): `errcode`, `error`,
/// `retry_after_ms` and `soft_logout` from a JSON body; "HTTP_<status>" and "HTTP status
/// <status>" when the body has none. `retry_after_header` is the Retry-After header's value
/// when present: delta-seconds win over the body; an HTTP-date leaves the body's value.
ApiError parse_error_response(int http_status, std::string_view body,
                              std::optional<std::string_view> retry_after_header = std::nullopt);

}  // namespace dialoog::matrix
