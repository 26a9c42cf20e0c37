#include "commands/casus/when_text.hpp"

#include <date/date.h>
#include <date/tz.h>

#include <cstdio>

namespace dialoog::casus {

using std::chrono::milliseconds;

std::string when_error_text(const commands::Catalogue& texts, std::string_view lang,
                            const wanneer::WanneerFail& fail) {
    std::string key = "casus.when." + std::string(wanneer::error_code_name(fail.code));
    return texts.get(lang, key, {{"fragment", commands::md_echo(fail.fragment)}});
}

namespace {

date::local_time<milliseconds> local_of(std::int64_t ms, const date::time_zone* tz) {
    date::sys_time<milliseconds> t{milliseconds{ms}};
    if (!tz) return date::local_time<milliseconds>{t.time_since_epoch()};
    return tz->to_local(t);
}

std::string two(unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02u", v);
    return buf;
}

}  // namespace

std::string format_clock(std::int64_t ms, const date::time_zone* tz) {
    auto lt = local_of(ms, tz);
    auto day = date::floor<date::days>(lt);
    date::hh_mm_ss<milliseconds> hms{lt - day};
    return two(static_cast<unsigned>(hms.hours().count())) + ":" +
           two(static_cast<unsigned>(hms.minutes().count()));
}

std::string format_when(std::int64_t ms, const date::time_zone* tz, std::string_view lang,
                        const commands::Catalogue& texts, std::int64_t now_ms) {
    auto lt = local_of(ms, tz);
    auto day = date::floor<date::days>(lt);
    date::year_month_day ymd{day};
    date::weekday wd{day};
    date::year_month_day now_ymd{date::floor<date::days>(local_of(now_ms, tz))};
    std::string out =
        texts.get(lang, "casus.wd." + std::to_string(wd.c_encoding())) + " " +
        std::to_string(static_cast<unsigned>(ymd.day())) + " " +
        texts.get(lang, "casus.mon." + std::to_string(static_cast<unsigned>(ymd.month())));
    if (ymd.year() != now_ymd.year()) out += " " + std::to_string(static_cast<int>(ymd.year()));
    return out + " " + format_clock(ms, tz);
}

std::string format_day(std::int64_t ms, const date::time_zone* tz, std::string_view lang,
                       const commands::Catalogue& texts) {
    date::year_month_day ymd{date::floor<date::days>(local_of(ms, tz))};
    return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           texts.get(lang, "casus.mon." + std::to_string(static_cast<unsigned>(ymd.month()))) +
           " " + std::to_string(static_cast<int>(ymd.year()));
}

std::string format_minutes(std::int64_t minutes, std::string_view lang,
                           const commands::Catalogue& texts) {
    if (minutes < 0) minutes = 0;
    if (minutes < 60) return texts.get(lang, "casus.duration_m", {{"m", std::to_string(minutes)}});
    if (minutes % 60 == 0)
        return texts.get(lang, "casus.duration_h", {{"h", std::to_string(minutes / 60)}});
    return texts.get(lang, "casus.duration_hm",
                     {{"h", std::to_string(minutes / 60)}, {"m", std::to_string(minutes % 60)}});
}

std::string format_rule(const wanneer::WeeklyRule& rule, std::string_view lang,
                        const commands::Catalogue& texts) {
    auto mins = rule.time_of_day.count();
    std::string clock =
        two(static_cast<unsigned>(mins / 60)) + ":" + two(static_cast<unsigned>(mins % 60));
    std::string day = texts.get(lang, "casus.wdl." + std::to_string(rule.weekday.c_encoding()));
    if (rule.every_weeks <= 1)
        return texts.get(lang, "casus.rule_weekly", {{"day", day}, {"time", clock}});
    return texts.get(lang, "casus.rule_every_n",
                     {{"day", day}, {"time", clock}, {"n", std::to_string(rule.every_weeks)}});
}

}  // namespace dialoog::casus
