#pragma once
// A blocking HTTP/1.1 client for the tests of the health and metrics listener (the in-process
// listener and the real binary): one request, read until the server closes.

#include <string>

namespace dialoog::testing {

struct HttpReply {
    int status = 0;  // 0: no answer
    std::string headers;
    std::string body;
};

/// Sends `request` (a whole HTTP/1.1 request) to 127.0.0.1:`port`, 5 s read timeout.
HttpReply http_raw(unsigned short port, const std::string& request);

/// GET `target` with Connection: close.
HttpReply http_get(unsigned short port, const std::string& target);

}  // namespace dialoog::testing
