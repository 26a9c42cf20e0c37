// Tests of weekly rules and ISO weeks (lib/wanneer/recurrence.hpp): parsing Dutch/English
// rule texts, next occurrences across both 2026 DST changes in Europe/Amsterdam, every-N-weeks
// phases, and ISO weeks across the year end (2026 has a W53) and across DST.

#include "lib/wanneer/recurrence.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace {

using namespace dialoog::wanneer;
using std::chrono::hours;
using std::chrono::minutes;

const date::time_zone* ams() {
    static const date::time_zone* const tz = find_time_zone("Europe/Amsterdam");
    return tz;
}

UtcMs at(std::string_view s, const date::time_zone* tz = ams()) {
    auto t = parse_now_argument(s, tz);
    EXPECT_TRUE(t.has_value()) << s;
    return t.value_or(UtcMs{});
}

WeeklyRule rule_of(std::string_view text, IsoWeek anchor = {}) {
    auto r = parse_weekly_rule(text, anchor);
    if (auto* f = std::get_if<RuleFail>(&r)) {
        ADD_FAILURE() << text << ": " << rule_error_name(f->code) << " '" << f->fragment << "'";
        return {};
    }
    return std::get<WeeklyRule>(r);
}

std::string fail_of(std::string_view text) {
    auto r = parse_weekly_rule(text);
    if (std::holds_alternative<WeeklyRule>(r))
        return "ok " + format_weekly_rule(std::get<WeeklyRule>(r));
    const auto& f = std::get<RuleFail>(r);
    return std::string(rule_error_name(f.code)) + " '" + f.fragment + "'";
}

std::string next_local(const WeeklyRule& rule, std::string_view after) {
    return format_local_iso(next_occurrence(rule, ams(), at(after)), ams());
}

// ---- parsing ----

TEST(WeeklyRuleParse, Forms) {
    struct Case {
        const char* text;
        date::weekday wd;
        int minutes_of_day;
        unsigned every;
    };
    const std::vector<Case> cases{
        {"dinsdag 09:00", date::Tuesday, 9 * 60, 1},
        {"di 9:00", date::Tuesday, 9 * 60, 1},
        {"di. 9:00", date::Tuesday, 9 * 60, 1},
        {"tuesday 9am", date::Tuesday, 9 * 60, 1},
        {"Tuesday 9 AM", date::Tuesday, 9 * 60, 1},
        {"maandag 09:00", date::Monday, 9 * 60, 1},
        {"zondag 18:30", date::Sunday, 18 * 60 + 30, 1},
        {"sun 6:30pm", date::Sunday, 18 * 60 + 30, 1},
        {"elke dinsdag om 9:00", date::Tuesday, 9 * 60, 1},
        {"every tuesday at 10am", date::Tuesday, 10 * 60, 1},
        {"op woensdag om 14u", date::Wednesday, 14 * 60, 1},
        {"dinsdags 9u", date::Tuesday, 9 * 60, 1},
        {"fridays 4pm", date::Friday, 16 * 60, 1},
        {"maandag 09:00 elke 2 weken", date::Monday, 9 * 60, 2},
        {"maandag 09:00, elke twee weken", date::Monday, 9 * 60, 2},
        {"maandag 09:00 elke week", date::Monday, 9 * 60, 1},
        {"maandag 09:00 iedere 3 weken", date::Monday, 9 * 60, 3},
        {"every tuesday at 10am every 2 weeks", date::Tuesday, 10 * 60, 2},
        {"tuesday 9am every other week", date::Tuesday, 9 * 60, 2},
        {"tuesday 9am every 4 weeks", date::Tuesday, 9 * 60, 4},
        {"woensdag 14:00 om de week", date::Wednesday, 14 * 60, 2},
        {"woensdag 14:00 om de 3 weken", date::Wednesday, 14 * 60, 3},
        {"om de twee weken vrijdag 10:00", date::Friday, 10 * 60, 2},
        {"elke 2 weken op donderdag om 13:30", date::Thursday, 13 * 60 + 30, 2},
        {"zondag 18:00 wekelijks", date::Sunday, 18 * 60, 1},
        {"vr 16:00 tweewekelijks", date::Friday, 16 * 60, 2},
        {"friday 4pm biweekly", date::Friday, 16 * 60, 2},
        {"za 10:00 elke 52 weken", date::Saturday, 10 * 60, 52},
        {"dinsdag 3 uur 's middags", date::Tuesday, 15 * 60, 1},
        {"  dinsdag   09:00  ", date::Tuesday, 9 * 60, 1},
    };
    for (const auto& c : cases) {
        const auto r = rule_of(c.text);
        EXPECT_EQ(r.weekday, c.wd) << c.text;
        EXPECT_EQ(r.time_of_day, minutes{c.minutes_of_day}) << c.text;
        EXPECT_EQ(r.every_weeks, c.every) << c.text;
    }
    const IsoWeek anchor{2026, 13};
    EXPECT_EQ(rule_of("dinsdag 09:00 elke 2 weken", anchor).anchor, anchor);
}

