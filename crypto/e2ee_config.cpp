#include "crypto/e2ee_config.hpp"

namespace dialoog::crypto {

namespace {

void read_bool(const YAML::Node& node, const char* key, const std::string& path,
               config::ErrorSink& sink, bool& out) {
    auto n = node[key];
    if (!n.IsDefined() || n.IsNull()) return;
    bool v = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v))
        sink.add(n, path + "." + key, "must be true or false");
    else
        out = v;
}

}  // namespace

E2eeConfig parse_e2ee_section(const YAML::Node& node, const std::string& path,
                              config::ErrorSink& sink) {
    E2eeConfig out;
    if (!node.IsDefined() || node.IsNull()) return out;
    if (!node.IsMap()) {
        sink.add(node, path,
                 "must be a mapping, e.g. {enabled: false, exclude_insecure_devices: true}");
        return out;
    }
    config::check_known_keys(node, path, {"enabled", "exclude_insecure_devices"}, sink);
    read_bool(node, "enabled", path, sink, out.enabled);
    read_bool(node, "exclude_insecure_devices", path, sink, out.exclude_insecure_devices);
    return out;
}

std::vector<config::SectionSchema> e2ee_config_sections() {
    return {config::SectionSchema::of(kE2eeSection, parse_e2ee_section)};
}

}  // namespace dialoog::crypto
