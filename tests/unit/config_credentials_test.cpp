// bot.access_token_file / bot.password_file under systemd's LoadCredential=: a path starting
// with $CREDENTIALS_DIRECTORY/ (or ${CREDENTIALS_DIRECTORY}/) is expanded from the environment
// (YAML cannot expand variables); without the variable the path is kept with a warning and the
// bot waits for the file, like for any missing token file.

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>

#include "config/config.hpp"

using namespace dialoog::config;

namespace {

std::string cfg(const std::string& bot_file_line) {
    return "homeserver: https://matrix.example.org\n"
           "bot:\n"
           "  user_id: \"@dialoogbot:example.org\"\n" +
           bot_file_line +
           "\n"
           "storage: /tmp/dialoogbot.db\n"
           "teams:\n  - name: Team Noord\n    room: \"!noord:example.org\"\n";
}

class CredentialsDir : public ::testing::Test {
  protected:
    void SetUp() override {
        ::unsetenv("DIALOOGBOT_ACCESS_TOKEN");
        if (const char* old = std::getenv("CREDENTIALS_DIRECTORY")) saved_ = old;
    }
    void TearDown() override {
        if (saved_)
            ::setenv("CREDENTIALS_DIRECTORY", saved_->c_str(), 1);
        else
            ::unsetenv("CREDENTIALS_DIRECTORY");
    }
    std::optional<std::string> saved_;
};

TEST_F(CredentialsDir, ExpandedFromTheEnvironment) {
    ::setenv("CREDENTIALS_DIRECTORY", "/run/credentials/dialoogbot.service", 1);
    auto r = load_config_text(cfg("  access_token_file: $CREDENTIALS_DIRECTORY/token"), {});
    ASSERT_TRUE(r.config);
    EXPECT_EQ(r.config->bot.access_token_file.value_or(""),
              "/run/credentials/dialoogbot.service/token");
    r = load_config_text(cfg("  password_file: ${CREDENTIALS_DIRECTORY}/password"), {});
    ASSERT_TRUE(r.config);
    EXPECT_EQ(r.config->bot.password_file.value_or(""),
              "/run/credentials/dialoogbot.service/password");
    ::setenv("CREDENTIALS_DIRECTORY", "/run/credentials/x/", 1);  // trailing slash
    r = load_config_text(cfg("  access_token_file: \"$CREDENTIALS_DIRECTORY/token\""), {});
    ASSERT_TRUE(r.config);
    EXPECT_EQ(r.config->bot.access_token_file.value_or(""), "/run/credentials/x/token");
}

TEST_F(CredentialsDir, WithoutTheVariableKeptWithAWarning) {
    ::unsetenv("CREDENTIALS_DIRECTORY");
    auto r = load_config_text(cfg("  access_token_file: $CREDENTIALS_DIRECTORY/token"), {});
    ASSERT_TRUE(r.config) << "a missing credentials directory is not a config error";
    EXPECT_EQ(r.config->bot.access_token_file.value_or(""), "$CREDENTIALS_DIRECTORY/token");
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_NE(r.warnings[0].find("CREDENTIALS_DIRECTORY is not set"), std::string::npos)
        << r.warnings[0];
}

TEST_F(CredentialsDir, OtherPathsAndOtherVariablesAreLeftAlone) {
    ::setenv("CREDENTIALS_DIRECTORY", "/run/credentials/dialoogbot.service", 1);
    auto r = load_config_text(cfg("  access_token_file: /etc/dialoogbot/token"), {});
    ASSERT_TRUE(r.config);
    EXPECT_EQ(r.config->bot.access_token_file.value_or(""), "/etc/dialoogbot/token");
    r = load_config_text(cfg("  access_token_file: $HOME/token"), {});
    ASSERT_TRUE(r.config);
    EXPECT_EQ(r.config->bot.access_token_file.value_or(""), "$HOME/token");
    r = load_config_text(cfg("  access_token_file: /x/$CREDENTIALS_DIRECTORY/token"), {});
    ASSERT_TRUE(r.config);
    EXPECT_EQ(r.config->bot.access_token_file.value_or(""), "/x/$CREDENTIALS_DIRECTORY/token");
}

}  // namespace

// A token or password pasted into a *_file key was accepted and then echoed in the "does not
// exist" warning and the bot's log (a newcomer's probe). Now it is an error that does not repeat
// the value.
TEST(SecretFiles, SecretPastedIntoAFileKeyIsRefusedWithoutEchoingIt) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "test-token", 0);
    for (const std::string key : {"access_token_file", "password_file", "pickle_key_file"}) {
        auto r = load_config_text(cfg("  " + key + ": syt_ZGlhbG9vZ2JvdA_SeCrEtToKeN_1a2b3c"), {});
        EXPECT_FALSE(r.config) << key;
        bool named = false;
        for (const auto& e : r.errors) {
            EXPECT_EQ(e.to_string().find("SeCrEtToKeN"), std::string::npos) << e.to_string();
            named = named || (e.key == "bot." + key &&
                              e.message.find("not the secret itself") != std::string::npos);
        }
        for (const auto& w : r.warnings) EXPECT_EQ(w.find("SeCrEtToKeN"), std::string::npos) << w;
        EXPECT_TRUE(named) << key;
    }
}

// "http://admin:secret@host" was accepted and logged on every retry.
TEST(SecretFiles, HomeserverWithAPasswordIsRefused) {
    ::setenv("DIALOOGBOT_ACCESS_TOKEN", "test-token", 0);
    std::string text = cfg("");
    text.replace(text.find("https://matrix.example.org"), 26,
                 "https://admin:Hunter2Secret@matrix.example.org");
    auto r = load_config_text(text, {});
    EXPECT_FALSE(r.config);
    ASSERT_FALSE(r.errors.empty());
    EXPECT_EQ(r.errors[0].key, "homeserver");
    EXPECT_NE(r.errors[0].message.find("must not contain a user name or password"),
              std::string::npos);
    EXPECT_EQ(r.errors[0].to_string().find("Hunter2Secret"), std::string::npos);
    // An '@' after the host (in a path) is no user part.
    std::string ok = cfg("");
    ok.replace(ok.find("https://matrix.example.org"), 26, "https://matrix.example.org/@x");
    EXPECT_TRUE(load_config_text(ok, {}).config);
}