TEST(WeeklyRuleParse, Errors) {
    EXPECT_EQ(fail_of(""), "empty ''");
    EXPECT_EQ(fail_of("   "), "empty ''");
    EXPECT_EQ(fail_of("09:00"), "missing_weekday '09:00'");
    EXPECT_EQ(fail_of("om 9am"), "missing_weekday '9am'");
    EXPECT_EQ(fail_of("dinsdag"), "missing_time 'dinsdag'");
    EXPECT_EQ(fail_of("elke dinsdag"), "missing_time 'dinsdag'");
    EXPECT_EQ(fail_of("dinsdag 25:00"), "invalid_time '25:00'");
    EXPECT_EQ(fail_of("dinsdag 9:60"), "invalid_time '9:60'");
    EXPECT_EQ(fail_of("dinsdag 13pm"), "invalid_time '13pm'");
    EXPECT_EQ(fail_of("dinsdag 9:00 elke 0 weken"), "invalid_interval 'elke 0 weken'");
    EXPECT_EQ(fail_of("dinsdag 9:00 elke 53 weken"), "invalid_interval 'elke 53 weken'");
    EXPECT_EQ(fail_of("dinsdag 9:00 every 99999999999999 weeks"),
              "invalid_interval 'every 99999999999999 weeks'");
    EXPECT_EQ(fail_of("dinsdag 9:00 blah"), "unrecognised 'blah'");
    EXPECT_EQ(fail_of("dinsdag 9:00 elke 2 weken extra"), "unrecognised 'extra'");
    EXPECT_EQ(fail_of("dinsdag 9"), "unrecognised '9'");
    EXPECT_EQ(fail_of("blah 9:00"), "unrecognised 'blah 9:00'");
    EXPECT_EQ(fail_of("3 dec 9:00"), "unrecognised '3 dec 9:00'");
}

TEST(WeeklyRuleFormat, RoundTrips) {
    WeeklyRule r;
    r.weekday = date::Tuesday;
    r.time_of_day = hours{9};
    EXPECT_EQ(format_weekly_rule(r), "dinsdag 09:00");
    EXPECT_EQ(format_weekly_rule(r, true), "tuesday 09:00");
    r.every_weeks = 2;
    r.weekday = date::Sunday;
    r.time_of_day = hours{18} + minutes{5};
    EXPECT_EQ(format_weekly_rule(r), "zondag 18:05 elke 2 weken");
    EXPECT_EQ(format_weekly_rule(r, true), "sunday 18:05 every 2 weeks");
    for (bool english : {false, true}) {
        for (unsigned wd = 0; wd < 7; ++wd) {
            WeeklyRule x;
            x.weekday = date::weekday{wd};
            x.time_of_day = minutes{wd * 97};
            x.every_weeks = wd + 1;
            EXPECT_EQ(rule_of(format_weekly_rule(x, english)), x) << format_weekly_rule(x);
        }
    }
}

