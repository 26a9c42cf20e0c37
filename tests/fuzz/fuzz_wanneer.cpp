// libFuzzer target for the <wanneer> parser, the weekly-rule parser, ISO weeks and --now.
// Build: clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -DUSE_OS_TZDB=1
//        -I. lib/wanneer/*.cpp tests/fuzz/fuzz_wanneer.cpp -ldate-tz
// Run:   ./fuzz_wanneer tests/fuzz/corpus/wanneer -max_total_time=120
// Input: byte 0 picks the zone, byte 1 the injected "now", the rest is the text. Besides "no
// crash", it checks invariants: results are in the future, the prefix re-parses to the same
// instant, formatted output parses back.

#include "lib/wanneer/recurrence.hpp"
#include "lib/wanneer/wanneer.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

namespace {

using namespace dialoog::wanneer;

void check(bool ok) {
    if (!ok) std::abort();
}

const std::array<const date::time_zone*, 6>& zones() {
    static const std::array<const date::time_zone*, 6> z{
        find_time_zone("Europe/Amsterdam"), find_time_zone("America/New_York"),
        find_time_zone("Asia/Kolkata"),     find_time_zone("Australia/Lord_Howe"),
        find_time_zone("America/Santiago"), nullptr};
    return z;
}

// Instants near DST changes and year ends, where bugs would hide.
const std::array<const char*, 8> kNows{"2026-03-27T09:00:00Z",     "2026-03-29T00:30:00Z",
                                       "2026-10-25T00:45:00Z",     "2026-12-31T22:59:59Z",
                                       "2027-02-28T12:00:00Z",     "2028-02-29T23:00:00Z",
                                       "2026-10-24T23:59:59.999Z", "1970-01-01T00:00:00Z"};

void check_ok(const WanneerOk& ok, std::string_view text, const date::time_zone* tz, UtcMs now) {
    check(ok.instant > now);
    check(ok.instant - now <= std::chrono::hours{24 * 366 * 2 + 48});
    check(ok.consumed_bytes <= text.size() && ok.consumed_bytes > 0);
    check(ok.local_iso == format_local_iso(ok.instant, tz));
    // The local ISO string carries its offset and reads back to the instant (whole seconds).
    auto back = parse_now_argument(ok.local_iso, tz);
    check(back.has_value() && *back == std::chrono::floor<std::chrono::seconds>(ok.instant));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const date::time_zone* tz = zones()[data[0] % zones().size()];
    const UtcMs now = *parse_now_argument(kNows[data[1] % kNows.size()], nullptr);
    const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);

    const auto full = parse_wanneer(text, tz, now);
    if (const auto* ok = std::get_if<WanneerOk>(&full)) {
        check_ok(*ok, text, tz, now);
        check(ok->consumed_bytes == text.size());
    }

    const auto prefix = parse_wanneer_prefix(text, tz, now);
    if (const auto* ok = std::get_if<WanneerOk>(&prefix)) {
        check_ok(*ok, text, tz, now);
        const auto again = parse_wanneer(text.substr(0, ok->consumed_bytes), tz, now);
        check(std::holds_alternative<WanneerOk>(again) &&
              std::get<WanneerOk>(again).instant == ok->instant);
        // The title is a view into the text that keeps everything up to the trailing blanks.
        const auto rest = rest_after(text, ok->consumed_bytes);
        if (!rest.empty()) {
            const std::size_t end =
                static_cast<std::size_t>(rest.data() - text.data()) + rest.size();
            check(end <= text.size());
            for (std::size_t i = end; i < text.size(); ++i) {
                const auto b = static_cast<unsigned char>(text[i]);
                check(b == ' ' || (b >= '\t' && b <= '\r') || b == 0xC2 || b == 0xA0);
            }
        }
    }
    // A full parse that succeeds is also the longest prefix.
    if (const auto* ok = std::get_if<WanneerOk>(&full)) {
        const auto* p = std::get_if<WanneerOk>(&prefix);
        check(p != nullptr && p->instant == ok->instant);
    }

    WanneerOptions opt;
    opt.default_time = std::chrono::minutes{9 * 60};
    const auto with_default = parse_wanneer(text, tz, now, opt);
    if (const auto* ok = std::get_if<WanneerOk>(&with_default)) {
        check_ok(*ok, text, tz, now);
    }

    const auto rule = parse_weekly_rule(text, iso_week_of(now, tz));
    if (const auto* r = std::get_if<WeeklyRule>(&rule)) {
        check(r->every_weeks >= 1 && r->every_weeks <= 52);
        check(r->time_of_day >= std::chrono::minutes{0} && r->time_of_day < std::chrono::hours{24});
        auto reparsed = parse_weekly_rule(format_weekly_rule(*r), r->anchor);
        check(std::holds_alternative<WeeklyRule>(reparsed) && std::get<WeeklyRule>(reparsed) == *r);
        const UtcMs next = next_occurrence(*r, tz, now);
        check(next > now);
        check(next - now <= std::chrono::hours{24 * 7 * (r->every_weeks + 1) + 2});
        check(next_occurrence(*r, tz, next) > next);
    }

    if (auto w = parse_iso_week(text)) {
        check(parse_iso_week(format_iso_week(*w)) == w);
        auto b = iso_week_bounds(*w, tz);
        check(b.has_value() && b->first < b->second);
        check(iso_week_of(b->first, tz) == *w);
    }

    if (auto t = parse_now_argument(text, tz)) {
        (void)format_utc_iso(*t);
        (void)format_local_iso(*t, tz);
        (void)iso_week_of(*t, tz);
    }
    return 0;
}
