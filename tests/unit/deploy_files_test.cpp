// The deployment files in deploy/: the systemd unit keeps its hardening and
// the token hand-over, install.sh is valid bash and never overwrites a config, the Dockerfile
// is multi-stage on Debian 12 with a non-root user and a volume for the database.
// When systemd-analyze is installed, the unit must also pass `systemd-analyze verify`.

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string read(const std::string& rel) {
    std::ifstream in(std::string(DIALOOG_SOURCE_DIR) + "/" + rel);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// key -> every value it has in `section` of a systemd unit file (comments skipped).
std::multimap<std::string, std::string> unit_section(const std::string& text,
                                                     const std::string& section) {
    std::multimap<std::string, std::string> out;
    std::istringstream in(text);
    std::string line, current;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#' || line[0] == ';') continue;
        if (line[0] == '[') {
            current = line.substr(1, line.find(']') - 1);
            continue;
        }
        auto eq = line.find('=');
        if (current != section || eq == std::string::npos) continue;
        out.emplace(line.substr(0, eq), line.substr(eq + 1));
    }
    return out;
}

std::string value(const std::multimap<std::string, std::string>& m, const std::string& key) {
    auto it = m.find(key);
    return it == m.end() ? std::string("<missing>") : it->second;
}

TEST(DeployUnit, HardeningAndCredentials) {
    auto text = read("deploy/dialoogbot.service");
    ASSERT_FALSE(text.empty());
    auto s = unit_section(text, "Service");
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"User", "dialoogbot"},
        {"StateDirectory", "dialoogbot"},
        {"ConfigurationDirectory", "dialoogbot"},
        {"ProtectSystem", "strict"},
        {"ProtectHome", "yes"},
        {"NoNewPrivileges", "yes"},
        {"PrivateTmp", "yes"},
        {"PrivateDevices", "yes"},
        {"RestrictAddressFamilies", "AF_INET AF_INET6 AF_UNIX"},
        {"SystemCallFilter", "@system-service"},
        {"Restart", "on-failure"},
        {"ExecReload", "/bin/kill -HUP $MAINPID"},
        {"LoadCredential", "token:/etc/dialoogbot/token"},
        {"UMask", "0077"},
        {"CapabilityBoundingSet", ""},
    };
    for (const auto& [k, v] : expected) EXPECT_EQ(value(s, k), v) << k;
    EXPECT_NE(value(s, "RestartSec"), "<missing>");
    EXPECT_NE(value(s, "ExecStart").find("--config /etc/dialoogbot/dialoogbot.yaml"),
              std::string::npos);
    // systemd 252 (Debian 12) does not know these; an unknown key is only a warning there, but
    // it would suggest a backoff that does not happen.
    EXPECT_EQ(value(s, "RestartSteps"), "<missing>");
    EXPECT_EQ(value(s, "RestartMaxDelaySec"), "<missing>");
    auto u = unit_section(text, "Unit");
    EXPECT_NE(value(u, "StartLimitBurst"), "<missing>");
    EXPECT_NE(value(u, "StartLimitIntervalSec"), "<missing>");
    EXPECT_EQ(value(unit_section(text, "Install"), "WantedBy"), "multi-user.target");
}

TEST(DeployUnit, SystemdAnalyzeVerify) {
    if (::access("/usr/bin/systemd-analyze", X_OK) != 0) GTEST_SKIP() << "no systemd-analyze";
    std::string tmpl = "/tmp/dialoog-unit-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
    // The binary is not installed here: point ExecStart at an executable that exists.
    std::string cmd = "sed 's|/usr/local/bin/dialoogbot|/bin/true|' " +
                      std::string(DIALOOG_SOURCE_DIR) + "/deploy/dialoogbot.service > " + tmpl +
                      "/dialoogbot.service && systemd-analyze verify " + tmpl +
                      "/dialoogbot.service > " + tmpl + "/verify.log 2>&1";
    int rc = std::system(cmd.c_str());
    std::ifstream log(tmpl + "/verify.log");
    std::stringstream ss;
    ss << log.rdbuf();
    EXPECT_EQ(rc, 0) << ss.str();
    EXPECT_EQ(ss.str(), "") << "systemd-analyze verify printed warnings";
    (void)!std::system(("rm -rf " + tmpl).c_str());
}

TEST(DeployInstall, IsIdempotentByDesign) {
    auto text = read("deploy/install.sh");
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.rfind("#!/usr/bin/env bash", 0), 0u);
    EXPECT_NE(text.find("set -euo pipefail"), std::string::npos);
    EXPECT_NE(text.find("--dry-run"), std::string::npos);
    EXPECT_NE(text.find("--prefix"), std::string::npos);
    // The config is written only when absent; the token is never written.
    EXPECT_NE(text.find("if [[ -e \"$R$conf_dir/dialoogbot.yaml\" ]]"), std::string::npos);
    EXPECT_EQ(text.find("write_file 0600 root:root \"$R$conf_dir/token\""), std::string::npos);
    EXPECT_NE(text.find("$CREDENTIALS_DIRECTORY/token"), std::string::npos);
    EXPECT_EQ(
        std::system(("bash -n " + std::string(DIALOOG_SOURCE_DIR) + "/deploy/install.sh").c_str()),
        0);
}

TEST(DeployDocker, MultiStageDebian12NonRoot) {
    auto text = read("deploy/Dockerfile");
    ASSERT_FALSE(text.empty());
    EXPECT_NE(text.find("FROM debian:12 AS build"), std::string::npos);
    EXPECT_NE(text.find("FROM debian:12-slim"), std::string::npos);
    EXPECT_NE(text.find("COPY --from=build"), std::string::npos);
    EXPECT_NE(text.find("USER dialoogbot"), std::string::npos);
    EXPECT_NE(text.find("VOLUME [\"/var/lib/dialoogbot\"]"), std::string::npos);
    for (const char* runtime : {"wdutch", "tzdata", "ca-certificates"})
        EXPECT_NE(text.find(runtime), std::string::npos) << runtime;
    // The runtime stage installs no -dev package.
    auto runtime = text.substr(text.find("FROM debian:12-slim"));
    EXPECT_EQ(runtime.find("-dev"), std::string::npos);
}

// The build stage copies every folder the top-level CMakeLists.txt builds (a new layer folder
// that is not copied breaks only the image, which no other test builds).
TEST(DeployDocker, BuildStageCopiesEveryLayerFolder) {
    const auto docker = read("deploy/Dockerfile");
    const auto cmake = read("CMakeLists.txt");
    ASSERT_FALSE(docker.empty());
    std::vector<std::string> folders = {"cmake"};
    const std::string tag = "add_subdirectory(";
    for (auto at = cmake.find(tag); at != std::string::npos; at = cmake.find(tag, at + 1)) {
        const auto end = cmake.find(')', at);
        std::string folder = cmake.substr(at + tag.size(), end - at - tag.size());
        if (folder != "tests" && folder != "bench") folders.push_back(folder);
    }
    EXPECT_GE(folders.size(), 8u);
    for (const auto& f : folders)
        EXPECT_NE(docker.find("COPY " + f + " " + f + "\n"), std::string::npos) << f;
}

}  // namespace