TEST(WeeklyRuleErrors, CodeNames) {
    EXPECT_EQ(rule_error_name(RuleError::Empty), "empty");
    EXPECT_EQ(rule_error_name(RuleError::Unrecognised), "unrecognised");
    EXPECT_EQ(rule_error_name(RuleError::MissingWeekday), "missing_weekday");
    EXPECT_EQ(rule_error_name(RuleError::MissingTime), "missing_time");
    EXPECT_EQ(rule_error_name(RuleError::InvalidTime), "invalid_time");
    EXPECT_EQ(rule_error_name(RuleError::InvalidInterval), "invalid_interval");
}

// ---- next occurrence ----

TEST(NextOccurrence, WeeklyTuesdayAcrossSpringChange) {
    const auto r = rule_of("dinsdag 09:00");
    EXPECT_EQ(next_local(r, "2026-03-23T00:00"), "2026-03-24T09:00:00+01:00");
    EXPECT_EQ(next_local(r, "2026-03-24T08:59"), "2026-03-24T09:00:00+01:00");
    // Strictly after: at the firing itself the next one is a week on, after the change.
    EXPECT_EQ(next_local(r, "2026-03-24T09:00"), "2026-03-31T09:00:00+02:00");
    const UtcMs after = at("2026-03-24T09:00");
    EXPECT_EQ(format_utc_iso(next_occurrence(r, ams(), after)), "2026-03-31T07:00:00Z");
    EXPECT_EQ(next_local(r, "2026-03-24T09:00:00.001Z"), "2026-03-31T09:00:00+02:00");
    // Seven days after 08:00Z is not 09:00 local anymore; the rule keeps local time.
    EXPECT_NE(next_occurrence(r, ams(), after), after + hours{24 * 7});
}

TEST(NextOccurrence, WeeklyTuesdayAcrossAutumnChange) {
    const auto r = rule_of("tuesday 9am");
    EXPECT_EQ(next_local(r, "2026-10-20T09:00"), "2026-10-27T09:00:00+01:00");
    EXPECT_EQ(format_utc_iso(next_occurrence(r, ams(), at("2026-10-20T09:00"))),
              "2026-10-27T08:00:00Z");
}

TEST(NextOccurrence, FiresAtLocalTimeAllYear) {
    const auto r = rule_of("dinsdag 09:00");
    UtcMs t = at("2026-01-01T00:00");
    int count = 0;
    while (true) {
        t = next_occurrence(r, ams(), t);
        if (t >= at("2027-01-01T00:00")) break;
        ++count;
        const auto local = format_local_iso(t, ams());
        EXPECT_EQ(local.substr(10, 9), "T09:00:00") << local;
        EXPECT_EQ(date::weekday{std::chrono::floor<date::days>(ams()->to_local(t))}, date::Tuesday);
    }
    EXPECT_EQ(count, 52);
}

TEST(NextOccurrence, EveryTwoWeeksFollowsAnchor) {
    // Anchor 2026-W13 (Monday 23 March): Tuesdays 24 Mar, 7 Apr, 21 Apr, ...
    const auto r = rule_of("dinsdag 09:00 elke 2 weken", IsoWeek{2026, 13});
    EXPECT_EQ(next_local(r, "2026-01-01T00:00"), "2026-03-24T09:00:00+01:00");  // not before
    EXPECT_EQ(next_local(r, "2026-03-24T08:00"), "2026-03-24T09:00:00+01:00");
    EXPECT_EQ(next_local(r, "2026-03-24T09:00"), "2026-04-07T09:00:00+02:00");
    EXPECT_EQ(next_local(r, "2026-03-31T12:00"), "2026-04-07T09:00:00+02:00");
    EXPECT_EQ(next_local(r, "2026-04-07T09:00"), "2026-04-21T09:00:00+02:00");
    // Across the year end: 53 weeks in 2026 make the phase continue by days, not week numbers.
    const auto r2 = rule_of("maandag 10:00 om de week", IsoWeek{2026, 52});  // Mon 21 Dec
    EXPECT_EQ(next_local(r2, "2026-12-21T10:00"), "2027-01-04T10:00:00+01:00");
    EXPECT_EQ(next_local(r2, "2027-01-04T10:00"), "2027-01-18T10:00:00+01:00");
    // Every 3 weeks from the same anchor, crossing the autumn change.
    const auto r3 = rule_of("vrijdag 16:00 elke 3 weken", IsoWeek{2026, 40});  // Fri 2 Oct
    EXPECT_EQ(next_local(r3, "2026-09-01T00:00"), "2026-10-02T16:00:00+02:00");
    EXPECT_EQ(next_local(r3, "2026-10-02T16:00"), "2026-10-23T16:00:00+02:00");
    EXPECT_EQ(next_local(r3, "2026-10-23T16:00"), "2026-11-13T16:00:00+01:00");
}

