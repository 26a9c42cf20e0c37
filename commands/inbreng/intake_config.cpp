#include "commands/inbreng/intake_config.hpp"

#include "common/glob.hpp"

namespace dialoog::inbreng {

namespace {

const std::vector<std::string> kKeys = {"allow",           "default_team", "retention_days",
                                        "max_per_day",     "keep_words",   "confirm_timeout",
                                        "digest_max_texts"};

struct IntRange {
    const char* key;
    int min;
    int max;
    int IntakeConfig::*field;
};

const IntRange kInts[] = {
    {"retention_days", 1, 3650, &IntakeConfig::retention_days},
    {"max_per_day", 1, 1000, &IntakeConfig::max_per_day},
    {"digest_max_texts", 0, 50, &IntakeConfig::digest_max_texts},
};

constexpr std::int64_t kMinTimeoutMs = 60'000;
constexpr std::int64_t kMaxTimeoutMs = 30LL * 86'400'000;

std::vector<std::string> string_list(const YAML::Node& n) {
    std::vector<std::string> out;
    if (!n.IsDefined() || !n.IsSequence()) return out;
    for (const auto& item : n)
        if (item.IsScalar()) out.push_back(item.Scalar());
    return out;
}

void check_string_list(const YAML::Node& parent, const std::string& key, const std::string& path,
                       config::ErrorSink& sink, bool user_globs) {
    auto n = parent[key];
    if (!n.IsDefined() || n.IsNull()) return;
    std::string p = path + "." + key;
    if (!n.IsSequence()) {
        sink.add(n, p,
                 user_globs ? "must be a list of user IDs or patterns, e.g. [\"@*:example.org\"]"
                            : "must be a list of words, e.g. [Werkplein, Jobcoach]");
        return;
    }
    std::size_t i = 0;
    for (const auto& item : n) {
        std::string ip = p + "[" + std::to_string(i++) + "]";
        if (!item.IsScalar() || item.Scalar().empty()) {
            sink.add(item, ip, "must be a non-empty text value");
        } else if (user_globs &&
                   (item.Scalar()[0] != '@' || item.Scalar().find(':') == std::string::npos)) {
            sink.add(item, ip,
                     "must be a Matrix user ID or pattern like \"@anna:example.org\" or "
                     "\"@*:example.org\"");
        }
    }
}

void validate(const YAML::Node& n, const std::string& path, config::ErrorSink& sink) {
    if (!n.IsMap()) {
        sink.add(n, path, "must be a mapping with at least allow: [...]");
        return;
    }
    config::check_known_keys(n, path, kKeys, sink);
    if (!n["allow"].IsDefined() || n["allow"].IsNull())
        sink.add(n, path + ".allow",
                 "required key is missing (who may send client input, e.g. "
                 "[\"@*:clientenraad.example.org\"])");
    check_string_list(n, "allow", path, sink, true);
    check_string_list(n, "keep_words", path, sink, false);
    if (auto d = n["default_team"]; d.IsDefined() && !d.IsNull() && !d.IsScalar())
        sink.add(d, path + ".default_team", "must be the name of a team");
    for (const auto& r : kInts) {
        auto v = n[r.key];
        if (!v.IsDefined() || v.IsNull()) continue;
        int x = 0;
        if (!v.IsScalar() || !YAML::convert<int>::decode(v, x) || x < r.min || x > r.max)
            sink.add(v, path + "." + r.key,
                     "must be a whole number from " + std::to_string(r.min) + " to " +
                         std::to_string(r.max));
    }
    if (auto t = n["confirm_timeout"]; t.IsDefined() && !t.IsNull()) {
        auto ms = t.IsScalar() ? config::parse_duration_ms(t.Scalar()) : std::nullopt;
        if (!ms || *ms < kMinTimeoutMs || *ms > kMaxTimeoutMs)
            sink.add(t, path + ".confirm_timeout",
                     "must be a duration from 1m to 30d, e.g. 24h or 90m");
    }
}

void validate_teams(const YAML::Node& n, const std::string& path, const config::Config& cfg,
                    config::ErrorSink& sink) {
    if (!n.IsMap()) return;
    auto d = n["default_team"];
    if (!d.IsDefined() || !d.IsScalar()) return;
    if (cfg.team_by_name(d.Scalar())) return;
    std::string names;
    for (const auto& t : cfg.teams) names += (names.empty() ? "" : ", ") + t.name;
    sink.add(d, path + ".default_team",
             "unknown team \"" + d.Scalar() + "\"" +
                 (names.empty() ? std::string(" (no teams are configured)")
                                : " (teams: " + names + ")"));
}

}  // namespace

bool IntakeConfig::allowed(std::string_view user_id) const {
    for (const auto& g : allow)
        if (glob_match(g, user_id)) return true;
    return false;
}

IntakeConfig read_intake_config(const config::Config& cfg) {
    IntakeConfig ic;
    auto n = cfg.root["intake"];
    if (!n.IsDefined() || !n.IsMap()) return ic;
    ic.allow = string_list(n["allow"]);
    ic.keep_words = string_list(n["keep_words"]);
    if (auto d = n["default_team"]; d.IsDefined() && d.IsScalar()) ic.default_team = d.Scalar();
    for (const auto& r : kInts) {
        int x = 0;
        if (auto v = n[r.key]; v.IsDefined() && v.IsScalar() && YAML::convert<int>::decode(v, x))
            ic.*(r.field) = x;
    }
    if (auto t = n["confirm_timeout"]; t.IsDefined() && t.IsScalar())
        if (auto ms = config::parse_duration_ms(t.Scalar())) ic.confirm_timeout_ms = *ms;
    return ic;
}

const config::TeamConfig* default_team(const config::Config& cfg, const IntakeConfig& ic) {
    if (ic.default_team) return cfg.team_by_name(*ic.default_team);
    if (cfg.teams.size() == 1) return &cfg.teams.front();
    return nullptr;
}

config::SectionSchema intake_section() {
    config::SectionSchema s;
    s.key = "intake";
    s.scope = config::SectionSchema::Scope::Top;
    s.validate = validate;
    s.validate_with_config = validate_teams;
    return s;
}

}  // namespace dialoog::inbreng
