#pragma once
// HTTP as seen by the bot (style: tgbot-cpp's abstract client): one request in, one response
// out, as an Asio awaitable. The curl implementation drives libcurl's multi interface from the
// single io_context (curl's asiohiper pattern), so no thread per request.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without it
#include <vector>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>

namespace dialoog::net {

namespace asio = boost::asio;

struct HttpRequest {
    std::string method = "GET";  // GET | PUT | POST
    std::string url;
    std::vector<std::string> headers;  // "Name: value"
    std::string body;
    long timeout_ms = 30000;  // whole-request limit
    std::uint64_t id = 0;     // set by the client; used to cancel
};

struct HttpResponse {
    long status = 0;  // 0 when no HTTP response arrived
    std::string body;
    std::map<std::string, std::string> headers;  // lowercase names
    std::string error;                           // transport error text (curl), empty on success
    bool cancelled = false;
};

class HttpClient {
  public:
    virtual ~HttpClient() = default;
    /// Performs `req`. Never throws for transport failures: they come back in `error`.
    virtual asio::awaitable<HttpResponse> request(HttpRequest req) = 0;
    /// Aborts every request in flight (they complete with `cancelled`), e.g. at shutdown.
    virtual void cancel_all() = 0;
};

/// libcurl multi + Asio. Must be used from the thread running `io`.
std::unique_ptr<HttpClient> make_curl_client(asio::io_context& io);

}  // namespace dialoog::net
