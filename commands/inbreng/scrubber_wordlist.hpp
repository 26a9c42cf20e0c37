// The Dutch word list (Debian wdutch, /usr/share/dict/dutch) in a compact form: one string
// holding all entries and two sorted arrays of (offset, length), ~8 MB for 400k entries instead
// of a hash set several times that size. Lookups are binary searches.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dialoog::inbreng::detail {

class WordList {
  public:
    /// Reads one word per line (UTF-8, NFC-normalised on load). Returns false, and stays empty,
    /// if the file cannot be read. Call once, before sharing the object between threads.
    bool load(const std::string& path);

    bool empty() const noexcept { return common_.empty() && proper_.empty(); }
    /// Exact match among entries that do not start with an uppercase letter (common words).
    bool contains_common(std::string_view lower_word) const noexcept;
    /// Exact match among capitalised entries (names, places, nationalities, ...).
    bool contains_proper(std::string_view word) const noexcept;

  private:
    struct Entry {
        std::uint32_t offset;
        std::uint32_t length;
    };
    bool contains(const std::vector<Entry>& entries, std::string_view word) const noexcept;
    std::string_view view(Entry e) const noexcept { return {blob_.data() + e.offset, e.length}; }

    std::string blob_;
    std::vector<Entry> common_;
    std::vector<Entry> proper_;
};

}  // namespace dialoog::inbreng::detail
