#pragma once
// Client input (inbreng) linked to a case discussion: checking ids when planning and reading
// the texts out in the spiegelgesprek. The inbreng feature owns the data; this only reads it
// through its storage API, and works when that feature is not part of the build.

#include <cstdint>
#include <optional>
#include <string>

#include "storage/database.hpp"

namespace dialoog::casus {

/// True when the inbreng feature's table exists.
bool inbreng_available(storage::Database& db);

/// The scrubbed text of input `id` of `team`; nullopt when there is no such input (withdrawn,
/// purged, another team's, or no inbreng feature).
std::optional<std::string> linked_input_text(storage::Database& db, std::int64_t id,
                                             const std::string& team);

}  // namespace dialoog::casus
