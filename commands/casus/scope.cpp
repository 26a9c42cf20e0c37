#include "commands/casus/scope.hpp"

namespace dialoog::casus {

const Method& Scope::method(std::string_view id) const {
    for (const auto& m : methods)
        if (m.id == id) return m;
    if (const Method* m = find_method(methods, id)) return *m;
    return builtin_methods().front();
}

Scope make_scope(commands::Services& s, commands::Effects& fx, const config::TeamConfig& team) {
    return Scope{s,          fx,
                 team,       team.language.empty() ? "nl" : team.language,
                 s.now_ms(), s.cfg().section(kMethodsSection)};
}

std::string user_md(std::string_view user_id) {
    return commands::md_escape(user_id);
}

}  // namespace dialoog::casus
