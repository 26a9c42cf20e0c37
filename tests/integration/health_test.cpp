// Health and metrics listener: the pure /healthz decision, the outbox query,
// the Prometheus text, the HTTP handling (404, 405, HEAD, keep-alive), and /healthz against
// the real Bot and the fake homeserver: healthy, token revoked, homeserver down (faults), and
// a homeserver that is not there at all (closed port).

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <fstream>
#include <future>
#include <set>
#include <sstream>

#include "bot/net/health_server.hpp"
#include "commands/core/core_feature.hpp"
#include "common/counters.hpp"
#include "integration/support/bot_fixture.hpp"
#include "integration/support/http_client.hpp"
#include "storage/migrations.hpp"
#include "storage/outbox.hpp"

namespace dialoog::testing {
namespace {

using net::BotMetrics;
using net::health_status;
using net::HealthThresholds;
using net::OutboxFacts;

constexpr std::int64_t kMin = 60'000;
constexpr std::int64_t kT0 = 1'800'000'000'000;  // some instant in 2027

// ---------------------------------------------------------------------------------------------
// The decision (pure)

BotMetrics syncing(std::int64_t last_sync) {
    BotMetrics m;
    m.last_sync_ok_ms = last_sync;
    return m;
}

TEST(HealthStatus, SyncingNormallyIsOk) {
    auto s = health_status(syncing(kT0 - 20'000), {}, kT0, kT0 - 60 * kMin);
    EXPECT_EQ(s.code, 200);
    EXPECT_EQ(s.reason, "ok");
}

TEST(HealthStatus, TokenInvalidWinsOverEverything) {
    BotMetrics m = syncing(kT0 - 20 * kMin);
    m.token_invalid = true;
    m.unreachable_since_ms = kT0 - 30 * kMin;
    auto s = health_status(m, {}, kT0, kT0 - 60 * kMin);
    EXPECT_EQ(s.code, 503);
    EXPECT_NE(s.reason.find("token"), std::string::npos) << s.reason;
}

TEST(HealthStatus, UnreachableOnlyAfterTheThreshold) {
    BotMetrics m = syncing(kT0 - 4 * kMin);
    m.unreachable_since_ms = kT0 - 4 * kMin;
    EXPECT_EQ(health_status(m, {}, kT0, kT0 - 60 * kMin).code, 200);  // a short outage is fine
    m.last_sync_ok_ms = kT0 - 7 * kMin;
    m.unreachable_since_ms = kT0 - 6 * kMin;
    auto s = health_status(m, {}, kT0, kT0 - 60 * kMin);
    EXPECT_EQ(s.code, 503);
    EXPECT_EQ(s.reason, "homeserver unreachable for 6 min");
    HealthThresholds longer;
    longer.unreachable_after = std::chrono::minutes(10);
    EXPECT_EQ(health_status(m, {}, kT0, kT0 - 60 * kMin, longer).code, 200);
}

TEST(HealthStatus, NoSuccessfulSyncAlthoughReachable) {
    // E.g. a reverse proxy answering 502 for every /sync: reachable, but not syncing.
    auto s = health_status(syncing(kT0 - 8 * kMin), {}, kT0, kT0 - 60 * kMin);
    EXPECT_EQ(s.code, 503);
    EXPECT_EQ(s.reason, "no successful sync for 8 min");
}

TEST(HealthStatus, StaleSyncWhileRequestsFailSaysUnreachable) {
    // Syncs failed quietly for a while (e.g. long polls timing out), then requests started
    // failing outright: the reason names the homeserver, not just the stale sync.
    BotMetrics m = syncing(kT0 - 8 * kMin);
    m.unreachable_since_ms = kT0 - 1 * kMin;
    auto s = health_status(m, {}, kT0, kT0 - 60 * kMin);
    EXPECT_EQ(s.code, 503);
    EXPECT_EQ(s.reason, "homeserver unreachable for 60 s");
}

TEST(HealthStatus, StartingUntilTheFirstSync) {
    auto s = health_status(BotMetrics{}, {}, kT0, kT0 - 10'000);
    EXPECT_EQ(s.code, 503);
    EXPECT_NE(s.reason.find("starting"), std::string::npos);
    s = health_status(BotMetrics{}, {}, kT0, kT0 - 9 * kMin);
    EXPECT_EQ(s.code, 503);
    EXPECT_NE(s.reason.find("no successful sync since the start"), std::string::npos);
    BotMetrics down;
    down.unreachable_since_ms = kT0 - 9 * kMin;
    EXPECT_EQ(health_status(down, {}, kT0, kT0 - 9 * kMin).reason,
              "homeserver unreachable for 9 min");
}

TEST(HealthStatus, OutboxStuck) {
    OutboxFacts o;
    o.pending = 3;
    o.oldest_due_ms = kT0 - 9 * kMin;
    EXPECT_EQ(health_status(syncing(kT0 - 1000), o, kT0, kT0 - 60 * kMin).code, 200);
    o.oldest_due_ms = kT0 - 11 * kMin;
    auto s = health_status(syncing(kT0 - 1000), o, kT0, kT0 - 60 * kMin);
    EXPECT_EQ(s.code, 503);
    EXPECT_EQ(s.reason, "outbox stuck: a due message has waited 11 min");
}

// ---------------------------------------------------------------------------------------------
// The outbox query and the metrics text

storage::OutboxItem send_item(const std::string& room, const std::string& txn,
                              std::int64_t not_before) {
    storage::OutboxItem i;
    i.room_id = room;
    i.event_type = "m.room.message";
    i.txn_id = txn;
    i.not_before = not_before;
    return i;
}

TEST(HealthOutboxFacts, CountsAndOldestDueRow) {
    storage::Database db(":memory:");
    storage::migrate_core(db);
    storage::Outbox ob(db);
    EXPECT_FALSE(net::read_outbox_facts(db, kT0).oldest_due_ms.has_value());
    ob.enqueue(send_item("!a:x", "t1", kT0 - 5 * kMin), kT0 - 20 * kMin);
    ob.enqueue(send_item("!b:x", "t2", kT0 - 2 * kMin), kT0 - 20 * kMin);
    ob.enqueue(send_item("!c:x", "t3", kT0 + 60 * kMin), kT0 - 20 * kMin);  // scheduled later
    ob.enqueue(send_item("!d:x", "t4", kT0 - 30 * kMin), kT0 - 40 * kMin);
    db.exec("UPDATE outbox SET state='failed' WHERE txn_id='t4'");
    auto f = net::read_outbox_facts(db, kT0);
    EXPECT_EQ(f.pending, 3);
    EXPECT_EQ(f.failed, 1);
    ASSERT_TRUE(f.oldest_due_ms.has_value());
    EXPECT_EQ(*f.oldest_due_ms, kT0 - 5 * kMin);  // failed and future rows do not count
}

// Every sample line belongs to a family declared with # TYPE, names are valid, values parse.
void expect_valid_exposition(const std::string& text) {
    std::set<std::string> typed;
    std::istringstream in(text);
    std::string line;
    int samples = 0;
    while (std::getline(in, line)) {
        ASSERT_FALSE(line.empty());
        if (line.rfind("# TYPE ", 0) == 0) {
            std::istringstream l(line.substr(7));
            std::string name, type;
            l >> name >> type;
            EXPECT_TRUE(type == "counter" || type == "gauge") << line;
            typed.insert(name);
            continue;
        }
        if (line.rfind("# HELP ", 0) == 0) continue;
        ASSERT_NE(line[0], '#') << line;
        auto name_end = line.find_first_of("{ ");
        std::string name = line.substr(0, name_end);
        for (char c : name)
            EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)) || c == '_') << line;
        EXPECT_TRUE(typed.count(name)) << "no # TYPE before " << line;
        auto value = line.substr(line.rfind(' ') + 1);
        char* end = nullptr;
        std::strtod(value.c_str(), &end);
        EXPECT_EQ(*end, '\0') << line;
        ++samples;
    }
    EXPECT_GT(samples, 10);
}

TEST(HealthMetrics, TextFormatAndValues) {
    BotMetrics m = syncing(kT0 - 2500);
    m.events_handled = 42;
    m.sync_batches = 7;
    m.sync_errors = 2;
    m.sends_ok = 5;
    m.sends_failed = 1;
    m.rate_limited = 3;
    net::MetricsFacts f;
    f.outbox.pending = 4;
    f.outbox.failed = 1;
    f.outbox.oldest_due_ms = kT0 - 1500;
    f.jobs_due = 2;
    f.jobs_total = 9;
    f.now_ms = kT0;
    f.started_ms = kT0 - 60 * kMin;
    f.rss_bytes = 12345678;
    counters::describe("commands", "Commands handled, by command name.", "command");
    counters::describe("scrubber_replaced", "Items replaced, by type.", "type");
    counters::add("scrubber_replaced", "naam", 2);
    counters::add("commands", "evil\"}\nlabel", 1);  // cleaned, never breaks the format
    std::string text = net::render_metrics(m, f);
    expect_valid_exposition(text);
    for (const char* expected :
         {"dialoogbot_events_handled_total 42\n", "dialoogbot_sync_batches_total 7\n",
          "dialoogbot_sync_errors_total 2\n", "dialoogbot_sends_total{result=\"ok\"} 5\n",
          "dialoogbot_sends_total{result=\"failed\"} 1\n", "dialoogbot_rate_limited_total 3\n",
          "dialoogbot_outbox_pending 4\n", "dialoogbot_outbox_failed 1\n",
          "dialoogbot_outbox_oldest_due_seconds 1.500\n", "dialoogbot_jobs_due 2\n",
          "dialoogbot_jobs_scheduled 9\n", "dialoogbot_sync_lag_seconds 2.500\n",
          "dialoogbot_healthy 1\n", "dialoogbot_token_valid 1\n",
          "process_resident_memory_bytes 12345678\n",
          "dialoogbot_commands_total{command=\"evil___label\"} 1\n"})
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    EXPECT_GE(counters::get("scrubber_replaced", "naam"), 2);
    EXPECT_NE(text.find("dialoogbot_scrubber_replaced_total{type=\"naam\"}"), std::string::npos);
}

TEST(HealthMetrics, CounterLabelsAreCappedAndCleaned) {
    for (int i = 0; i < 300; ++i) counters::add("cap_test", "v" + std::to_string(i));
    std::int64_t labels = 0;
    for (const auto& fam : counters::snapshot())
        if (fam.name == "cap_test") labels = static_cast<std::int64_t>(fam.values.size());
    EXPECT_LE(labels, static_cast<std::int64_t>(counters::kMaxLabels) + 1);
    EXPECT_GT(counters::get("cap_test", "other"), 0);
    counters::add("cap_test2", "@Alice:Example.org");
    EXPECT_EQ(counters::get("cap_test2", "_alice_example.org"), 1);
}

// ---------------------------------------------------------------------------------------------
// HTTP against the listener

std::string request(const std::string& method, const std::string& target, bool close = true) {
    return method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
           (close ? "Connection: close\r\n" : "") + "\r\n";
}

// Runs the client on a thread while `drive` runs the bot's io_context.
HttpReply http(const std::function<void(const std::function<bool()>&)>& drive, unsigned short port,
               const std::string& req) {
    auto fut = std::async(std::launch::async, [&] { return http_raw(port, req); });
    drive([&] { return fut.wait_for(std::chrono::seconds(0)) == std::future_status::ready; });
    return fut.get();
}

net::HealthOptions test_options() {
    net::HealthOptions o;
    o.port = 0;
    o.thresholds.unreachable_after = 400ms;
    o.thresholds.outbox_stuck_after = 10s;
    return o;
}

class HealthWithBot : public ::testing::Test {
  protected:
    FakeHomeserver hs;
    BotFixture f{hs};
    SystemClock clock;
    std::unique_ptr<net::HealthServer> health;

