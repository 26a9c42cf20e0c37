#include "commands/catalogue.hpp"

namespace dialoog::commands {

void Catalogue::add(const std::vector<TextEntry>& entries) {
    for (const auto& e : entries) {
        if (e.nl) texts_["nl"][e.key] = e.nl;
        if (e.en) texts_["en"][e.key] = e.en;
    }
}

void Catalogue::add(std::string_view lang, std::string_view key, std::string text) {
    texts_[std::string(lang)][std::string(key)] = std::move(text);
}

bool Catalogue::has(std::string_view lang, std::string_view key) const {
    auto l = texts_.find(lang);
    return l != texts_.end() && l->second.find(key) != l->second.end();
}

std::string Catalogue::get(std::string_view lang, std::string_view key,
                           const TextArgs& args) const {
    for (std::string_view l : {lang, std::string_view("nl")}) {
        auto it = texts_.find(l);
        if (it == texts_.end()) continue;
        auto t = it->second.find(key);
        if (t != it->second.end()) return fill_placeholders(t->second, args);
    }
    return "[" + std::string(key) + "]";
}

std::vector<std::string> Catalogue::missing_translations() const {
    std::vector<std::string> out;
    auto nl = texts_.find("nl");
    auto en = texts_.find("en");
    if (nl == texts_.end() || en == texts_.end()) return out;
    for (const auto& [k, v] : nl->second)
        if (!en->second.count(k)) out.push_back("en:" + k);
    for (const auto& [k, v] : en->second)
        if (!nl->second.count(k)) out.push_back("nl:" + k);
    return out;
}

std::string fill_placeholders(std::string_view pattern, const TextArgs& args) {
    std::string out;
    out.reserve(pattern.size() + 32);
    std::size_t i = 0;
    while (i < pattern.size()) {
        if (pattern[i] == '{') {
            auto close = pattern.find('}', i + 1);
            if (close != std::string_view::npos) {
                auto name = pattern.substr(i + 1, close - i - 1);
                const std::string* value = nullptr;
                for (const auto& [k, v] : args)
                    if (k == name) value = &v;
                if (value) {
                    out += *value;
                    i = close + 1;
                    continue;
                }
            }
        }
        out.push_back(pattern[i++]);
    }
    return out;
}

std::string md_echo(std::string_view text) {
    std::string cut;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c & 0xC0) != 0x80 && ++chars > kMaxEchoChars) {
            cut += "…";
            break;
        }
        cut.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : text[i]);
    }
    return md_escape(cut);
}

std::string md_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (char c : text) {
        switch (c) {
            case '\\':
            case '`':
            case '*':
            case '_':
            case '[':
            case ']':
            case '<':
            case '>':
            case '#':
            case '|':
            case '~':
            case '&':
                out.push_back('\\');
                out.push_back(c);
                break;
            case '\n':
                out += "  \n";
                break;
            default:
                out.push_back(c);
        }
    }
    return out;
}

}  // namespace dialoog::commands
