#include "integration/support/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdlib>

namespace dialoog::testing {

// A blocking HTTP/1.1 client (runs on a worker thread while the test drives the io_context).
HttpReply http_raw(unsigned short port, const std::string& request) {
    HttpReply r;
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return r;
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return r;
    }
    (void)!::write(fd, request.data(), request.size());
    std::string all;
    char buf[4096];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n <= 0) break;
        all.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    auto sep = all.find("\r\n\r\n");
    if (all.rfind("HTTP/1.", 0) != 0 || sep == std::string::npos) return r;
    r.status = std::atoi(all.c_str() + 9);
    r.headers = all.substr(0, sep);
    r.body = all.substr(sep + 4);
    return r;
}

HttpReply http_get(unsigned short port, const std::string& target) {
    return http_raw(port,
                    "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

}  // namespace dialoog::testing
