// Scrubber: removes personal data (AVG/GDPR "persoonsgegevens") from client stories before the
// inbreng feature stores them. Pure C++: no network, no logging of input text, no standard-library
// regex.
//
// The rules: typed placeholders, BSN elfproef, IBAN mod-97, Dutch phone formats, postcodes,
// streets, residences, dates with a year or in a birth context, ages, names after forms of
// address and unknown capitalised words, long digit strings, URLs. The privacy principle
// behind them: data minimisation (AVG/GDPR); never store a BSN.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dialoog::pii {

/// Kind of personal data that the scrubber replaces. Each kind has one placeholder text.
enum class PiiType {
    Naam,      ///< person name: "[NAAM]"
    Bsn,       ///< burgerservicenummer passing the elfproef: "[BSN]"
    Iban,      ///< bank account number of any country, mod-97 valid: "[IBAN]"
    Telefoon,  ///< Dutch or international phone number: "[TELEFOON]"
    Email,     ///< e-mail address: "[EMAIL]"
    Postcode,  ///< Dutch postcode (1234 AB): "[POSTCODE]"
    Adres,     ///< street plus house number, postbus: "[ADRES]"
    Plaats,    ///< place where someone lives, was born or comes from: "[PLAATS]"
    Datum,     ///< date with a year, or any date in a birth context: "[DATUM]"
    Leeftijd,  ///< age in years (only the number is replaced: "[LEEFTIJD] jaar"): "[LEEFTIJD]"
    Nummer,    ///< digit string of 7+ digits, or a case/client number after its keyword: "[NUMMER]"
    Url,       ///< web address: "[URL]"
};

/// Placeholder text for a type, e.g. placeholder(PiiType::Naam) == "[NAAM]". Static storage.
std::string_view placeholder(PiiType type) noexcept;

/// One replaced item: its type and byte range [begin, end) in the NFC-normalised input.
struct Finding {
    PiiType type;
    std::size_t begin;
    std::size_t end;
};

/// Result of Scrubber::scrub: the scrubbed UTF-8 text (NFC) and, for metrics, how many items of
/// each type were replaced. It never holds a replaced value.
struct ScrubResult {
    std::string text;
    std::map<PiiType, int> counts;
};

/// Anonymises Dutch free text. Construct once (loads the word list: ~9 MB in memory, one string
/// plus sorted offset arrays); scrub() is const and thread-safe, so one instance can serve all
/// handlers.
class Scrubber {
  public:
    struct Options {
        /// Debian's wdutch word list. Lowercase entries are the "common Dutch words"; capitalised
        /// entries are proper nouns (names, places). Missing or unreadable file: the scrubber
        /// still works, with weaker name detection (see has_dictionary()).
        std::string dictionary_path = "/usr/share/dict/dutch";
        /// Extra domain words that must stay, from the YAML config (e.g. local scheme names).
        /// Matched case-sensitively and, for all-lowercase entries, case-insensitively; a
        /// phrase keeps each of its words.
        std::vector<std::string> keep_words;
    };

    /// Uses the default Options. Never throws for a missing dictionary.
    Scrubber();
    /// Loads the dictionary once. Throws only std::bad_alloc; an unreadable dictionary degrades
    /// gracefully (has_dictionary() == false; then every capitalised non-keep word inside a
    /// sentence counts as a name).
    explicit Scrubber(Options options);
    ~Scrubber();
    Scrubber(Scrubber&&) noexcept;
    Scrubber& operator=(Scrubber&&) noexcept;
    Scrubber(const Scrubber&) = delete;
    Scrubber& operator=(const Scrubber&) = delete;

    /// True if the word list was loaded.
    bool has_dictionary() const noexcept;

    /// Finds the items to replace in text that is already NFC (see normalize_nfc). Findings are
    /// sorted by begin, do not overlap and start and end on code point boundaries. Invalid
    /// UTF-8 bytes are tolerated (treated as U+FFFD). Thread-safe.
    std::vector<Finding> find(std::string_view nfc_text) const;

    /// Normalises utf8_text to NFC (invalid UTF-8 bytes become U+FFFD), then replaces every found
    /// item by its placeholder. Any size; linear time. Thread-safe.
    ScrubResult scrub(std::string_view utf8_text) const;

  private:
    struct Impl;
    std::unique_ptr<const Impl> impl_;
};

/// NFC-normalises UTF-8 text with libutf8proc; invalid byte sequences become U+FFFD.
std::string normalize_nfc(std::string_view utf8_text);

/// For the CLI: reads `in` line by line and writes one scrubbed line per input line (each ended
/// by '\n') to `out`. A trailing '\r' is kept out of the scrubbed text and dropped.
void scrub_stream(const Scrubber& scrubber, std::istream& in, std::ostream& out);

}  // namespace dialoog::pii
