#pragma once
// The intervision prompt library: built-in reflective questions (texts in the catalogue,
// keys "intervisie.prompt.<id>") around the report's themes, plus prompts admins add in the
// top-level YAML section `intervisie_prompts:` (a YAML prompt with the id of a built-in
// replaces it). Also the team section `intervisie:` (when the weekly prompt is posted). Both are
// documented in docs/admin.md ("Secties van de functies").

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

/// The prompts the team rooms get: the built-ins, a YAML prompt with the id of a built-in in its
/// place, then the other YAML prompts in YAML order; read with `cfg.section(kPromptsSection)`.
using PromptLibrary = std::vector<Prompt>;

/// The top-level section `intervisie_prompts:`.
inline constexpr config::TopSection<PromptLibrary> kPromptsSection{"intervisie_prompts"};

/// Checks and reads the top-level `intervisie_prompts:` node at `path`: a list of {id, nl,
/// en?, theme?}. Every error goes to `sink` with its key and line. An undefined node gives the
/// built-ins.
PromptLibrary parse_prompts_section(const YAML::Node& node, const std::string& path,
                                    config::ErrorSink& sink);

/// A team's `intervisie:` section, parsed.
struct TeamIntervisieConfig {
    /// When the weekly prompt is posted (team's local time); nullopt: switched off. Default
    /// maandag 09:00.
    std::optional<wanneer::WeeklyRule> schedule;
};

/// The team section `intervisie:`; read with `team.section(kIntervisieSection)`.
inline constexpr config::TeamSection<TeamIntervisieConfig> kIntervisieSection{"intervisie"};

/// Checks and reads a team's `intervisie:` node at `path` ("teams[0].intervisie"): either a
/// rule text ("maandag 09:00") or a mapping {schedule: "maandag 09:00", enabled: true}. Every
/// error goes to `sink` with its key and line. An undefined node gives the default: enabled,
/// maandag 09:00.
TeamIntervisieConfig parse_team_section(const YAML::Node& node, const std::string& path,
                                        config::ErrorSink& sink);

}  // namespace dialoog::intervisie
