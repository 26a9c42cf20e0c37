#include "commands/digest/digest_config.hpp"

#include <date/tz.h>

#include <algorithm>

namespace dialoog::digest {

namespace {

using config::ErrorSink;

constexpr std::string_view kDefaultWeekday = "maandag";
constexpr std::string_view kDefaultTime = "08:30";

const date::time_zone* find_tz(const std::string& name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return nullptr;
    }
}

// weekday/time keys shared by the team section and the per-leader overrides. Each is checked
// (and read) on its own, completed by the default of the other, so any weekday combines with
// any time: a team's weekday with a leader's time, too.
void parse_when(const YAML::Node& node, const std::string& path, ErrorSink& sink,
                std::optional<date::weekday>& weekday, std::optional<std::chrono::minutes>& time) {
    auto read = [&](const char* key, bool is_weekday) {
        auto n = node[key];
        if (!n.IsDefined() || n.IsNull()) return;
        if (!n.IsScalar()) {
            sink.add(n, path + "." + key, "must be a text value");
            return;
        }
        auto rule = is_weekday ? parse_digest_time(n.Scalar(), kDefaultTime)
                               : parse_digest_time(kDefaultWeekday, n.Scalar());
        if (!rule)
            sink.add(n, path + "." + key,
                     is_weekday
                         ? "must be a weekday such as maandag or monday, not \"" + n.Scalar() + "\""
                         : "must be a time of day such as \"08:30\", not \"" + n.Scalar() + "\"");
        else if (is_weekday)
            weekday = rule->weekday;
        else
            time = rule->time_of_day;
    };
    read("weekday", true);
    read("time", false);
}

bool valid_user_id(std::string_view s) {
    auto colon = s.find(':');
    return s.size() > 3 && s[0] == '@' && colon != std::string_view::npos && colon > 1 &&
           colon + 1 < s.size() && s.find(' ') == std::string_view::npos;
}

/// The rule when neither the team nor the leader sets weekday or time.
const wanneer::WeeklyRule& default_rule() {
    static const wanneer::WeeklyRule rule = *parse_digest_time(kDefaultWeekday, kDefaultTime);
    return rule;
}

}  // namespace

std::optional<wanneer::WeeklyRule> parse_digest_time(std::string_view weekday,
                                                     std::string_view time) {
    if (weekday.empty() || time.empty()) return std::nullopt;
    std::string text = std::string(weekday) + " " + std::string(time);
    auto r = wanneer::parse_weekly_rule(text);
    auto* rule = std::get_if<wanneer::WeeklyRule>(&r);
    if (!rule || rule->every_weeks != 1) return std::nullopt;
    return *rule;
}

TeamDigestConfig parse_team_digest_section(const YAML::Node& node, const std::string& path,
                                           ErrorSink& sink) {
    TeamDigestConfig out;
    if (!node.IsDefined()) return out;
    if (!node.IsMap()) {
        sink.add(node, path, "must be a mapping, e.g. {weekday: maandag, time: \"08:30\"}");
        return out;
    }
    config::check_known_keys(node, path, {"weekday", "time"}, sink);
    parse_when(node, path, sink, out.weekday, out.time);
    return out;
}

