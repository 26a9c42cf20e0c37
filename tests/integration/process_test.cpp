// The real dialoogbot executable as an admin runs it: `--check-config` on every
// example config in deploy/, and a running bot against the fake homeserver with the health
// listener enabled, its token read through systemd's $CREDENTIALS_DIRECTORY, reloaded with
// SIGHUP (an invalid config is refused and the old one kept; a valid one moves the listener),
// and stopped with SIGTERM.
//
// The executable is found next to the tests' build directory (build/dialoogbot) or in
// $DIALOOGBOT_BIN; when it is missing these tests are skipped (build the dialoogbot target).

#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "integration/support/bot_fixture.hpp"
#include "integration/support/http_client.hpp"

extern char** environ;

namespace dialoog::testing {
namespace {

namespace fs = std::filesystem;

std::string binary() {
    if (const char* env = std::getenv("DIALOOGBOT_BIN"); env && *env) return env;
    std::error_code ec;
    auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    auto candidate = exe.parent_path().parent_path() / "dialoogbot";
    return fs::exists(candidate) ? candidate.string() : std::string();
}

// Starts `args` with stdout and stderr to `log`, the environment without
// DIALOOGBOT_ACCESS_TOKEN and with `extra_env` added.
pid_t spawn(const std::vector<std::string>& args, const std::string& log,
            const std::vector<std::string>& extra_env = {}) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
        std::string v = *e;
        if (v.rfind("DIALOOGBOT_ACCESS_TOKEN=", 0) == 0 ||
            v.rfind("CREDENTIALS_DIRECTORY=", 0) == 0)
            continue;
        env.push_back(v);
    }
    env.insert(env.end(), extra_env.begin(), extra_env.end());
    std::vector<char*> argv, envp;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    pid_t pid = -1;
    if (posix_spawn(&pid, args[0].c_str(), &fa, nullptr, argv.data(), envp.data()) != 0) pid = -1;
    posix_spawn_file_actions_destroy(&fa);
    return pid;
}

// The exit code, or -1 when it did not exit within `timeout` (then it is killed).
int wait_exit(pid_t pid, std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    int status = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        if (::waitpid(pid, &status, WNOHANG) == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        std::this_thread::sleep_for(20ms);
    }
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
    return -1;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, const std::string& text, mode_t mode = 0600) {
    {
        std::ofstream out(path, std::ios::trunc);
        out << text;
    }
    ::chmod(path.c_str(), mode);
}

unsigned short free_port() {
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

bool eventually(const std::function<bool()>& pred, std::chrono::milliseconds timeout = 10s) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!pred()) {
        if (std::chrono::steady_clock::now() >= deadline) return false;
        std::this_thread::sleep_for(50ms);
    }
    return true;
}

TEST(ExampleConfigs, EveryDeployYamlPassesCheckConfig) {
    auto bin = binary();
    if (bin.empty()) GTEST_SKIP() << "dialoogbot executable not built";
    TempDir dir;
    int checked = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(DIALOOG_SOURCE_DIR) / "deploy")) {
        if (entry.path().extension() != ".yaml" && entry.path().extension() != ".yml") continue;
        std::string log = dir.file("check.log");
        pid_t pid = spawn({bin, "--check-config", entry.path().string()}, log);
        ASSERT_GT(pid, 0);
        EXPECT_EQ(wait_exit(pid, 30s), 0) << entry.path() << ":\n" << read_file(log);
        ++checked;
    }
    EXPECT_GE(checked, 1);
    // And a broken one is refused with the key and line named.
    std::string bad = dir.file("bad.yaml");
    write_file(bad, read_file(std::string(DIALOOG_SOURCE_DIR) + "/deploy/dialoogbot.example.yaml") +
                        "\nhealth:\n  port: 99999\n");
    std::string log = dir.file("bad.log");
    pid_t pid = spawn({bin, "--check-config", bad}, log);
    EXPECT_EQ(wait_exit(pid, 30s), 1);
    EXPECT_NE(read_file(log).find("health.port"), std::string::npos) << read_file(log);
}

