#include "lib/pii/word_list.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>

#include "lib/pii/text.hpp"

namespace dialoog::pii::detail {

bool WordList::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return false;
    // Offsets are 32-bit; a word list past 4 GB is not a word list.
    if (raw.size() >= std::numeric_limits<std::uint32_t>::max()) return false;

    blob_.clear();
    blob_.reserve(raw.size());
    common_ = {};
    proper_ = {};
    std::size_t pos = 0;
    while (pos < raw.size()) {
        std::size_t eol = raw.find('\n', pos);
        if (eol == std::string::npos) eol = raw.size();
        std::string_view line(raw.data() + pos, eol - pos);
        pos = eol + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.size() > 200) continue;
        bool ascii = std::all_of(line.begin(), line.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        const std::string nfc = ascii ? std::string() : to_nfc(line);
        const std::string_view word = ascii ? line : std::string_view(nfc);
        std::size_t i = 0;
        const char32_t first = decode_utf8(word, i);
        const Entry e{static_cast<std::uint32_t>(blob_.size()),
                      static_cast<std::uint32_t>(word.size())};
        blob_.append(word);
        (is_upper(first) ? proper_ : common_).entries.push_back(e);
    }
    build(common_);
    build(proper_);
    blob_.shrink_to_fit();
    return !empty();
}

void WordList::build(Table& table) {
    const auto less = [this](Entry a, Entry b) { return view(a) < view(b); };
    std::sort(table.entries.begin(), table.entries.end(), less);
    table.entries.shrink_to_fit();
    // start[key] = first entry whose two-byte prefix key is >= key (entries are never empty).
    table.start.assign(65537, 0);
    std::size_t e = 0;
    for (std::size_t key = 0; key <= 65536; ++key) {
        while (e < table.entries.size() && prefix_key(view(table.entries[e])) < key) ++e;
        table.start[key] = static_cast<std::uint32_t>(e);
    }
}

bool WordList::contains(const Table& table, std::string_view word) const noexcept {
    if (word.empty() || table.entries.empty()) return false;
    const std::size_t key = prefix_key(word);
    const auto first = table.entries.begin() + table.start[key];
    const auto last = table.entries.begin() + table.start[key + 1];
    const auto it = std::lower_bound(first, last, word,
                                     [this](Entry e, std::string_view w) { return view(e) < w; });
    return it != last && view(*it) == word;
}

bool WordList::contains_common(std::string_view lower_word) const noexcept {
    return contains(common_, lower_word);
}

bool WordList::contains_proper(std::string_view word) const noexcept {
    return contains(proper_, word);
}

}  // namespace dialoog::pii::detail
