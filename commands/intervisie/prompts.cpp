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

namespace {
bool valid_id(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (unsigned char ch : id)
        if (!(std::islower(ch) || std::isdigit(ch) || ch == '-' || ch == '_')) return false;
    return true;
}
}  // namespace

PromptLibrary parse_prompts_section(const YAML::Node& node, const std::string& path,
                                    config::ErrorSink& sink) {
    PromptLibrary lib = builtin_prompts();
    if (!node.IsDefined()) return lib;
    if (!node.IsSequence()) {
        sink.add(node, path, "must be a list of prompts (each with id: and nl:)");
        return lib;
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
        Prompt prompt;
        bool ok = true;
        const YAML::Node id = item["id"];
        if (!id.IsDefined() || !id.IsScalar() || !valid_id(id.Scalar())) {
            sink.add(id.IsDefined() ? id : item, p + ".id",
                     "missing or invalid (lowercase letters, digits, '-' and '_', e.g. "
                     "\"eigen-vraag-1\")");
            ok = false;
        } else if (!seen.insert(id.Scalar()).second) {
            sink.add(id, p + ".id", "prompt \"" + id.Scalar() + "\" is defined twice");
            ok = false;
        } else {
            prompt.id = id.Scalar();
        }
        const YAML::Node nl = item["nl"];
        if (!nl.IsDefined() || !nl.IsScalar() || nl.Scalar().empty()) {
            sink.add(nl.IsDefined() ? nl : item, p + ".nl", "missing: the question in Dutch");
            ok = false;
        } else {
            prompt.nl = nl.Scalar();
        }
        for (auto [k, dest] : {std::pair{"en", &prompt.en}, std::pair{"theme", &prompt.theme}}) {
            if (!item[k].IsDefined()) continue;
            if (!item[k].IsScalar()) {
                sink.add(item[k], p + "." + k, "must be text");
                ok = false;
            } else {
                *dest = item[k].Scalar();
            }
        }
        if (!ok) continue;
        // A YAML prompt with the id of a built-in replaces it, in its place.
        auto it = std::find_if(lib.begin(), lib.end(),
                               [&](const Prompt& b) { return b.id == prompt.id; });
        if (it != lib.end())
            *it = std::move(prompt);
        else
            lib.push_back(std::move(prompt));
    }
    return lib;
}

namespace {
constexpr const char* kDefaultRule = "maandag 09:00";
}

TeamIntervisieConfig parse_team_section(const YAML::Node& node, const std::string& path,
                                        config::ErrorSink& sink) {
    TeamIntervisieConfig out;
    out.schedule = std::get<wanneer::WeeklyRule>(wanneer::parse_weekly_rule(kDefaultRule));
    if (!node.IsDefined()) return out;
    if (node.IsMap()) {
        config::check_known_keys(node, path, {"schedule", "enabled"}, sink);
        if (node["enabled"].IsDefined()) {
            bool enabled = true;
            bool ok = node["enabled"].IsScalar();
            if (ok) {
                try {
                    enabled = node["enabled"].as<bool>();
                } catch (const YAML::Exception&) {
                    ok = false;
                }
            }
            if (!ok) sink.add(node["enabled"], path + ".enabled", "must be true or false");
            if (ok && !enabled) out.schedule.reset();
        }
    } else if (!node.IsScalar()) {
        sink.add(node, path,
                 "must be a weekday and time (\"maandag 09:00\") or a mapping with "
                 "schedule: and enabled:");
        return out;
    }
    // Initialised, never assigned: yaml-cpp 0.7 throws InvalidNode when a YAML::Node is
    // assigned the result of looking up an absent key (node["schedule"] without schedule:).
    const YAML::Node rule = node.IsMap() ? node["schedule"] : node;
    if (!rule.IsDefined()) return out;
    if (!rule.IsScalar()) {
        sink.add(rule, path, "schedule must be text, e.g. \"maandag 09:00\"");
        return out;
    }
    auto r = wanneer::parse_weekly_rule(rule.Scalar());
    if (auto* f = std::get_if<wanneer::RuleFail>(&r))
        sink.add(rule, node.IsMap() ? path + ".schedule" : path,
                 "not a weekday and time (" + std::string(wanneer::rule_error_name(f->code)) +
                     "); e.g. \"maandag 09:00\" or \"friday 3pm\"");
    else if (out.schedule)
        out.schedule = std::get<wanneer::WeeklyRule>(r);
    return out;
}

}  // namespace dialoog::intervisie
