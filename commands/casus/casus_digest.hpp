#pragma once
// The casus section of a leader's weekly digest: sessions held, planned and missed in the
// week, and the lessons and actions recorded in it.

#include <string>

#include "commands/context.hpp"
#include "commands/feature.hpp"

namespace dialoog::casus {

/// Markdown with a heading; "niets deze week" (catalogue) when the week holds nothing.
std::string casus_digest(commands::Services& s, const commands::DigestRequest& req);

}  // namespace dialoog::casus