std::string process_config(const FakeHomeserver& hs, const TempDir& dir, unsigned short port) {
    return "homeserver: " + hs.base_url() +
           "\n"
           "bot:\n"
           "  user_id: \"" +
           hs.bot_user_id() +
           "\"\n"
           "  access_token_file: $CREDENTIALS_DIRECTORY/token\n"
           "  device_id: PROC\n"
           "storage: " +
           dir.file("bot.db") +
           "\n"
           "log_level: info\n"
           "health:\n"
           "  enabled: true\n"
           "  bind: 127.0.0.1\n"
           "  port: " +
           std::to_string(port) + "\n";
}

TEST(Process, CredentialsDirectorySighupReloadAndSigterm) {
    auto bin = binary();
    if (bin.empty()) GTEST_SKIP() << "dialoogbot executable not built";
    FakeHomeserver hs;
    const std::string token = "tok-process-secret";
    hs.add_token(token, "PROC");
    TempDir dir;
    fs::create_directory(dir.file("creds"));
    write_file(dir.file("creds/token"), token + "\n");
    const unsigned short port1 = free_port(), port2 = free_port();
    const std::string cfg = dir.file("dialoogbot.yaml");
    const std::string log = dir.file("bot.log");
    write_file(cfg, process_config(hs, dir, port1));
    pid_t pid = spawn({bin, "--config", cfg}, log, {"CREDENTIALS_DIRECTORY=" + dir.file("creds")});
    ASSERT_GT(pid, 0);
    bool healthy = eventually([&] { return http_get(port1, "/healthz").status == 200; }, 15s);
    EXPECT_TRUE(healthy) << read_file(log);
    if (!healthy) {
        wait_exit(pid, 0ms);
        return;
    }
    // /healthz is 503 until the first sync succeeded; this one came from the fake server.
    EXPECT_GE(hs.count_responses(Endpoint::Sync, 200), 1);

    // An invalid config: refused, logged with the key, the running config (port1) kept.
    write_file(cfg, process_config(hs, dir, port2) + "helth: {}\n");
    ::kill(pid, SIGHUP);
    EXPECT_TRUE(eventually([&] {
        return read_file(log).find("new config refused") != std::string::npos;
    })) << read_file(log);
    EXPECT_NE(read_file(log).find("helth"), std::string::npos);
    EXPECT_EQ(http_get(port1, "/healthz").status, 200);
    EXPECT_EQ(http_get(port2, "/healthz").status, 0);

    // A storage change is refused too (the database cannot move under a running bot).
    std::string moved = process_config(hs, dir, port1);
    moved.replace(moved.find("bot.db"), 6, "other.db");
    write_file(cfg, moved);
    ::kill(pid, SIGHUP);
    EXPECT_TRUE(eventually([&] {
        return read_file(log).find("storage cannot change") != std::string::npos;
    })) << read_file(log);
    EXPECT_EQ(http_get(port1, "/healthz").status, 200);

    // A valid config: taken, and the listener moves to the new port.
    write_file(cfg, process_config(hs, dir, port2));
    ::kill(pid, SIGHUP);
    EXPECT_TRUE(eventually([&] { return http_get(port2, "/healthz").status == 200; }))
        << read_file(log);
    EXPECT_NE(read_file(log).find("config reloaded"), std::string::npos);
    EXPECT_EQ(http_get(port1, "/healthz").status, 0);
    auto metrics = http_get(port2, "/metrics");
    EXPECT_EQ(metrics.status, 200);
    EXPECT_NE(metrics.body.find("dialoogbot_sync_batches_total"), std::string::npos);

    ::kill(pid, SIGTERM);
    EXPECT_EQ(wait_exit(pid, 20s), 0) << read_file(log);
    std::string all = read_file(log);
    EXPECT_EQ(all.find(token), std::string::npos) << "the token leaked into the log";
    EXPECT_EQ(all.find("$CREDENTIALS_DIRECTORY"), std::string::npos)
        << "the credentials path was not expanded:\n"
        << all;
}

}  // namespace
}  // namespace dialoog::testing
