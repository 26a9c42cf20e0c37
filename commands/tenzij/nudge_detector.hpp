// The "alles kan, tenzij" nudge detector: finds door-closing phrasings ("dat kan niet",
// "regels zijn regels", "not allowed", "against policy") in leaders' team-room messages.
//
// Source: the report's recommendation "alles kan, tenzij..." instead of "het kan niet,
// tenzij...". A wrong nudge annoys more than a missed one, so the detector is deliberately
// conservative: it skips questions, negated negations, quoted or reported speech, abilities of
// people, rules that bind third parties, conditionals, small talk, and "alles kan, tenzij"
// itself.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace dialoog::tenzij {

/// One door-closing pattern.
/// - id: stable name "<language>.<name>", e.g. "nl.kan_niet"; stored with each nudge for the
///   digest and used by the YAML to remove a pattern.
/// - language: "nl" or "en" (the detector accepts any non-empty tag; the config's `nudge.add`
///   only nl and en, the languages a team can have).
/// - pcre: a PCRE2 pattern, compiled with UTF, UCP (Unicode \w and \b) and CASELESS. It is
///   matched against one normalised sentence at a time: case-folded, typographic quotes and
///   apostrophes as ASCII (so write "can't", not "can’t"; typographic ones in the pattern are
///   mapped too), single spaces, quoted speech blanked, no end punctuation.
struct NudgePattern {
    std::string id;
    std::string language;
    std::string pcre;
};

/// The YAML `tenzij.patterns` section: additions, and removals by id or by exact pcre text.
struct NudgeConfig {
    std::vector<NudgePattern> add;
    std::vector<std::string> remove_ids;
};

/// Which pattern fired (only the id is kept: the digest must not store message text).
struct NudgeMatch {
    std::string pattern_id;
};

/// Why the pattern set could not be built. `offset` is PCRE2's byte offset in the pattern,
/// or 0 for errors that are not about pattern syntax (unknown removal, duplicate id).
struct NudgePatternError {
    std::string pattern_id;
    std::string message;
    std::size_t offset = 0;

    /// "nudge pattern <id>: <message> at offset <offset>", for logs and `config check`.
    std::string to_string() const;
};

class NudgeDetector;

/// Result of NudgeDetector::create: a detector, or every error found (not just the first).
using NudgeBuildResult = std::variant<NudgeDetector, std::vector<NudgePatternError>>;

/// A compiled pattern set plus the built-in guards. Immutable after creation; copies share
/// the compiled patterns; detect() may be called from several threads at once.
class NudgeDetector {
  public:
    /// The built-in patterns for "nl" and "en", in matching order.
    static std::vector<NudgePattern> default_patterns();

    /// Builds defaults minus `config.remove_ids` plus `config.add`, compiling every pattern.
    /// Errors (never thrown): invalid PCRE2 (message + offset), empty id or language, an id
    /// used twice, and a removal that names no default pattern by id or pcre text (a typo in
    /// the YAML would otherwise silently keep a pattern the admin meant to drop).
    static NudgeBuildResult create(const NudgeConfig& config = {});

    /// Checks one message body, sentence by sentence: for the first sentence holding a match
    /// that no guard vetoes, returns the first such pattern in set order; else nullopt.
    /// Lines starting with '>' (reply quotes) and fenced code never fire.
    /// Any bytes are accepted (invalid UTF-8 is repaired; only the first 64 KiB is read).
    std::optional<NudgeMatch> detect(std::string_view message_body) const;

    /// The patterns in matching order (after removals and additions).
    const std::vector<NudgePattern>& patterns() const;

  private:
    struct Impl;
    explicit NudgeDetector(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
    std::shared_ptr<const Impl> impl_;
};

/// For the CLI `dialoogbot nudge-check`: reads messages from `in`, one per line (a trailing
/// '\r' is dropped), and writes "1" (would nudge) or "0" per line to `out`, one line out per
/// line in, flushing at the end.
void nudge_check_stream(const NudgeDetector& detector, std::istream& in, std::ostream& out);

}  // namespace dialoog::tenzij
