// `dialoogbot digest --leader --week`: prints the digest without sending anything.
#include <gtest/gtest.h>

#include <sstream>

#include "commands/digest/compose.hpp"
#include "commands/digest/digest_cli.hpp"
#include "digest_test_fakes.hpp"

using namespace dialoog;
using namespace dialoog::testing;
using namespace dialoog::testing::digest_fakes;

namespace {
const char* kTeams =
    "teams:\n"
    "  - name: Team Noord\n"
    "    room: \"!noord:hs\"\n"
    "    leaders: [\"@lea:hs\"]\n";
}

TEST(DigestCli, PrintsMarkdownAndSendsNothing) {
    Harness h(features(std::make_unique<digest::DigestFeature>(), std::make_unique<FakeSessions>()),
              base_config(kTeams), local_time("Europe/Amsterdam", 2026, 12, 9, 12, 0));
    h.take();
    std::ostringstream out, err;
    EXPECT_EQ(digest::run_digest_cli(h.services(), "@lea:hs", "2026-W49", out, err), 0);
    EXPECT_TRUE(err.str().empty());
    EXPECT_NE(out.str().find("# Weekoverzicht week 49, 2026"), std::string::npos);
    EXPECT_NE(out.str().find("## Team Noord"), std::string::npos);
    EXPECT_TRUE(h.pending().empty());
    EXPECT_EQ(h.db().scalar_int("SELECT COUNT(*) FROM digest_sent"), 0);
}

TEST(DigestCli, RefusesBadWeekAndNonLeader) {
    Harness h(features(std::make_unique<digest::DigestFeature>()), base_config(kTeams));
    std::ostringstream out, err;
    EXPECT_EQ(digest::run_digest_cli(h.services(), "@lea:hs", "2025-W53", out, err), 1);
    EXPECT_NE(err.str().find("--week"), std::string::npos);
    EXPECT_EQ(digest::run_digest_cli(h.services(), "@anna:hs", "2026-W49", out, err), 1);
    EXPECT_NE(err.str().find("not listed in the leaders"), std::string::npos);
    EXPECT_TRUE(out.str().empty());
}

// Found by a newcomer: a future week printed a full digest, while `!overzicht` refuses it.
TEST(DigestCli, RefusesAWeekThatHasNotStarted) {
    Harness h(features(std::make_unique<digest::DigestFeature>()), base_config(kTeams),
              local_time("Europe/Amsterdam", 2026, 12, 9, 12, 0));
    std::ostringstream out, err;
    EXPECT_EQ(digest::run_digest_cli(h.services(), "@lea:hs", "2026-W51", out, err), 1);
    EXPECT_NE(err.str().find("has not started yet (this week is 2026-W50"), std::string::npos)
        << err.str();
    EXPECT_EQ(digest::run_digest_cli(h.services(), "@lea:hs", "0000-W01", out, err), 1);
    EXPECT_TRUE(out.str().empty());
    EXPECT_EQ(digest::run_digest_cli(h.services(), "@lea:hs", "2026-W50", out, err), 0);
}
