#include "integration/support/bot_fixture.hpp"

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "commands/core/core_feature.hpp"
#include "storage/database.hpp"
#include "storage/kv_store.hpp"

namespace dialoog::testing {

TempDir::TempDir() {
    std::string tmpl = "/tmp/dialoog-integ-XXXXXX";
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

net::BotOptions fast_options() {
    net::BotOptions o;
    o.sync_timeout_ms = 500;
    o.max_backoff = 200ms;
    o.token_recheck = 200ms;
    o.cross_signing_recheck = 200ms;
    o.shutdown_flush = 3000ms;
    return o;
}

std::size_t rss_bytes() {
    std::ifstream in("/proc/self/statm");
    std::size_t size = 0, resident = 0;
    in >> size >> resident;
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

BotFixture::BotFixture(FakeHomeserver& hs, const std::string& extra_yaml, net::BotOptions opts,
                       Auth auth)
    : hs_(hs), opts_(opts) {
    // The environment variable would win over the token file; the tests use the file.
    ::unsetenv("DIALOOGBOT_ACCESS_TOKEN");
    if (const char* lvl = std::getenv("DIALOOG_TEST_LOG"))
        spdlog::set_level(spdlog::level::from_str(lvl));
    else
        spdlog::set_level(spdlog::level::off);
    db_path_ = dir_.file("bot.db");
    token_path_ = dir_.file("token");
    hs_.add_token(kToken, kDevice);
    write_token(kToken);
    const std::string password_path = dir_.file("password");
    if (auth == Auth::PasswordFile) {
        hs_.set_password(kPassword);
        {
            std::ofstream out(password_path, std::ios::trunc);
            out << kPassword << "\n";
        }
        ::chmod(password_path.c_str(), 0600);
    }
    const std::string secret_line = auth == Auth::PasswordFile
                                        ? "  password_file: " + password_path + "\n"
                                        : "  access_token_file: " + token_path_ + "\n";
    std::vector<std::unique_ptr<commands::Feature>> features;
    features.push_back(std::make_unique<commands::CoreFeature>());
    parts_ = net::make_parts(std::move(features));
    std::string yaml = "homeserver: " + hs_.base_url() + "\n" +
                       "bot:\n"
                       "  user_id: \"" +
                       hs_.bot_user_id() + "\"\n" + secret_line + "  device_id: " + kDevice + "\n" +
                       "storage: " + db_path_ + "\n" +
                       "language: en\n"
                       "admins: [\"@admin:fake.hs\"]\n"
                       "invites:\n"
                       "  allow: [\"@*:fake.hs\"]\n" +
                       extra_yaml;
    auto res = config::load_config_text(yaml, net::config_sections(*parts_), dir_.file("bot.yaml"));
    if (!res.config) {
        std::string all;
        for (const auto& e : res.errors) all += e.to_string() + "\n";
        throw std::runtime_error("test config invalid:\n" + all);
    }
    cfg_ = res.config;
}

BotFixture::~BotFixture() {
    if (bot_) stop();
}

void BotFixture::write_token(const std::string& token) {
    {
        std::ofstream out(token_path_, std::ios::trunc);
        out << token << "\n";
    }
    ::chmod(token_path_.c_str(), 0600);
}

void BotFixture::start() {
    if (bot_) throw std::logic_error("bot already running");
    io_ = std::make_unique<boost::asio::io_context>(1);
    bot_ = std::make_unique<net::Bot>(*io_, cfg_, *parts_, clock_, opts_);
    bot_->start();
}

void BotFixture::stop() {
    if (!bot_) return;
    bool stopped = false;
    bot_->stop([&] { stopped = true; });
    if (!run_until([&] { return stopped; }, opts_.shutdown_flush + 5s))
        ADD_FAILURE() << "bot did not stop";
    // Let the coroutines notice the stop and end; then nothing refers to the bot any more.
    for (int i = 0; i < 20 && !io_->stopped(); ++i) io_->run_for(10ms);
    bot_.reset();
    io_.reset();
}

void BotFixture::crash() {
    bot_.reset();
    io_.reset();
}

bool BotFixture::run_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!pred()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        if (io_->stopped()) io_->restart();
        io_->run_for(5ms);
    }
    return true;
}

void BotFixture::run_for(std::chrono::milliseconds d) {
    auto deadline = std::chrono::steady_clock::now() + d;
    while (std::chrono::steady_clock::now() < deadline) {
        if (io_->stopped()) io_->restart();
        io_->run_for(5ms);
    }
}

std::int64_t BotFixture::sync_position() {
    auto read = [](storage::Database& db) -> std::int64_t {
        auto t = storage::KvStore(db).get("next_batch");
        if (!t || t->size() < 2 || (*t)[0] != 's') return -1;
        return std::strtoll(t->c_str() + 1, nullptr, 10);
    };
    if (bot_) return read(bot_->db());
    storage::Database db(db_path_);
    return read(db);
}

std::string BotFixture::start_in_room(const std::vector<std::string>& members) {
    std::string room =
        hs_.create_room(members.empty() ? "@alice:fake.hs" : members.front(), members, true);
    int before = hs_.syncs_served();
    start();
    // The first incremental sync is requested only after the initial one was stored.
    if (!run_until([&] { return hs_.syncs_served() > before; }, 10s))
        ADD_FAILURE() << "bot did not start syncing";
    return room;
}

bool BotFixture::await_replies(const std::vector<std::string>& commands,
                               std::chrono::milliseconds timeout) {
    return run_until(
        [&] {
            for (const auto& c : commands)
                if (hs_.replies_to(c) == 0) return false;
            return true;
        },
        timeout);
}

void expect_answered_once(const FakeHomeserver& hs, const std::vector<std::string>& commands) {
    for (const auto& c : commands) EXPECT_EQ(hs.replies_to(c), 1) << "command " << c;
    // And no reply to anything that was not one of these commands.
    for (const auto& a : hs.accepted()) {
        std::string to = a.in_reply_to();
        if (to.empty()) continue;
        EXPECT_NE(std::find(commands.begin(), commands.end(), to), commands.end())
            << "reply to an unexpected event " << to;
    }
}

storage::OutboxCounts BotFixture::outbox_counts() {
    if (bot_) return storage::Outbox(bot_->db()).counts();
    storage::Database db(db_path_);
    return storage::Outbox(db).counts();
}

}  // namespace dialoog::testing
