#pragma once
// Pure parsing of the arguments of the casus commands: ids ("12" or "#12"), user references,
// the options and title of `!casus plan`, and `!actie <tekst> [@eigenaar] [wanneer]`.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "commands/casus/methods.hpp"
#include "lib/wanneer/wanneer.hpp"

namespace dialoog::casus {

/// A whitespace-separated word with its byte range in the input; a quoted run ("…", '…',
/// “…”, ‘…’) is one word whose `text` has the quotes removed.
struct Word {
    std::string text;
    std::size_t begin = 0;
    std::size_t end = 0;
    bool quoted = false;
};
std::vector<Word> split_words(std::string_view text);

/// The text after the first word of `text`, trimmed ("plan morgen 14:00 X" -> "morgen 14:00 X").
std::string_view after_first_word(std::string_view text);

/// The member that `token` names: a full user id ("@anna:hs") that is a member, or "@anna"
/// (with or without '@') when exactly one member has that localpart. Case-insensitive.
std::optional<std::string> resolve_member(std::string_view token,
                                          const std::vector<std::string>& members);

/// Options and title of `!casus plan` after the <wanneer>.
struct PlanOptions {
    std::optional<std::string> method;          // the method id found
    std::optional<std::string> inbrenger;       // as typed ("@anna:hs")
    std::optional<std::string> gespreksleider;  // as typed
    std::vector<std::int64_t> inbreng;
    std::string title;
};

enum class OptionError {
    MissingValue,   // "methode" at the end; fragment = the option word
    UnknownMethod,  // fragment = the name typed
    NotAUser,       // "inbrenger anna" without '@'; fragment = the value
};

struct OptionFail {
    OptionError code;
    std::string fragment;
};

/// Parses `[methode <naam>] [inbrenger @user] [gespreksleider @user] [inbreng <id>] <titel>` in
/// any order before the title. Method names may be several words or quoted; "inbreng" followed
/// by something that is not an id starts the title. An empty title is not an error here.
std::variant<PlanOptions, OptionFail> parse_plan_options(std::string_view text,
                                                         const std::vector<Method>& library);

/// `!actie <tekst> [@eigenaar] [wanneer]`: the last "@…" word names the owner and what
/// follows it must be a <wanneer> (default time 09:00); without an owner, the longest tail that
/// parses as a <wanneer> is the due date, and a tail that is a date or time that cannot be
/// (InvalidDate, InvalidTime, NonexistentLocalTime, TooFar, or InPast written with digits) is
/// refused. `when_fail` is set when the tail after an owner does not parse or such an
/// impossible tail was found. Without a due date the caller uses wanneer::default_follow_up.
struct ActionArgs {
    std::string text;
    std::optional<std::string> owner;  // as typed
    std::optional<std::int64_t> due_ms;
    std::optional<wanneer::WanneerFail> when_fail;
};
ActionArgs parse_action_args(std::string_view text, const date::time_zone* tz, wanneer::UtcMs now);

}  // namespace dialoog::casus
