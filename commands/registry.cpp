#include "commands/registry.hpp"

#include <stdexcept>

#include "commands/command_parser.hpp"

namespace dialoog::commands {

Refusal refusal(const CommandSpec& spec, Role role, bool in_team_room, bool in_dm) {
    if (spec.where == Where::TeamRoom && !in_team_room) return Refusal::NeedsTeamRoom;
    if (spec.where == Where::Dm && !in_dm) return Refusal::NeedsDm;
    if (static_cast<int>(role) < static_cast<int>(spec.min_role))
        return spec.min_role == Role::Admin ? Refusal::NeedsAdmin : Refusal::NeedsLeader;
    return Refusal::None;
}

void Registry::add(CommandSpec spec) {
    auto owned = std::make_unique<CommandSpec>(std::move(spec));
    const CommandSpec* p = owned.get();
    std::vector<std::string> names = {p->name};
    names.insert(names.end(), p->aliases.begin(), p->aliases.end());
    for (const auto& n : names)
        if (by_name_.count(n)) throw std::logic_error("command name registered twice: " + n);
    for (const auto& n : names) by_name_[n] = p;
    specs_.push_back(std::move(owned));
}

const CommandSpec* Registry::find(std::string_view name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second;
}

std::vector<const CommandSpec*> Registry::all() const {
    std::vector<const CommandSpec*> out;
    for (const auto& s : specs_) out.push_back(s.get());
    return out;
}

std::optional<std::string> Registry::suggest(std::string_view unknown,
                                             std::string_view lang) const {
    int best = 3;
    const CommandSpec* found = nullptr;
    for (const auto& [name, spec] : by_name_) {
        if (!spec->listed) continue;
        int d = edit_distance(unknown, name, 2);
        // Ties go to a command named in the team's language.
        const bool own_language =
            lang == "en" ? !spec->aliases.empty() && spec->aliases[0] == name : spec->name == name;
        if (d < best || (d == best && own_language && found != spec)) {
            best = d;
            found = spec;
        }
    }
    if (!found || best > 2) return std::nullopt;
    return lang == "en" && !found->aliases.empty() ? found->aliases.front() : found->name;
}

}  // namespace dialoog::commands
