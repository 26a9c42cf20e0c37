#include "bot/net/health_server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <fstream>

#include "commands/registry.hpp"
#include "common/counters.hpp"
#include "storage/jobs.hpp"

namespace dialoog::net {

namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

std::string minutes_text(std::int64_t ms) {
    std::int64_t s = ms / 1000;
    if (s < 120) return std::to_string(s) + " s";
    return std::to_string(s / 60) + " min";
}

}  // namespace

HealthStatus health_status(const BotMetrics& m, const OutboxFacts& outbox, std::int64_t now_ms,
                           std::int64_t started_ms, const HealthThresholds& t) {
    const std::int64_t unreachable_after = t.unreachable_after.count();
    if (m.token_invalid)
        return {503, "access token invalid: waiting for a new token (see the log)"};
    if (m.unreachable_since_ms && now_ms - m.unreachable_since_ms > unreachable_after)
        return {503, "homeserver unreachable for " + minutes_text(now_ms - m.unreachable_since_ms)};
    if (m.last_sync_ok_ms == 0) {
        if (now_ms - started_ms > unreachable_after)
            return {503, "no successful sync since the start " + minutes_text(now_ms - started_ms) +
                             " ago"};
        return {503, "starting: first sync not done yet"};
    }
    if (now_ms - m.last_sync_ok_ms > unreachable_after) {
        // Syncs stopped succeeding; when requests fail outright, that is the reason to show.
        if (m.unreachable_since_ms)
            return {503,
                    "homeserver unreachable for " + minutes_text(now_ms - m.unreachable_since_ms)};
        return {503, "no successful sync for " + minutes_text(now_ms - m.last_sync_ok_ms)};
    }
    if (outbox.oldest_due_ms && now_ms - *outbox.oldest_due_ms > t.outbox_stuck_after.count())
        return {503, "outbox stuck: a due message has waited " +
                         minutes_text(now_ms - *outbox.oldest_due_ms)};
    return {};
}

OutboxFacts read_outbox_facts(storage::Database& db, std::int64_t now_ms) {
    return storage::Outbox(db).health(now_ms);
}

std::int64_t process_rss_bytes() {
    std::ifstream in("/proc/self/statm");
    std::int64_t size = 0, resident = 0;
    if (!(in >> size >> resident)) return -1;
    return resident * static_cast<std::int64_t>(::sysconf(_SC_PAGESIZE));
}

namespace {

class Exposition {
  public:
    void family(std::string_view name, std::string_view type, std::string_view help) {
        out_ += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
    }
    void sample(std::string_view name, std::int64_t v, std::string_view labels = {}) {
        if (labels.empty())
            out_ += fmt::format("{} {}\n", name, v);
        else
            out_ += fmt::format("{}{{{}}} {}\n", name, labels, v);
    }
    void sample_seconds(std::string_view name, std::int64_t ms) {
        out_ += fmt::format("{} {:.3f}\n", name, static_cast<double>(ms) / 1000.0);
    }
    void gauge(std::string_view name, std::string_view help, std::int64_t v) {
        family(name, "gauge", help);
        sample(name, v);
    }
    void counter(std::string_view name, std::string_view help, std::int64_t v) {
        family(name, "counter", help);
        sample(name, v);
    }
    void gauge_seconds(std::string_view name, std::string_view help, std::int64_t ms) {
        family(name, "gauge", help);
        sample_seconds(name, ms);
    }
    std::string take() { return std::move(out_); }

  private:
    std::string out_;
};

// Label values are escaped per the text format (backslash, quote, newline).
std::string label(std::string_view key, std::string_view value) {
    std::string v;
    for (char c : value) {
        if (c == '\\' || c == '"') v += '\\';
        if (c == '\n') {
            v += "\\n";
            continue;
        }
        v += c;
    }
    return fmt::format("{}=\"{}\"", key, v);
}

}  // namespace

