#include "scrubber_wordlist.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <limits>

#include "scrubber_text.hpp"

namespace dialoog::inbreng::detail {

bool WordList::load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return false;
    // Offsets are 32-bit; a word list past 4 GB is not a word list.
    if (raw.size() >= std::numeric_limits<std::uint32_t>::max()) return false;

    blob_.clear();
    blob_.reserve(raw.size());
    common_.clear();
    proper_.clear();
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
        (is_upper(first) ? proper_ : common_).push_back(e);
    }
    const auto less = [this](Entry a, Entry b) { return view(a) < view(b); };
    std::sort(common_.begin(), common_.end(), less);
    std::sort(proper_.begin(), proper_.end(), less);
    blob_.shrink_to_fit();
    common_.shrink_to_fit();
    proper_.shrink_to_fit();
    return !empty();
}

bool WordList::contains(const std::vector<Entry>& entries, std::string_view word) const noexcept {
    const auto it = std::lower_bound(entries.begin(), entries.end(), word,
                                     [this](Entry e, std::string_view w) { return view(e) < w; });
    return it != entries.end() && view(*it) == word;
}

bool WordList::contains_common(std::string_view lower_word) const noexcept {
    return contains(common_, lower_word);
}

bool WordList::contains_proper(std::string_view word) const noexcept {
    return contains(proper_, word);
}

}  // namespace dialoog::inbreng::detail
