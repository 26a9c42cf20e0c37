#include "commands/tenzij/tenzij_config.hpp"

#include <variant>

namespace dialoog::tenzij {

namespace {

constexpr std::int64_t kMaxWindowMs = 30LL * 24 * 3600 * 1000;

std::string at(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
}

std::string item(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

bool scalar_text(const YAML::Node& n, std::string& out) {
    if (!n.IsDefined() || !n.IsScalar()) return false;
    out = n.Scalar();
    return true;
}

// Reads the patterns mapping into `cfg`; problems go to `sink` and leave the entry out.
// `add_nodes[i]` is the YAML node of `cfg.add[i]`, `remove_nodes[i]` that of
// `cfg.remove_ids[i]` (for the lines of errors found when the patterns are compiled).
void read_patterns(const YAML::Node& node, const std::string& path, config::ErrorSink& sink,
                   NudgeConfig& cfg, std::vector<YAML::Node>& add_nodes,
                   std::vector<YAML::Node>& remove_nodes) {
    if (!node.IsDefined() || node.IsNull()) return;
    if (!node.IsMap()) {
        sink.add(node, path, "must be a mapping with `add` and/or `remove`");
        return;
    }
    config::check_known_keys(node, path, {"add", "remove"}, sink);
    auto add = node["add"];
    if (add.IsDefined() && !add.IsNull()) {
        if (!add.IsSequence()) {
            sink.add(add, at(path, "add"),
                     "must be a list of {id, language, pcre} (e.g. - {id: nl.geen_plek, "
                     "language: nl, pcre: \"\\\\bgeen plek\\\\b\"})");
        } else {
            std::size_t i = 0;
            for (const auto& p : add) {
                std::string ipath = item(at(path, "add"), i++);
                if (!p.IsMap()) {
                    sink.add(p, ipath, "must be a mapping with id, language and pcre");
                    continue;
                }
                config::check_known_keys(p, ipath, {"id", "language", "pcre"}, sink);
                NudgePattern np;
                bool ok = true;
                for (auto [key, dest] :
                     {std::pair{"id", &np.id}, std::pair{"language", &np.language},
                      std::pair{"pcre", &np.pcre}}) {
                    auto v = p[key];
                    if (!v.IsDefined() || v.IsNull()) {
                        sink.add(p, at(ipath, key), "required key is missing");
                        ok = false;
                    } else if (!scalar_text(v, *dest) || dest->empty()) {
                        sink.add(v, at(ipath, key), "must be a non-empty text");
                        ok = false;
                    }
                }
                if (!ok) continue;
                cfg.add.push_back(std::move(np));
                add_nodes.push_back(p);
            }
        }
    }
    auto remove = node["remove"];
    if (remove.IsDefined() && !remove.IsNull()) {
        if (!remove.IsSequence()) {
            sink.add(remove, at(path, "remove"),
                     "must be a list of pattern ids (e.g. [nl.geen_budget])");
        } else {
            std::size_t i = 0;
            for (const auto& r : remove) {
                std::string id;
                if (!scalar_text(r, id) || id.empty()) {
                    sink.add(r, item(at(path, "remove"), i), "must be a pattern id");
                } else {
                    cfg.remove_ids.push_back(std::move(id));
                    remove_nodes.push_back(r);
                }
                ++i;
            }
        }
    }
}

std::int64_t read_window(const YAML::Node& n, const std::string& path, config::ErrorSink& sink) {
    if (!n.IsDefined() || n.IsNull()) return kDefaultNudgeWindowMs;
    auto ms = n.IsScalar() ? config::parse_duration_ms(n.Scalar()) : std::nullopt;
    if (!ms || *ms <= 0 || *ms > kMaxWindowMs) {
        sink.add(n, path,
                 "must be a duration between 1s and 30d, like 24h, 90m or 7d (default 24h)");
        return kDefaultNudgeWindowMs;
    }
    return *ms;
}

}  // namespace

config::SectionSchema nudge_section_schema() {
    return config::SectionSchema::of(kNudgeSection, parse_nudge_section);
}

NudgeSettings parse_nudge_section(const YAML::Node& node, const std::string& path,
                                  config::ErrorSink& sink) {
    NudgeSettings out;
    if (node.IsDefined() && !node.IsNull()) {  // else `nudge:` absent or empty: the defaults
        if (!node.IsMap()) {
            sink.add(node, path, "must be a mapping with `window` and/or `patterns`");
            return out;
        }
        config::check_known_keys(node, path, {"window", "patterns"}, sink);
        out.window_ms = read_window(node["window"], at(path, "window"), sink);
    }

    const std::size_t before = sink.errors().size();
    std::vector<YAML::Node> add_nodes, remove_nodes;
    const std::string ppath = at(path, "patterns");
    if (node.IsDefined() && !node.IsNull())
        read_patterns(node["patterns"], ppath, sink, out.patterns, add_nodes, remove_nodes);
    if (sink.errors().size() != before) return out;  // compile only a well-formed section

    auto built = NudgeDetector::create(out.patterns);
    if (auto* detector = std::get_if<NudgeDetector>(&built)) {
        out.detector = std::move(*detector);
        return out;
    }
    for (const auto& e : std::get<std::vector<NudgePatternError>>(built)) {
        // Point at the YAML entry the error is about: an added pattern, or a removal.
        bool placed = false;
        for (std::size_t i = 0; i < out.patterns.add.size() && !placed; ++i) {
            if (out.patterns.add[i].id != e.pattern_id) continue;
            std::string ipath = item(at(ppath, "add"), i);
            bool syntax = e.message.rfind("add:", 0) != 0;
            if (syntax) {
                sink.add(add_nodes[i]["pcre"], at(ipath, "pcre"),
                         "invalid PCRE2 pattern: " + e.message + " at offset " +
                             std::to_string(e.offset));
            } else {
                sink.add(add_nodes[i]["id"], at(ipath, "id"), e.message);
            }
            placed = true;
        }
        for (std::size_t i = 0; i < out.patterns.remove_ids.size() && !placed; ++i) {
            if (out.patterns.remove_ids[i] != e.pattern_id) continue;
            sink.add(remove_nodes[i], item(at(ppath, "remove"), i), e.message);
            placed = true;
        }
        if (!placed) sink.add(node, ppath, e.to_string());
    }
    return out;
}

}  // namespace dialoog::tenzij
