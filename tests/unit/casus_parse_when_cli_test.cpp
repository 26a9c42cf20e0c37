// The offline check `dialoogbot parse-when` (run_parse_when_cli): the basic example, DST
// edges, and the same (Dutch) error text as the chat command, with exit code 1.
#include <gtest/gtest.h>

#include <sstream>

#include "casus_test_support.hpp"
#include "commands/casus/parse_when_cli.hpp"

using namespace casus_test;
using dialoog::casus::run_parse_when_cli;

namespace {
struct Run {
    int rc;
    std::string out, err;
};
Run run(const std::string& text, const std::string& now = "2026-03-27T10:00",
        const std::string& tz = "Europe/Amsterdam") {
    std::ostringstream out, err;
    int rc = run_parse_when_cli(tz, now, text, out, err);
    return {rc, out.str(), err.str()};
}
}  // namespace

TEST(CasusParseWhenCli, MorgenAtTwoPrintsLocalAndUtc) {
    auto r = run("morgen 14:00");
    EXPECT_EQ(r.rc, 0);
    EXPECT_EQ(r.out, "local: 2026-03-28T14:00:00+01:00\nutc: 2026-03-28T13:00:00Z\n");
    EXPECT_EQ(r.err, "");
}

TEST(CasusParseWhenCli, AcrossDstAndWithOffsetNow) {
    EXPECT_EQ(run("overmorgen 9:30").out,
              "local: 2026-03-29T09:30:00+02:00\nutc: 2026-03-29T07:30:00Z\n");
    EXPECT_EQ(run("over 10 minuten", "2026-03-27T09:00Z").out,
              "local: 2026-03-27T10:10:00+01:00\nutc: 2026-03-27T09:10:00Z\n");
    EXPECT_EQ(run("25-10 02:30", "2026-10-20T10:00").out,
              "local: 2026-10-25T02:30:00+02:00\nutc: 2026-10-25T00:30:00Z\n");
}

TEST(CasusParseWhenCli, ErrorsAreTheChatTexts) {
    auto gap = run("29-03 02:30");
    EXPECT_EQ(gap.rc, 1);
    EXPECT_EQ(gap.out, "");
    EXPECT_TRUE(has(gap.err, "zomertijd")) << gap.err;
    // The chat command answers with exactly the same sentence.
    auto h = make_harness(team_config());
    h->send(kRoom, "@anna:hs", "!casus plan 29-03 02:30 Titel");
    EXPECT_EQ(h->last_body() + "\n", gap.err);
    EXPECT_EQ(run("gisteren 10:00").rc, 1);
    EXPECT_TRUE(has(run("morgen 24:60").err, "24:60"));
    EXPECT_TRUE(has(run("").err, "Geef een tijdstip op"));
    auto tz = run("morgen 14:00", "2026-03-27T10:00", "Europe/Amsterdm");
    EXPECT_EQ(tz.rc, 1);
    EXPECT_TRUE(has(tz.err, "Europe/Amsterdm")) << tz.err;
    auto now = run("morgen 14:00", "27-03-2026");
    EXPECT_EQ(now.rc, 1);
    EXPECT_TRUE(has(now.err, "--now")) << now.err;
}
