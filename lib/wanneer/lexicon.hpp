#pragma once
// Shared building blocks of the <wanneer> parser and the weekly-rule parser: a hand-written
// tokenizer (the project never uses the standard-library regex), the Dutch/English word tables, the
// grammar of a time of day, and the one rule for turning a local wall-clock time into an instant.
// Internal: include only from lib/wanneer/*.cpp and their tests.

#include <date/tz.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dialoog::wanneer::detail {

enum class TokKind { Number, Word, Punct };

/// One lexical token. Offsets are bytes into the original input.
struct Token {
    TokKind kind = TokKind::Word;
    std::string lower;        // Word: ASCII-lowercased; Number: the digits; Punct: the byte
    std::uint64_t value = 0;  // Number only; saturated at kNumberCap
    std::size_t digits = 0;   // Number only: count of digits as typed ("09" -> 2)
    std::size_t begin = 0;
    std::size_t end = 0;
    bool space_before = false;  // whitespace (or the start of input) precedes the token
};

/// Numbers above this are clamped: every quantity the grammar accepts is far smaller, and the
/// clamp keeps later arithmetic (amount * unit in ms) free of overflow.
inline constexpr std::uint64_t kNumberCap = 1'000'000'000;

/// Splits `text` into at most `max_tokens` tokens: runs of digits, runs of letters (ASCII letters
/// and any byte >= 0x80, so UTF-8 words like "één" stay whole), and single punctuation bytes.
/// Whitespace (ASCII and U+00A0 no-break space) separates tokens and is dropped.
std::vector<Token> tokenize(std::string_view text, std::size_t max_tokens);

/// True for the bytes the tokenizer treats as whitespace at `text[i]`; `width` receives its
/// length in bytes (2 for U+00A0).
bool is_space_at(std::string_view text, std::size_t i, std::size_t* width = nullptr);

/// Read-only view on tokens [pos, end) with backtracking by copy.
struct Cursor {
    const std::vector<Token>* toks = nullptr;
    std::size_t pos = 0;
    std::size_t end = 0;

    bool at_end() const { return pos >= end; }
    const Token* peek(std::size_t ahead = 0) const {
        return pos + ahead < end ? &(*toks)[pos + ahead] : nullptr;
    }
    /// Consumes a word equal to one of `words`.
    bool accept_word(std::initializer_list<std::string_view> words);
    /// Consumes the punctuation byte `c`; with `adjacent`, only if no space precedes it.
    bool accept_punct(char c, bool adjacent);
    /// Consumes a '.' glued to the previous token (as in "dec." or "di.").
    void skip_abbrev_dot() { accept_punct('.', true); }
};

/// Month 1..12 for Dutch/English month names and abbreviations ("mrt", "march", "okt", "oct").
std::optional<unsigned> month_from_word(std::string_view lower);

/// ISO weekday 1 (Monday) .. 7 (Sunday) for Dutch/English names and abbreviations ("di",
/// "dinsdag", "tue", "tuesday"). With `allow_plural`, also "dinsdags"/"tuesdays".
std::optional<unsigned> weekday_from_word(std::string_view lower, bool allow_plural = false);

/// True for the two-letter Dutch weekday abbreviations ("ma", "di", ..., "zo"); they are also
/// ordinary words ("zo" = "so"), so some positions refuse them.
bool is_short_weekday(std::string_view lower);

/// Small counts written as words: "een"/"één"/"a"/"an"/"one" = 1 .. "twaalf"/"twelve" = 12.
std::optional<unsigned> number_word(std::string_view lower);

/// A time of day as typed, before validation. `hour`/`minute`/`second` are the raw numbers.
/// Meridiem::Workday marks a spoken 12-hour time without a day part ("half drie", "drie uur",
/// "quarter to four"): `hour` 1..12 is read on a working day, see time_of_day().
struct TimeSpec {
    std::uint64_t hour = 0;
    std::uint64_t minute = 0;
    std::uint64_t second = 0;
    enum class Meridiem {
        None,
        Am,
        Pm,
        Morning,
        Afternoon,
        Evening,
        Night,
        Workday
    } meridiem = Meridiem::None;
    /// "een uur" / "one o'clock": also reads as a duration ("het duurt een uur"), so the
    /// <wanneer> grammar takes it as a time only after om/at or next to a date.
    bool weak = false;
    std::size_t first_tok = 0;  // token range [first_tok, end_tok) for error fragments
    std::size_t end_tok = 0;
};

/// Parses a time of day at the cursor: "14:00", "9:30", "14.00", "14:00:00", "14u", "14u30",
/// "14h", "14 uur", "2pm", "2:30 pm", "10 am", "3 uur 's middags". A bare number is not a time
/// (too ambiguous next to titles). On failure the cursor is unchanged.
bool parse_time(Cursor& c, TimeSpec& out);

/// Parses a clock time as people say it, into a 12-hour TimeSpec (`hour` 1..12, `minute`
/// 0..59, meridiem Workday unless followed by am/pm or "'s ochtends/middags/avonds/nachts"):
///   Dutch    "drie uur" (hour in words only: "3 uur" stays parse_time's 03:00), "half drie"
///            (= 2:30, half an hour BEFORE three), "kwart over twee" (2:15), "kwart voor vier"
///            (3:45), "tien over twee", "twintig voor vier", "tien over half drie" (2:40),
///            "vijf voor half drie" (2:25);
///   English  "three o'clock", "half past two" (2:30), "[a] quarter past two", "quarter to four",
///            "ten past two", "twenty to four".
/// Hours are words een..twaalf / one..twelve or digits 1..12 (not in "<uur> uur"); minutes are
/// words een..twaalf, twintig / one..twelve, twenty or digits 1..29 (1..14 around "half").
/// With `bare_hour` (after "om"/"at") an hour word alone is a time too: "om drie", "at eight".
/// British "half two" (2:30) is refused: to Dutch ears it means 1:30. On failure the cursor is
/// unchanged.
bool parse_spoken_time(Cursor& c, TimeSpec& out, bool bare_hour = false);

/// Validates a TimeSpec: 0..23 h, 0..59 min/s (1..12 with am/pm). nullopt = invalid_time.
/// Workday (a spoken time without a day part) reads `hour` 1..12 on a working day: 1:00-6:59
/// are the afternoon (13:00-18:59), 7:00-12:59 the morning and noon (07:00-12:59), so a spoken
/// time always lands between 07:00 and 18:59.
std::optional<std::chrono::seconds> time_of_day(const TimeSpec& t);

/// Local wall-clock time -> instant, resolving via the offset in force *before* any transition:
/// an ambiguous time (autumn repeated hour) gives the earlier instant, a nonexistent time (spring
/// gap) is moved forward by the gap (02:30 -> 03:30). `nonexistent` (optional) reports the gap.
std::chrono::sys_time<std::chrono::milliseconds> resolve_local(
    date::local_time<std::chrono::milliseconds> local, const date::time_zone* tz,
    bool* nonexistent = nullptr);

/// The zone named "UTC", used when a caller passes a null zone.
const date::time_zone* utc_zone();

/// Bytes [tokens[first].begin, tokens[last-1].end) of `text`, or "" for an empty range.
std::string token_text(std::string_view text, const std::vector<Token>& toks, std::size_t first,
                       std::size_t last);

}  // namespace dialoog::wanneer::detail
