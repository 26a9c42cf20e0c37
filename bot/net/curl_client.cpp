// libcurl's multi_socket API driven by Asio (the asiohiper pattern): curl tells us which
// sockets to watch (CURLMOPT_SOCKETFUNCTION) and when to time out (CURLMOPT_TIMERFUNCTION);
// Asio waits on readiness and calls curl_multi_socket_action. Completions are posted, never
// invoked from inside a curl callback (curl forbids re-entrant multi calls).

#include <curl/curl.h>
#include <strings.h>
#include <unistd.h>

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "bot/net/http_client.hpp"

namespace dialoog::net {

namespace {

constexpr std::size_t kMaxBody = 64 * 1024 * 1024;  // bytes; a bigger response is an error

struct Socket {
    std::unique_ptr<asio::posix::stream_descriptor> sd;
    int what = 0;  // CURL_POLL_*
    bool reading = false;
    bool writing = false;
    bool alive = true;
};

struct Transfer {
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    HttpRequest req;
    HttpResponse resp;
    std::function<void(HttpResponse)> done;
    bool too_big = false;
    bool headers_done = false;  // the blank line ending the response headers arrived
};

class CurlClient final : public HttpClient {
  public:
    explicit CurlClient(asio::io_context& io) : io_(io), timer_(io) {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        multi_ = curl_multi_init();
        curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &CurlClient::socket_cb);
        curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
        curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &CurlClient::timer_cb);
        curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
    }

    ~CurlClient() override {
        cancel_all();
        for (auto& [fd, s] : sockets_) {
            s->alive = false;
            if (s->sd) s->sd->release();
        }
        curl_multi_cleanup(multi_);
    }

    asio::awaitable<HttpResponse> request(HttpRequest req) override {
        co_return co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(HttpResponse)>(
            [this](auto handler, HttpRequest r) {
                auto h = std::make_shared<decltype(handler)>(std::move(handler));
                start(std::move(r), [h](HttpResponse resp) { (*h)(std::move(resp)); });
            },
            asio::use_awaitable, std::move(req));
    }

    void cancel_all() override {
        std::vector<Transfer*> all;
        for (auto& [easy, t] : transfers_) all.push_back(t.get());
        for (auto* t : all) {
            t->resp.cancelled = true;
            t->resp.error = "cancelled";
            finish(t->easy);
        }
    }

