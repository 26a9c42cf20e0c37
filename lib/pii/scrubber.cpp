#include "lib/pii/scrubber.hpp"

#include <algorithm>
#include <istream>
#include <ostream>
#include <utility>

#include "lib/pii/candidate.hpp"
#include "lib/pii/patterns.hpp"
#include "lib/pii/text.hpp"
#include "lib/pii/word_list.hpp"
#include "lib/pii/words.hpp"

namespace dialoog::pii {

std::string_view placeholder(PiiType type) noexcept {
    switch (type) {
        case PiiType::Naam:
            return "[NAAM]";
        case PiiType::Bsn:
            return "[BSN]";
        case PiiType::Iban:
            return "[IBAN]";
        case PiiType::Telefoon:
            return "[TELEFOON]";
        case PiiType::Email:
            return "[EMAIL]";
        case PiiType::Postcode:
            return "[POSTCODE]";
        case PiiType::Adres:
            return "[ADRES]";
        case PiiType::Plaats:
            return "[PLAATS]";
        case PiiType::Datum:
            return "[DATUM]";
        case PiiType::Leeftijd:
            return "[LEEFTIJD]";
        case PiiType::Nummer:
            return "[NUMMER]";
        case PiiType::Url:
            return "[URL]";
    }
    return "[?]";
}

struct Scrubber::Impl {
    detail::WordList dictionary;
    detail::KeepWords keep;
    bool has_dictionary = false;
};

Scrubber::Scrubber() : Scrubber(Options{}) {}

Scrubber::Scrubber(Options options) {
    auto impl = std::make_unique<Impl>();
    impl->has_dictionary = impl->dictionary.load(options.dictionary_path);
    for (const std::string& entry : options.keep_words) {
        // A phrase ("Leger des Heils") keeps each of its words.
        const std::string nfc = detail::to_nfc(entry);
        std::size_t from = 0;
        while (from < nfc.size()) {
            std::size_t space = nfc.find(' ', from);
            if (space == std::string::npos) space = nfc.size();
            const std::string word = nfc.substr(from, space - from);
            from = space + 1;
            if (word.empty()) continue;
            std::string lower;
            detail::to_lower(word, lower);
            if (lower == word) impl->keep.lower.push_back(lower);
            impl->keep.exact.push_back(word);
        }
    }
    for (auto* list : {&impl->keep.exact, &impl->keep.lower}) {
        std::sort(list->begin(), list->end());
        list->erase(std::unique(list->begin(), list->end()), list->end());
    }
    impl_ = std::move(impl);
}

Scrubber::~Scrubber() = default;
Scrubber::Scrubber(Scrubber&&) noexcept = default;
Scrubber& Scrubber::operator=(Scrubber&&) noexcept = default;

bool Scrubber::has_dictionary() const noexcept {
    return impl_ && impl_->has_dictionary;
}

namespace {

// Finds the items of one segment (offsets relative to it).
void find_in_segment(std::string_view text, const detail::WordList& dictionary,
                     const detail::KeepWords& keep, std::vector<Finding>& findings,
                     std::size_t offset) {
    std::vector<detail::Candidate> candidates;
    detail::find_emails(text, candidates);
    detail::find_urls(text, candidates);
    detail::find_ibans(text, candidates);
    detail::find_phones(text, candidates);
    detail::find_digit_strings(text, candidates);
    detail::find_license_plates(text, candidates);
    detail::find_postcodes(text, candidates);
    detail::find_numeric_dates(text, candidates);
    const std::vector<detail::Token> tokens = detail::tokenize(text);
    const std::vector<detail::Candidate> structured = candidates;
    detail::find_word_items(text, tokens, dictionary, keep, structured, candidates);

    // Merge overlapping candidates: the union is replaced (nothing half-hidden), named by the
    // longest member; priority breaks ties (a BSN beats the [NUMMER] for the same digits).
    std::sort(candidates.begin(), candidates.end(),
              [](const detail::Candidate& a, const detail::Candidate& b) {
                  return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
              });
    const std::size_t first_new = findings.size();
    std::size_t i = 0;
    while (i < candidates.size()) {
        std::size_t begin = candidates[i].begin;
        std::size_t end = candidates[i].end;
        const detail::Candidate* best = &candidates[i];
        std::size_t j = i + 1;
        while (j < candidates.size() && candidates[j].begin < end) {
            const auto& c = candidates[j];
            end = std::max(end, c.end);
            const std::size_t len = c.end - c.begin;
            const std::size_t best_len = best->end - best->begin;
            if (len > best_len || (len == best_len && c.priority > best->priority)) best = &c;
            ++j;
        }
        // Never cut a UTF-8 sequence: widen to code point boundaries.
        while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) --begin;
        while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
        if (findings.size() > first_new && begin + offset < findings.back().end) {
            findings.back().end = std::max(findings.back().end, end + offset);
        } else {
            findings.push_back({best->type, begin + offset, end + offset});
        }
        i = j;
    }
}

// Segments of at most this size keep the working set in cache and memory bounded. They are cut
// after a line break (no rule looks across one); a longer line is cut after a sentence, else
// after a space, else at a code point boundary (only pathological input has none of these).
constexpr std::size_t kSegmentBytes = 32 * 1024;

std::size_t segment_end(std::string_view text, std::size_t begin) {
    if (text.size() - begin <= kSegmentBytes) return text.size();
    const std::size_t limit = begin + kSegmentBytes;
    const std::string_view window = text.substr(begin, kSegmentBytes);
    if (const std::size_t nl = window.rfind('\n'); nl != std::string_view::npos) {
        return begin + nl + 1;
    }
    // a sentence end: ". " after a word of 5+ letters (not "Dhr. " or "P. ")
    for (std::size_t dot = window.rfind(". "); dot != std::string_view::npos && dot > 0;
         dot = window.rfind(". ", dot - 1)) {
        std::size_t letters = 0;
        while (letters < 5 && dot > letters && detail::is_ascii_alpha(window[dot - 1 - letters]))
            ++letters;
        if (letters == 5) return begin + dot + 2;
        if (dot < kSegmentBytes / 2) break;  // do not search the whole window
    }
    if (const std::size_t sp = window.rfind(' ');
        sp != std::string_view::npos && sp > kSegmentBytes / 2) {
        return begin + sp + 1;
    }
    std::size_t end = limit;
    while (end > begin + 1 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return end;
}

}  // namespace

std::vector<Finding> Scrubber::find(std::string_view text) const {
    static const Impl kMovedFrom;  // a moved-from Scrubber still works, without dictionary
    const Impl& impl = impl_ ? *impl_ : kMovedFrom;
    std::vector<Finding> findings;
    std::size_t begin = 0;
    while (begin < text.size()) {
        const std::size_t end = segment_end(text, begin);
        find_in_segment(text.substr(begin, end - begin), impl.dictionary, impl.keep, findings,
                        begin);
        begin = end;
    }
    return findings;
}

namespace {

/// Spaces and invisible characters that pasted text (Word, Outlook, web pages) puts inside
/// numbers and names: no-break and other fixed-width spaces become a plain space, zero-width
/// characters and NUL are dropped, so "06\u00a012\u00a034\u00a056\u00a078" and
/// "123\u200b456782" are found like their plain forms.
std::string fold_invisible(std::string text) {
    bool plain = true;
    for (unsigned char c : text)
        if (c >= 0x80 || c == 0) {
            plain = false;
            break;
        }
    if (plain) return text;
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const char32_t cp = detail::decode_utf8(text, i);
        if (cp == 0 || cp == 0x200B || cp == 0x200C || cp == 0x200D || cp == 0x2060 ||
            cp == 0xFEFF || cp == 0x00AD)
            continue;
        if (cp == 0x00A0 || cp == 0x2007 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200A) ||
            cp == 0x205F || cp == 0x3000) {
            out += ' ';
            continue;
        }
        detail::append_utf8(out, cp);
    }
    return out;
}

}  // namespace

ScrubResult Scrubber::scrub(std::string_view utf8_text) const {
    ScrubResult result;
    const std::string text = fold_invisible(detail::to_nfc(utf8_text));
    const std::vector<Finding> findings = find(text);
    result.text.reserve(text.size());
    std::size_t pos = 0;
    for (const Finding& f : findings) {
        result.text.append(text, pos, f.begin - pos);
        result.text.append(placeholder(f.type));
        ++result.counts[f.type];
        pos = f.end;
    }
    result.text.append(text, pos, std::string::npos);
    return result;
}

std::string normalize_nfc(std::string_view utf8_text) {
    return detail::to_nfc(utf8_text);
}

void scrub_stream(const Scrubber& scrubber, std::istream& in, std::ostream& out) {
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out << scrubber.scrub(line).text << '\n';
    }
}

}  // namespace dialoog::pii
