#pragma once
// The message catalogue: every user-facing text, per language (nl default, en), keyed by
// message id, with named placeholders "{name}" (docs/architecture.md). Handlers never hold
// literal sentences; they ask the catalogue.

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dialoog::commands {

/// Named placeholder values, e.g. {{"cmd", "!casus"}}.
using TextArgs = std::vector<std::pair<std::string, std::string>>;

/// One catalogue entry as written in the text tables: key, Dutch, English.
struct TextEntry {
    const char* key;
    const char* nl;
    const char* en;
};

class Catalogue {
  public:
    /// Adds entries; a key added twice keeps the last text (features may override).
    void add(const std::vector<TextEntry>& entries);
    void add(std::string_view lang, std::string_view key, std::string text);

    /// The text for `key` in `lang` with placeholders filled. Falls back to nl, then to the
    /// key itself in brackets (visible, so a missing text is noticed in tests). An unknown
    /// placeholder is left as written.
    std::string get(std::string_view lang, std::string_view key, const TextArgs& args = {}) const;
    bool has(std::string_view lang, std::string_view key) const;
    /// Keys present in one language but not in the other (for a completeness test).
    std::vector<std::string> missing_translations() const;

  private:
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> texts_;
};

/// Fills "{name}" placeholders in `pattern` from `args`.
std::string fill_placeholders(std::string_view pattern, const TextArgs& args);

/// Escapes Markdown special characters in user-supplied text, so a title with `*` or `<`
/// renders as typed and cannot inject formatting or HTML.
std::string md_escape(std::string_view text);

/// Longest piece of a user's input quoted back in an answer (characters).
constexpr std::size_t kMaxEchoChars = 60;
/// md_escape of user input quoted back in an error or hint ("I don't know `…`"): cut to
/// kMaxEchoChars characters (at a character boundary, "…" appended) and made one line, so
/// a 60 KB typo is not posted back as four messages (found by a newcomer's probe).
std::string md_echo(std::string_view text);

}  // namespace dialoog::commands