  private:
    void start(HttpRequest req, std::function<void(HttpResponse)> done) {
        auto t = std::make_unique<Transfer>();
        t->req = std::move(req);
        t->done = std::move(done);
        CURL* e = curl_easy_init();
        t->easy = e;
        curl_easy_setopt(e, CURLOPT_URL, t->req.url.c_str());
        curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, t->req.timeout_ms);
        curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, 10000L);
        curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
        curl_easy_setopt(e, CURLOPT_USERAGENT, "dialoogbot/" DIALOOG_VERSION);
        curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &CurlClient::write_cb);
        curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
        curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, &CurlClient::header_cb);
        curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
        curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
        curl_easy_setopt(e, CURLOPT_CLOSESOCKETFUNCTION, &CurlClient::close_cb);
        curl_easy_setopt(e, CURLOPT_CLOSESOCKETDATA, this);
        for (const auto& h : t->req.headers) t->headers = curl_slist_append(t->headers, h.c_str());
        if (t->req.method != "GET") {
            bool has_type = false;
            for (const auto& h : t->req.headers)
                if (h.size() > 13 && strncasecmp(h.c_str(), "content-type:", 13) == 0)
                    has_type = true;
            if (!has_type)
                t->headers = curl_slist_append(t->headers, "Content-Type: application/json");
            curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, t->req.method.c_str());
            curl_easy_setopt(e, CURLOPT_POSTFIELDS, t->req.body.c_str());
            curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE, static_cast<long>(t->req.body.size()));
        }
        curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
        transfers_[e] = std::move(t);
        CURLMcode rc = curl_multi_add_handle(multi_, e);
        if (rc != CURLM_OK) {
            auto* tp = transfers_[e].get();
            tp->resp.error = curl_multi_strerror(rc);
            finish(e);
        }
    }

    // Removes the handle and posts the completion.
    void finish(CURL* e) {
        auto it = transfers_.find(e);
        if (it == transfers_.end()) return;
        auto t = std::move(it->second);
        transfers_.erase(it);
        curl_multi_remove_handle(multi_, e);
        curl_easy_cleanup(e);
        curl_slist_free_all(t->headers);
        auto done = std::move(t->done);
        auto resp = std::move(t->resp);
        asio::post(io_, [done = std::move(done), resp = std::move(resp)]() mutable {
            done(std::move(resp));
        });
    }

    void check_done() {
        int left = 0;
        while (CURLMsg* m = curl_multi_info_read(multi_, &left)) {
            if (m->msg != CURLMSG_DONE) continue;
            CURL* e = m->easy_handle;
            CURLcode result = m->data.result;
            auto it = transfers_.find(e);
            if (it == transfers_.end()) continue;
            Transfer* t = it->second.get();
            if (result == CURLE_OK && !t->headers_done) {
                // curl accepts a connection closed in the middle of the headers as a complete
                // response (status 200, empty body). Nothing was answered: a network error.
                t->resp.status = 0;
                t->resp.error = "connection closed before the response headers ended";
                t->resp.body.clear();
            } else if (result == CURLE_OK) {
                long code = 0;
                curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &code);
                t->resp.status = code;
            } else {
                t->resp.status = 0;
                t->resp.error = t->too_big ? "response too large" : curl_easy_strerror(result);
                t->resp.body.clear();
            }
            finish(e);
        }
    }

    void socket_action(curl_socket_t fd, int ev) {
        int running = 0;
        curl_multi_socket_action(multi_, fd, ev, &running);
        check_done();
    }

    void arm(curl_socket_t fd, const std::shared_ptr<Socket>& s) {
        if (!s->alive) return;
        if ((s->what & CURL_POLL_IN) && !s->reading) {
            s->reading = true;
            s->sd->async_wait(asio::posix::stream_descriptor::wait_read,
                              [this, fd, s](const boost::system::error_code& ec) {
                                  s->reading = false;
                                  if (ec || !s->alive) return;
                                  socket_action(fd, CURL_CSELECT_IN);
                                  arm(fd, s);
                              });
        }
        if ((s->what & CURL_POLL_OUT) && !s->writing) {
            s->writing = true;
            s->sd->async_wait(asio::posix::stream_descriptor::wait_write,
                              [this, fd, s](const boost::system::error_code& ec) {
                                  s->writing = false;
                                  if (ec || !s->alive) return;
                                  socket_action(fd, CURL_CSELECT_OUT);
                                  arm(fd, s);
                              });
        }
    }

    void forget_socket(curl_socket_t fd) {
        auto it = sockets_.find(fd);
        if (it == sockets_.end()) return;
        auto s = it->second;
        sockets_.erase(it);
        s->alive = false;
        boost::system::error_code ec;
        s->sd->cancel(ec);
        s->sd->release();  // curl owns the descriptor and closes it
    }

    static int socket_cb(CURL*, curl_socket_t fd, int what, void* userp, void*) {
        auto* self = static_cast<CurlClient*>(userp);
        if (what == CURL_POLL_REMOVE) {
            self->forget_socket(fd);
            return 0;
        }
        auto& s = self->sockets_[fd];
        if (!s) {
            s = std::make_shared<Socket>();
            s->sd = std::make_unique<asio::posix::stream_descriptor>(self->io_, fd);
        }
        s->what = what;
        // Arm later: arming here would run inside curl's callback chain.
        asio::post(self->io_, [self, fd, sp = s] { self->arm(fd, sp); });
        return 0;
    }

    static int close_cb(void* clientp, curl_socket_t fd) {
        static_cast<CurlClient*>(clientp)->forget_socket(fd);
        return ::close(fd);
    }

    static int timer_cb(CURLM*, long timeout_ms, void* userp) {
        auto* self = static_cast<CurlClient*>(userp);
        self->timer_.cancel();
        if (timeout_ms < 0) return 0;
        self->timer_.expires_after(std::chrono::milliseconds(timeout_ms));
        self->timer_.async_wait([self](const boost::system::error_code& ec) {
            if (ec) return;
            self->socket_action(CURL_SOCKET_TIMEOUT, 0);
        });
        return 0;
    }

    static size_t write_cb(char* ptr, size_t size, size_t nmemb, void* userdata) {
        auto* t = static_cast<Transfer*>(userdata);
        size_t n = size * nmemb;
        if (t->resp.body.size() + n > kMaxBody) {
            t->too_big = true;
            return 0;  // aborts the transfer
        }
        t->resp.body.append(ptr, n);
        return n;
    }

    static size_t header_cb(char* buf, size_t size, size_t nitems, void* userdata) {
        auto* t = static_cast<Transfer*>(userdata);
        size_t n = size * nitems;
        std::string line(buf, n);
        auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            std::transform(name.begin(), name.end(), name.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            std::string value = line.substr(colon + 1);
            auto b = value.find_first_not_of(" \t");
            auto e = value.find_last_not_of(" \t\r\n");
            value = b == std::string::npos ? "" : value.substr(b, e - b + 1);
            t->resp.headers[name] = value;
        } else if (line.rfind("HTTP/", 0) == 0) {
            t->resp.headers.clear();  // a new response (after 100-continue or redirect)
            t->headers_done = false;
        } else if (line == "\r\n" || line == "\n") {
            t->headers_done = true;
        }
        return n;
    }

    asio::io_context& io_;
    asio::steady_timer timer_;
    CURLM* multi_ = nullptr;
    std::unordered_map<curl_socket_t, std::shared_ptr<Socket>> sockets_;
    std::unordered_map<CURL*, std::unique_ptr<Transfer>> transfers_;
};

}  // namespace

std::unique_ptr<HttpClient> make_curl_client(asio::io_context& io) {
    return std::make_unique<CurlClient>(io);
}

}  // namespace dialoog::net
