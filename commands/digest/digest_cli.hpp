#pragma once
// `dialoogbot digest --leader @x:hs --week 2026-W49 --config PATH`: prints a
// leader's digest as Markdown without sending anything, for admins and tests.

#include <ostream>
#include <string>

#include "commands/context.hpp"

namespace dialoog::digest {

/// Writes the digest of `iso_week` ("2026-W49") for `leader` to `out`. Returns 0, or 1 with a
/// message on `err` when the week is malformed or `leader` leads no team in the config.
int run_digest_cli(commands::Services& s, const std::string& leader, const std::string& iso_week,
                   std::ostream& out, std::ostream& err);

}  // namespace dialoog::digest
