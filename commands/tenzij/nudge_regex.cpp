#include "commands/tenzij/nudge_regex.hpp"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <stdexcept>

namespace dialoog::tenzij {
namespace {

// Bounds for one pcre2_match call. Built-in patterns need a few hundred steps; the limits
// only stop pathological user patterns (nested quantifiers) from stalling the bot.
constexpr uint32_t kMatchLimit = 200'000;
constexpr uint32_t kDepthLimit = 2'000;
constexpr std::size_t kMaxPatternBytes = 8'192;

// Per-thread scratch: pcre2_match writes into match data, so sharing one between threads
// would race. One small block per thread keeps detect() allocation-free and thread-safe.
struct MatchScratch {
    pcre2_match_data* data = pcre2_match_data_create(1, nullptr);
    pcre2_match_context* context = [] {
        pcre2_match_context* ctx = pcre2_match_context_create(nullptr);
        if (ctx != nullptr) {
            pcre2_set_match_limit(ctx, kMatchLimit);
            pcre2_set_depth_limit(ctx, kDepthLimit);
        }
        return ctx;
    }();
    MatchScratch() = default;
    MatchScratch(const MatchScratch&) = delete;
    MatchScratch& operator=(const MatchScratch&) = delete;
    ~MatchScratch() {
        pcre2_match_data_free(data);
        pcre2_match_context_free(context);
    }
};

MatchScratch& scratch() {
    thread_local MatchScratch s;
    return s;
}

std::string error_text(int code) {
    PCRE2_UCHAR buffer[256];
    int n = pcre2_get_error_message(code, buffer, sizeof buffer);
    if (n < 0) return "unknown PCRE2 error " + std::to_string(code);
    return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

// Advances one UTF-8 code point from `pos` (the subject is valid UTF-8).
std::size_t next_code_point(std::string_view s, std::size_t pos) {
    ++pos;
    while (pos < s.size() && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80) ++pos;
    return pos;
}

}  // namespace

struct NudgeRegex::Code {
    pcre2_code* code = nullptr;
    ~Code() { pcre2_code_free(code); }
};

std::variant<NudgeRegex, RegexError> NudgeRegex::compile(std::string_view pattern) {
    if (pattern.empty()) return RegexError{"empty pattern", 0};
    if (pattern.size() > kMaxPatternBytes) {
        return RegexError{"pattern longer than " + std::to_string(kMaxPatternBytes) + " bytes",
                          kMaxPatternBytes};
    }
    int error_code = 0;
    PCRE2_SIZE error_offset = 0;
    // NEVER_BACKSLASH_C: \C could split a UTF-8 sequence and break later guards.
    const uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_NEVER_BACKSLASH_C;
    pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                     options, &error_code, &error_offset, nullptr);
    if (code == nullptr) return RegexError{error_text(error_code), error_offset};
    // JIT failure (e.g. unsupported platform) is not an error: the interpreter still works.
    (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    auto holder = std::make_shared<Code>();
    holder->code = code;
    return NudgeRegex(std::move(holder));
}

NudgeRegex NudgeRegex::compile_builtin(std::string_view pattern) {
    auto result = compile(pattern);
    if (auto* error = std::get_if<RegexError>(&result)) {
        throw std::logic_error("built-in nudge pattern does not compile: " + error->message +
                               " at offset " + std::to_string(error->offset) + " in " +
                               std::string(pattern));
    }
    return std::get<NudgeRegex>(std::move(result));
}

std::optional<RegexSpan> NudgeRegex::find(std::string_view subject, std::size_t start) const {
    // PCRE2 10.42 rejects a null subject even with length 0.
    if (subject.data() == nullptr) subject = std::string_view("", 0);
    MatchScratch& s = scratch();
    if (s.data == nullptr || s.context == nullptr) return std::nullopt;
    while (start <= subject.size()) {
        int rc = pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()),
                             subject.size(), start, PCRE2_NO_UTF_CHECK, s.data, s.context);
        // rc == 0 only means the ovector was too small for the groups; the match stands.
        if (rc < 0) return std::nullopt;
        const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(s.data);
        RegexSpan span{ovector[0], ovector[1]};
        // \K in a lookahead can produce end < begin; treat such spans like empty ones.
        if (span.end > span.begin) return span;
        if (start >= subject.size()) return std::nullopt;
        start = next_code_point(subject, std::max<std::size_t>(start, span.begin));
    }
    return std::nullopt;
}

bool NudgeRegex::matches(std::string_view subject) const {
    if (subject.data() == nullptr) subject = std::string_view("", 0);
    MatchScratch& s = scratch();
    if (s.data == nullptr || s.context == nullptr) return false;
    int rc = pcre2_match(code_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(),
                         0, PCRE2_NO_UTF_CHECK, s.data, s.context);
    return rc >= 0;
}

}  // namespace dialoog::tenzij
