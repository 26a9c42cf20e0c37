#pragma once
// Building message content the way the Matrix spec wants it (Client-Server API: "m.notice",
// "Rich replies", "Threading", "User and room mentions"): m.notice with body + formatted_body
// (HTML rendered from the Markdown body), m.mentions always present, rich replies and thread
// relations, and splitting answers that would exceed the event size limit.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "matrix/events.hpp"

namespace dialoog::matrix {

/// How a message relates to another (spec "Rich replies", "Threading").
struct Relation {
    std::optional<std::string> in_reply_to;  // event answered
    std::optional<std::string> thread_root;  // when set: rel_type m.thread
    bool is_falling_back = false;            // thread post that is not a direct answer
};

/// The relation for answering `ev`: a rich reply, inside `ev`'s thread when it is in one
/// (spec "Rich replies", "Threading": a reply in a thread is not a falling-back reply).
Relation reply_relation(const Event& ev);

/// Renders CommonMark + GFM tables/strikethrough/autolinks to HTML with cmark-gfm, for
/// `formatted_body` (format org.matrix.custom.html). Raw HTML in the input is not passed
/// through (cmark's safe default). Thread-safe after the first call.
std::string markdown_to_html(std::string_view markdown);

/// The same Markdown as plain text for `body`, which notifications and plain clients show
/// (spec "m.room.message msgtypes": body is the plain-text fallback): no Markdown escapes
/// (`\[NAAM\]` reads `[NAAM]`), no emphasis or code markers; a link keeps its text, followed
/// by " (<url>)" unless the text is the URL or the link is a matrix.to mention (then only the
/// display name shows). Rendered by cmark-gfm's plain-text renderer. Thread-safe after the
/// first call.
std::string markdown_to_plain(std::string_view markdown);

/// An m.notice (or `msgtype`) with `formatted_body` = `html` and `body` the plain text of
/// `markdown` (markdown_to_plain); when `html` is empty, no format and `body` = `markdown` as
/// given (a file name, a text that is not Markdown). `m.mentions` = {user_ids} (always
/// present; {} when nobody).
nlohmann::json make_message(std::string_view markdown, std::string_view html,
                            const std::vector<std::string>& mentions, const Relation& rel,
                            std::string_view msgtype = "m.notice");

/// An m.file message for a file to be uploaded (spec 11.2.1.7 "m.file"): body = filename,
/// `filename`, info {mimetype, size (bytes)}, m.mentions {} and `rel`. The sender adds `url`
/// (the mxc:// content URI) once the upload has succeeded.
nlohmann::json make_file_message(std::string_view filename, std::string_view mimetype,
                                 std::size_t size_bytes, const Relation& rel);

/// Bytes the homeserver adds around content (event_id, sender, room_id, signatures, hashes,
/// unsigned). Generous on purpose: the spec limit (65,536) is for the whole event.
constexpr std::size_t kEnvelopeAllowance = 4096;
/// Our ceiling for a serialised event: replies above it are split.
constexpr std::size_t kMaxEventBytes = 60000;

/// Splits Markdown into ordered parts whose rendered message (body + formatted_body as JSON,
/// plus kEnvelopeAllowance) stays within `max_event_bytes`. Splits at blank lines, then at
/// line ends, then inside a line at a UTF-8 character boundary. `render` maps a part to HTML.
std::vector<std::string> split_markdown(std::string_view markdown, std::size_t max_event_bytes,
                                        std::string (*render)(std::string_view));

/// Serialised size in bytes of a message content built from `markdown` (what the split uses).
std::size_t message_bytes(std::string_view markdown, std::string_view html);

}  // namespace dialoog::matrix
