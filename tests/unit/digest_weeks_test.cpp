// ISO-week arithmetic of the digest: which week a firing covers, week bounds across DST and
// the year end (2026 has a week 53), quarters for the export.
#include <gtest/gtest.h>

#include "commands/digest/compose.hpp"
#include "commands/digest/digest_config.hpp"
#include "commands/digest/digest_weeks.hpp"
#include "digest_test_fakes.hpp"

using namespace dialoog;
using namespace dialoog::digest;
using dialoog::testing::digest_fakes::local_time;
using std::chrono::hours;

namespace {
const date::time_zone* ams() {
    return date::locate_zone("Europe/Amsterdam");
}
}  // namespace

TEST(DigestWeeks, PreviousAndNextAcrossYearEnd) {
    EXPECT_EQ(previous_week({2027, 1}), (IsoWeek{2026, 53}));
    EXPECT_EQ(next_week({2026, 53}), (IsoWeek{2027, 1}));
    EXPECT_EQ(previous_week({2026, 1}), (IsoWeek{2025, 52}));
    EXPECT_EQ(next_week({2025, 52}), (IsoWeek{2026, 1}));
    EXPECT_EQ(previous_week({2026, 49}), (IsoWeek{2026, 48}));
}

TEST(DigestWeeks, FiringCoversLastCompletedWeek) {
    // Monday 4 January 2027 08:30: the last completed week is 2026-W53 (28 Dec - 3 Jan).
    EXPECT_EQ(covered_week(local_time("Europe/Amsterdam", 2027, 1, 4, 8, 30), ams()),
              (IsoWeek{2026, 53}));
    // Monday 5 January 2026: 2026-W01 (29 Dec 2025 - 4 Jan 2026).
    EXPECT_EQ(covered_week(local_time("Europe/Amsterdam", 2026, 1, 5, 8, 30), ams()),
              (IsoWeek{2026, 1}));
    // Sunday evening covers the week before, not the unfinished one.
    EXPECT_EQ(covered_week(local_time("Europe/Amsterdam", 2026, 12, 6, 20, 0), ams()),
              (IsoWeek{2026, 48}));
    // Monday 00:30 in Amsterdam is still Sunday 23:30 in UTC: the team's zone decides.
    EXPECT_EQ(covered_week(local_time("Europe/Amsterdam", 2026, 12, 7, 0, 30), ams()),
              (IsoWeek{2026, 49}));
    EXPECT_EQ(covered_week(local_time("Europe/Amsterdam", 2026, 12, 7, 0, 30), nullptr),
              (IsoWeek{2026, 48}));
}

TEST(DigestWeeks, RequestBoundsAcrossDstAndYearEnd) {
    config::TeamConfig team;
    team.name = "Team Noord";
    team.tz = ams();
    // Week 13 of 2026 contains the spring-forward night (29 March): 167 hours.
    auto spring = digest_request(team, "nl", {2026, 13});
    EXPECT_EQ(spring.week_start_ms, dialoog::testing::digest_fakes::ms(
                                        local_time("Europe/Amsterdam", 2026, 3, 23, 0, 0)));
    EXPECT_EQ(spring.week_end_ms - spring.week_start_ms, 167LL * 3600 * 1000);
    // Week 43 contains the autumn night (25 October): 169 hours.
    auto autumn = digest_request(team, "nl", {2026, 43});
    EXPECT_EQ(autumn.week_end_ms - autumn.week_start_ms, 169LL * 3600 * 1000);
    // 2026-W53: Monday 28 December 2026 up to Monday 4 January 2027, local midnight.
    auto last = digest_request(team, "nl", {2026, 53});
    EXPECT_EQ(last.week_start_ms, dialoog::testing::digest_fakes::ms(
                                      local_time("Europe/Amsterdam", 2026, 12, 28, 0, 0)));
    EXPECT_EQ(last.week_end_ms,
              dialoog::testing::digest_fakes::ms(local_time("Europe/Amsterdam", 2027, 1, 4, 0, 0)));
    EXPECT_EQ(last.team, &team);
    EXPECT_EQ(last.lang, "nl");
}

TEST(DigestWeeks, LatestFiringAfterDowntime) {
    auto rule = *parse_digest_time("maandag", "08:30");
    UtcMs due = local_time("Europe/Amsterdam", 2026, 12, 7, 8, 30);
    // On time: the due instant itself.
    EXPECT_EQ(latest_firing(rule, ams(), due, due), due);
    // Down for two and a half weeks: the latest Monday 08:30 before now.
    EXPECT_EQ(latest_firing(rule, ams(), due, local_time("Europe/Amsterdam", 2026, 12, 23, 12, 0)),
              local_time("Europe/Amsterdam", 2026, 12, 21, 8, 30));
    // Across the DST change the wall-clock time stays 08:30.
    UtcMs march = local_time("Europe/Amsterdam", 2026, 3, 23, 8, 30);
    EXPECT_EQ(latest_firing(rule, ams(), march, local_time("Europe/Amsterdam", 2026, 3, 31, 0, 0)),
              local_time("Europe/Amsterdam", 2026, 3, 30, 8, 30));
    EXPECT_EQ(local_time("Europe/Amsterdam", 2026, 3, 30, 8, 30) - march, hours{7 * 24 - 1});
}

TEST(DigestWeeks, Quarters) {
    EXPECT_EQ(quarter_of({2026, 40}), (Quarter{2026, 4}));  // Thursday 1 October
    EXPECT_EQ(quarter_of({2026, 39}), (Quarter{2026, 3}));
    EXPECT_EQ(quarter_of({2026, 53}), (Quarter{2026, 4}));
    EXPECT_EQ(quarter_of({2026, 1}), (Quarter{2026, 1}));
    EXPECT_EQ(previous_quarter({2026, 1}), (Quarter{2025, 4}));
    auto q4 = weeks_of_quarter({2026, 4}, {2030, 1});
    ASSERT_EQ(q4.size(), 14u);  // W40..W53
    EXPECT_EQ(q4.front(), (IsoWeek{2026, 40}));
    EXPECT_EQ(q4.back(), (IsoWeek{2026, 53}));
    auto so_far = weeks_of_quarter({2026, 4}, {2026, 49});
    EXPECT_EQ(so_far.size(), 10u);
    EXPECT_TRUE(weeks_of_quarter({2027, 1}, {2026, 49}).empty());
    Quarter cur{2026, 4};
    EXPECT_EQ(parse_quarter("2026-K3", cur), (Quarter{2026, 3}));
    EXPECT_EQ(parse_quarter("2025-q1", cur), (Quarter{2025, 1}));
    EXPECT_EQ(parse_quarter("K2", cur), (Quarter{2026, 2}));
    EXPECT_EQ(parse_quarter("Q4 2025", cur), (Quarter{2025, 4}));
    EXPECT_FALSE(parse_quarter("K5", cur));
    EXPECT_FALSE(parse_quarter("2026-W49", cur));
    EXPECT_FALSE(parse_quarter("", cur));
}

TEST(DigestWeeks, CalendarDays) {
    EXPECT_EQ(iso_date(week_monday({2026, 49})), "2026-11-30");
    EXPECT_EQ(iso_date(week_sunday({2026, 49})), "2026-12-06");
    EXPECT_EQ(iso_date(week_monday({2026, 53})), "2026-12-28");
    EXPECT_EQ(iso_date(week_sunday({2026, 53})), "2027-01-03");
}