std::string render_metrics(const BotMetrics& m, const MetricsFacts& f) {
    Exposition x;
    x.family("dialoogbot_build_info", "gauge", "Version of the running dialoogbot.");
    x.sample("dialoogbot_build_info", 1, label("version", DIALOOG_VERSION));
    x.gauge_seconds("dialoogbot_start_time_seconds", "When the process started (Unix time).",
                    f.started_ms);
    x.gauge("dialoogbot_healthy", "1 when /healthz answers 200, else 0.", f.health.ok() ? 1 : 0);
    x.gauge("dialoogbot_token_valid", "0 while the homeserver rejects the access token.",
            m.token_invalid ? 0 : 1);
    x.gauge_seconds("dialoogbot_last_sync_timestamp_seconds",
                    "Unix time of the last successful /sync (0: none since the start).",
                    m.last_sync_ok_ms);
    std::int64_t lag = f.now_ms - (m.last_sync_ok_ms ? m.last_sync_ok_ms : f.started_ms);
    x.gauge_seconds("dialoogbot_sync_lag_seconds",
                    "Seconds since the last successful /sync (since the start when none). "
                    "Normally below the long-poll timeout of 30 s.",
                    std::max<std::int64_t>(lag, 0));
    x.gauge_seconds(
        "dialoogbot_homeserver_unreachable_seconds",
        "Seconds the homeserver has been unreachable (0 while it answers).",
        m.unreachable_since_ms ? std::max<std::int64_t>(f.now_ms - m.unreachable_since_ms, 0) : 0);
    x.counter("dialoogbot_events_handled_total", "Timeline events handled.", m.events_handled);
    x.counter("dialoogbot_sync_batches_total", "/sync responses stored.", m.sync_batches);
    x.counter("dialoogbot_sync_errors_total", "/sync requests that failed or were unusable.",
              m.sync_errors);
    x.family("dialoogbot_sends_total", "counter",
             "Outbox rows sent (ok) or given up after retries (failed).");
    x.sample("dialoogbot_sends_total", m.sends_ok, label("result", "ok"));
    x.sample("dialoogbot_sends_total", m.sends_failed, label("result", "failed"));
    x.counter("dialoogbot_rate_limited_total", "HTTP 429 answers received from the homeserver.",
              m.rate_limited);
    x.gauge("dialoogbot_outbox_pending", "Outbox rows waiting to be sent.", f.outbox.pending);
    x.gauge("dialoogbot_outbox_failed",
            "Outbox rows that failed for good (see dialoogbot --status).", f.outbox.failed);
    x.gauge_seconds(
        "dialoogbot_outbox_oldest_due_seconds",
        "How long the longest-waiting due outbox row has waited (0: none due).",
        f.outbox.oldest_due_ms ? std::max<std::int64_t>(f.now_ms - *f.outbox.oldest_due_ms, 0) : 0);
    x.gauge("dialoogbot_jobs_due", "Scheduled jobs whose due time has passed.", f.jobs_due);
    x.gauge("dialoogbot_jobs_scheduled", "Scheduled jobs in the database.", f.jobs_total);
    for (const auto& fam : counters::snapshot()) {
        std::string name = "dialoogbot_" + fam.name + "_total";
        x.family(name, "counter", fam.help.empty() ? fam.name : fam.help);
        for (const auto& [value, count] : fam.values)
            x.sample(name, count, label(fam.label, value));
    }
    if (f.rss_bytes >= 0)
        x.gauge("process_resident_memory_bytes", "Resident memory size in bytes.", f.rss_bytes);
    return x.take();
}

HealthOptions health_options(const config::HealthConfig& c) {
    HealthOptions o;
    o.bind = c.bind;
    o.port = static_cast<unsigned short>(c.port);
    return o;
}

struct HealthServer::State {
    State(asio::io_context& io, Bot& b, const Clock& c, HealthOptions o)
        : io(io), bot(&b), clock(c), opts(std::move(o)), acceptor(io) {}

    asio::io_context& io;
    Bot* bot;  // null after stop()
    const Clock& clock;
    HealthOptions opts;
    tcp::acceptor acceptor;
    std::int64_t started_ms = 0;
    int connections = 0;
    bool running = false;
    unsigned short port = 0;

    Response handle(std::string_view method, std::string_view target);
};

namespace {

const char* kText = "text/plain; charset=utf-8";
const char* kPrometheus = "text/plain; version=0.0.4; charset=utf-8";

asio::awaitable<void> serve(std::shared_ptr<HealthServer::State> st, tcp::socket sock) {
    boost::beast::tcp_stream stream(std::move(sock));
    boost::beast::flat_buffer buf;
    boost::system::error_code ec;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(8 * 1024);
        parser.body_limit(4 * 1024);
        stream.expires_after(st->opts.io_timeout);
        co_await http::async_read(stream, buf, parser,
                                  asio::redirect_error(asio::use_awaitable, ec));
        if (ec) break;  // closed, timed out or not HTTP: nothing to answer
        const auto& req = parser.get();
        const auto method = req.method_string();
        const auto target = req.target();
        auto r = st->handle(std::string_view(method.data(), method.size()),
                            std::string_view(target.data(), target.size()));
        http::response<http::string_body> res{static_cast<http::status>(r.status), req.version()};
        res.set(http::field::server, "dialoogbot");
        res.set(http::field::content_type, r.content_type);
        res.set(http::field::cache_control, "no-store");
        if (r.status == 405) res.set(http::field::allow, "GET, HEAD");
        const std::size_t length = r.body.size();
        if (req.method() != http::verb::head) res.body() = std::move(r.body);
        res.content_length(length);
        const bool keep = req.keep_alive() && st->running;
        res.keep_alive(keep);
        co_await http::async_write(stream, res, asio::redirect_error(asio::use_awaitable, ec));
        if (ec || !keep) break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream.close();
}

asio::awaitable<void> accept_loop(std::shared_ptr<HealthServer::State> st) {
    asio::steady_timer pause(st->io);
    while (st->running) {
        boost::system::error_code ec;
        tcp::socket sock =
            co_await st->acceptor.async_accept(asio::redirect_error(asio::use_awaitable, ec));
        if (!st->running || ec == asio::error::operation_aborted) break;
        if (ec) {
            // E.g. out of file descriptors: wait a little instead of spinning.
            spdlog::warn("health listener: accept failed ({})", ec.message());
            pause.expires_after(std::chrono::milliseconds(200));
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            continue;
        }
        if (st->connections >= st->opts.max_connections) {
            sock.close(ec);
            continue;
        }
        ++st->connections;
        asio::co_spawn(st->io, serve(st, std::move(sock)), [st](std::exception_ptr e) {
            --st->connections;
            if (!e) return;
            try {
                std::rethrow_exception(e);
            } catch (const std::exception& ex) {
                spdlog::warn("health listener: connection ended with an error: {}", ex.what());
            }
        });
    }
}

}  // namespace

