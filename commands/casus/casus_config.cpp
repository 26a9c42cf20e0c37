#include "commands/casus/casus_config.hpp"

#include <algorithm>
#include <variant>

#include "commands/casus/methods.hpp"

namespace dialoog::casus {

namespace {
constexpr std::int64_t kMinReminder = 60'000;
constexpr std::int64_t kMaxReminder = 14LL * 24 * 3600 * 1000;
}  // namespace

TeamCasusConfig parse_casus_section(const YAML::Node& node, const std::string& path,
                                    config::ErrorSink& sink) {
    TeamCasusConfig out;
    if (!node.IsDefined()) return out;
    if (!node.IsMap()) {
        sink.add(node, path, "must be a mapping (reminders:, method:, series:)");
        return out;
    }
    config::check_known_keys(node, path, {"reminders", "method", "series"}, sink);
    if (const YAML::Node r = node["reminders"]; r.IsDefined()) {
        if (!r.IsSequence()) {
            sink.add(r, path + ".reminders", "must be a list of durations, e.g. [24h, 1h]");
        } else {
            out.reminders_ms.clear();  // [] means no reminders
            for (const auto& x : r) {
                auto ms = x.IsScalar() ? config::parse_duration_ms(x.Scalar()) : std::nullopt;
                if (!ms || *ms < kMinReminder || *ms > kMaxReminder)
                    sink.add(x, path + ".reminders",
                             "invalid duration (from 1m to 14d, e.g. 24h, 90m, 2d)");
                else
                    out.reminders_ms.push_back(*ms);
            }
            // Longest first, once each: schedule_session plans one job per distinct reminder.
            std::sort(out.reminders_ms.rbegin(), out.reminders_ms.rend());
            out.reminders_ms.erase(std::unique(out.reminders_ms.begin(), out.reminders_ms.end()),
                                   out.reminders_ms.end());
        }
    }
    if (const YAML::Node m = node["method"]; m.IsDefined()) {
        if (!m.IsScalar() || normalize_method_name(m.Scalar()).empty())
            sink.add(m, path + ".method", "must be a method name, e.g. vijfstappenmethode");
        else
            out.method = normalize_method_name(m.Scalar());
    }
    if (const YAML::Node s = node["series"]; s.IsDefined()) {
        if (!s.IsSequence()) {
            sink.add(s, path + ".series", "must be a list of series (each with when:)");
            return out;
        }
        std::size_t i = 0;
        for (const auto& item : s) {
            const std::string p = path + ".series[" + std::to_string(i++) + "]";
            if (!item.IsMap()) {
                sink.add(item, p, "must be a mapping with when: (and method:, title:)");
                continue;
            }
            config::check_known_keys(item, p, {"when", "method", "title"}, sink);
            SeriesConfig sc;
            bool ok = true;
            const YAML::Node w = item["when"];
            if (!w.IsDefined() || !w.IsScalar()) {
                sink.add(w.IsDefined() ? w : item, p + ".when",
                         "missing: a weekday and time, e.g. \"dinsdag 09:00\" or \"tuesday 9am "
                         "every 2 weeks\"");
                ok = false;
            } else {
                auto r = wanneer::parse_weekly_rule(w.Scalar());
                if (auto* f = std::get_if<wanneer::RuleFail>(&r)) {
                    sink.add(w, p + ".when",
                             "not a weekly rule (" +
                                 std::string(wanneer::rule_error_name(f->code)) +
                                 (f->fragment.empty() ? "" : ": \"" + f->fragment + "\"") +
                                 "); e.g. \"dinsdag 09:00\" or \"maandag 14:00 elke 2 weken\"");
                    ok = false;
                } else {
                    sc.when = w.Scalar();
                    sc.rule = std::get<wanneer::WeeklyRule>(r);
                }
            }
            if (const YAML::Node m = item["method"]; m.IsDefined()) {
                if (!m.IsScalar() || normalize_method_name(m.Scalar()).empty()) {
                    sink.add(m, p + ".method", "must be a method name, e.g. roddelmethode");
                    ok = false;
                } else {
                    sc.method = normalize_method_name(m.Scalar());
                }
            }
            if (const YAML::Node t = item["title"]; t.IsDefined()) {
                if (!t.IsScalar()) {
                    sink.add(t, p + ".title", "must be text");
                    ok = false;
                } else {
                    sc.title = t.Scalar();
                }
            }
            if (ok) out.series.push_back(std::move(sc));
        }
    }
    return out;
}

}  // namespace dialoog::casus
