#pragma once
// Methods (werkvormen) of a case discussion as data: a named list of timed steps with
// instructions per language and role hints. Built-in methods take their texts from the
// catalogue (keys "casus.method.<id>.*"); methods from the YAML `methods:` section carry their
// own texts and may override a built-in of the same name.

#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "config/config.hpp"

namespace dialoog::commands {
class Catalogue;
}

namespace dialoog::casus {

/// A text in nl and en, or a catalogue key (built-ins).
struct LocalText {
    std::string nl;
    std::string en;
    std::string key;  // when set, the catalogue has the text
};

/// The text in `lang` (nl when there is no English), from the catalogue for keyed texts.
std::string resolve(const LocalText& t, std::string_view lang, const commands::Catalogue& c);

/// Role hints a step can carry.
inline const std::vector<std::string> kStepRoles = {"inbrenger", "gespreksleider", "tijdbewaker",
                                                    "groep"};

struct MethodStep {
    LocalText name;
    int minutes = 5;
    LocalText instruction;
    std::vector<std::string> roles;
    /// The bot posts the session's linked client input (inbreng) in the thread, one message
    /// per input, when this step starts (the spiegelgesprek's "client voices").
    bool client_voices = false;
};

struct Method {
    std::string id;  // lowercase, words joined by '-' ("socratisch-gesprek")
    LocalText title;
    LocalText description;
    std::vector<std::string> aliases;  // normalised like id
    std::vector<MethodStep> steps;
    bool builtin = true;
    int total_minutes() const;
};

/// "Socratisch  Gesprek" -> "socratisch-gesprek" (lowercase ASCII, runs of spaces, '_' and '-'
/// become one '-').
std::string normalize_method_name(std::string_view name);

/// The seven built-in methods, in the order `!methodes` lists them.
const std::vector<Method>& builtin_methods();

/// The methods `!casus plan` can use: the built-ins, with the YAML methods added or replacing a
/// built-in of the same id; read with `cfg.section(kMethodsSection)`.
using MethodLibrary = std::vector<Method>;

/// The top-level section `methods:`.
inline constexpr config::TopSection<MethodLibrary> kMethodsSection{"methods"};

/// Checks and reads the top-level `methods:` node at `path`: a list of {name, title?,
/// description, aliases?, steps: [{name, minutes (1..240), instruction, roles?}]}. Every error
/// goes to `sink` with its key and line. Returns the library: built-ins first (in the order of
/// builtin_methods(); an override takes the built-in's place and keeps its aliases unless it
/// names its own), then the new methods in YAML order. An undefined node gives the built-ins.
MethodLibrary parse_methods_section(const YAML::Node& node, const std::string& path,
                                    config::ErrorSink& sink);

/// The method whose id or alias equals normalize_method_name(name), or null.
const Method* find_method(const std::vector<Method>& library, std::string_view name);

}  // namespace dialoog::casus
