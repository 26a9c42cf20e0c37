#pragma once
// The <wanneer> ("when") argument of chat commands: what Dutch and English users type for a
// moment in time, turned into a UTC instant. Documented for users in docs/user.md ("`<wanneer>`").
//
// Accepted (Dutch and English words mix freely; numeric dates are always day-month):
//   dates   2026-12-03 | 3-12 | 3/12 | 3-12-2026 | 3.12.2026 | 3 dec | 3 december 2026 |
//           dec 3 | 3rd of December | vandaag/today | morgen/tomorrow | overmorgen |
//           (day after tomorrow) | gisteren/yesterday (always in the past) |
//           dinsdag/di/tuesday/tue [volgende|next|aanstaande ...] | volgende week dinsdag |
//           dinsdag volgende week | tuesday next week | over 2 dagen | in 3 weeks | over een maand
//   parts   vanochtend/vanmorgen, vanmiddag, vanavond | morgenochtend, morgenmiddag,
//   of the  morgenavond, overmorgen.., gister.. | donderdagmiddag (full weekday names) |
//   day     <date> ochtend|middag|avond | [aan het] eind(e) van de middag [after a date] |
//           this morning|afternoon|evening | tonight | <date> morning|afternoon|evening|night |
//           end of the afternoon
//   times   14:00 | 9:30 | 14.00 | 14u | 14u30 | 14h | 14 uur | 2pm | 2:30 p.m. |
//           3 uur 's middags       (optionally preceded by "om", "at" or "@")
//   spoken  drie uur | half drie (2:30) | kwart over twee | kwart voor vier | tien over twee |
//   times   tien over half drie (2:40) | vijf voor half drie (2:25) | half 3 | kwart over 2 |
//           three o'clock | half past two | quarter past two | quarter to four | ten past two |
//           om drie / at eight (an hour word alone only after om/at); optionally followed by
//           am/pm or 's ochtends/middags/avonds/nachts. Not "half two" (British 2:30, but 1:30
//           to Dutch ears) and not "een uur" without om/at or a date (a duration).
//   forms   <date> [om|at] <time> | <time> [op|on] <date> | <time> | [op|on] <date> |
//           over/in <n> minuten|min|uur|hours|dagen|weken|maanden ("een half uur",
//           "anderhalf uur", "een kwartier", "half an hour", "1 uur en 30 minuten",
//           "in 1h30m" too; amounts as digits or words een..twaalf / one..twelve)
// Semantics (the team's zone `tz`, `now` injected; the parser never reads a clock):
//   - a date without a year is its next occurrence (this year if still ahead, else later);
//   - a weekday is the next such day whose time is still ahead (today counts);
//   - a time without a date is today if still ahead, else tomorrow;
//   - a spoken time without a part of the day is read on a working day: 1:00-6:59 is the
//     afternoon (13:00-18:59), 7:00-12:59 the morning and noon ("half drie" = 14:30,
//     "half acht" = 07:30, "half een" = 12:30); 02:30 is never chosen without "'s nachts".
//     Digits with "uur" stay on the 24-hour clock as they always were ("3 uur" = 03:00);
//   - next to a part of the day a 12-hour time (1..11) is read in it: "vanavond om 8:00" =
//     20:00, "vanochtend om half zeven" = 06:30; am/pm and "'s avonds" still win;
//   - a part of the day without a time stands for ochtend 09:00, middag 14:00, eind van de
//     middag 17:00, avond 19:00 (English likewise; "tonight" = 19:00), also when
//     WanneerOptions::default_time is set; "vanochtend"/"vanmiddag" are today, even if past;
//   - a date without a time uses WanneerOptions::default_time, else fails MissingTime;
//   - "over N dagen/weken/maanden" without a time keeps the current wall-clock time;
//     "over N minuten/uur" adds an exact duration;
//   - the autumn repeated hour resolves to the earlier instant (date::choose::earliest);
//   - the spring gap, impossible dates/times, the past (InPast, also "gisteren" without a
//     time) and > 2 years ahead are refused.

#include <date/tz.h>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace dialoog::wanneer {

/// An instant in UTC with millisecond precision (same type as dialoog::UtcMs).
using UtcMs = std::chrono::sys_time<std::chrono::milliseconds>;

