#pragma once
// The command registry (style: D++): commands registered by name with metadata, not a switch.

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commands/roles.hpp"

namespace dialoog::commands {

struct CommandContext;

/// Where a command may be used.
enum class Where { Anywhere, TeamRoom, Dm };

/// One command, declared by its feature in one way, with designated initializers:
///
///     r.add({.name = "besluit",
///            .aliases = {"decision"},
///            .where = Where::TeamRoom,
///            .summary_key = "tenzij.besluit_summary",
///            .usage_key = "tenzij.besluit_usage",
///            .examples_key = "tenzij.besluit_examples",
///            .handler = cmd_besluit});
///
/// `name` is the Dutch name; `aliases` start with the English one. The three keys name
/// catalogue texts: a one-line summary, the usage line, and examples. Handlers are named
/// `cmd_<name>`.
struct CommandSpec {
    // Every member has an initializer, so a declaration names only what differs from the
    // defaults (g++ 12 warns about omitted members without one).
    std::string name{};
    std::vector<std::string> aliases{};
    Role min_role = Role::Member;
    Where where = Where::Anywhere;
    std::string summary_key{};
    std::string usage_key{};
    std::string examples_key{};
    /// Shown in !help only when true (e.g. ja/nee dialogue words are not).
    bool listed = true;
    std::function<void(CommandContext&)> handler{};
};

/// Why a command may not run here, or None. The one permission rule: the dispatcher answers
/// with it, `!hulp` lists only what the caller may run where they ask.
enum class Refusal { None, NeedsTeamRoom, NeedsDm, NeedsLeader, NeedsAdmin };

/// Checks `spec` for a caller with `role` in a team room (`in_team_room`) or a direct chat
/// (`in_dm`); the room kind is checked before the role.
Refusal refusal(const CommandSpec& spec, Role role, bool in_team_room, bool in_dm);

class Registry {
  public:
    /// Registers a command. Throws std::logic_error when a name or alias is taken (a
    /// programming error caught by the tests).
    void add(CommandSpec spec);
    /// Finds by name or alias (lowercase).
    const CommandSpec* find(std::string_view name) const;
    /// Every command, in registration order.
    std::vector<const CommandSpec*> all() const;
    /// The command whose name or alias is closest to `unknown` (edit distance <= 2), given by
    /// the name a team of language `lang` uses: the Dutch name for "nl", the first alias (the
    /// English one) for "en". So `!casu` in a Dutch team suggests `!casus`, not `!case`.
    std::optional<std::string> suggest(std::string_view unknown, std::string_view lang) const;

  private:
    std::vector<std::unique_ptr<CommandSpec>> specs_;
    std::map<std::string, const CommandSpec*, std::less<>> by_name_;
};

}  // namespace dialoog::commands
