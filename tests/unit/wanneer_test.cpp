// Tests of the <wanneer> parser (lib/wanneer/wanneer.hpp): every accepted form, the DST
// edges of 2026 in Europe/Amsterdam, refusals with their fragments, and the prefix split used by
// "!casus nieuw <wanneer> <titel>". `now` is always injected.

#include "lib/wanneer/wanneer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <variant>

namespace {

using namespace dialoog::wanneer;
using std::chrono::minutes;

const date::time_zone* ams() {
    static const date::time_zone* const tz = find_time_zone("Europe/Amsterdam");
    return tz;
}

// --now style: local time in Amsterdam unless an offset is given.
UtcMs at(std::string_view s, const date::time_zone* tz = ams()) {
    auto t = parse_now_argument(s, tz);
    EXPECT_TRUE(t.has_value()) << s;
    return t.value_or(UtcMs{});
}

// Friday 27 March 2026, 10:00 local (+01:00): two days before the spring DST change.
const char* const kNow = "2026-03-27T10:00";

std::string describe(const WanneerResult& r) {
    if (auto* ok = std::get_if<WanneerOk>(&r)) {
        return "ok " + ok->local_iso + " consumed=" + std::to_string(ok->consumed_bytes);
    }
    const auto& f = std::get<WanneerFail>(r);
    return std::string(error_code_name(f.code)) + " '" + f.fragment + "'";
}

// Full parse; returns local ISO or "<error_name> '<fragment>'".
std::string parse(std::string_view text, const char* now = kNow, WanneerOptions opt = {},
                  const date::time_zone* tz = ams()) {
    auto r = parse_wanneer(text, tz, at(now, tz), opt);
    if (auto* ok = std::get_if<WanneerOk>(&r)) {
        EXPECT_EQ(ok->consumed_bytes, text.size()) << text;
        EXPECT_EQ(ok->local_iso, format_local_iso(ok->instant, tz));
        return ok->local_iso;
    }
    const auto& f = std::get<WanneerFail>(r);
    return std::string(error_code_name(f.code)) + " '" + f.fragment + "'";
}

TEST(Wanneer, MorgenAtTwoIsNextDayLocal) {
    auto r = parse_wanneer("morgen 14:00", ams(), at("2026-03-27T10:00"));
    ASSERT_TRUE(std::holds_alternative<WanneerOk>(r)) << describe(r);
    const auto& ok = std::get<WanneerOk>(r);
    EXPECT_EQ(ok.local_iso, "2026-03-28T14:00:00+01:00");
    EXPECT_EQ(format_utc_iso(ok.instant), "2026-03-28T13:00:00Z");
    EXPECT_EQ(ok.consumed_bytes, 12u);
}

struct Case {
    const char* input;
    const char* expected;  // local ISO, or "<error> '<fragment>'"
};

void run_cases(const std::vector<Case>& cases, const char* now = kNow, WanneerOptions opt = {}) {
    for (const auto& c : cases) {
        EXPECT_EQ(parse(c.input, now, opt), c.expected) << "input: " << c.input;
    }
}

TEST(Wanneer, IssueForms) {
    run_cases({
        {"2026-12-03 14:00", "2026-12-03T14:00:00+01:00"},
        {"3-12 14:00", "2026-12-03T14:00:00+01:00"},
        {"3 dec 14:00", "2026-12-03T14:00:00+01:00"},
        {"3 december om 14:00", "2026-12-03T14:00:00+01:00"},
        {"morgen 14:00", "2026-03-28T14:00:00+01:00"},
        {"overmorgen 9:30", "2026-03-29T09:30:00+02:00"},  // after the spring change
        {"dinsdag 14:00", "2026-03-31T14:00:00+02:00"},
        {"over 10 minuten", "2026-03-27T10:10:00+01:00"},
        {"in 2 hours", "2026-03-27T12:00:00+01:00"},
        {"tomorrow 2pm", "2026-03-28T14:00:00+01:00"},
    });
}

TEST(Wanneer, TimeVariants) {
    run_cases({
        {"14.00", "2026-03-27T14:00:00+01:00"},  // a time alone: today if still ahead
        {"14u", "2026-03-27T14:00:00+01:00"},
        {"14u30", "2026-03-27T14:30:00+01:00"},
        {"14h", "2026-03-27T14:00:00+01:00"},
        {"14h30", "2026-03-27T14:30:00+01:00"},
        {"14 uur", "2026-03-27T14:00:00+01:00"},
        {"om 14:00", "2026-03-27T14:00:00+01:00"},
        {"at 2pm", "2026-03-27T14:00:00+01:00"},
        {"@ 14:00", "2026-03-27T14:00:00+01:00"},
        {"9:30", "2026-03-28T09:30:00+01:00"},   // already past today: tomorrow
        {"10:00", "2026-03-28T10:00:00+01:00"},  // == now is not ahead
        {"10:01", "2026-03-27T10:01:00+01:00"},
        {"morgen 14:00:30", "2026-03-28T14:00:30+01:00"},
        {"morgen 2 pm", "2026-03-28T14:00:00+01:00"},
        {"morgen 2:30pm", "2026-03-28T14:30:00+01:00"},
        {"morgen 2:30 p.m.", "2026-03-28T14:30:00+01:00"},
        {"morgen 9 a.m.", "2026-03-28T09:00:00+01:00"},
        {"morgen 12pm", "2026-03-28T12:00:00+01:00"},
        {"morgen 12am", "2026-03-28T00:00:00+01:00"},
        {"morgen 10am", "2026-03-28T10:00:00+01:00"},
        {"morgen 14:00 uur", "2026-03-28T14:00:00+01:00"},
        {"morgen 14:00u", "2026-03-28T14:00:00+01:00"},
        {"morgen 3 uur 's middags", "2026-03-28T15:00:00+01:00"},
        {"morgen 8 uur 's avonds", "2026-03-28T20:00:00+01:00"},
        {"morgen 9 uur 's ochtends", "2026-03-28T09:00:00+01:00"},
        {"morgen 12 uur 's middags", "2026-03-28T12:00:00+01:00"},
        {"morgen 11 uur 's nachts", "2026-03-28T23:00:00+01:00"},
        {"morgen 3 uur \xE2\x80\x99s middags", "2026-03-28T15:00:00+01:00"},
        {"morgen 09:05", "2026-03-28T09:05:00+01:00"},
        {"morgen 0:00", "2026-03-28T00:00:00+01:00"},
        {"morgen 23:59", "2026-03-28T23:59:00+01:00"},
    });
}

TEST(Wanneer, DateVariants) {
    run_cases({
        {"vandaag 16:00", "2026-03-27T16:00:00+01:00"},
        {"today 4pm", "2026-03-27T16:00:00+01:00"},
        {"3/12 14:00", "2026-12-03T14:00:00+01:00"},
        {"3-12-2026 14:00", "2026-12-03T14:00:00+01:00"},
        {"3/12/2026 14:00", "2026-12-03T14:00:00+01:00"},
        {"3.12.2026 14:00", "2026-12-03T14:00:00+01:00"},
        {"03-12-2026 14:00", "2026-12-03T14:00:00+01:00"},
        {"2026-12-03T14:00", "2026-12-03T14:00:00+01:00"},
        {"2026/12/03 14:00", "2026-12-03T14:00:00+01:00"},
        {"3 dec 2026 14:00", "2026-12-03T14:00:00+01:00"},
        {"3 dec. 14:00", "2026-12-03T14:00:00+01:00"},
        {"3e december 14u", "2026-12-03T14:00:00+01:00"},
        {"3 december 2026 om 14:00", "2026-12-03T14:00:00+01:00"},
        {"op 3 december om 14:00", "2026-12-03T14:00:00+01:00"},
        {"3 december, 14:00", "2026-12-03T14:00:00+01:00"},
        {"December 3 2pm", "2026-12-03T14:00:00+01:00"},
        {"dec 3, 2026 at 2pm", "2026-12-03T14:00:00+01:00"},
        {"on December 3rd at 2:30 pm", "2026-12-03T14:30:00+01:00"},
        {"3rd of December 2pm", "2026-12-03T14:00:00+01:00"},
        {"1 mei 10:00", "2026-05-01T10:00:00+02:00"},
        {"1 may 10:00", "2026-05-01T10:00:00+02:00"},
        {"15 mrt 10:00", "2027-03-15T10:00:00+01:00"},  // no year and past: next year
        {"15 march 10:00", "2027-03-15T10:00:00+01:00"},
        {"27 maart 11:00", "2026-03-27T11:00:00+01:00"},  // today, still ahead
        {"27 maart 9:00", "2027-03-27T09:00:00+01:00"},   // today, gone: next year
        {"1 okt 9:00", "2026-10-01T09:00:00+02:00"},
        {"1 oct 9:00", "2026-10-01T09:00:00+02:00"},
        {"donderdag 3 december 14:00", "2026-12-03T14:00:00+01:00"},
        {"do 3 dec 14:00", "2026-12-03T14:00:00+01:00"},
        {"Thursday, December 3, 2026 2pm", "2026-12-03T14:00:00+01:00"},
        {"14:00 3 dec", "2026-12-03T14:00:00+01:00"},
        {"14:00 op 3 dec", "2026-12-03T14:00:00+01:00"},
        {"14:00 morgen", "2026-03-28T14:00:00+01:00"},
        {"om 14:00 morgen", "2026-03-28T14:00:00+01:00"},
        {"2pm tomorrow", "2026-03-28T14:00:00+01:00"},
        {"day after tomorrow 9:30", "2026-03-29T09:30:00+02:00"},
        {"the day after tomorrow at 9:30", "2026-03-29T09:30:00+02:00"},
        {"tomorrow at 2pm", "2026-03-28T14:00:00+01:00"},
        {"morgen om 14:00", "2026-03-28T14:00:00+01:00"},
        {"Morgen 14:00", "2026-03-28T14:00:00+01:00"},
        {"MORGEN 14:00", "2026-03-28T14:00:00+01:00"},
        {"  morgen   14:00  ", "2026-03-28T14:00:00+01:00"},
        {"3\xC2\xA0"
         "dec\xC2\xA0"
         "14:00",
         "2026-12-03T14:00:00+01:00"},  // no-break spaces
        {"morgen 14:00.", "2026-03-28T14:00:00+01:00"},
    });
}

TEST(Wanneer, Weekdays) {
    // now: Friday 2026-03-27 10:00
    run_cases({
        {"dinsdag 14:00", "2026-03-31T14:00:00+02:00"},
        {"di 14:00", "2026-03-31T14:00:00+02:00"},
        {"di. 14:00", "2026-03-31T14:00:00+02:00"},
        {"tuesday 2pm", "2026-03-31T14:00:00+02:00"},
        {"tue 14:00", "2026-03-31T14:00:00+02:00"},
        {"next tuesday 10am", "2026-03-31T10:00:00+02:00"},
        {"volgende dinsdag 10:00", "2026-03-31T10:00:00+02:00"},
        {"aanstaande dinsdag 10:00", "2026-03-31T10:00:00+02:00"},
        {"op dinsdag om 10:00", "2026-03-31T10:00:00+02:00"},
        {"vrijdag 11:00", "2026-03-27T11:00:00+01:00"},  // today, still ahead
        {"vrijdag 9:00", "2026-04-03T09:00:00+02:00"},   // today, gone: a week on
        {"vrijdag 10:00", "2026-04-03T10:00:00+02:00"},  // == now is not ahead
        {"zaterdag 9:00", "2026-03-28T09:00:00+01:00"},
        {"zondag 9:00", "2026-03-29T09:00:00+02:00"},
        {"maandag 9:00", "2026-03-30T09:00:00+02:00"},
        {"woensdag 9:00", "2026-04-01T09:00:00+02:00"},
        {"donderdag 9:00", "2026-04-02T09:00:00+02:00"},
        {"ma 9:00", "2026-03-30T09:00:00+02:00"},
        {"wo 9:00", "2026-04-01T09:00:00+02:00"},
        {"do 9:00", "2026-04-02T09:00:00+02:00"},
        {"vr 9:00", "2026-04-03T09:00:00+02:00"},
        {"za 9:00", "2026-03-28T09:00:00+01:00"},
        {"zo 9:00", "2026-03-29T09:00:00+02:00"},
        {"sunday 9am", "2026-03-29T09:00:00+02:00"},
        {"volgende week dinsdag 10:00", "2026-03-31T10:00:00+02:00"},
        {"volgende week vrijdag 9:00", "2026-04-03T09:00:00+02:00"},
        {"next week monday 9am", "2026-03-30T09:00:00+02:00"},
        {"14:00 dinsdag", "2026-03-31T14:00:00+02:00"},
        {"14:00 op di", "2026-03-31T14:00:00+02:00"},
    });
    // On a Monday, "volgende week dinsdag" skips tomorrow.
    EXPECT_EQ(parse("volgende week dinsdag 10:00", "2026-03-30T08:00"),
              "2026-04-07T10:00:00+02:00");
    EXPECT_EQ(parse("dinsdag 10:00", "2026-03-30T08:00"), "2026-03-31T10:00:00+02:00");
}

TEST(Wanneer, Relative) {
    run_cases({
        {"over 10 minuten", "2026-03-27T10:10:00+01:00"},
        {"over 1 minuut", "2026-03-27T10:01:00+01:00"},
        {"over een minuut", "2026-03-27T10:01:00+01:00"},
        {"over een uur", "2026-03-27T11:00:00+01:00"},
        {"over één uur", "2026-03-27T11:00:00+01:00"},
        {"over twee uur", "2026-03-27T12:00:00+01:00"},
        {"over 3 uren", "2026-03-27T13:00:00+01:00"},
        {"over 2u", "2026-03-27T12:00:00+01:00"},
        {"in 2 hours", "2026-03-27T12:00:00+01:00"},
        {"in an hour", "2026-03-27T11:00:00+01:00"},
        {"in 30 min", "2026-03-27T10:30:00+01:00"},
        {"in 30 min.", "2026-03-27T10:30:00+01:00"},
        {"in 10m", "2026-03-27T10:10:00+01:00"},
        {"in 5 minutes", "2026-03-27T10:05:00+01:00"},
        {"over een half uur", "2026-03-27T10:30:00+01:00"},
        {"over half uur", "2026-03-27T10:30:00+01:00"},
        {"in half an hour", "2026-03-27T10:30:00+01:00"},
        {"over anderhalf uur", "2026-03-27T11:30:00+01:00"},
        {"over een kwartier", "2026-03-27T10:15:00+01:00"},
        {"over 1 uur en 30 minuten", "2026-03-27T11:30:00+01:00"},
        {"in 1 hour and 30 minutes", "2026-03-27T11:30:00+01:00"},
        {"over 2 uur 15 min", "2026-03-27T12:15:00+01:00"},
        {"in 1h30m", "2026-03-27T11:30:00+01:00"},
        // Days, weeks and months keep the wall-clock time across the DST change.
        {"over 2 dagen", "2026-03-29T10:00:00+02:00"},
        {"over 1 dag", "2026-03-28T10:00:00+01:00"},
        {"in 3 days", "2026-03-30T10:00:00+02:00"},
        {"over een week", "2026-04-03T10:00:00+02:00"},
        {"over 2 weken", "2026-04-10T10:00:00+02:00"},
        {"over een maand", "2026-04-27T10:00:00+02:00"},
        {"over 2 dagen om 9:00", "2026-03-29T09:00:00+02:00"},
        {"in 2 days at 9am", "2026-03-29T09:00:00+02:00"},
        {"over een week 14:00", "2026-04-03T14:00:00+02:00"},
    });
    // Exact durations across the spring change: 01:30+01:00 plus 2 h is 04:30+02:00.
    EXPECT_EQ(parse("over 2 uur", "2026-03-29T01:30"), "2026-03-29T04:30:00+02:00");
    // A month on from 31 January is the last day of February.
    EXPECT_EQ(parse("over een maand", "2026-01-31T10:00"), "2026-02-28T10:00:00+01:00");
    // A day on lands in the spring gap: moved forward by the gap.
    EXPECT_EQ(parse("over 1 dag", "2026-03-28T02:30"), "2026-03-29T03:30:00+02:00");
    // Seconds of `now` are kept by exact durations.
    auto r = parse_wanneer("over 10 minuten", ams(), at("2026-03-27T10:00:42.500"));
    ASSERT_TRUE(std::holds_alternative<WanneerOk>(r));
    EXPECT_EQ(format_utc_iso(std::get<WanneerOk>(r).instant), "2026-03-27T09:10:42Z");
}

TEST(Wanneer, DefaultTime) {
    WanneerOptions opt;
    opt.default_time = minutes{9 * 60};
    run_cases(
        {
            {"morgen", "2026-03-28T09:00:00+01:00"},
            {"3 dec", "2026-12-03T09:00:00+01:00"},
            {"2026-12-03", "2026-12-03T09:00:00+01:00"},
            {"dinsdag", "2026-03-31T09:00:00+02:00"},
            {"vrijdag", "2026-04-03T09:00:00+02:00"},  // today's 09:00 is gone
            {"vandaag", "in_past 'vandaag'"},
            {"morgen 14:00", "2026-03-28T14:00:00+01:00"},  // a typed time wins
        },
        kNow, opt);
    // Without a default a date alone is refused: "geef ook een tijd".
    run_cases({
        {"morgen", "missing_time 'morgen'"},
        {"3 dec", "missing_time '3 dec'"},
        {"op dinsdag", "missing_time 'dinsdag'"},
        {"2026-12-03", "missing_time '2026-12-03'"},
    });
}

TEST(Wanneer, InvalidTimes) {
    run_cases({
        {"24:60", "invalid_time '24:60'"},
        {"24:00", "invalid_time '24:00'"},
        {"morgen 25:00", "invalid_time '25:00'"},
        {"morgen 14:60", "invalid_time '14:60'"},
        {"morgen 14:00:60", "invalid_time '14:00:60'"},
        {"morgen 13pm", "invalid_time '13pm'"},
        {"morgen 0am", "invalid_time '0am'"},
        {"morgen 99u", "invalid_time '99u'"},
        {"morgen 14 uur 's middags", "invalid_time '14 uur 's middags'"},
        {"3 dec 24:00", "invalid_time '24:00'"},
    });
}

TEST(Wanneer, InvalidDates) {
    run_cases({
        {"31-02 10:00", "invalid_date '31-02'"},
        {"30 feb 10:00", "invalid_date '30 feb'"},
        {"31-04-2026 10:00", "invalid_date '31-04-2026'"},
        {"29-02-2026 10:00", "invalid_date '29-02-2026'"},  // 2026 is no leap year
        {"29-02 10:00", "invalid_date '29-02'"},  // its next occurrence, Feb 2027, lacks it
        {"32-01 10:00", "invalid_date '32-01'"},
        {"0-01 10:00", "invalid_date '0-01'"},
        {"3-13 10:00", "invalid_date '3-13'"},
        {"2026-13-01 10:00", "invalid_date '2026-13-01'"},
        {"2026-00-10 10:00", "invalid_date '2026-00-10'"},
        {"di 3 dec 14:00", "invalid_date 'di 3 dec'"},  // 3 Dec 2026 is a Thursday
    });
    // 29 February exists in a leap year, also as a year-less next occurrence.
    EXPECT_EQ(parse("29-02-2028 10:00", "2027-06-01T10:00"), "2028-02-29T10:00:00+01:00");
    EXPECT_EQ(parse("29 feb 10:00", "2027-06-01T10:00"), "2028-02-29T10:00:00+01:00");
}

TEST(Wanneer, PastAndTooFar) {
    run_cases({
        {"vandaag 9:00", "in_past 'vandaag 9:00'"},
        {"2026-03-27 10:00", "in_past '2026-03-27 10:00'"},  // == now
        {"26-03-2026 14:00", "in_past '26-03-2026 14:00'"},
        {"3 dec 2025 14:00", "in_past '3 dec 2025 14:00'"},
        {"over 0 minuten", "in_past 'over 0 minuten'"},
        {"3 dec 2029 10:00", "too_far '3 dec 2029 10:00'"},
        {"27-03-2028 10:00", "2028-03-27T10:00:00+02:00"},  // exactly 2 years: allowed
        {"27-03-2028 10:01", "too_far '27-03-2028 10:01'"},
        {"over 800 dagen", "too_far 'over 800 dagen'"},
        {"over 200 weken", "too_far 'over 200 weken'"},
        {"over 25 maanden", "too_far 'over 25 maanden'"},
        {"over 100000 uur", "too_far 'over 100000 uur'"},
        {"in 99999999999999999999999 minutes", "too_far 'in 99999999999999999999999 minutes'"},
        {"over 99999999999 maanden", "too_far 'over 99999999999 maanden'"},
    });
    WanneerOptions one_year;
    one_year.max_years_ahead = 1;
    EXPECT_EQ(parse("3 dec 2027 10:00", kNow, one_year), "too_far '3 dec 2027 10:00'");
}

TEST(Wanneer, YearlessRollsOverAtYearEnd) {
    const char* now = "2026-12-20T10:00";
    EXPECT_EQ(parse("3 jan 10:00", now), "2027-01-03T10:00:00+01:00");
    EXPECT_EQ(parse("3-1 10:00", now), "2027-01-03T10:00:00+01:00");
    EXPECT_EQ(parse("20 dec 9:00", now), "2027-12-20T09:00:00+01:00");
    EXPECT_EQ(parse("31 dec 23:59", now), "2026-12-31T23:59:00+01:00");
    EXPECT_EQ(parse("vrijdag 10:00", "2026-12-31T12:00"), "2027-01-01T10:00:00+01:00");
}

TEST(Wanneer, SpringForwardGap) {
    // 2026-03-29: 02:00 -> 03:00 in Europe/Amsterdam; 02:xx does not exist.
    run_cases({
        {"29 maart 02:30", "nonexistent_local_time '29 maart 02:30'"},
        {"2026-03-29 02:30", "nonexistent_local_time '2026-03-29 02:30'"},
        {"zondag 02:30", "nonexistent_local_time 'zondag 02:30'"},
        {"overmorgen 2:00", "nonexistent_local_time 'overmorgen 2:00'"},
        {"29 maart 01:59", "2026-03-29T01:59:00+01:00"},
        {"29 maart 03:00", "2026-03-29T03:00:00+02:00"},
    });
    auto r = parse_wanneer("29 maart 03:00", ams(), at(kNow));
    ASSERT_TRUE(std::holds_alternative<WanneerOk>(r));
    EXPECT_EQ(format_utc_iso(std::get<WanneerOk>(r).instant), "2026-03-29T01:00:00Z");
}

TEST(Wanneer, AutumnRepeatedHourTakesEarlier) {
    // 2026-10-25: 03:00 -> 02:00; 02:30 happens at 00:30Z and at 01:30Z. Earlier wins.
    auto r = parse_wanneer("25 okt 02:30", ams(), at(kNow));
    ASSERT_TRUE(std::holds_alternative<WanneerOk>(r)) << describe(r);
    EXPECT_EQ(format_utc_iso(std::get<WanneerOk>(r).instant), "2026-10-25T00:30:00Z");
    EXPECT_EQ(std::get<WanneerOk>(r).local_iso, "2026-10-25T02:30:00+02:00");
    EXPECT_EQ(parse("2026-10-25 02:00"), "2026-10-25T02:00:00+02:00");
    EXPECT_EQ(parse("2026-10-25 03:00"), "2026-10-25T03:00:00+01:00");
    EXPECT_EQ(parse("2026-10-25 01:59"), "2026-10-25T01:59:00+02:00");
    // "zondag 02:30" the evening before: still the earlier instant.
    EXPECT_EQ(parse("zondag 02:30", "2026-10-24T22:00"), "2026-10-25T02:30:00+02:00");
    // Between the two 02:30s, the earlier is past: refused, not silently the later one.
    EXPECT_EQ(parse("vandaag 02:30", "2026-10-25T01:00Z"), "in_past 'vandaag 02:30'");
}

TEST(Wanneer, EmptyAndUnrecognised) {
    run_cases({
        {"", "empty ''"},
        {"   ", "empty ''"},
        {"\xC2\xA0", "empty ''"},
        {"blah", "unrecognised 'blah'"},
        {"morgen 14:00 Casus", "unrecognised 'Casus'"},
        {"morgen 14:00 Casus x", "unrecognised 'Casus x'"},
        {"blah x", "unrecognised 'blah x'"},
        {"morgen om", "unrecognised 'om'"},
        {"14", "unrecognised '14'"},
        {"morgen 14", "unrecognised '14'"},
        {"morgen 14:5", "unrecognised '14:5'"},
        {"140:00", "unrecognised '140:00'"},
        {"3-12-20 14:00", "unrecognised '3-12-20 14:00'"},
        {"over 3 jaar", "unrecognised 'over 3 jaar'"},
        {"3.12 14:00", "unrecognised '14:00'"},  // "3.12" reads as 3:12; D.M needs a year
        {"14:00 zo", "unrecognised 'zo'"},       // "zo" right after a time is a word, not Sunday
    });
}

TEST(Wanneer, OtherZones) {
    const auto* ny = find_time_zone("America/New_York");
    ASSERT_NE(ny, nullptr);
    auto r = parse_wanneer("morgen 14:00", ny, at("2026-03-27T10:00", ny));
    ASSERT_TRUE(std::holds_alternative<WanneerOk>(r));
    EXPECT_EQ(std::get<WanneerOk>(r).local_iso, "2026-03-28T14:00:00-04:00");
    EXPECT_EQ(format_utc_iso(std::get<WanneerOk>(r).instant), "2026-03-28T18:00:00Z");

    const auto* kolkata = find_time_zone("Asia/Kolkata");
    ASSERT_NE(kolkata, nullptr);
    r = parse_wanneer("3 dec 14:00", kolkata, at("2026-03-27T10:00", kolkata));
    ASSERT_TRUE(std::holds_alternative<WanneerOk>(r));
    EXPECT_EQ(std::get<WanneerOk>(r).local_iso, "2026-12-03T14:00:00+05:30");

    // A null zone is UTC.
    r = parse_wanneer("morgen 14:00", nullptr, at("2026-03-27T10:00Z"));
    ASSERT_TRUE(std::holds_alternative<WanneerOk>(r));
    EXPECT_EQ(std::get<WanneerOk>(r).local_iso, "2026-03-28T14:00:00+00:00");

    // "Today" is the team's today: 23:30Z on the 27th is already the 28th in Amsterdam.
    EXPECT_EQ(parse("vandaag 14:00", "2026-03-27T23:30Z"), "2026-03-28T14:00:00+01:00");
}

struct PrefixCase {
    const char* input;
    const char* expected;  // local ISO or error
    const char* rest;
};

// ---- times as people say them, parts of the day, the past ----
// Expected instants come from date/tz (a local wall-clock time in Amsterdam), not from the parser.

// The instant of local wall-clock time y-mo-d h:mi in Europe/Amsterdam (repeated hour: earlier).
UtcMs ams_local(int y, unsigned mo, unsigned d, int h, int mi) {
    const auto local = date::local_days{date::year{y} / date::month{mo} / date::day{d}} +
                       std::chrono::hours{h} + minutes{mi};
    return date::make_zoned(ams(), local, date::choose::earliest).get_sys_time();
}

// Friday 27 March 2026, 10:00 in Amsterdam: the same moment as kNow.
UtcMs friday_ten() {
    return ams_local(2026, 3, 27, 10, 0);
}

// The instant of a full parse, or a failure description that never equals an instant.
std::variant<UtcMs, std::string> instant_of(std::string_view text, UtcMs now,
                                            WanneerOptions opt = {}) {
    auto r = parse_wanneer(text, ams(), now, opt);
    if (auto* ok = std::get_if<WanneerOk>(&r)) return ok->instant;
    return describe(r);
}

struct InstantCase {
    const char* input;
    UtcMs expected;
};

void run_instants(const std::vector<InstantCase>& cases, UtcMs now, WanneerOptions opt = {}) {
    for (const auto& c : cases) {
        EXPECT_EQ(instant_of(c.input, now, opt), (std::variant<UtcMs, std::string>{c.expected}))
            << "input: " << c.input << " -> " << describe(parse_wanneer(c.input, ams(), now, opt));
    }
}

TEST(WanneerSpoken, DonderdagOmHalfDrieIsUnderstood) {
    // Once answered "Bij `donderdag` mis ik nog een tijd": "half drie" is 14:30.
    EXPECT_EQ(instant_of("donderdag om half drie", friday_ten()),
              (std::variant<UtcMs, std::string>{ams_local(2026, 4, 2, 14, 30)}));
}

TEST(WanneerSpoken, DutchClockTimes) {
    const UtcMs now = friday_ten();
    auto sat = [](int h, int mi) { return ams_local(2026, 3, 28, h, mi); };
    run_instants(
        {
            {"morgen om half drie", sat(14, 30)},  // half an hour before three
            {"morgen half 3", sat(14, 30)},
            {"morgen kwart over twee", sat(14, 15)},
            {"morgen kwart over 2", sat(14, 15)},
            {"morgen kwart voor vier", sat(15, 45)},
            {"morgen tien over half drie", sat(14, 40)},
            {"morgen vijf voor half drie", sat(14, 25)},
            {"morgen 10 over half 3", sat(14, 40)},
            {"morgen tien over twee", sat(14, 10)},
            {"morgen twintig voor vier", sat(15, 40)},
            {"morgen 5 voor 4", sat(15, 55)},
            {"morgen drie uur", sat(15, 0)},
            {"morgen om drie uur", sat(15, 0)},
            {"morgen om twaalf uur", sat(12, 0)},
            {"morgen om kwart over tien", sat(10, 15)},
            {"morgen om drie", sat(15, 0)},  // after "om" the hour alone will do
            {"om tien morgen", sat(10, 0)},
            {"morgen half een", sat(12, 30)},  // half an hour before one: 12:30
            {"morgen vijf voor twaalf", sat(11, 55)},
            {"morgen kwart voor een", sat(12, 45)},
            {"morgen om een uur", sat(13, 0)},
            {"Morgen om Half Drie", sat(14, 30)},
            {"half drie morgen", sat(14, 30)},
            {"om drie uur op donderdag", ams_local(2026, 4, 2, 15, 0)},
            // A day part typed after the time decides.
            {"morgen om half drie 's nachts", sat(2, 30)},
            {"morgen half acht 's avonds", sat(19, 30)},
            {"morgen om tien uur 's ochtends", sat(10, 0)},
            {"morgen om half 3 pm", sat(14, 30)},
            // A time alone: today if still ahead, else tomorrow.
            {"half drie", ams_local(2026, 3, 27, 14, 30)},
            {"om drie uur", ams_local(2026, 3, 27, 15, 0)},
            {"om half tien", sat(9, 30)},
            {"om een uur", ams_local(2026, 3, 27, 13, 0)},
        },
        now);
}

TEST(WanneerSpoken, WorkdayRuleEdges) {
    // A spoken hour without a day part: 1:00-6:59 is the afternoon, 7:00-12:59 the morning
    // and noon, so it always lands between 07:00 and 18:59.
    const UtcMs now = friday_ten();
    auto sat = [](int h, int mi) { return ams_local(2026, 3, 28, h, mi); };
    run_instants(
        {
            {"morgen om een uur", sat(13, 0)},
            {"morgen om half twee", sat(13, 30)},
            {"morgen om zes uur", sat(18, 0)},
            {"morgen om half zeven", sat(18, 30)},
            {"morgen vijf voor zeven", sat(18, 55)},
            {"morgen om zeven uur", sat(7, 0)},
            {"morgen om half acht", sat(7, 30)},
            {"morgen om elf uur", sat(11, 0)},
            {"morgen om half een", sat(12, 30)},
            {"morgen om twaalf uur", sat(12, 0)},
            {"morgen om vijf over twaalf", sat(12, 5)},
        },
        now);
    // Digits with "uur" stay on the 24-hour clock, as before: "3 uur" is 03:00.
    EXPECT_EQ(parse("morgen 3 uur"), "2026-03-28T03:00:00+01:00");
    EXPECT_EQ(parse("morgen 15 uur"), "2026-03-28T15:00:00+01:00");
}

TEST(WanneerSpoken, EnglishClockTimes) {
    const UtcMs now = friday_ten();
    auto sat = [](int h, int mi) { return ams_local(2026, 3, 28, h, mi); };
    run_instants(
        {
            {"tomorrow at half past two", sat(14, 30)},
            {"tomorrow quarter past two", sat(14, 15)},
            {"tomorrow at a quarter to four", sat(15, 45)},
            {"tomorrow ten past two", sat(14, 10)},
            {"tomorrow twenty to four", sat(15, 40)},
            {"tomorrow at three o'clock", sat(15, 0)},
            {"tomorrow at three o\xE2\x80\x99"
             "clock",
             sat(15, 0)},
            {"tomorrow at eight o'clock", sat(8, 0)},
            {"half past two tomorrow", sat(14, 30)},
            {"tomorrow at half past seven pm", sat(19, 30)},
        },
        now);
}

TEST(WanneerSpoken, Refusals) {
    run_cases({
        // British "half two" is 2:30, Dutch "half twee" 1:30: too easily misread, so refused.
        {"morgen half two", "unrecognised 'half two'"},
        // "een uur" alone is rather a duration ("duurt een uur"); "om een uur" is a time.
        {"een uur", "unrecognised 'een uur'"},
        {"morgen kwart over half drie", "unrecognised 'kwart over half drie'"},
        {"morgen half dertien", "unrecognised 'half dertien'"},
        {"morgen half 13", "unrecognised 'half 13'"},
        {"drie", "unrecognised 'drie'"},
        {"morgen drie", "unrecognised 'drie'"},
        {"morgen om 3", "unrecognised 'om 3'"},  // digits need a form: 3:00, 15 uur, 3pm
    });
    EXPECT_EQ(parse("morgen om een uur"), "2026-03-28T13:00:00+01:00");
    EXPECT_EQ(parse("over een uur"), "2026-03-27T11:00:00+01:00");
}

TEST(WanneerSpoken, PartsOfTheDay) {
    const UtcMs now = friday_ten();
    auto fri = [](int h, int mi) { return ams_local(2026, 3, 27, h, mi); };
    auto sat = [](int h, int mi) { return ams_local(2026, 3, 28, h, mi); };
    auto thu = [](int h, int mi) { return ams_local(2026, 4, 2, h, mi); };
    run_instants(
        {
            // Without a time: ochtend 09:00, middag 14:00, eind van de middag 17:00, avond 19:00.
            {"morgenochtend", sat(9, 0)},
            {"morgenmiddag", sat(14, 0)},
            {"morgenavond", sat(19, 0)},
            {"vanmiddag", fri(14, 0)},
            {"vanavond", fri(19, 0)},
            {"eind van de middag", fri(17, 0)},
            {"aan het eind van de middag", fri(17, 0)},
            {"morgen eind van de middag", sat(17, 0)},
            {"donderdag aan het einde van de middag", thu(17, 0)},
            {"donderdagmiddag", thu(14, 0)},
            {"Donderdagmiddag", thu(14, 0)},
            {"vrijdagavond", fri(19, 0)},  // today, still ahead
            {"maandagochtend 9:30", ams_local(2026, 3, 30, 9, 30)},
            {"morgen middag", sat(14, 0)},
            {"donderdag middag", thu(14, 0)},
            {"overmorgenochtend", ams_local(2026, 3, 29, 9, 0)},
            // With a time: a 12-hour time is read in that part of the day.
            {"donderdag om half drie", thu(14, 30)},
            {"morgen om kwart over tien", sat(10, 15)},
            {"vanmiddag om drie uur", fri(15, 0)},
            {"vanmiddag om half twee", fri(13, 30)},
            {"vanavond om acht uur", fri(20, 0)},
            {"vanavond om half zeven", fri(18, 30)},
            {"vanavond 8:00", fri(20, 0)},
            {"vanavond 20:00", fri(20, 0)},
            {"vanmiddag 12:30", fri(12, 30)},
            {"vanmorgen 11:00", fri(11, 0)},
            {"morgenochtend om half negen", sat(8, 30)},
            {"morgenochtend om half zeven", sat(6, 30)},
            {"morgenavond om 9 uur", sat(21, 0)},
            {"morgenavond 10pm", sat(22, 0)},
            {"om half drie vanmiddag", fri(14, 30)},
            // English.
            {"tomorrow afternoon", sat(14, 0)},
            {"tomorrow morning", sat(9, 0)},
            {"tomorrow evening", sat(19, 0)},
            {"tomorrow night", sat(19, 0)},
            {"this afternoon", fri(14, 0)},
            {"this evening", fri(19, 0)},
            {"tonight", fri(19, 0)},
            {"tonight at eight", fri(20, 0)},
            {"end of the afternoon", fri(17, 0)},
            {"thursday afternoon", thu(14, 0)},
            {"tomorrow morning at half past eight", sat(8, 30)},
        },
        now);
    // A part of the day gives the time even where a date alone would get the default time.
    WanneerOptions nine;
    nine.default_time = minutes{9 * 60};
    run_instants({{"vanmiddag", fri(14, 0)}, {"morgen", sat(9, 0)}}, now, nine);
}

TEST(WanneerSpoken, RelativeForms) {
    const UtcMs now = friday_ten();
    auto wed = [](int h, int mi) { return ams_local(2026, 4, 1, h, mi); };
    run_instants(
        {
            {"over een uur", ams_local(2026, 3, 27, 11, 0)},
            {"over twee uur", ams_local(2026, 3, 27, 12, 0)},
            {"over een half uur", ams_local(2026, 3, 27, 10, 30)},
            {"over 30 minuten", ams_local(2026, 3, 27, 10, 30)},
            {"over een kwartier", ams_local(2026, 3, 27, 10, 15)},
            {"in an hour", ams_local(2026, 3, 27, 11, 0)},
            {"in 30 minutes", ams_local(2026, 3, 27, 10, 30)},
            {"volgende week woensdag 10:00", wed(10, 0)},
            {"woensdag volgende week 10:00", wed(10, 0)},
            {"woensdag volgende week om half drie", wed(14, 30)},
            {"volgende week woensdagmiddag", wed(14, 0)},
            {"woensdagmiddag volgende week", wed(14, 0)},
            {"next week wednesday 10am", wed(10, 0)},
            {"wednesday next week 10am", wed(10, 0)},
            {"wednesday next week afternoon", wed(14, 0)},
        },
        now);
    // On a Monday, "woensdag volgende week" is not the day after tomorrow.
    run_instants({{"woensdag volgende week 10:00", ams_local(2026, 4, 8, 10, 0)}},
                 ams_local(2026, 3, 30, 8, 0));
}

TEST(WanneerSpoken, GisterenTienUurIsInThePast) {
    // Once answered "begrijp ik niet": it is understood, and it is in the past.
    auto r = parse_wanneer("gisteren 10:00", ams(), friday_ten());
    ASSERT_TRUE(std::holds_alternative<WanneerFail>(r)) << describe(r);
    EXPECT_EQ(std::get<WanneerFail>(r).code, WanneerError::InPast);
    EXPECT_EQ(std::get<WanneerFail>(r).fragment, "gisteren 10:00");
}

TEST(WanneerSpoken, PastIsInPast) {
    run_cases({
        {"gisteren", "in_past 'gisteren'"},
        {"gisteren om half drie", "in_past 'gisteren om half drie'"},
        {"gisteravond", "in_past 'gisteravond'"},
        {"gistermiddag 15:00", "in_past 'gistermiddag 15:00'"},
        {"yesterday 3pm", "in_past 'yesterday 3pm'"},
        {"vanochtend", "in_past 'vanochtend'"},  // 09:00, and it is 10:00
        {"this morning", "in_past 'this morning'"},
    });
    const char* noon = "2026-03-27T12:00";
    EXPECT_EQ(parse("vanochtend 8:00", noon), "in_past 'vanochtend 8:00'");
    EXPECT_EQ(parse("vanochtend om half negen", noon), "in_past 'vanochtend om half negen'");
    EXPECT_EQ(parse("vanmiddag", "2026-03-27T15:00"), "in_past 'vanmiddag'");
    auto r = parse_wanneer_prefix("gisteren 10:00 Casus", ams(), friday_ten());
    ASSERT_TRUE(std::holds_alternative<WanneerFail>(r)) << describe(r);
    EXPECT_EQ(std::get<WanneerFail>(r).code, WanneerError::InPast);
}

TEST(WanneerSpoken, AroundDstChanges) {
    // The day before the spring change (2026-03-29 02:00 -> 03:00): 14:30 in summer time.
    run_instants({{"morgen om half drie", ams_local(2026, 3, 29, 14, 30)}},
                 ams_local(2026, 3, 28, 10, 0));
    EXPECT_EQ(format_utc_iso(ams_local(2026, 3, 29, 14, 30)), "2026-03-29T12:30:00Z");
    EXPECT_EQ(parse("morgen om half drie 's nachts", "2026-03-28T10:00"),
              "nonexistent_local_time 'morgen om half drie 's nachts'");
    // The day before the autumn change (2026-10-25 03:00 -> 02:00): 14:30 in winter time.
    run_instants({{"morgen om half drie", ams_local(2026, 10, 25, 14, 30)}},
                 ams_local(2026, 10, 24, 10, 0));
    EXPECT_EQ(format_utc_iso(ams_local(2026, 10, 25, 14, 30)), "2026-10-25T13:30:00Z");
    // The repeated 02:30: the earlier one.
    run_instants({{"morgen om half drie 's nachts",
                   UtcMs{date::sys_days{date::year{2026} / 10 / 25} + std::chrono::minutes{30}}}},
                 ams_local(2026, 10, 24, 10, 0));

    // "over een uur" across a change is one real hour: 3 600 000 ms.
    const std::vector<UtcMs> nows{
        UtcMs{date::sys_days{date::year{2026} / 3 / 29} + minutes{30}},   // 01:30+01:00
        UtcMs{date::sys_days{date::year{2026} / 3 / 29} + minutes{59}},   // 01:59+01:00
        UtcMs{date::sys_days{date::year{2026} / 10 / 25} + minutes{30}},  // 02:30+02:00
        UtcMs{date::sys_days{date::year{2026} / 10 / 25} + minutes{90}},  // 02:30+01:00
    };
    for (const UtcMs now : nows) {
        auto r = parse_wanneer("over een uur", ams(), now);
        ASSERT_TRUE(std::holds_alternative<WanneerOk>(r)) << describe(r);
        EXPECT_EQ((std::get<WanneerOk>(r).instant - now).count(), 3'600'000) << format_utc_iso(now);
    }
    auto r = parse_wanneer("over een uur", ams(), nows[0]);
    EXPECT_EQ(std::get<WanneerOk>(r).local_iso, "2026-03-29T03:30:00+02:00");
    r = parse_wanneer("over een uur", ams(), nows[2]);
    EXPECT_EQ(std::get<WanneerOk>(r).local_iso, "2026-10-25T02:30:00+01:00");
}

TEST(WanneerSpoken, UserGuideExamplesParse) {
    // The new forms as docs/user.md and docs/user.en.md show them, early on a Friday.
    const UtcMs now = ams_local(2026, 3, 27, 6, 0);
    for (const char* text : {"donderdag om half drie",
                             "morgen om kwart over tien",
                             "kwart voor vier",
                             "tien over half drie",
                             "vijf voor half drie",
                             "tien over twee",
                             "om drie uur",
                             "morgen om drie",
                             "half 3",
                             "vanochtend",
                             "vanmiddag",
                             "vanavond",
                             "morgenochtend",
                             "morgenmiddag",
                             "morgenavond",
                             "donderdagmiddag",
                             "morgen eind van de middag",
                             "vanmiddag om drie uur",
                             "half drie morgen",
                             "over een uur",
                             "over een kwartier",
                             "volgende week woensdag 10:00",
                             "woensdag volgende week om half drie",
                             "half past two",
                             "quarter to four",
                             "tomorrow afternoon",
                             "tonight",
                             "wednesday next week 10am",
                             "thursday at half past two",
                             "tomorrow at quarter past ten",
                             "ten past two",
                             "twenty to four",
                             "at three o'clock",
                             "tomorrow at three",
                             "this morning",
                             "this afternoon",
                             "this evening",
                             "tomorrow morning",
                             "thursday afternoon",
                             "tomorrow end of the afternoon",
                             "half past two tomorrow",
                             "in an hour",
                             "next week wednesday 10am",
                             "wednesday next week at half past two",
                             "half drie 's nachts",
                             "half acht 's avonds",
                             "vanavond om acht uur",
                             "half past seven pm",
                             "tonight at eight",
                             "tonight 8:00",
                             "vanavond 8:00",
                             "twaalf uur",
                             "half een",
                             "om zes uur",
                             "half zeven",
                             "om zeven uur",
                             "half acht",
                             "at six o'clock",
                             "half past six",
                             "at seven o'clock",
                             "half past seven",
                             "half past twelve"}) {
        auto r = parse_wanneer(text, ams(), now);
        EXPECT_TRUE(std::holds_alternative<WanneerOk>(r)) << text << ": " << describe(r);
    }
}

TEST(WanneerSpoken, PrefixKeepsTheTitle) {
    const std::vector<PrefixCase> cases{
        {"donderdag om half drie Casus over Jan", "2026-04-02T14:30:00+02:00", "Casus over Jan"},
        {"vanmiddag Casus", "2026-03-27T14:00:00+01:00", "Casus"},
        {"morgenochtend om kwart over negen intervisie", "2026-03-28T09:15:00+01:00", "intervisie"},
        {"tomorrow afternoon review", "2026-03-28T14:00:00+01:00", "review"},
        {"morgen om drie uur evaluatie", "2026-03-28T15:00:00+01:00", "evaluatie"},
    };
    for (const auto& c : cases) {
        auto r = parse_wanneer_prefix(c.input, ams(), friday_ten());
        ASSERT_TRUE(std::holds_alternative<WanneerOk>(r)) << c.input << ": " << describe(r);
        const auto& ok = std::get<WanneerOk>(r);
        EXPECT_EQ(ok.local_iso, c.expected) << c.input;
        EXPECT_EQ(rest_after(c.input, ok.consumed_bytes), c.rest) << c.input;
    }
}

// ---- prefix parsing: "<wanneer> <titel>" ----

TEST(WanneerPrefix, SplitsTimeAndTitle) {
    const std::vector<PrefixCase> cases{
        {"morgen 14:00 Casus over Jan", "2026-03-28T14:00:00+01:00", "Casus over Jan"},
        {"3 dec 14:00 om te bespreken", "2026-12-03T14:00:00+01:00", "om te bespreken"},
        {"dinsdag 14:00 methode roddel", "2026-03-31T14:00:00+02:00", "methode roddel"},
        {"over 10 minuten koffie", "2026-03-27T10:10:00+01:00", "koffie"},
        {"in 2 hours review", "2026-03-27T12:00:00+01:00", "review"},
        {"tomorrow 2pm team meeting", "2026-03-28T14:00:00+01:00", "team meeting"},
        {"3 december om 14:00 Intervisie", "2026-12-03T14:00:00+01:00", "Intervisie"},
        {"morgen om 14:00 uur Casus", "2026-03-28T14:00:00+01:00", "Casus"},
        {"morgen 14:00: Casus", "2026-03-28T14:00:00+01:00", "Casus"},
        {"morgen 14:00, Casus", "2026-03-28T14:00:00+01:00", "Casus"},
        {"morgen 14:00 - Casus", "2026-03-28T14:00:00+01:00", "Casus"},
        {"morgen 14:00 \xE2\x80\x94 Casus", "2026-03-28T14:00:00+01:00", "Casus"},
        {"morgen 14:00 Één casus", "2026-03-28T14:00:00+01:00", "Één casus"},
        {"14:00 zo snel mogelijk", "2026-03-27T14:00:00+01:00", "zo snel mogelijk"},
        {"14:00 op di overleg", "2026-03-31T14:00:00+02:00", "overleg"},
        {"3 dec 14:00 2026 plannen", "2026-12-03T14:00:00+01:00", "2026 plannen"},
        {"over een uur over een uur", "2026-03-27T11:00:00+01:00", "over een uur"},
        {"morgen 14:00", "2026-03-28T14:00:00+01:00", ""},
        {"3-12-2026 14:00 jaarafsluiting", "2026-12-03T14:00:00+01:00", "jaarafsluiting"},
        {"2026-12-03T14:00 x", "2026-12-03T14:00:00+01:00", "x"},
        {"morgen 14:00 Casus x", "2026-03-28T14:00:00+01:00", "Casus x"},
        {"morgen 14:00 Casus x\xC2\xA0 ", "2026-03-28T14:00:00+01:00", "Casus x"},
        {"morgen 14:00\xC2\xA0"
         "Casus",
         "2026-03-28T14:00:00+01:00", "Casus"},
    };
    for (const auto& c : cases) {
        auto r = parse_wanneer_prefix(c.input, ams(), at(kNow));
        ASSERT_TRUE(std::holds_alternative<WanneerOk>(r)) << c.input << ": " << describe(r);
        const auto& ok = std::get<WanneerOk>(r);
        EXPECT_EQ(ok.local_iso, c.expected) << c.input;
        EXPECT_EQ(rest_after(c.input, ok.consumed_bytes), c.rest) << c.input;
        // The consumed prefix parses on its own to the same instant.
        const std::string prefix(std::string_view(c.input).substr(0, ok.consumed_bytes));
        auto again = parse_wanneer(prefix, ams(), at(kNow));
        ASSERT_TRUE(std::holds_alternative<WanneerOk>(again)) << prefix;
        EXPECT_EQ(std::get<WanneerOk>(again).instant, ok.instant);
    }
}

TEST(WanneerPrefix, ConsumedBytes) {
    auto r = parse_wanneer_prefix("morgen 14:00 Casus over Jan", ams(), at(kNow));
    ASSERT_TRUE(std::holds_alternative<WanneerOk>(r));
    EXPECT_EQ(std::get<WanneerOk>(r).consumed_bytes, 12u);
}

TEST(WanneerPrefix, Errors) {
    const std::vector<PrefixCase> cases{
        // The longest readable prefix decides, also when it is invalid.
        {"morgen 25:00 Overleg", "invalid_time '25:00'", ""},
        {"vandaag 9:00 Overleg", "in_past 'vandaag 9:00'", ""},
        {"31-02 10:00 Overleg", "invalid_date '31-02'", ""},
        {"29 maart 02:30 Overleg", "nonexistent_local_time '29 maart 02:30'", ""},
        {"morgen Casus", "missing_time 'morgen'", ""},
        {"Overleg morgen 14:00", "unrecognised 'Overleg'", ""},
        {"3-12-20 x", "unrecognised '3-12-20'", ""},
        {"", "empty ''", ""},
        {" \t ", "empty ''", ""},
    };
    for (const auto& c : cases) {
        auto r = parse_wanneer_prefix(c.input, ams(), at(kNow));
        ASSERT_TRUE(std::holds_alternative<WanneerFail>(r)) << c.input << ": " << describe(r);
        const auto& f = std::get<WanneerFail>(r);
        EXPECT_EQ(std::string(error_code_name(f.code)) + " '" + f.fragment + "'", c.expected)
            << c.input;
    }
}

TEST(WanneerPrefix, WordBoundary) {
    // "3-12" in "3-12-20" and "14:0" in "14:05x" must not be taken as a prefix.
    auto r = parse_wanneer_prefix("morgen 14:05x", ams(), at(kNow));
    ASSERT_TRUE(std::holds_alternative<WanneerFail>(r));
    EXPECT_EQ(std::get<WanneerFail>(r).code, WanneerError::MissingTime);
}

TEST(WanneerPrefix, VeryLongTitleIsFine) {
    std::string text = "morgen 14:00";
    for (int i = 0; i < 200; ++i) text += " woord";
    auto r = parse_wanneer_prefix(text, ams(), at(kNow));
    ASSERT_TRUE(std::holds_alternative<WanneerOk>(r));
    EXPECT_EQ(std::get<WanneerOk>(r).consumed_bytes, 12u);
    auto full = parse_wanneer(text, ams(), at(kNow));
    ASSERT_TRUE(std::holds_alternative<WanneerFail>(full));
    EXPECT_EQ(std::get<WanneerFail>(full).code, WanneerError::Unrecognised);
}

// ---- formatting, --now, zones ----

TEST(WanneerFormat, Iso) {
    const UtcMs t = at("2026-03-28T13:00:00.999Z");
    EXPECT_EQ(format_utc_iso(t), "2026-03-28T13:00:00Z");
    EXPECT_EQ(format_local_iso(t, ams()), "2026-03-28T14:00:00+01:00");
    EXPECT_EQ(format_local_iso(t, nullptr), "2026-03-28T13:00:00+00:00");
    EXPECT_EQ(format_local_iso(at("2026-07-01T12:00Z"), ams()), "2026-07-01T14:00:00+02:00");
    EXPECT_EQ(format_local_iso(at("2026-01-15T12:00Z"), find_time_zone("America/St_Johns")),
              "2026-01-15T08:30:00-03:30");
    EXPECT_EQ(format_utc_iso(UtcMs{}), "1970-01-01T00:00:00Z");
}

TEST(WanneerNow, ParsesCliArgument) {
    EXPECT_EQ(format_utc_iso(at("2026-03-27T10:00")), "2026-03-27T09:00:00Z");
    EXPECT_EQ(format_utc_iso(at("2026-03-27 10:00")), "2026-03-27T09:00:00Z");
    EXPECT_EQ(format_utc_iso(at("2026-03-27t10:00:30")), "2026-03-27T09:00:30Z");
    EXPECT_EQ(format_utc_iso(at("2026-03-27")), "2026-03-26T23:00:00Z");
    EXPECT_EQ(format_utc_iso(at("2026-03-27T10:00Z")), "2026-03-27T10:00:00Z");
    EXPECT_EQ(format_utc_iso(at("2026-03-27T10:00+01:00")), "2026-03-27T09:00:00Z");
    EXPECT_EQ(format_utc_iso(at("2026-03-27T10:00-05:00")), "2026-03-27T15:00:00Z");
    EXPECT_EQ(format_utc_iso(at("2026-03-27T10:00+0530")), "2026-03-27T04:30:00Z");
    EXPECT_EQ(format_utc_iso(at("2026-03-27T10:00+02")), "2026-03-27T08:00:00Z");
    EXPECT_EQ(at("2026-03-27T10:00:00.250Z").time_since_epoch().count() % 1000, 250);
    EXPECT_EQ(at("2026-03-27T10:00:00.5Z").time_since_epoch().count() % 1000, 500);
    // Repeated hour: earlier instant; a local time in the gap is refused.
    EXPECT_EQ(format_utc_iso(at("2026-10-25T02:30")), "2026-10-25T00:30:00Z");
    EXPECT_FALSE(parse_now_argument("2026-03-29T02:30", ams()).has_value());
    EXPECT_TRUE(parse_now_argument("2026-03-29T02:30Z", ams()).has_value());
    for (const char* bad :
         {"", "garbage", "2026-02-30T10:00", "2026-03-27T24:00", "2026-03-27T10:60",
          "2026-3-27T10:00", "2026-03-27T10", "2026-03-27X", "2026-03-27T10:00+",
          "2026-03-27T10:00+25:00", "2026-03-27T10:00Zx", "2026-03-27T10:00:00.", "2026-13-01"}) {
        EXPECT_FALSE(parse_now_argument(bad, ams()).has_value()) << bad;
    }
}

TEST(WanneerZone, FindTimeZone) {
    EXPECT_NE(find_time_zone("Europe/Amsterdam"), nullptr);
    EXPECT_NE(find_time_zone("UTC"), nullptr);
    EXPECT_EQ(find_time_zone("Nowhere/Town"), nullptr);
    EXPECT_EQ(find_time_zone(""), nullptr);
}

TEST(WanneerErrors, CodeNames) {
    EXPECT_EQ(error_code_name(WanneerError::Empty), "empty");
    EXPECT_EQ(error_code_name(WanneerError::Unrecognised), "unrecognised");
    EXPECT_EQ(error_code_name(WanneerError::InvalidTime), "invalid_time");
    EXPECT_EQ(error_code_name(WanneerError::InvalidDate), "invalid_date");
    EXPECT_EQ(error_code_name(WanneerError::NonexistentLocalTime), "nonexistent_local_time");
    EXPECT_EQ(error_code_name(WanneerError::InPast), "in_past");
    EXPECT_EQ(error_code_name(WanneerError::TooFar), "too_far");
    EXPECT_EQ(error_code_name(WanneerError::MissingTime), "missing_time");
}

}  // namespace

