// Text preparation for the nudge detector: normalisation, quotation blanking, sentences.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dialoog::tenzij {

/// Longest message body examined, in bytes; the rest is ignored. A door-closing remark is a
/// sentence or two, and the cap bounds the work per event for hostile input.
inline constexpr std::size_t kMaxMessageBytes = 64 * 1024;

/// Longest sentence examined, in bytes; longer runs without end punctuation are cut into
/// pieces at spaces so guard checks (which look at a sentence prefix) stay linear.
inline constexpr std::size_t kMaxSentenceBytes = 1024;

/// Normalises a message body for matching: repairs invalid UTF-8 (U+FFFD), cuts at
/// kMaxMessageBytes, applies NFKC and Unicode case folding (utf8proc), maps typographic
/// apostrophes/quotes (’ ‘ ‚ ‛ ʼ ′ ´ → ', “ ” „ ‟ « » ″ → ") and dashes to ASCII, turns all
/// whitespace except newlines into single spaces and drops zero-width characters.
/// Newlines (CR, CRLF, NEL, LS, PS all become "\n") are kept: lines matter for "> " quotes.
std::string normalise_message(std::string_view body);

/// Maps the typographic quotes and apostrophes of a user-written pattern to ASCII, so a
/// pattern written as "can’t" matches normalised text. Regex syntax and case are untouched.
std::string normalise_pattern_quotes(std::string_view pattern);

/// The lines of a normalised message that may fire: drops Markdown/Matrix quote lines
/// (first non-blank character '>') and fenced code blocks (``` ... ```); blanks quoted speech
/// ("...", '...') and Markdown emphasis marks; collapses spaces; drops empty lines.
std::vector<std::string> speakable_lines(std::string_view normalised);

/// One sentence of a line, without its end punctuation.
struct Sentence {
    std::string_view text;
    bool question = false;                    ///< its end punctuation holds a '?'
    std::vector<std::size_t> segment_starts;  ///< starts of comma/semicolon/colon/dash parts
};

/// Splits a speakable line into sentences at '.', '!', '?' (runs of them) followed by a space
/// or the end; a dot between digits or inside "o.a." does not split. Views point into `line`.
std::vector<Sentence> split_sentences(std::string_view line);

/// Index into `segment_starts` of the segment holding byte `pos`.
std::size_t segment_index(const Sentence& sentence, std::size_t pos);

}  // namespace dialoog::tenzij
