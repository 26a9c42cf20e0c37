#pragma once
// What every casus operation needs about one team: services, the effects writer, the team, its
// language, "now", and the method library. Built once per command or job.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "commands/casus/methods.hpp"
#include "commands/casus/when_text.hpp"
#include "commands/context.hpp"

namespace dialoog::casus {

struct Scope {
    commands::Services& s;
    commands::Effects& fx;
    const config::TeamConfig& team;
    std::string lang;
    std::int64_t now;
    const MethodLibrary& methods;  // the config's (cfg.section(kMethodsSection))

    std::string t(std::string_view key, const commands::TextArgs& args = {}) const {
        return s.texts.get(lang, key, args);
    }
    /// "di 3 dec 14:00" in the team's zone.
    std::string when(std::int64_t ms) const { return format_when(ms, team.tz, lang, s.texts, now); }
    /// The method with `id`, or the first built-in when it no longer exists (removed from the
    /// YAML after planning).
    const Method& method(std::string_view id) const;
    /// The method's display name in this team's language.
    std::string method_title(const Method& m) const { return resolve(m.title, lang, s.texts); }
};

Scope make_scope(commands::Services& s, commands::Effects& fx, const config::TeamConfig& team);

/// A user id as Markdown (escaped).
std::string user_md(std::string_view user_id);

}  // namespace dialoog::casus
