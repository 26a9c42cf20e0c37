#pragma once
// `dialoogbot parse-when --tz Europe/Amsterdam --now 2026-03-27T10:00 "<wanneer>"`: checks a
// <wanneer> offline with the chat command's parser and (Dutch) error texts.

#include <iosfwd>
#include <string>

namespace dialoog::casus {

/// Prints "local: <iso>" and "utc: <iso>" to `out` and returns 0; or prints the error text the
/// chat command gives (Dutch catalogue) to `err` and returns 1. `now` is local time in `tz`
/// unless it carries an offset; empty = the current time.
int run_parse_when_cli(const std::string& tz, const std::string& now, const std::string& text,
                       std::ostream& out, std::ostream& err);

}  // namespace dialoog::casus
