#include "matrix/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <mutex>

namespace dialoog::matrix {

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

}  // namespace dialoog::matrix
