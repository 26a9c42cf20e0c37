#pragma once
// Aggregated figures for `!overzicht export`. A feature that wants columns in
// the export also derives from DigestFigureSource; the digest finds it with dynamic_cast, so
// the core Feature interface stays as it is. Only counts: never names or texts.

#include <cstdint>
#include <string>
#include <vector>

#include "commands/feature.hpp"

namespace dialoog::commands {
struct Services;
}

namespace dialoog::digest {

/// One number for one team and one ISO week.
struct DigestFigure {
    std::string column;  // stable CSV column name, e.g. "casus_gehouden"
    std::int64_t value = 0;
    /// A count of client input (or of anything that could single out a client or a
    /// representative): 1..4 is exported as "< 5" (k = 5: small counts can identify people).
    bool small_count_rule = false;
};

class DigestFigureSource {
  public:
    virtual ~DigestFigureSource() = default;
    /// Figures for req.team in [req.week_start_ms, req.week_end_ms). Same columns every week.
    virtual std::vector<DigestFigure> digest_figures(commands::Services&,
                                                     const commands::DigestRequest&) = 0;
};

}  // namespace dialoog::digest
