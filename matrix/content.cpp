#include "matrix/content.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>

namespace dialoog::matrix {

using nlohmann::json;

json make_message(std::string_view markdown, std::string_view html,
                  const std::vector<std::string>& mentions, const Relation& rel,
                  std::string_view msgtype) {
    json c = json::object();
    c["msgtype"] = msgtype;
    c["body"] = markdown;
    if (!html.empty()) {
        c["format"] = "org.matrix.custom.html";
        c["formatted_body"] = html;
    }
    json m = json::object();
    if (!mentions.empty()) m["user_ids"] = mentions;
    c["m.mentions"] = m;
    if (rel.thread_root) {
        json r = {{"rel_type", "m.thread"},
                  {"event_id", *rel.thread_root},
                  {"is_falling_back", rel.is_falling_back}};
        if (rel.in_reply_to) r["m.in_reply_to"] = {{"event_id", *rel.in_reply_to}};
        c["m.relates_to"] = r;
    } else if (rel.in_reply_to) {
        c["m.relates_to"] = {{"m.in_reply_to", {{"event_id", *rel.in_reply_to}}}};
    }
    return c;
}

json make_file_message(std::string_view filename, std::string_view mimetype, std::size_t size_bytes,
                       const Relation& rel) {
    json c = make_message(filename, "", {}, rel, "m.file");
    c["filename"] = filename;
    c["info"] = {{"mimetype", mimetype}, {"size", size_bytes}};
    return c;
}

std::size_t message_bytes(std::string_view markdown, std::string_view html) {
    json c = {{"body", markdown}, {"formatted_body", html}};
    return c.dump(-1, ' ', false, json::error_handler_t::replace).size() + kEnvelopeAllowance;
}

namespace {

// Cut position <= limit that does not split a UTF-8 sequence.
std::size_t utf8_floor(std::string_view s, std::size_t limit) {
    if (limit >= s.size()) return s.size();
    std::size_t i = limit;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i == 0 ? limit : i;
}

void split_rec(std::string_view text, std::size_t max, std::string (*render)(std::string_view),
               int level, std::vector<std::string>& out) {
    if (text.empty()) return;
    if (message_bytes(text, render(text)) <= max) {
        out.emplace_back(text);
        return;
    }
    // Level 0: paragraphs; 1: lines; 2: bytes.
    if (level < 2) {
        std::string_view sep = level == 0 ? "\n\n" : "\n";
        std::vector<std::string_view> pieces;
        std::size_t b = 0;
        while (b < text.size()) {
            auto e = text.find(sep, b);
            if (e == std::string_view::npos) e = text.size();
            pieces.push_back(text.substr(b, e - b));
            b = e + sep.size();
        }
        if (pieces.size() > 1) {
            std::string cur;
            for (auto p : pieces) {
                std::string candidate =
                    cur.empty() ? std::string(p) : cur + std::string(sep) + std::string(p);
                if (!cur.empty() && message_bytes(candidate, render(candidate)) > max) {
                    split_rec(cur, max, render, level + 1, out);
                    cur = std::string(p);
                } else {
                    cur = std::move(candidate);
                }
            }
            split_rec(cur, max, render, level + 1, out);
            return;
        }
        split_rec(text, max, render, level + 1, out);
        return;
    }
    // One huge line: halve at a character boundary until each half fits.
    std::size_t cut = utf8_floor(text, text.size() / 2);
    split_rec(text.substr(0, cut), max, render, 2, out);
    split_rec(text.substr(cut), max, render, 2, out);
}

}  // namespace

std::vector<std::string> split_markdown(std::string_view markdown, std::size_t max_event_bytes,
                                        std::string (*render)(std::string_view)) {
    std::vector<std::string> out;
    split_rec(markdown, max_event_bytes, render, 0, out);
    if (out.empty()) out.emplace_back(markdown);
    return out;
}

std::string markdown_to_html(std::string_view markdown) {
    static std::once_flag once;
    std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
    const int options = CMARK_OPT_DEFAULT;
    cmark_parser* parser = cmark_parser_new(options);
    cmark_llist* exts = nullptr;
    for (const char* name : {"table", "strikethrough", "autolink"}) {
        if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
            cmark_parser_attach_syntax_extension(parser, ext);
        }
    }
    cmark_parser_feed(parser, markdown.data(), markdown.size());
    cmark_node* doc = cmark_parser_finish(parser);
    exts = cmark_parser_get_syntax_extensions(parser);
    char* html = cmark_render_html(doc, options, exts);
    std::string out = html ? html : "";
    std::free(html);
    cmark_node_free(doc);
    cmark_parser_free(parser);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

Relation reply_relation(const Event& ev) {
    Relation rel;
    rel.in_reply_to = ev.event_id;
    if (auto root = ev.thread_root()) {
        rel.thread_root = *root;
        rel.is_falling_back = false;
    }
    return rel;
}

}  // namespace dialoog::matrix
