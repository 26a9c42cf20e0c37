#pragma once
// Runs the real net::Bot against a FakeHomeserver: a temp directory with the token file and
// the SQLite database (a real file: the bot opens it in WAL mode), a config from YAML text,
// the core feature, short BotOptions, and an io_context driven from the test thread.
// A fixture can start, stop and "crash" bots repeatedly on the same database.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <utility>  // Boost 1.74's awaitable.hpp needs std::exchange
#include <vector>

#include <boost/asio/io_context.hpp>

#include "bot/net/bot.hpp"
#include "common/clock.hpp"
#include "integration/support/fake_homeserver.hpp"
#include "storage/outbox.hpp"

namespace dialoog::testing {

using namespace std::chrono_literals;

/// A fresh directory under /tmp, removed with its contents at destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

  private:
    std::string path_;
};

/// Short timings so faults resolve in well under a second.
net::BotOptions fast_options();

/// Resident set size of this process in bytes (from /proc/self/statm).
std::size_t rss_bytes();

/// Each command has exactly one reply among the accepted events, and no reply answers
/// anything else. Call after the bot stopped (its outbox drained), so nothing can follow.
void expect_answered_once(const FakeHomeserver& hs, const std::vector<std::string>& commands);

class BotFixture {
  public:
    static constexpr const char* kToken = "tok-initial";
    static constexpr const char* kDevice = "INTEG";

    static constexpr const char* kPassword = "pw-for-tests";
    /// How the bot authenticates: kToken in bot.access_token_file, or kPassword in
    /// bot.password_file (the fixture enables it at the server; the bot logs in).
    enum class Auth { TokenFile, PasswordFile };

    /// Registers kToken at `hs`, writes it to the token file and builds the config.
    /// `extra_yaml` is appended to the config (e.g. teams).
    explicit BotFixture(FakeHomeserver& hs, const std::string& extra_yaml = "",
                        net::BotOptions opts = fast_options(), Auth auth = Auth::TokenFile);
    ~BotFixture();

    /// Creates a Bot on the fixture's database and starts it (a new io_context each time).
    void start();
    /// Graceful stop (Bot::stop), then drains the io_context and destroys bot and io_context.
    void stop();
    /// Destroys the bot without stopping it: what survives is what the database holds, as
    /// after a SIGKILL (the handlers in flight are discarded with the io_context).
    void crash();
    bool running() const { return bot_ != nullptr; }

    /// Drives the io_context until `pred` holds; false after `timeout`.
    bool run_until(const std::function<bool()>& pred, std::chrono::milliseconds timeout = 10s);
    /// Drives the io_context for `d` (only to let time pass; never a reason to assert).
    void run_for(std::chrono::milliseconds d);

    /// Replaces the token file's content.
    void write_token(const std::string& token);

    net::Bot& bot() { return *bot_; }
    FakeHomeserver& hs() { return hs_; }
    const std::string& db_path() const { return db_path_; }
    const std::string& token_path() const { return token_path_; }
    /// Creates a room with `members` (first = creator; default alice) and the bot joined,
    /// starts the bot and waits until it syncs incrementally. Returns the room id.
    std::string start_in_room(const std::vector<std::string>& members = {"@alice:fake.hs",
                                                                         "@bob:fake.hs"});
    /// Drives the bot until every command has at least one reply.
    bool await_replies(const std::vector<std::string>& commands,
                       std::chrono::milliseconds timeout = 15s);
    /// The stream position in the bot's stored next_batch ("s<N>"), -1 when none.
    std::int64_t sync_position();
    /// Outbox totals (the bot must not be inside io.run: call between run_* calls).
    storage::OutboxCounts outbox_counts();

  private:
    FakeHomeserver& hs_;
    TempDir dir_;
    std::string db_path_;
    std::string token_path_;
    net::BotOptions opts_;
    SystemClock clock_;
    std::unique_ptr<net::BotParts> parts_;
    std::shared_ptr<const config::Config> cfg_;
    std::unique_ptr<boost::asio::io_context> io_;
    std::unique_ptr<net::Bot> bot_;
};

}  // namespace dialoog::testing
