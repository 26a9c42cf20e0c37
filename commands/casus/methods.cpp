#include "commands/casus/methods.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "commands/catalogue.hpp"

namespace dialoog::casus {

std::string resolve(const LocalText& t, std::string_view lang, const commands::Catalogue& c) {
    if (!t.key.empty()) return c.get(lang, t.key);
    if (lang == "en" && !t.en.empty()) return t.en;
    return t.nl;
}

int Method::total_minutes() const {
    int sum = 0;
    for (const auto& s : steps) sum += s.minutes;
    return sum;
}

std::string normalize_method_name(std::string_view name) {
    std::string out;
    bool dash = false;
    for (unsigned char ch : name) {
        if (ch == ' ' || ch == '\t' || ch == '_' || ch == '-') {
            dash = !out.empty();
            continue;
        }
        if (dash) out += '-';
        dash = false;
        out += static_cast<char>(std::tolower(ch));
    }
    return out;
}

namespace {

/// Shape of a built-in: its texts live in the catalogue under casus.method.<id>.
struct BuiltinStep {
    int minutes;
    std::vector<std::string> roles;
};
struct BuiltinShape {
    const char* id;
    std::vector<std::string> aliases;
    std::vector<BuiltinStep> steps;
};

Method from_shape(const BuiltinShape& b) {
    Method m;
    m.id = b.id;
    const std::string base = std::string("casus.method.") + b.id;
    m.title.key = base + ".title";
    m.description.key = base + ".description";
    for (const auto& a : b.aliases) m.aliases.push_back(normalize_method_name(a));
    int n = 0;
    for (const auto& s : b.steps) {
        ++n;
        MethodStep step;
        step.minutes = s.minutes;
        step.roles = s.roles;
        step.name.key = base + "." + std::to_string(n) + ".name";
        step.instruction.key = base + "." + std::to_string(n) + ".text";
        m.steps.push_back(std::move(step));
    }
    return m;
}

}  // namespace

const std::vector<Method>& builtin_methods() {
    static const std::vector<Method> methods = [] {
        const std::vector<BuiltinShape> shapes = {
            {"incidentmethode",
             {"incident", "incidentmethode-hendriksen", "incident method"},
             {{5, {"inbrenger", "gespreksleider"}},
              {5, {"inbrenger"}},
              {5, {"groep"}},
              {15, {"gespreksleider", "groep"}},
              {10, {"groep"}},
              {5, {"groep"}},
              {10, {"gespreksleider"}},
              {5, {"inbrenger"}},
              {10, {"gespreksleider", "groep"}},
              {5, {"tijdbewaker"}}}},
            {"vijfstappenmethode",
             {"vijf-stappen", "vijfstappen", "5-stappen", "five-step method", "five steps"},
             {{10, {"inbrenger"}},
              {20, {"groep", "gespreksleider"}},
              {10, {"groep"}},
              {20, {"groep", "inbrenger"}},
              {10, {"gespreksleider", "tijdbewaker"}}}},
            {"roddelmethode",
             {"roddel", "gossip", "gossip method"},
             {{10, {"inbrenger"}},
              {15, {"groep"}},
              {20, {"groep", "inbrenger"}},
              {10, {"inbrenger"}},
              {5, {"gespreksleider", "tijdbewaker"}}}},
            {"balintmethode",
             {"balint", "balint method"},
             {{10, {"groep"}},
              {5, {"groep"}},
              {2, {"groep"}},
              {10, {"inbrenger"}},
              {5, {"groep"}},
              {15, {"groep", "gespreksleider"}},
              {5, {"groep"}},
              {15, {"groep", "inbrenger"}},
              {5, {"inbrenger"}},
              {5, {"gespreksleider", "tijdbewaker"}}}},
            {"socratisch-gesprek",
             {"socratisch", "socratic", "socratic dialogue"},
             {{5, {"gespreksleider"}},
              {5, {"gespreksleider"}},
              {10, {"inbrenger"}},
              {15, {"groep"}},
              {10, {"inbrenger", "groep"}},
              {10, {"inbrenger"}},
              {10, {"groep"}},
              {15, {"groep", "gespreksleider"}},
              {10, {"groep"}},
              {5, {"gespreksleider", "tijdbewaker"}}}},
            {"dilemmamethode",
             {"dilemma", "moreel-beraad", "moreel beraad", "moral deliberation", "dilemma method"},
             {{5, {"gespreksleider"}},
              {10, {"inbrenger"}},
              {10, {"groep"}},
              {10, {"inbrenger", "groep"}},
              {15, {"groep"}},
              {10, {"groep"}},
              {10, {"groep"}},
              {10, {"gespreksleider", "groep"}},
              {10, {"groep"}},
              {5, {"gespreksleider", "tijdbewaker"}}}},
            {"spiegelgesprek",
             {"spiegel", "arenagesprek", "arena", "mirror", "mirror conversation"},
             {{5, {"gespreksleider"}},
              {20, {"gespreksleider", "groep"}},
              {15, {"groep"}},
              {20, {"groep", "gespreksleider"}},
              {5, {"gespreksleider", "tijdbewaker"}}}},
        };
        std::vector<Method> out;
        for (const auto& s : shapes) out.push_back(from_shape(s));
        // Spiegelgesprek step 2: the clients' voices are read out before anyone reacts.
        for (auto& m : out)
            if (m.id == "spiegelgesprek") m.steps[1].client_voices = true;
        return out;
    }();
    return methods;
}

namespace {

bool is_text(const YAML::Node& n) {
    if (n.IsScalar()) return !n.Scalar().empty();
    if (!n.IsMap()) return false;
    return n["nl"].IsDefined() && n["nl"].IsScalar() && !n["nl"].Scalar().empty();
}

// `key` of `parent`: a text, or a mapping {nl, en}. Empty when absent or refused.
LocalText parse_text(const YAML::Node& parent, const std::string& key, const std::string& path,
                     bool required, config::ErrorSink& sink) {
    LocalText t;
    const YAML::Node n = parent[key];
    const std::string p = path + "." + key;
    if (!n.IsDefined() || n.IsNull()) {
        if (required) sink.add(parent, p, "missing (a text, or a mapping with nl: and en:)");
        return t;
    }
    bool en_ok = true;
    if (n.IsMap()) {
        config::check_known_keys(n, p, {"nl", "en"}, sink);
        if (n["en"].IsDefined() && !n["en"].IsScalar()) {
            sink.add(n["en"], p + ".en", "must be text");
            en_ok = false;
        }
    }
    if (!is_text(n)) {
        sink.add(n, p, "must be a non-empty text, or a mapping with nl: (and en:)");
        return t;
    }
    if (n.IsScalar()) {
        t.nl = n.Scalar();
    } else {
        t.nl = n["nl"].Scalar();
        if (en_ok && n["en"].IsDefined()) t.en = n["en"].Scalar();
    }
    return t;
}

bool valid_name(const std::string& name) {
    if (normalize_method_name(name).empty()) return false;
    for (unsigned char ch : name)
        if (!(std::isalnum(ch) || ch == ' ' || ch == '-' || ch == '_')) return false;
    return true;
}

}  // namespace

MethodLibrary parse_methods_section(const YAML::Node& node, const std::string& path,
                                    config::ErrorSink& sink) {
    std::vector<Method> lib = builtin_methods();
    if (!node.IsDefined()) return lib;
    if (!node.IsSequence()) {
        sink.add(node, path, "must be a list of methods (each with name: and steps:)");
        return lib;
    }
    std::set<std::string> seen;
    std::size_t i = 0;
    for (const auto& m : node) {
        const std::string p = path + "[" + std::to_string(i++) + "]";
        if (!m.IsMap()) {
            sink.add(m, p, "must be a mapping with name:, description: and steps:");
            continue;
        }
        config::check_known_keys(m, p, {"name", "title", "description", "aliases", "steps"}, sink);
        Method method;
        method.builtin = false;
        const YAML::Node name = m["name"];
        if (!name.IsDefined() || !name.IsScalar() || !valid_name(name.Scalar())) {
            sink.add(name.IsDefined() ? name : m, p + ".name",
                     "missing or invalid (letters, digits, spaces and '-' only, e.g. "
                     "\"kort overleg\")");
        } else if (!seen.insert(normalize_method_name(name.Scalar())).second) {
            sink.add(name, p + ".name", "method \"" + name.Scalar() + "\" is defined twice");
        } else {
            method.id = normalize_method_name(name.Scalar());
        }
        method.title = parse_text(m, "title", p, false, sink);
        if (method.title.nl.empty() && !method.id.empty()) method.title.nl = name.Scalar();
        method.description = parse_text(m, "description", p, true, sink);
        if (m["aliases"].IsDefined()) {
            const YAML::Node a = m["aliases"];
            bool ok = a.IsSequence();
            if (ok)
                for (const auto& x : a) {
                    ok = ok && x.IsScalar() && valid_name(x.Scalar());
                    if (ok) method.aliases.push_back(normalize_method_name(x.Scalar()));
                }
            if (!ok) sink.add(a, p + ".aliases", "must be a list of names, e.g. [kort, short]");
        }
        const YAML::Node steps = m["steps"];
        if (!steps.IsDefined() || !steps.IsSequence() || steps.size() == 0) {
            sink.add(steps.IsDefined() ? steps : m, p + ".steps",
                     "missing or empty: a method needs at least one step");
            continue;
        }
        std::size_t j = 0;
        for (const auto& s : steps) {
            const std::string sp = p + ".steps[" + std::to_string(j++) + "]";
            if (!s.IsMap()) {
                sink.add(s, sp, "must be a mapping with name:, minutes: and instruction:");
                continue;
            }
            config::check_known_keys(s, sp, {"name", "minutes", "instruction", "roles"}, sink);
            MethodStep step;
            step.name = parse_text(s, "name", sp, true, sink);
            step.instruction = parse_text(s, "instruction", sp, true, sink);
            const YAML::Node min = s["minutes"];
            int minutes = 0;
            bool ok = min.IsDefined() && min.IsScalar();
            if (ok) {
                try {
                    minutes = min.as<int>();
                } catch (const YAML::Exception&) {
                    ok = false;
                }
            }
            if (!ok || minutes < 1 || minutes > 240)
                sink.add(min.IsDefined() ? min : s, sp + ".minutes",
                         "missing or invalid: a whole number of minutes from 1 to 240");
            else
                step.minutes = minutes;
            if (s["roles"].IsDefined()) {
                const YAML::Node r = s["roles"];
                if (!r.IsSequence()) {
                    sink.add(r, sp + ".roles",
                             "must be a list of inbrenger, gespreksleider, tijdbewaker, groep");
                } else {
                    for (const auto& x : r) {
                        if (!x.IsScalar() || std::find(kStepRoles.begin(), kStepRoles.end(),
                                                       x.Scalar()) == kStepRoles.end())
                            sink.add(x, sp + ".roles",
                                     "unknown role (known: inbrenger, gespreksleider, "
                                     "tijdbewaker, groep)");
                        else
                            step.roles.push_back(x.Scalar());
                    }
                }
            }
            method.steps.push_back(std::move(step));
        }
        if (method.id.empty()) continue;  // reported above
        auto it = std::find_if(lib.begin(), lib.end(),
                               [&](const Method& b) { return b.id == method.id; });
        if (it != lib.end()) {
            // An override keeps the built-in's aliases unless it names its own.
            if (method.aliases.empty()) method.aliases = it->aliases;
            *it = std::move(method);
        } else {
            lib.push_back(std::move(method));
        }
    }
    return lib;
}

const Method* find_method(const std::vector<Method>& library, std::string_view name) {
    const std::string want = normalize_method_name(name);
    if (want.empty()) return nullptr;
    for (const auto& m : library)
        if (m.id == want) return &m;
    for (const auto& m : library)
        if (std::find(m.aliases.begin(), m.aliases.end(), want) != m.aliases.end()) return &m;
    return nullptr;
}

}  // namespace dialoog::casus
