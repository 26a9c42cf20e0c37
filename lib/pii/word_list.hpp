// The Dutch word list (Debian wdutch, /usr/share/dict/dutch) in a compact form: one string
// holding all entries and two sorted arrays of (offset, length) with a two-byte prefix index,
// ~9 MB for 400k entries instead of a hash set several times that size. Lookups are binary
// searches within one prefix.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dialoog::pii::detail {

class WordList {
  public:
    /// Reads one word per line (UTF-8, NFC-normalised on load). Returns false, and stays empty,
    /// if the file cannot be read. Call once, before sharing the object between threads.
    bool load(const std::string& path);

    bool empty() const noexcept { return common_.entries.empty() && proper_.entries.empty(); }
    /// Exact match among entries that do not start with an uppercase letter (common words).
    bool contains_common(std::string_view lower_word) const noexcept;
    /// Exact match among capitalised entries (names, places, nationalities, ...).
    bool contains_proper(std::string_view word) const noexcept;

  private:
    struct Entry {
        std::uint32_t offset;
        std::uint32_t length;
    };
    // Sorted entries plus, per first two bytes, where their range starts: a lookup then
    // binary-searches a few hundred entries instead of 400k (this runs for many words).
    struct Table {
        std::vector<Entry> entries;
        std::vector<std::uint32_t> start;  // 65537 offsets into entries
    };
    static std::size_t prefix_key(std::string_view word) noexcept {
        const auto c0 = static_cast<unsigned char>(word[0]);
        const auto c1 = word.size() > 1 ? static_cast<unsigned char>(word[1]) : 0u;
        return (static_cast<std::size_t>(c0) << 8) | c1;
    }
    void build(Table& table);
    bool contains(const Table& table, std::string_view word) const noexcept;
    std::string_view view(Entry e) const noexcept { return {blob_.data() + e.offset, e.length}; }

    std::string blob_;
    Table common_;
    Table proper_;
};

}  // namespace dialoog::pii::detail
