#include "commands/intervisie/prompts.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <variant>

#include "commands/catalogue.hpp"

namespace dialoog::intervisie {

std::string prompt_text(const Prompt& p, std::string_view lang, const commands::Catalogue& c) {
    if (!p.key.empty()) return c.get(lang, p.key);
    if (lang == "en" && !p.en.empty()) return p.en;
    return p.nl;
}

const std::vector<Prompt>& builtin_prompts() {
    static const std::vector<Prompt> prompts = [] {
        const std::vector<std::pair<const char*, const char*>> ids = {
            {"eigen-verhaal-1", "verhaal"},
            {"eigen-verhaal-2", "verhaal"},
            {"routine-1", "routine"},
            {"routine-2", "routine"},
            {"beschermend-1", "vooroordeel"},
            {"wantrouwen-1", "vooroordeel"},
            {"onwetendheid-1", "onwetendheid"},
            {"onwetendheid-2", "onwetendheid"},
            {"interesse-1", "interesse"},
            {"interesse-2", "interesse"},
            {"institutioneel-1", "institutioneel"},
            {"institutioneel-2", "institutioneel"},
            {"output-outcome-1", "outcome"},
            {"output-outcome-2", "outcome"},
            {"tenzij-1", "tenzij"},
            {"tenzij-2", "tenzij"},
            {"te-vroeg-klaar-1", "afgerond"},
            {"te-vroeg-klaar-2", "afgerond"},
            {"een-gesprek-1", "een-gesprek"},
            {"een-gesprek-2", "een-gesprek"},
        };
        std::vector<Prompt> out;
        for (const auto& [id, theme] : ids)
            out.push_back(Prompt{id, theme, std::string("intervisie.prompt.") + id, {}, {}});
        return out;
    }();
    return prompts;
}

std::vector<Prompt> prompt_library(const config::Config& cfg) {
    std::vector<Prompt> lib = builtin_prompts();
    if (!cfg.root.IsDefined() || !cfg.root.IsMap()) return lib;
    const YAML::Node node = cfg.root["intervisie_prompts"];
    if (!node.IsDefined() || !node.IsSequence()) return lib;
    for (const auto& item : node) {
        if (!item.IsMap() || !item["id"].IsDefined() || !item["nl"].IsDefined()) continue;
        Prompt p;
        p.id = item["id"].Scalar();
        p.nl = item["nl"].Scalar();
        if (item["en"].IsDefined()) p.en = item["en"].Scalar();
        if (item["theme"].IsDefined()) p.theme = item["theme"].Scalar();
        auto it =
            std::find_if(lib.begin(), lib.end(), [&](const Prompt& b) { return b.id == p.id; });
        if (it != lib.end())
            *it = std::move(p);
        else
            lib.push_back(std::move(p));
    }
    return lib;
}

namespace {
bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (unsigned char ch : id)
        if (!(std::islower(ch) || std::isdigit(ch) || ch == '-' || ch == '_')) return false;
    return true;
}
}  // namespace

void validate_prompts_section(const YAML::Node& node, const std::string& path,
                              config::ErrorSink& sink) {
    if (!node.IsSequence()) {
        sink.add(node, path, "must be a list of prompts (each with id: and nl:)");
        return;
    }
    std::set<std::string> seen;
    std::size_t i = 0;
    for (const auto& item : node) {
        const std::string p = path + "[" + std::to_string(i++) + "]";
        if (!item.IsMap()) {
            sink.add(item, p, "must be a mapping with id:, nl: (and en:, theme:)");
            continue;
        }
        config::check_known_keys(item, p, {"id", "nl", "en", "theme"}, sink);
        const YAML::Node id = item["id"];
        if (!id.IsDefined() || !id.IsScalar() || !valid_id(id.Scalar()))
            sink.add(id.IsDefined() ? id : item, p + ".id",
                     "missing or invalid (lowercase letters, digits, '-' and '_', e.g. "
                     "\"eigen-vraag-1\")");
        else if (!seen.insert(id.Scalar()).second)
            sink.add(id, p + ".id", "prompt \"" + id.Scalar() + "\" is defined twice");
        const YAML::Node nl = item["nl"];
        if (!nl.IsDefined() || !nl.IsScalar() || nl.Scalar().empty())
            sink.add(nl.IsDefined() ? nl : item, p + ".nl", "missing: the question in Dutch");
        for (const char* k : {"en", "theme"})
            if (item[k].IsDefined() && !item[k].IsScalar())
                sink.add(item[k], p + "." + k, "must be text");
    }
}

namespace {
constexpr const char* kDefaultRule = "maandag 09:00";
}

void validate_team_section(const YAML::Node& node, const std::string& path,
                           config::ErrorSink& sink) {
    if (node.IsMap()) {
        config::check_known_keys(node, path, {"schedule", "enabled"}, sink);
        if (node["enabled"].IsDefined()) {
            bool ok = node["enabled"].IsScalar();
            if (ok) {
                try {
                    (void)node["enabled"].as<bool>();
                } catch (const YAML::Exception&) {
                    ok = false;
                }
            }
            if (!ok) sink.add(node["enabled"], path + ".enabled", "must be true or false");
        }
    } else if (!node.IsScalar()) {
        sink.add(node, path,
                 "must be a weekday and time (\"maandag 09:00\") or a mapping with "
                 "schedule: and enabled:");
        return;
    }
    // Initialised, never assigned: yaml-cpp 0.7 throws InvalidNode when a YAML::Node is
    // assigned the result of looking up an absent key (node["schedule"] without schedule:).
    const YAML::Node rule = node.IsMap() ? node["schedule"] : node;
    if (!rule.IsDefined()) return;
    if (!rule.IsScalar()) {
        sink.add(rule, path, "schedule must be text, e.g. \"maandag 09:00\"");
        return;
    }
    auto r = wanneer::parse_weekly_rule(rule.Scalar());
    if (auto* f = std::get_if<wanneer::RuleFail>(&r))
        sink.add(rule, node.IsMap() ? path + ".schedule" : path,
                 "not a weekday and time (" + std::string(wanneer::rule_error_name(f->code)) +
                     "); e.g. \"maandag 09:00\" or \"friday 3pm\"");
}

std::optional<wanneer::WeeklyRule> schedule_of(const config::TeamConfig& team) {
    std::string text = kDefaultRule;
    if (team.node.IsDefined() && team.node.IsMap()) {
        const YAML::Node n = team.node["intervisie"];
        if (n.IsDefined()) {
            if (n.IsScalar()) {
                text = n.Scalar();
            } else if (n.IsMap()) {
                if (n["enabled"].IsDefined()) {
                    try {
                        if (!n["enabled"].as<bool>()) return std::nullopt;
                    } catch (const YAML::Exception&) {
                    }
                }
                if (n["schedule"].IsDefined() && n["schedule"].IsScalar())
                    text = n["schedule"].Scalar();
            }
        }
    }
    auto r = wanneer::parse_weekly_rule(text);
    if (auto* rule = std::get_if<wanneer::WeeklyRule>(&r)) return *rule;
    return std::get<wanneer::WeeklyRule>(wanneer::parse_weekly_rule(kDefaultRule));
}

}  // namespace dialoog::intervisie
