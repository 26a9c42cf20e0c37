#pragma once
#include <string>
#include <string_view>

namespace dialoog::matrix {

/// Renders CommonMark + GFM tables/strikethrough/autolinks to HTML with cmark-gfm, for
/// `formatted_body` (format org.matrix.custom.html). Raw HTML in the input is not passed
/// through (cmark's safe default). Thread-safe after the first call.
std::string markdown_to_html(std::string_view markdown);

}  // namespace dialoog::matrix