// The default follow-up of an action or decision: a working day at 09:00, never the minute
// someone typed on a Sunday night.
TEST(WanneerDefaultFollowUp, NineOnAWorkingDayTwoWeeksLater) {
    // Monday 7 December 2026, 23:40 → Monday 21 December 09:00 (winter: 08:00 UTC).
    EXPECT_EQ(default_follow_up(at("2026-12-07T22:40Z"), ams()), at("2026-12-21T08:00Z"));
    // Sunday 6 December 23:30 local → Sunday 20 December → Monday 21 December 09:00.
    EXPECT_EQ(default_follow_up(at("2026-12-06T22:30Z"), ams()), at("2026-12-21T08:00Z"));
    // Saturday 21 March → Saturday 4 April → Monday 6 April 09:00 (summer time: 07:00 UTC).
    EXPECT_EQ(default_follow_up(at("2026-03-21T10:00Z"), ams()), at("2026-04-06T07:00Z"));
    // The local date counts, not the UTC one: 00:30 on Tuesday in Amsterdam is Monday in UTC.
    EXPECT_EQ(default_follow_up(at("2026-12-07T23:30Z"), ams()), at("2026-12-22T08:00Z"));
    EXPECT_EQ(default_follow_up(at("2026-12-07T10:00Z"), nullptr, 1), at("2026-12-08T09:00Z"));
}