/// Why a <wanneer> was refused. Stable names for catalogues: see error_code_name().
enum class WanneerError {
    Empty,                 // nothing typed
    Unrecognised,          // no (or not all) words form a time; fragment = what was not understood
    InvalidTime,           // "24:60", "13pm"; fragment = the time as typed
    InvalidDate,           // "31-02", "29-02-2026", "di 3 dec" when 3 dec is no Tuesday
    NonexistentLocalTime,  // in the spring DST gap, e.g. 2026-03-29 02:30 Europe/Amsterdam
    InPast,                // not strictly after `now`
    TooFar,                // more than WanneerOptions::max_years_ahead after `now`
    MissingTime,           // a date without a time and no default_time ("geef ook een tijd")
};

/// A parsed <wanneer>.
struct WanneerOk {
    UtcMs instant;               // UTC, ms
    std::string local_iso;       // in the team zone, e.g. "2026-03-28T14:00:00+01:00"
    std::size_t consumed_bytes;  // bytes of the input that form the <wanneer> (prefix parse)
};

/// A refused <wanneer>: `fragment` is the offending part of the input, verbatim, so the chat
/// layer can quote it in a friendly message from its (nl/en) catalogue.
struct WanneerFail {
    WanneerError code;
    std::string fragment;
};

using WanneerResult = std::variant<WanneerOk, WanneerFail>;

/// Knobs of the parser; the defaults are what chat commands use.
struct WanneerOptions {
    /// Time of day (local, since midnight) used for a date typed without a time. Unset: such
    /// input fails with MissingTime.
    std::optional<std::chrono::minutes> default_time;
    /// Instants more than this many calendar years after `now` fail with TooFar.
    int max_years_ahead = 2;
};

/// The default follow-up of an action or decision typed without a date (docs/user-guide):
/// 09:00 local time in `tz` (null = UTC) on the calendar day `days` after `now`'s local day,
/// moved to the next Monday when that day is a Saturday or Sunday: people are asked again at a
/// working hour, not at the minute they typed on a Sunday night. A local 09:00 that does not
/// exist (a DST change at that hour) takes the earliest valid instant.
UtcMs default_follow_up(UtcMs now, const date::time_zone* tz, int days = 14);

/// Parses the whole of `text` as a <wanneer> in zone `tz` (null = UTC) relative to `now`.
/// On success consumed_bytes == text.size() (trailing whitespace included). Trailing words
/// that are not part of a <wanneer> give Unrecognised with those words as the fragment.
WanneerResult parse_wanneer(std::string_view text, const date::time_zone* tz, UtcMs now,
                            const WanneerOptions& options = {});

/// Parses the longest prefix of `text` that forms a <wanneer>; the rest is for the caller (the
/// title of "!casus nieuw morgen 14:00 Casus over Jan"). The prefix ends at a word boundary
/// (whitespace, end, or one of , ; and . : ! ? before whitespace/end). When the longest
/// recognisable prefix is invalid (e.g. "morgen 25:00 Overleg") its error is returned rather
/// than a shorter reading, so "vandaag 9:00 ..." at 10:00 is InPast, not "vandaag" + title.
/// No recognisable prefix: Unrecognised with the first word as fragment; blank: Empty.
WanneerResult parse_wanneer_prefix(std::string_view text, const date::time_zone* tz, UtcMs now,
                                   const WanneerOptions& options = {});

/// The title part after a prefix parse: `text` from `consumed_bytes` with leading whitespace and
/// separators (, ; : - and dashes) removed, trailing whitespace trimmed.
std::string_view rest_after(std::string_view text, std::size_t consumed_bytes);

/// "2026-03-28T14:00:00+01:00": the instant in `tz` (null = UTC), floored to whole seconds.
std::string format_local_iso(UtcMs t, const date::time_zone* tz);

/// "2026-03-28T13:00:00Z", floored to whole seconds.
std::string format_utc_iso(UtcMs t);

/// The --now argument of the offline CLI (`dialoogbot parse-when --now ...`):
/// "YYYY-MM-DD[(T| )HH:MM[:SS[.fff]]][Z|±HH:MM|±HHMM|±HH]". Without an offset the time is
/// local in `tz` (null = UTC; repeated hour = earlier instant). nullopt: malformed, impossible
/// date/time, or a local time in the DST gap.
std::optional<UtcMs> parse_now_argument(std::string_view text, const date::time_zone* tz);

/// The zone for an IANA name ("Europe/Amsterdam"), or null if unknown. Never throws.
const date::time_zone* find_time_zone(std::string_view iana_name);

/// Stable snake_case name of an error ("invalid_time"), for catalogues, logs and the CLI.
std::string_view error_code_name(WanneerError code);

}  // namespace dialoog::wanneer
