// A compiled PCRE2 pattern for the nudge detector: UTF, caseless, Unicode properties, JIT.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace dialoog::tenzij {

/// Where a pattern matched: byte offsets [begin, end) into the subject.
struct RegexSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Why a pattern did not compile: PCRE2's message and the byte offset in the pattern.
struct RegexError {
    std::string message;
    std::size_t offset = 0;
};

/// An immutable compiled pattern. Copies share the compiled code; matching is thread-safe
/// because each thread uses its own match data (see nudge_regex.cpp).
///
/// Patterns are compiled with PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, so `\b` and `\w` know
/// letters such as "é", and JIT-compiled when the platform supports it. Subjects must be
/// valid UTF-8 (the detector's normaliser guarantees that); matching runs under a match and
/// depth limit so a user pattern with catastrophic backtracking just fails to match.
class NudgeRegex {
  public:
    /// Compiles `pattern`; returns the PCRE2 error text and offset when it is invalid.
    static std::variant<NudgeRegex, RegexError> compile(std::string_view pattern);

    /// Compiles a built-in pattern; throws std::logic_error if it is invalid (a programming
    /// error caught by the unit tests, never by user input).
    static NudgeRegex compile_builtin(std::string_view pattern);

    /// First non-empty match starting at or after byte `start` (a code point boundary).
    std::optional<RegexSpan> find(std::string_view subject, std::size_t start = 0) const;

    /// Whether the pattern matches anywhere in `subject` (empty matches count here).
    bool matches(std::string_view subject) const;

  private:
    struct Code;
    explicit NudgeRegex(std::shared_ptr<const Code> code) : code_(std::move(code)) {}
    std::shared_ptr<const Code> code_;
};

}  // namespace dialoog::tenzij
