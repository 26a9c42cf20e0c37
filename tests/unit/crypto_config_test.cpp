// The `e2ee:` section and `bot.pickle_key_file` (crypto/e2ee_config.hpp, config/config.hpp):
// defaults when absent, the values when given, and errors with key and line for bad input.

#include <gtest/gtest.h>

#include <string>

#include "config/config.hpp"
#include "crypto/e2ee_config.hpp"

using namespace dialoog;

namespace {

std::string yaml(const std::string& bot_extra, const std::string& extra) {
    return "homeserver: https://matrix.example.org\n"
           "bot:\n"
           "  user_id: \"@dialoogbot:example.org\"\n"
           "  access_token_file: /nonexistent/token\n" +
           bot_extra + "storage: /tmp/dialoogbot.db\n" + extra;
}

config::LoadResult load(const std::string& bot_extra, const std::string& extra) {
    return config::load_config_text(yaml(bot_extra, extra), crypto::e2ee_config_sections(), "<t>");
}

std::string all_errors(const config::LoadResult& r) {
    std::string out;
    for (const auto& e : r.errors) out += e.to_string() + "\n";
    return out;
}

}  // namespace

TEST(E2eeConfig, AbsentGivesDefaultsOffAndNoPickleKeyFile) {
    auto r = load("", "");
    ASSERT_TRUE(r.config) << all_errors(r);
    const auto& e2ee = r.config->section(crypto::kE2eeSection);
    EXPECT_FALSE(e2ee.enabled);
    EXPECT_TRUE(e2ee.exclude_insecure_devices);
    EXPECT_FALSE(r.config->bot.pickle_key_file.has_value());
}

TEST(E2eeConfig, ValuesAndPickleKeyFileAreRead) {
    auto r = load("  pickle_key_file: /etc/dialoogbot/pickle-key\n",
                  "e2ee:\n  enabled: true\n  exclude_insecure_devices: false\n");
    ASSERT_TRUE(r.config) << all_errors(r);
    const auto& e2ee = r.config->section(crypto::kE2eeSection);
    EXPECT_TRUE(e2ee.enabled);
    EXPECT_FALSE(e2ee.exclude_insecure_devices);
    EXPECT_EQ(r.config->bot.pickle_key_file.value_or(""), "/etc/dialoogbot/pickle-key");
}

TEST(E2eeConfig, NotABooleanIsAnErrorWithKeyAndLine) {
    auto r = load("", "e2ee:\n  enabled: maybe\n");
    ASSERT_FALSE(r.config);
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
    // yaml() has 5 lines before `e2ee:`; `enabled` is on line 7.
    EXPECT_EQ(r.errors[0].to_string(), "line 7: e2ee.enabled: must be true or false");
}

TEST(E2eeConfig, UnknownKeyIsAnErrorWithLine) {
    auto r = load("", "e2ee:\n  enabled: true\n  exclude_insecure: true\n");
    ASSERT_FALSE(r.config);
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
    EXPECT_EQ(r.errors[0].line, 8);
    EXPECT_EQ(r.errors[0].key, "e2ee.exclude_insecure");
    EXPECT_NE(r.errors[0].message.find("unknown key"), std::string::npos);
    EXPECT_NE(r.errors[0].message.find("exclude_insecure_devices"), std::string::npos);
}

TEST(E2eeConfig, SectionThatIsNotAMappingIsAnError) {
    auto r = load("", "e2ee: true\n");
    ASSERT_FALSE(r.config);
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
    EXPECT_EQ(r.errors[0].key, "e2ee");
    EXPECT_EQ(r.errors[0].line, 6);
}

TEST(E2eeConfig, EmptyPickleKeyFileIsAnError) {
    auto r = load("  pickle_key_file: \"\"\n", "");
    ASSERT_FALSE(r.config);
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
    EXPECT_EQ(r.errors[0].key, "bot.pickle_key_file");
    EXPECT_EQ(r.errors[0].line, 5);
}

TEST(E2eeConfig, MisspelledPickleKeyFileIsAnUnknownBotKey) {
    auto r = load("  pickle_key: /etc/dialoogbot/pickle-key\n", "");
    ASSERT_FALSE(r.config);
    ASSERT_EQ(r.errors.size(), 1u) << all_errors(r);
    EXPECT_EQ(r.errors[0].key, "bot.pickle_key");
    EXPECT_NE(r.errors[0].message.find("pickle_key_file"), std::string::npos);
}
