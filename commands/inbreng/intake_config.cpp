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

// `key` of `parent`: a list of non-empty texts (user IDs or globs when `user_globs`). Entries
// the check refuses are left out.
std::vector<std::string> parse_string_list(const YAML::Node& parent, const std::string& key,
                                           const std::string& path, config::ErrorSink& sink,
                                           bool user_globs) {
    std::vector<std::string> out;
    auto n = parent[key];
    if (!n.IsDefined() || n.IsNull()) return out;
    std::string p = path + "." + key;
    if (!n.IsSequence()) {
        sink.add(n, p,
                 user_globs ? "must be a list of user IDs or patterns, e.g. [\"@*:example.org\"]"
                            : "must be a list of words, e.g. [Werkplein, Jobcoach]");
        return out;
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
        } else {
            out.push_back(item.Scalar());
        }
    }
    return out;
}

// default_team names a team: known only once the teams are read (the second pass).
void check_default_team(const IntakeConfig& ic, const YAML::Node& n, const std::string& path,
                        const config::Config& cfg, config::ErrorSink& sink) {
    if (!ic.default_team || cfg.team_by_name(*ic.default_team)) return;
    std::string names;
    for (const auto& t : cfg.teams) names += (names.empty() ? "" : ", ") + t.name;
    sink.add(n["default_team"], path + ".default_team",
             "unknown team \"" + *ic.default_team + "\"" +
                 (names.empty() ? std::string(" (no teams are configured)")
                                : " (teams: " + names + ")"));
}

}  // namespace

bool IntakeConfig::allowed(std::string_view user_id) const {
    for (const auto& g : allow)
        if (glob_match(g, user_id)) return true;
    return false;
}

IntakeConfig parse_intake_section(const YAML::Node& n, const std::string& path,
                                  config::ErrorSink& sink) {
    IntakeConfig ic;
    if (!n.IsDefined()) return ic;
    if (!n.IsMap()) {
        sink.add(n, path, "must be a mapping with at least allow: [...]");
        return ic;
    }
    config::check_known_keys(n, path, kKeys, sink);
    if (!n["allow"].IsDefined() || n["allow"].IsNull())
        sink.add(n, path + ".allow",
                 "required key is missing (who may send client input, e.g. "
                 "[\"@*:clientenraad.example.org\"])");
    ic.allow = parse_string_list(n, "allow", path, sink, true);
    ic.keep_words = parse_string_list(n, "keep_words", path, sink, false);
    if (auto d = n["default_team"]; d.IsDefined() && !d.IsNull()) {
        if (!d.IsScalar())
            sink.add(d, path + ".default_team", "must be the name of a team");
        else
            ic.default_team = d.Scalar();
    }
    for (const auto& r : kInts) {
        auto v = n[r.key];
        if (!v.IsDefined() || v.IsNull()) continue;
        int x = 0;
        if (!v.IsScalar() || !YAML::convert<int>::decode(v, x) || x < r.min || x > r.max)
            sink.add(v, path + "." + r.key,
                     "must be a whole number from " + std::to_string(r.min) + " to " +
                         std::to_string(r.max));
        else
            ic.*(r.field) = x;
    }
    if (auto t = n["confirm_timeout"]; t.IsDefined() && !t.IsNull()) {
        auto ms = t.IsScalar() ? config::parse_duration_ms(t.Scalar()) : std::nullopt;
        if (!ms || *ms < kMinTimeoutMs || *ms > kMaxTimeoutMs)
            sink.add(t, path + ".confirm_timeout",
                     "must be a duration from 1m to 30d, e.g. 24h or 90m");
        else
            ic.confirm_timeout_ms = *ms;
    }
    return ic;
}

const config::TeamConfig* default_team(const config::Config& cfg, const IntakeConfig& ic) {
    if (ic.default_team) return cfg.team_by_name(*ic.default_team);
    if (cfg.teams.size() == 1) return &cfg.teams.front();
    return nullptr;
}

config::SectionSchema intake_section() {
    return config::SectionSchema::of(kIntakeSection, parse_intake_section, check_default_team);
}

}  // namespace dialoog::inbreng
