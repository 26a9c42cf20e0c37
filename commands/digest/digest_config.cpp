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

std::optional<std::string> scalar(const YAML::Node& parent, const char* key) {
    auto n = parent[key];
    if (!n.IsDefined() || n.IsNull() || !n.IsScalar()) return std::nullopt;
    return n.Scalar();
}

// weekday/time keys shared by the team section and the per-leader overrides.
void validate_when(const YAML::Node& node, const std::string& path, ErrorSink& sink) {
    auto check = [&](const char* key, bool is_weekday) {
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
    };
    check("weekday", true);
    check("time", false);
}

void validate_team(const YAML::Node& node, const std::string& path, ErrorSink& sink) {
    if (!node.IsMap()) {
        sink.add(node, path, "must be a mapping, e.g. {weekday: maandag, time: \"08:30\"}");
        return;
    }
    config::check_known_keys(node, path, {"weekday", "time"}, sink);
    validate_when(node, path, sink);
}

bool valid_user_id(std::string_view s) {
    auto colon = s.find(':');
    return s.size() > 3 && s[0] == '@' && colon != std::string_view::npos && colon > 1 &&
           colon + 1 < s.size() && s.find(' ') == std::string_view::npos;
}

void validate_top(const YAML::Node& node, const std::string& path, ErrorSink& sink) {
    if (!node.IsMap()) {
        sink.add(node, path, "must be a mapping with max_texts, spread and/or leaders");
        return;
    }
    config::check_known_keys(node, path, {"max_texts", "spread", "leaders"}, sink);
    if (auto n = node["max_texts"]; n.IsDefined() && !n.IsNull()) {
        int v = 0;
        if (!n.IsScalar() || !YAML::convert<int>::decode(n, v) || v < 0 || v > 50)
            sink.add(n, path + ".max_texts", "must be a number from 0 to 50");
    }
    if (auto n = node["spread"]; n.IsDefined() && !n.IsNull()) {
        auto ms = n.IsScalar() ? config::parse_duration_ms(n.Scalar()) : std::nullopt;
        if (!ms || *ms > kMaxSpreadMs)
            sink.add(n, path + ".spread", "must be a duration up to 1h, e.g. 3m or 90s");
    }
    auto leaders = node["leaders"];
    if (!leaders.IsDefined() || leaders.IsNull()) return;
    if (!leaders.IsMap()) {
        sink.add(leaders, path + ".leaders",
                 "must be a mapping of user ids, e.g. \"@leider:example.org\": {weekday: "
                 "vrijdag}");
        return;
    }
    for (auto it = leaders.begin(); it != leaders.end(); ++it) {
        std::string id = it->first.IsScalar() ? it->first.Scalar() : "?";
        std::string p = path + ".leaders." + id;
        if (!valid_user_id(id))
            sink.add(it->first, p, "must be a Matrix user ID like \"@leider:example.org\"");
        const YAML::Node v = it->second;
        if (!v.IsMap()) {
            sink.add(v.IsDefined() ? v : it->first, p,
                     "must be a mapping with weekday, time, timezone and/or language");
            continue;
        }
        config::check_known_keys(v, p, {"weekday", "time", "timezone", "language"}, sink);
        validate_when(v, p, sink);
        if (auto tz = v["timezone"]; tz.IsDefined() && !tz.IsNull()) {
            if (!tz.IsScalar() || !find_tz(tz.Scalar()))
                sink.add(tz, p + ".timezone",
                         "unknown time zone (use an IANA name such as Europe/Amsterdam)");
        }
        if (auto l = v["language"]; l.IsDefined() && !l.IsNull()) {
            if (!l.IsScalar() || (l.Scalar() != "nl" && l.Scalar() != "en"))
                sink.add(l, p + ".language", "must be nl or en");
        }
    }
}

YAML::Node leader_override(const config::Config& cfg, std::string_view leader) {
    auto top = cfg.root["digest"];
    if (!top.IsDefined() || !top.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    auto leaders = top["leaders"];
    if (!leaders.IsDefined() || !leaders.IsMap()) return YAML::Node(YAML::NodeType::Undefined);
    for (auto it = leaders.begin(); it != leaders.end(); ++it)
        if (it->first.IsScalar() && it->first.Scalar() == leader) return it->second;
    return YAML::Node(YAML::NodeType::Undefined);
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

std::vector<config::SectionSchema> digest_config_sections() {
    return {
        config::SectionSchema{"digest", config::SectionSchema::Scope::Top, validate_top},
        config::SectionSchema{"digest", config::SectionSchema::Scope::Team, validate_team},
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
    std::string weekday(kDefaultWeekday), time(kDefaultTime);
    if (auto d = first.node["digest"]; d.IsDefined() && d.IsMap()) {
        if (auto v = scalar(d, "weekday")) weekday = *v;
        if (auto v = scalar(d, "time")) time = *v;
    }
    ls.timezone = first.timezone;
    ls.tz = first.tz;
    ls.lang = first.language;
    if (auto o = leader_override(cfg, leader); o.IsDefined() && o.IsMap()) {
        if (auto v = scalar(o, "weekday")) weekday = *v;
        if (auto v = scalar(o, "time")) time = *v;
        if (auto v = scalar(o, "timezone")) {
            if (auto* z = find_tz(*v)) {
                ls.timezone = *v;
                ls.tz = z;
            }
        }
        if (auto v = scalar(o, "language")) ls.lang = *v;
    }
    // The loader validated both; a fallback keeps a hand-built config from crashing.
    ls.rule = parse_digest_time(weekday, time)
                  .value_or(*parse_digest_time(kDefaultWeekday, kDefaultTime));
    return ls;
}

std::int64_t digest_spread_ms(const config::Config& cfg) {
    auto top = cfg.root["digest"];
    if (top.IsDefined() && top.IsMap())
        if (auto v = scalar(top, "spread"))
            if (auto ms = config::parse_duration_ms(*v)) return std::min(*ms, kMaxSpreadMs);
    return kDefaultSpreadMs;
}

int digest_max_texts(const config::Config& cfg) {
    auto top = cfg.root["digest"];
    if (top.IsDefined() && top.IsMap()) {
        auto n = top["max_texts"];
        int v = 0;
        if (n.IsDefined() && n.IsScalar() && YAML::convert<int>::decode(n, v) && v >= 0) return v;
    }
    return kDefaultMaxTexts;
}

}  // namespace dialoog::digest
