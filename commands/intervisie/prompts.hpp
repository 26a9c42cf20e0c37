#pragma once
// The intervision prompt library: built-in reflective questions (texts in the catalogue,
// keys "intervisie.prompt.<id>") around the report's themes, plus prompts admins add in the
// top-level YAML section `intervisie_prompts:` (a YAML prompt with the id of a built-in
// replaces it). Also the team section `intervisie:` (when the weekly prompt is posted).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "config/config.hpp"
#include "lib/wanneer/recurrence.hpp"

namespace dialoog::commands {
class Catalogue;
}

namespace dialoog::intervisie {

struct Prompt {
    std::string id;
    std::string theme;  // e.g. "routine"; informative only
    std::string key;    // catalogue key (built-ins)
    std::string nl;     // YAML prompts
    std::string en;
};

/// The prompt text in `lang` (nl when a YAML prompt has no English).
std::string prompt_text(const Prompt& p, std::string_view lang, const commands::Catalogue& c);

const std::vector<Prompt>& builtin_prompts();
/// Built-ins plus YAML prompts.
std::vector<Prompt> prompt_library(const config::Config& cfg);

/// Top-level `intervisie_prompts:`: a list of {id, nl, en?, theme?}.
void validate_prompts_section(const YAML::Node& node, const std::string& path,
                              config::ErrorSink& sink);

/// Team `intervisie:` either a rule text ("maandag 09:00") or a mapping
/// {schedule: "maandag 09:00", enabled: true}. Default: enabled, Monday 09:00.
void validate_team_section(const YAML::Node& node, const std::string& path,
                           config::ErrorSink& sink);

/// The team's weekly rule, or nullopt when prompts are switched off.
std::optional<wanneer::WeeklyRule> schedule_of(const config::TeamConfig& team);

}  // namespace dialoog::intervisie