    void start_health(net::HealthOptions o = test_options()) {
        health = std::make_unique<net::HealthServer>(f.bot().io(), f.bot(), clock, o);
        ASSERT_TRUE(health->start());
        ASSERT_NE(health->port(), 0);
    }
    HttpReply get(const std::string& target, const std::string& method = "GET") {
        return http([&](const auto& done) { f.run_until(done, 10s); }, health->port(),
                    request(method, target));
    }
    void TearDown() override {
        health.reset();  // before the bot goes
        f.stop();
    }
};

TEST_F(HealthWithBot, HealthyMetricsAndHttpHandling) {
    std::string room = f.start_in_room();
    start_health();
    ASSERT_TRUE(f.run_until([&] { return f.bot().metrics().last_sync_ok_ms > 0; }));
    auto h = get("/healthz");
    EXPECT_EQ(h.status, 200);
    EXPECT_EQ(h.body, "ok\n");
    EXPECT_NE(h.headers.find("Cache-Control: no-store"), std::string::npos);

    std::int64_t pings_before = counters::get("commands", "ping");
    std::string ping = hs.post_message(room, "@alice:fake.hs", "!ping");
    ASSERT_TRUE(f.await_replies({ping}));
    auto m = get("/metrics");
    ASSERT_EQ(m.status, 200);
    EXPECT_NE(m.headers.find("text/plain; version=0.0.4"), std::string::npos);
    expect_valid_exposition(m.body);
    EXPECT_EQ(counters::get("commands", "ping"), pings_before + 1);
    EXPECT_NE(m.body.find("dialoogbot_commands_total{command=\"ping\"} " +
                          std::to_string(pings_before + 1) + "\n"),
              std::string::npos);
    EXPECT_NE(m.body.find("dialoogbot_commands_total{command=\"hulp\"}"), std::string::npos)
        << "every registered command is listed from the start";
    EXPECT_NE(m.body.find("process_resident_memory_bytes "), std::string::npos);
    // No personal data: no user ids, room ids, server names or message text.
    // Drop the families the counter-cap test above adds to the process-wide counters (one of
    // them sanitises a user id on purpose); what is left is what the bot itself exposes.
    std::string exposed;
    {
        std::istringstream lines(m.body);
        for (std::string line; std::getline(lines, line);)
            if (line.find("cap_test") == std::string::npos) exposed += line + "\n";
    }
    m.body = exposed;
    for (const std::string& secret : {room, std::string("alice"), std::string("fake.hs"),
                                      std::string("!ping"), std::string(BotFixture::kToken)}) {
        const auto at = m.body.find(secret);
        EXPECT_EQ(at, std::string::npos)
            << secret << " in: " << m.body.substr(at < 300 ? 0 : at - 300, 600);
        EXPECT_EQ(h.body.find(secret), std::string::npos) << secret;
    }

    EXPECT_EQ(get("/healthz?verbose=1").status, 200);  // the query string is ignored
    EXPECT_EQ(get("/").status, 404);
    EXPECT_EQ(get("/healthz/").status, 404);
    EXPECT_EQ(get("/metrics.json").status, 404);
    auto post = get("/healthz", "POST");
    EXPECT_EQ(post.status, 405);
    EXPECT_NE(post.headers.find("Allow: GET, HEAD"), std::string::npos);
    auto head = get("/metrics", "HEAD");
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
    EXPECT_NE(head.headers.find("Content-Length: "), std::string::npos);
    // Not HTTP at all: the connection is closed without an answer, the listener lives on.
    auto junk = http([&](const auto& done) { f.run_until(done, 10s); }, health->port(),
                     "\x16\x03\x01 hello\r\n\r\n");
    EXPECT_EQ(junk.status, 0);
    // Keep-alive: two requests on one connection.
    auto two = http([&](const auto& done) { f.run_until(done, 10s); }, health->port(),
                    request("GET", "/healthz", false) + request("GET", "/healthz"));
    EXPECT_EQ(two.status, 200);
    EXPECT_NE(two.body.find("HTTP/1.1 200"), std::string::npos) << "second response missing";
    EXPECT_EQ(get("/healthz").status, 200);
}

TEST_F(HealthWithBot, TokenRevokedThenRestored) {
    std::string room = f.start_in_room();
    start_health();
    ASSERT_TRUE(f.run_until([&] { return f.bot().metrics().last_sync_ok_ms > 0; }));
    EXPECT_EQ(get("/healthz").status, 200);
    hs.revoke_token(BotFixture::kToken);
    hs.post_message(room, "@alice:fake.hs", "!ping");
    ASSERT_TRUE(f.run_until([&] { return !f.bot().token_valid(); }));
    auto h = get("/healthz");
    EXPECT_EQ(h.status, 503);
    EXPECT_NE(h.body.find("token invalid"), std::string::npos) << h.body;
    auto m = get("/metrics");
    EXPECT_EQ(m.status, 200);  // metrics stay available while unhealthy
    EXPECT_NE(m.body.find("dialoogbot_token_valid 0\n"), std::string::npos);
    EXPECT_NE(m.body.find("dialoogbot_healthy 0\n"), std::string::npos);

    hs.add_token("tok-new", BotFixture::kDevice);
    f.write_token("tok-new");
    f.bot().reload_token();
    ASSERT_TRUE(f.run_until([&] { return f.bot().token_valid(); }, 5s));
    ASSERT_TRUE(f.run_until([&] { return get("/healthz").status == 200; }, 5s));
}

TEST_F(HealthWithBot, HomeserverDownThenBack) {
    f.start_in_room();
    start_health();
    ASSERT_TRUE(f.run_until([&] { return f.bot().metrics().last_sync_ok_ms > 0; }));
    EXPECT_EQ(get("/healthz").status, 200);
    // Every /sync connection is dropped: to the bot the homeserver is unreachable.
    hs.drop_next(Endpoint::Sync, 10'000, /*in_body=*/false);
    ASSERT_TRUE(f.run_until([&] { return f.bot().metrics().unreachable_since_ms > 0; }, 5s));
    HttpReply h;
    ASSERT_TRUE(f.run_until(
        [&] {
            h = get("/healthz");
            return h.status == 503;
        },
        5s));
    EXPECT_NE(h.body.find("homeserver unreachable for"), std::string::npos) << h.body;
    auto m = get("/metrics");
    EXPECT_EQ(m.body.find("dialoogbot_homeserver_unreachable_seconds 0.000\n"), std::string::npos);
    hs.clear_faults();
    ASSERT_TRUE(f.run_until([&] { return get("/healthz").status == 200; }, 5s));
}

TEST_F(HealthWithBot, OutboxStuckWhileSendsFail) {
    std::string room = f.start_in_room();
    auto o = test_options();
    o.thresholds.outbox_stuck_after = 300ms;
    o.thresholds.unreachable_after = 60s;
    start_health(o);
    ASSERT_TRUE(f.run_until([&] { return f.bot().metrics().last_sync_ok_ms > 0; }));
    // Every send stalls far longer than the threshold: the reply stays due and unsent.
    hs.stall_next(Endpoint::Send, 1000, 5s);
    hs.post_message(room, "@alice:fake.hs", "!ping");
    HttpReply h;
    ASSERT_TRUE(f.run_until(
        [&] {
            h = get("/healthz");
            return h.status == 503;
        },
        8s));
    EXPECT_NE(h.body.find("outbox stuck"), std::string::npos) << h.body;
    hs.clear_faults();
}

TEST_F(HealthWithBot, StopAnswersStoppingAndClosesTheListener) {
    f.start_in_room();
    start_health();
    auto port = health->port();
    EXPECT_NE(health->handle("GET", "/healthz").status, 0);
    health->stop();
    EXPECT_EQ(health->handle("GET", "/healthz").status, 503);
    EXPECT_EQ(health->handle("GET", "/healthz").body, "stopping\n");
    auto r =
        http([&](const auto& done) { f.run_until(done, 10s); }, port, request("GET", "/healthz"));
    EXPECT_EQ(r.status, 0);
}

TEST_F(HealthWithBot, PortInUseIsReportedNotFatal) {
    f.start_in_room();
    start_health();
    auto o = test_options();
    o.port = health->port();
    net::HealthServer second(f.bot().io(), f.bot(), clock, o);
    EXPECT_FALSE(second.start());
    net::HealthOptions bad = test_options();
    bad.bind = "not-an-address";
    net::HealthServer third(f.bot().io(), f.bot(), clock, bad);
    EXPECT_FALSE(third.start());
    EXPECT_EQ(get("/healthz").status, 200);
}

// ---------------------------------------------------------------------------------------------
// A homeserver that is not there at all (nothing listens on its port)

unsigned short closed_port() {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
    ::close(fd);
    return ntohs(addr.sin_port);
}

TEST(HealthNoHomeserver, StartingThenUnreachable) {
    TempDir dir;
    {
        std::ofstream tok(dir.file("token"));
        tok << "tok-x\n";
    }
    ::chmod(dir.file("token").c_str(), 0600);
    std::vector<std::unique_ptr<commands::Feature>> features;
    features.push_back(std::make_unique<commands::CoreFeature>());
    auto parts = net::make_parts(std::move(features));
    std::string yaml =
        "homeserver: http://127.0.0.1:" + std::to_string(closed_port()) +
        "\nbot:\n  user_id: \"@bot:fake.hs\"\n  access_token_file: " + dir.file("token") +
        "\nstorage: " + dir.file("bot.db") + "\n";
    auto res = config::load_config_text(yaml, net::config_sections(*parts));
    ASSERT_TRUE(res.config) << (res.errors.empty() ? "" : res.errors[0].to_string());
    boost::asio::io_context io(1);
    SystemClock clock;
    net::Bot bot(io, res.config, *parts, clock, fast_options());
    net::HealthServer health(io, bot, clock, test_options());
    ASSERT_TRUE(health.start());
    bot.start();
    auto drive = [&](const std::function<bool()>& done) {
        auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!done() && std::chrono::steady_clock::now() < deadline) io.run_for(5ms);
    };
    auto first = http(drive, health.port(), request("GET", "/healthz"));
    EXPECT_EQ(first.status, 503);
    EXPECT_NE(first.body.find("starting"), std::string::npos) << first.body;
    HttpReply later;
    auto deadline = std::chrono::steady_clock::now() + 5s;
    while (std::chrono::steady_clock::now() < deadline) {
        later = http(drive, health.port(), request("GET", "/healthz"));
        if (later.body.find("unreachable") != std::string::npos) break;
        io.run_for(50ms);
    }
    EXPECT_EQ(later.status, 503);
    EXPECT_NE(later.body.find("homeserver unreachable for"), std::string::npos) << later.body;
    health.stop();
    bool stopped = false;
    bot.stop([&] { stopped = true; });
    drive([&] { return stopped; });
    EXPECT_TRUE(stopped);
}

}  // namespace
}  // namespace dialoog::testing