TEST(NextOccurrence, SpringGapMovesForward) {
    // Sunday 02:30 does not exist on 2026-03-29: it fires at 03:30 (+02:00) that day.
    const auto r = rule_of("zondag 02:30");
    EXPECT_EQ(next_local(r, "2026-03-28T12:00"), "2026-03-29T03:30:00+02:00");
    EXPECT_EQ(format_utc_iso(next_occurrence(r, ams(), at("2026-03-28T12:00"))),
              "2026-03-29T01:30:00Z");
    EXPECT_EQ(next_local(r, "2026-03-29T03:30"), "2026-04-05T02:30:00+02:00");
}

TEST(NextOccurrence, AutumnRepeatedHourFiresOnceAtEarlier) {
    // Sunday 02:30 happens twice on 2026-10-25 (00:30Z and 01:30Z): fires once, at 00:30Z.
    const auto r = rule_of("zondag 02:30");
    const UtcMs first = next_occurrence(r, ams(), at("2026-10-24T12:00"));
    EXPECT_EQ(format_utc_iso(first), "2026-10-25T00:30:00Z");
    const UtcMs second = next_occurrence(r, ams(), first);
    EXPECT_EQ(format_utc_iso(second), "2026-11-01T01:30:00Z");
    EXPECT_EQ(format_local_iso(second, ams()), "2026-11-01T02:30:00+01:00");
}

TEST(NextOccurrence, OddInputs) {
    WeeklyRule r;
    r.weekday = date::Wednesday;
    r.time_of_day = hours{9};
    r.every_weeks = 0;  // treated as 1
    EXPECT_EQ(next_local(r, "2026-03-23T00:00"), "2026-03-25T09:00:00+01:00");
    r.time_of_day = hours{24 + 9};  // reduced modulo a day
    EXPECT_EQ(next_local(r, "2026-03-23T00:00"), "2026-03-25T09:00:00+01:00");
    // Null zone: UTC.
    r.time_of_day = hours{9};
    EXPECT_EQ(format_utc_iso(next_occurrence(r, nullptr, at("2026-03-23T00:00Z"))),
              "2026-03-25T09:00:00Z");
}

// ---- ISO weeks ----

TEST(IsoWeeks, AcrossYearEnd) {
    EXPECT_EQ(iso_week_of(at("2027-01-01T12:00"), ams()), (IsoWeek{2026, 53}));
    EXPECT_EQ(iso_week_of(at("2026-12-31T12:00"), ams()), (IsoWeek{2026, 53}));
    EXPECT_EQ(iso_week_of(at("2026-12-28T00:00"), ams()), (IsoWeek{2026, 53}));
    EXPECT_EQ(iso_week_of(at("2026-12-27T23:59"), ams()), (IsoWeek{2026, 52}));
    EXPECT_EQ(iso_week_of(at("2027-01-03T23:59"), ams()), (IsoWeek{2026, 53}));
    EXPECT_EQ(iso_week_of(at("2027-01-04T00:00"), ams()), (IsoWeek{2027, 1}));
    EXPECT_EQ(iso_week_of(at("2026-01-01T00:00"), ams()), (IsoWeek{2026, 1}));
    EXPECT_EQ(iso_week_of(at("2025-12-29T00:00"), ams()), (IsoWeek{2026, 1}));
    EXPECT_EQ(iso_week_of(at("2026-12-03T12:00"), ams()), (IsoWeek{2026, 49}));
    // The zone decides the day: 23:30Z on Sunday is already Monday in Amsterdam.
    EXPECT_EQ(iso_week_of(at("2026-12-27T23:30Z"), ams()), (IsoWeek{2026, 53}));
    EXPECT_EQ(iso_week_of(at("2026-12-27T23:30Z"), nullptr), (IsoWeek{2026, 52}));

    EXPECT_TRUE(is_valid_iso_week({2026, 53}));
    EXPECT_FALSE(is_valid_iso_week({2025, 53}));
    EXPECT_FALSE(is_valid_iso_week({2027, 53}));
    EXPECT_TRUE(is_valid_iso_week({2020, 53}));
    EXPECT_FALSE(is_valid_iso_week({2026, 0}));
    EXPECT_FALSE(is_valid_iso_week({2026, 54}));

    auto b = iso_week_bounds(2026, 53, ams());
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(format_local_iso(b->first, ams()), "2026-12-28T00:00:00+01:00");
    EXPECT_EQ(format_utc_iso(b->first), "2026-12-27T23:00:00Z");
    EXPECT_EQ(format_local_iso(b->second, ams()), "2027-01-04T00:00:00+01:00");
    EXPECT_FALSE(iso_week_bounds(2025, 53, ams()).has_value());
    auto w1 = iso_week_bounds(IsoWeek{2027, 1}, ams());
    ASSERT_TRUE(w1.has_value());
    EXPECT_EQ(w1->first, b->second);  // consecutive weeks tile time
}

