#include "commands/inbreng/md_quote.hpp"

#include "commands/catalogue.hpp"

namespace dialoog::inbreng {

namespace {

/// A line that Markdown would read as a list item or heading ("- x", "1. x", "+ x") keeps
/// its text when the marker is escaped.
std::string escape_line(std::string_view line) {
    std::string out = commands::md_escape(line);
    std::size_t i = 0;
    while (i < out.size() && out[i] == ' ') ++i;
    if (i < out.size() && (out[i] == '-' || out[i] == '+' || out[i] == '=')) {
        out.insert(i, "\\");
    } else {
        std::size_t j = i;
        while (j < out.size() && out[j] >= '0' && out[j] <= '9') ++j;
        if (j > i && j < out.size() && (out[j] == '.' || out[j] == ')')) out.insert(j, "\\");
    }
    return out;
}

}  // namespace

std::string md_quote(std::string_view text) {
    std::string out;
    while (true) {
        auto nl = text.find('\n');
        auto line = text.substr(0, nl);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!out.empty()) out += "  \n";
        out += "> " + escape_line(line);
        if (nl == std::string_view::npos) break;
        text.remove_prefix(nl + 1);
    }
    return out;
}

std::string shorten(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    std::size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    auto space = text.rfind(' ', cut);
    if (space != std::string_view::npos && space > max_bytes / 2) cut = space;
    return std::string(text.substr(0, cut)) + "…";
}

}  // namespace dialoog::inbreng
