#include "commands/casus/series_ops.hpp"

#include <set>

#include "commands/casus/casus_config.hpp"
#include "commands/casus/scope.hpp"
#include "commands/casus/session_ops.hpp"
#include "storage/casus/sessions.hpp"

namespace dialoog::casus {

wanneer::WeeklyRule rule_of(const Reeks& r) {
    wanneer::WeeklyRule rule;
    rule.weekday = date::weekday{static_cast<unsigned>(r.weekday)};
    rule.time_of_day = std::chrono::minutes{r.minute_of_day};
    rule.every_weeks = static_cast<unsigned>(r.every_weeks < 1 ? 1 : r.every_weeks);
    rule.anchor = wanneer::IsoWeek{r.anchor_year, static_cast<unsigned>(r.anchor_week)};
    return rule;
}

RuleSplit split_rule_prefix(std::string_view text, const std::vector<Word>& words,
                            wanneer::IsoWeek anchor) {
    for (std::size_t n = words.size(); n >= 1; --n) {
        std::string_view prefix = text.substr(0, words[n - 1].end);
        auto r = wanneer::parse_weekly_rule(prefix, anchor);
        if (std::holds_alternative<wanneer::WeeklyRule>(r))
            return RuleSplit{r, text.substr(words[n - 1].end)};
        // A longer prefix that is a rule with a mistake ("dinsdag 9:00 elke 0 weken") is that
        // mistake, not a shorter rule followed by a title.
        const auto& f = std::get<wanneer::RuleFail>(r);
        if (f.code != wanneer::RuleError::Unrecognised) return RuleSplit{f, {}};
    }
    return RuleSplit{wanneer::RuleFail{wanneer::RuleError::Unrecognised,
                                       words.empty() ? std::string() : words[0].text},
                     {}};
}

wanneer::IsoWeek first_week(wanneer::WeeklyRule rule, const date::time_zone* tz,
                            std::int64_t now_ms) {
    rule.every_weeks = 1;
    const auto first =
        wanneer::next_occurrence(rule, tz, wanneer::UtcMs{std::chrono::milliseconds{now_ms}});
    return wanneer::iso_week_of(first, tz);
}

std::string casus_method_default(const config::TeamConfig& team) {
    return team.section(kCasusSection).method;
}

void sync_series(commands::Services& s) {
    const auto& cfg = s.cfg();
    SeriesStore store(s.db);
    const std::int64_t now = s.now_ms();
    for (const auto& team : cfg.teams) {
        const auto& cc = team.section(kCasusSection);
        std::set<std::string> keys;
        for (const auto& sc : cc.series) {
            const std::string key = sc.when + "|" + sc.method + "|" + sc.title;
            keys.insert(key);
            // Already there and active: keep it (and its anchor week). A missing one must not
            // default to "active" (Reeks{} is active), or a YAML series would never be created.
            if (auto old = store.by_yaml_key(team.name, key); old && old->active) continue;
            Reeks r;
            r.team = team.name;
            r.room_id = team.room;
            r.weekday = static_cast<int>(sc.rule.weekday.c_encoding());
            r.minute_of_day = static_cast<int>(sc.rule.time_of_day.count());
            r.every_weeks = static_cast<int>(sc.rule.every_weeks);
            const auto anchor = first_week(sc.rule, team.tz, now);
            r.anchor_year = anchor.year;
            r.anchor_week = static_cast<int>(anchor.week);
            r.method = sc.method.empty() ? cc.method : sc.method;
            r.title = sc.title;
            r.source = "yaml";
            r.yaml_key = key;
            r.created_by = cfg.bot.user_id;
            r.created_at = now;
            store.insert(r);
        }
        for (const auto& r : store.active(team.name))
            if (r.source == "yaml" && (!r.yaml_key || !keys.count(*r.yaml_key)))
                store.set_active(r.id, false);
    }
    // Every active series has its next session planned (announced in the room).
    for (const auto& r : store.all_active()) {
        const auto* team = cfg.team_by_name(r.team);
        if (!team) continue;
        if (Sessions(s.db).planned_of_reeks(r.id)) continue;
        commands::Effects fx(s.db, s.clock, s.mark_key,
                             "casus:reeks:" + std::to_string(r.id) + ":" + std::to_string(now));
        Scope sc = make_scope(s, fx, *team);
        plan_next_of_series(sc, r.id, now);
    }
}

}  // namespace dialoog::casus
