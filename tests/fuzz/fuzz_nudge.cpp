// libFuzzer target for the nudge detector: any bytes as a message body must be handled
// without crashes, sanitizer reports or runaway time. Input starting with "P:" also feeds its
// first line to the pattern compiler as a YAML-added pattern, the other untrusted input.
//
// Build: clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. \
//   tests/fuzz/fuzz_nudge.cpp commands/tenzij/nudge_*.cpp -lpcre2-8 -lutf8proc
// Run:   ./fuzz_nudge tests/fuzz/corpus/nudge -max_total_time=120
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>

#include "commands/tenzij/nudge_detector.hpp"

namespace {

using dialoog::tenzij::NudgeConfig;
using dialoog::tenzij::NudgeDetector;

const NudgeDetector& default_detector() {
    static const NudgeDetector detector = std::get<NudgeDetector>(NudgeDetector::create());
    return detector;
}

void check_match(const NudgeDetector& detector, std::string_view body) {
    auto first = detector.detect(body);
    // Deterministic, and the id names a pattern of the set.
    auto second = detector.detect(body);
    if (first.has_value() != second.has_value()) std::abort();
    if (first) {
        bool known = false;
        for (const auto& p : detector.patterns()) known = known || p.id == first->pattern_id;
        if (!known || first->pattern_id != second->pattern_id) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    check_match(default_detector(), input);

    if (input.substr(0, 2) == "P:") {
        std::size_t eol = input.find('\n');
        std::string pattern(
            input.substr(2, eol == std::string_view::npos ? input.size() - 2 : eol - 2));
        NudgeConfig config;
        config.add.push_back({"en.fuzz", "en", pattern});
        auto built = NudgeDetector::create(config);
        if (auto* detector = std::get_if<NudgeDetector>(&built)) {
            std::string_view body =
                eol == std::string_view::npos ? std::string_view{} : input.substr(eol + 1);
            check_match(*detector, body);
        }
    }

    // The CLI path: one output line per input line.
    std::istringstream in{std::string(input)};
    std::ostringstream out;
    dialoog::tenzij::nudge_check_stream(default_detector(), in, out);
    return 0;
}