HealthServer::Response HealthServer::State::handle(std::string_view method,
                                                   std::string_view target) {
    auto path = target.substr(0, target.find('?'));
    const bool healthz = path == "/healthz";
    if (!healthz && path != "/metrics") return {404, kText, "not found\n"};
    if (method != "GET" && method != "HEAD") return {405, kText, "method not allowed\n"};
    if (!bot) return {503, kText, "stopping\n"};
    const std::int64_t now = to_epoch_ms(clock.now());
    MetricsFacts f;
    f.now_ms = now;
    f.started_ms = started_ms;
    try {
        f.outbox = read_outbox_facts(bot->db(), now);
        if (!healthz) {
            auto jobs = storage::Jobs(bot->db()).counts(now);
            f.jobs_total = jobs.total;
            f.jobs_due = jobs.due;
        }
    } catch (const std::exception& e) {
        spdlog::error("health listener: cannot read the database ({})", e.what());
        return {503, kText, "database unreadable\n"};
    }
    f.health = health_status(bot->metrics(), f.outbox, now, started_ms, opts.thresholds);
    if (healthz) return {f.health.code, kText, f.health.reason + "\n"};
    f.rss_bytes = process_rss_bytes();
    return {200, kPrometheus, render_metrics(bot->metrics(), f)};
}

HealthServer::HealthServer(asio::io_context& io, Bot& bot, const Clock& clock, HealthOptions opts)
    : state_(std::make_shared<State>(io, bot, clock, std::move(opts))) {
    state_->started_ms = to_epoch_ms(clock.now());
    std::vector<std::string> names;  // every command appears from the start, at 0
    for (const auto* spec : bot.services().registry.all()) names.push_back(spec->name);
    counters::describe("commands", "Commands handled, by command name.", "command", names);
    counters::describe("scrubber_replaced",
                       "Personal data items the scrubber replaced before storage, by type.",
                       "type");
}

HealthServer::~HealthServer() {
    stop();
}

bool HealthServer::start() {
    auto& st = *state_;
    if (st.running) return true;
    boost::system::error_code ec;
    auto addr = asio::ip::make_address(st.opts.bind, ec);
    if (ec) {
        spdlog::error("health listener: health.bind \"{}\" is not an IP address", st.opts.bind);
        return false;
    }
    tcp::endpoint ep(addr, st.opts.port);
    st.acceptor.open(ep.protocol(), ec);
    if (!ec) st.acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec) st.acceptor.bind(ep, ec);
    if (!ec) st.acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec) {
        spdlog::error("health listener: cannot listen on {}:{} ({}); running without it",
                      st.opts.bind, st.opts.port, ec.message());
        st.acceptor.close(ec);
        return false;
    }
    st.port = st.acceptor.local_endpoint(ec).port();
    st.running = true;
    asio::co_spawn(st.io, accept_loop(state_), [](std::exception_ptr e) {
        if (!e) return;
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& ex) {
            spdlog::error("health listener stopped: {}", ex.what());
        }
    });
    spdlog::info(
        "health listener on http://{}:{} (/healthz, /metrics)",
        st.opts.bind.find(':') == std::string::npos ? st.opts.bind : "[" + st.opts.bind + "]",
        st.port);
    return true;
}

void HealthServer::stop() {
    auto& st = *state_;
    st.running = false;
    st.bot = nullptr;
    boost::system::error_code ec;
    st.acceptor.close(ec);
}

unsigned short HealthServer::port() const {
    return state_->port;
}
const HealthOptions& HealthServer::options() const {
    return state_->opts;
}

HealthServer::Response HealthServer::handle(std::string_view method, std::string_view target) {
    return state_->handle(method, target);
}

}  // namespace dialoog::net
