#include "commands/tenzij/besluit_format.hpp"

#include "lib/wanneer/wanneer.hpp"

#include <date/tz.h>

#include <chrono>
#include <cstdio>

namespace dialoog::tenzij {

namespace {

using Ms = std::chrono::milliseconds;
using SysMs = std::chrono::sys_time<Ms>;

std::string two(unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02u", v);
    return buf;
}

date::local_time<Ms> to_local(std::int64_t ms, const date::time_zone* tz) {
    SysMs t{Ms{ms}};
    if (!tz) return date::local_time<Ms>{t.time_since_epoch()};
    return tz->to_local(t);
}

}  // namespace

std::string user_md(std::string_view user_id) {
    std::string id(user_id);
    return "[" + commands::md_escape(id) + "](https://matrix.to/#/" + id + ")";
}

std::string format_day(std::int64_t ms, const date::time_zone* tz, const std::string& lang,
                       const commands::Catalogue& texts) {
    auto day = date::floor<date::days>(to_local(ms, tz));
    date::year_month_day ymd{day};
    return texts.get(lang, "tenzij.date",
                     {{"d", two(static_cast<unsigned>(ymd.day()))},
                      {"m", two(static_cast<unsigned>(ymd.month()))},
                      {"y", std::to_string(static_cast<int>(ymd.year()))}});
}

std::int64_t default_due_ms(std::int64_t now_ms, const date::time_zone* tz) {
    const wanneer::UtcMs now{std::chrono::milliseconds{now_ms}};
    return wanneer::default_follow_up(now, tz).time_since_epoch().count();
}

std::string status_text(std::string_view status, const std::string& lang,
                        const commands::Catalogue& texts) {
    return texts.get(lang, "tenzij.status_" + std::string(status));
}

commands::TextArgs besluit_args(const Besluit& b, const date::time_zone* tz,
                                const std::string& lang, const commands::Catalogue& texts,
                                std::string_view tenzij_key) {
    std::string tenzij;
    if (b.tenzij && !b.tenzij->empty())
        tenzij = texts.get(lang, tenzij_key, {{"tenzij", commands::md_escape(*b.tenzij)}});
    return {{"id", std::to_string(b.id)},
            {"description", commands::md_escape(b.description)},
            {"tenzij", tenzij},
            {"owner", user_md(b.owner)},
            {"due", format_day(b.due_ms, tz, lang, texts)}};
}

}  // namespace dialoog::tenzij
