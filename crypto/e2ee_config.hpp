#pragma once
// The `e2ee:` section of the YAML (docs/admin.md, "Versleuteling" / docs/admin.en.md,
// "Encryption"):
//
//   e2ee:
//     enabled: false                  # default; true: the bot has a device identity and
//                                     # publishes its keys (POST /keys/upload)
//     exclude_insecure_devices: true  # default; read once the bot encrypts (not yet)
//
// and where its pickle key lives: `bot.pickle_key_file` (config::BotAccount).

#include <string>
#include <vector>

#include "config/config.hpp"

namespace dialoog::crypto {

/// The top-level `e2ee:` section, parsed; the member initialisers are the defaults.
struct E2eeConfig {
    /// Off: the bot creates no keys, no pickle key and no crypto tables, and never calls
    /// /keys/upload: it behaves exactly as a bot without encryption.
    bool enabled = false;
    /// Do not send room keys to devices their owner has not cross-signed (spec v1.18,
    /// "Cross-signing"; docs/security.md). Checked now, read once the bot encrypts.
    bool exclude_insecure_devices = true;
};

/// The section `e2ee:`; read with `cfg.section(kE2eeSection)`.
inline constexpr config::TopSection<E2eeConfig> kE2eeSection{"e2ee"};

/// Checks and reads the `e2ee:` node at `path`: unknown keys and values that are not true or
/// false go to `sink` with their key and line; an undefined node gives the defaults.
E2eeConfig parse_e2ee_section(const YAML::Node& node, const std::string& path,
                              config::ErrorSink& sink);

/// The schema of `e2ee:` (for the config loader, next to the features' sections).
std::vector<config::SectionSchema> e2ee_config_sections();

}  // namespace dialoog::crypto
