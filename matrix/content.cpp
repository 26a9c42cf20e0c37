#include "matrix/content.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>
#include <string>
#include <vector>

namespace dialoog::matrix {

using nlohmann::json;

json make_message(std::string_view markdown, std::string_view html,
                  const std::vector<std::string>& mentions, const Relation& rel,
                  std::string_view msgtype) {
    json c = json::object();
    c["msgtype"] = msgtype;
    c["body"] = html.empty() ? std::string(markdown) : markdown_to_plain(markdown);
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

namespace {

/// A parsed Markdown document with the GFM extensions the bot uses; frees itself.
class MarkdownDoc {
  public:
    explicit MarkdownDoc(std::string_view markdown) {
        static std::once_flag once;
        std::call_once(once, [] { cmark_gfm_core_extensions_ensure_registered(); });
        parser_ = cmark_parser_new(kOptions);
        for (const char* name : {"table", "strikethrough", "autolink"})
            if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
                cmark_parser_attach_syntax_extension(parser_, ext);
        cmark_parser_feed(parser_, markdown.data(), markdown.size());
        doc_ = cmark_parser_finish(parser_);
    }
    ~MarkdownDoc() {
        cmark_node_free(doc_);
        cmark_parser_free(parser_);
    }
    MarkdownDoc(const MarkdownDoc&) = delete;
    MarkdownDoc& operator=(const MarkdownDoc&) = delete;

    cmark_node* root() const { return doc_; }
    cmark_llist* extensions() const { return cmark_parser_get_syntax_extensions(parser_); }
    static constexpr int kOptions = CMARK_OPT_DEFAULT;

  private:
    cmark_parser* parser_ = nullptr;
    cmark_node* doc_ = nullptr;
};

std::string take(char* rendered) {
    std::string out = rendered ? rendered : "";
    std::free(rendered);
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

/// The literal text inside `node` (its text and code descendants), e.g. a link's label.
std::string text_of(cmark_node* node) {
    std::string out;
    cmark_iter* it = cmark_iter_new(node);
    for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
        cmark_node* n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && n != node) {
            const auto type = cmark_node_get_type(n);
            if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE)
                if (const char* lit = cmark_node_get_literal(n)) out += lit;
        }
    }
    cmark_iter_free(it);
    return out;
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
    MarkdownDoc doc(markdown);
    return take(cmark_render_html(doc.root(), MarkdownDoc::kOptions, doc.extensions()));
}

std::string markdown_to_plain(std::string_view markdown) {
    MarkdownDoc doc(markdown);
    // A link's target would be lost in plain text: add it after the label, except for
    // mentions (the label is the display name) and labels that are the URL already.
    std::vector<cmark_node*> links;
    cmark_iter* it = cmark_iter_new(doc.root());
    for (auto ev = cmark_iter_next(it); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(it)) {
        cmark_node* n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_LINK)
            links.push_back(n);
    }
    cmark_iter_free(it);
    for (cmark_node* link : links) {
        const char* url_c = cmark_node_get_url(link);
        const std::string url = url_c ? url_c : "";
        if (url.empty() || url.rfind("https://matrix.to/", 0) == 0) continue;
        const std::string label = text_of(link);
        if (label == url || "mailto:" + label == url) continue;
        cmark_node* suffix = cmark_node_new(CMARK_NODE_TEXT);
        cmark_node_set_literal(suffix, (" (" + url + ")").c_str());
        cmark_node_insert_after(link, suffix);
    }
    return take(cmark_render_plaintext(doc.root(), MarkdownDoc::kOptions, 0));
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