DigestConfig parse_digest_section(const YAML::Node& node, const std::string& path,
                                  ErrorSink& sink) {
    DigestConfig out;
    if (!node.IsDefined()) return out;
    if (!node.IsMap()) {
        sink.add(node, path, "must be a mapping with max_texts, spread and/or leaders");
        return out;
    }
    config::check_known_keys(node, path, {"max_texts", "spread", "leaders"}, sink);
    if (auto n = node["max_texts"]; n.IsDefined() && !n.IsNull()) {
        int v = 0;
        if (!n.IsScalar() || !YAML::convert<int>::decode(n, v) || v < 0 || v > 50)
            sink.add(n, path + ".max_texts", "must be a number from 0 to 50");
        else
            out.max_texts = v;
    }
    if (auto n = node["spread"]; n.IsDefined() && !n.IsNull()) {
        auto ms = n.IsScalar() ? config::parse_duration_ms(n.Scalar()) : std::nullopt;
        if (!ms || *ms > kMaxSpreadMs)
            sink.add(n, path + ".spread", "must be a duration up to 1h, e.g. 3m or 90s");
        else
            out.spread_ms = *ms;
    }
    auto leaders = node["leaders"];
    if (!leaders.IsDefined() || leaders.IsNull()) return out;
    if (!leaders.IsMap()) {
        sink.add(leaders, path + ".leaders",
                 "must be a mapping of user ids, e.g. \"@leider:example.org\": {weekday: "
                 "vrijdag}");
        return out;
    }
    for (auto it = leaders.begin(); it != leaders.end(); ++it) {
        std::string id = it->first.IsScalar() ? it->first.Scalar() : "?";
        std::string p = path + ".leaders." + id;
        const bool id_ok = valid_user_id(id);
        if (!id_ok) sink.add(it->first, p, "must be a Matrix user ID like \"@leider:example.org\"");
        const YAML::Node v = it->second;
        if (!v.IsMap()) {
            sink.add(v.IsDefined() ? v : it->first, p,
                     "must be a mapping with weekday, time, timezone and/or language");
            continue;
        }
        config::check_known_keys(v, p, {"weekday", "time", "timezone", "language"}, sink);
        LeaderDigestConfig lc;
        parse_when(v, p, sink, lc.weekday, lc.time);
        if (auto tz = v["timezone"]; tz.IsDefined() && !tz.IsNull()) {
            const date::time_zone* zone = tz.IsScalar() ? find_tz(tz.Scalar()) : nullptr;
            if (!zone) {
                sink.add(tz, p + ".timezone",
                         "unknown time zone (use an IANA name such as Europe/Amsterdam)");
            } else {
                lc.timezone = tz.Scalar();
                lc.tz = zone;
            }
        }
        if (auto l = v["language"]; l.IsDefined() && !l.IsNull()) {
            if (!l.IsScalar() || (l.Scalar() != "nl" && l.Scalar() != "en"))
                sink.add(l, p + ".language", "must be nl or en");
            else
                lc.language = l.Scalar();
        }
        if (id_ok) out.leaders.emplace(id, std::move(lc));
    }
    return out;
}

std::vector<config::SectionSchema> digest_config_sections() {
    return {
        config::SectionSchema::of(kDigestSection, parse_digest_section),
        config::SectionSchema::of(kTeamDigestSection, parse_team_digest_section),
    };
}

std::vector<std::string> digest_leaders(const config::Config& cfg) {
    std::vector<std::string> out;
    for (const auto& t : cfg.teams)
        for (const auto& l : t.leaders)
            if (std::find(out.begin(), out.end(), l) == out.end()) out.push_back(l);
    return out;
}

std::optional<LeaderSchedule> leader_schedule(const config::Config& cfg, std::string_view leader) {
    LeaderSchedule ls;
    ls.teams = cfg.teams_led_by(leader);
    if (ls.teams.empty()) return std::nullopt;
    ls.leader = std::string(leader);
    const config::TeamConfig& first = *ls.teams.front();
    ls.rule = default_rule();
    const auto& team = first.section(kTeamDigestSection);
    if (team.weekday) ls.rule.weekday = *team.weekday;
    if (team.time) ls.rule.time_of_day = *team.time;
    ls.timezone = first.timezone;
    ls.tz = first.tz;
    ls.lang = first.language;
    const auto& leaders = cfg.section(kDigestSection).leaders;
    if (auto it = leaders.find(ls.leader); it != leaders.end()) {
        const LeaderDigestConfig& o = it->second;
        if (o.weekday) ls.rule.weekday = *o.weekday;
        if (o.time) ls.rule.time_of_day = *o.time;
        if (o.timezone) {
            ls.timezone = *o.timezone;
            ls.tz = o.tz;
        }
        if (o.language) ls.lang = *o.language;
    }
    return ls;
}

std::int64_t digest_spread_ms(const config::Config& cfg) {
    return cfg.section(kDigestSection).spread_ms;
}

int digest_max_texts(const config::Config& cfg) {
    return cfg.section(kDigestSection).max_texts;
}

}  // namespace dialoog::digest
