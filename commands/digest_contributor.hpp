#pragma once
// The digest contract: what a feature contributes to a leader's weekly digest (a Markdown
// section) and to `!overzicht export` (figures). The digest feature asks every contributor in
// `digest_order()` and knows none of them by name (docs/architecture.md, "Writing a feature").

#include <cstdint>
#include <string>
#include <vector>

namespace dialoog::config {
struct TeamConfig;
}

namespace dialoog::commands {

struct Services;

/// One team and one ISO week of a digest.
struct DigestRequest {
    const config::TeamConfig* team = nullptr;
    std::string lang;                // "nl" | "en": the language of the texts
    std::int64_t week_start_ms = 0;  // Monday 00:00 in the team's time zone, as UTC ms
    std::int64_t week_end_ms = 0;    // the next Monday 00:00 local, as UTC ms (exclusive)
};

/// One number for one team and one ISO week: a column of the export. Only counts, never names
/// or texts.
struct DigestFigure {
    std::string column;  // stable CSV column name, e.g. "casus_gehouden"
    std::int64_t value = 0;
    /// A count of client input (or of anything that could single out a client or a
    /// representative): 1..4 is exported as "< 5", since small counts can identify people.
    bool small_count_rule = false;
};

class DigestContributor {
  public:
    virtual ~DigestContributor() = default;
    /// Position of this feature's section in the digest and of its columns in the export:
    /// lower comes first, equal ones by feature name. docs/architecture.md lists the numbers
    /// taken (casus 10, intervisie 20, inbreng 30, tenzij 40).
    virtual int digest_order() const = 0;
    /// The Markdown section (heading included) for req.team and the week; empty when there is
    /// nothing to say. Runs inside a savepoint: an exception becomes a short notice with an
    /// error id in the digest, the other sections still come.
    virtual std::string digest_section(Services&, const DigestRequest&) = 0;
    /// Figures for req.team in [req.week_start_ms, req.week_end_ms): the same columns every
    /// week, so exports of several weeks line up.
    virtual std::vector<DigestFigure> digest_figures(Services&, const DigestRequest&) { return {}; }
};

}  // namespace dialoog::commands
