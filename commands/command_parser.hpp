#pragma once
// Turns a message body into a command. Pure functions, fuzzed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dialoog::commands {

/// A parsed command. `name` is lowercased ASCII; `rest` is the text after the name with
/// surrounding whitespace trimmed (quotes kept), `args` the same text split into words with
/// quotes ("…", '…', “…”, ‘…’) removed.
struct ParsedCommand {
    char prefix = '!';
    std::string name;
    std::string rest;
    std::vector<std::string> args;
};

/// Removes a rich-reply fallback: leading lines starting with "> " (or ">" alone) and the
/// blank line after them (spec "Rich replies", fallbacks). Other text is returned unchanged.
std::string strip_reply_fallback(std::string_view body);

/// `text` with the characters people paste without seeing them made plain (a newcomer's
/// "!casus<no-break space>lijst" got no answer): no-break spaces (U+00A0, U+2007, U+202F)
/// become spaces, zero-width characters (U+200B-U+200D, U+2060, U+FEFF) are dropped, and a
/// full-width "！" or "／" before the first visible character becomes "!" or "/".
std::string normalise_command_text(std::string_view text);

/// Parses `body` (already stripped of the reply fallback, then normalise_command_text) as a
/// command: a prefix `!` or `/`,
/// then a name of letters, digits, '-' or '_' ending at whitespace or the end of the text
/// (a word boundary: "!helpme" is the command "helpme", "!help," is no command). Sentence
/// punctuation right after the name ("!hulp?", "!hulp!", "!hulp.", "!ping?!") is dropped.
/// Returns nullopt when the body is not a command.
std::optional<ParsedCommand> parse_command(std::string_view body);

/// Splits on whitespace, keeping quoted runs together. An unclosed quote runs to the end.
std::vector<std::string> tokenize_args(std::string_view text);

/// Levenshtein distance on bytes, capped: returns `cap + 1` as soon as it is exceeded.
int edit_distance(std::string_view a, std::string_view b, int cap = 3);

/// Trims ASCII whitespace (and NBSP) at both ends.
std::string_view trim(std::string_view s);

/// The number of a stored item as users type it: "12" or "#12" (a casus, a decision, a story).
/// Positive, at most 12 digits; nullopt otherwise.
std::optional<std::int64_t> parse_item_id(std::string_view text);

}  // namespace dialoog::commands