TEST(IsoWeeks, AcrossDst) {
    // 2026-W13 holds the spring change: 167 hours. 2026-W43 the autumn one: 169 hours.
    auto spring = iso_week_bounds(2026, 13, ams());
    ASSERT_TRUE(spring.has_value());
    EXPECT_EQ(format_local_iso(spring->first, ams()), "2026-03-23T00:00:00+01:00");
    EXPECT_EQ(format_local_iso(spring->second, ams()), "2026-03-30T00:00:00+02:00");
    EXPECT_EQ(spring->second - spring->first, hours{167});
    auto autumn = iso_week_bounds(2026, 43, ams());
    ASSERT_TRUE(autumn.has_value());
    EXPECT_EQ(format_local_iso(autumn->first, ams()), "2026-10-19T00:00:00+02:00");
    EXPECT_EQ(format_local_iso(autumn->second, ams()), "2026-10-26T00:00:00+01:00");
    EXPECT_EQ(autumn->second - autumn->first, hours{169});
    // Every instant of a week maps back to that week.
    EXPECT_EQ(iso_week_of(spring->first, ams()), (IsoWeek{2026, 13}));
    EXPECT_EQ(iso_week_of(spring->second - std::chrono::milliseconds{1}, ams()),
              (IsoWeek{2026, 13}));
    EXPECT_EQ(iso_week_of(spring->second, ams()), (IsoWeek{2026, 14}));
}

TEST(IsoWeeks, ParseAndFormat) {
    EXPECT_EQ(parse_iso_week("2026-W49"), (IsoWeek{2026, 49}));
    EXPECT_EQ(parse_iso_week("2026-w49"), (IsoWeek{2026, 49}));
    EXPECT_EQ(parse_iso_week("2026W49"), (IsoWeek{2026, 49}));
    EXPECT_EQ(parse_iso_week(" 2026-W49 "), (IsoWeek{2026, 49}));
    EXPECT_EQ(parse_iso_week("2026-W9"), (IsoWeek{2026, 9}));
    EXPECT_EQ(parse_iso_week("2026-W53"), (IsoWeek{2026, 53}));
    for (const char* bad : {"", "2025-W53", "2026-W00", "2026-W54", "26-W49", "2026-W499",
                            "2026-49", "2026-W", "2026-Wx1", "W49", "2026--W49", "2026-W49x"}) {
        EXPECT_FALSE(parse_iso_week(bad).has_value()) << bad;
    }
    EXPECT_EQ(format_iso_week({2026, 9}), "2026-W09");
    EXPECT_EQ(format_iso_week({2026, 53}), "2026-W53");
    EXPECT_EQ(parse_iso_week(format_iso_week({2027, 1})), (IsoWeek{2027, 1}));
    EXPECT_EQ(iso_week_monday({2026, 49}), date::local_days{date::year{2026} / 11 / 30});
}

}  // namespace
