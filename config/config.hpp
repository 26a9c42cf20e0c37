#pragma once
// The validated, immutable configuration. Loaded once from one YAML file;
// every error names the key and its line, unknown and duplicate keys are errors (yaml-cpp 0.7
// accepts duplicate keys silently, so the loader checks them itself).

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace date {
class time_zone;
}

namespace dialoog::config {

/// One error: `line`/`column` are 1-based (0 when unknown); `key` is the dotted path
/// (e.g. "teams[0].timezone").
struct ConfigError {
    int line = 0;
    int column = 0;
    std::string key;
    std::string message;
    /// "line 12: teams[0].timezone: unknown time zone "Europe/Amsterdm""
    std::string to_string() const;
};

/// Collects errors while validating; handed to feature validators.
class ErrorSink {
  public:
    void add(const YAML::Node& at, std::string key, std::string message);
    void add(int line, std::string key, std::string message);
    const std::vector<ConfigError>& errors() const { return errors_; }
    bool empty() const { return errors_.empty(); }

  private:
    std::vector<ConfigError> errors_;
};

struct TeamConfig {
    std::string name;
    std::string room;  // room ID ("!x:hs") or alias ("#x:hs")
    std::vector<std::string> leaders;
    std::string language;  // nl | en
    std::string timezone;  // IANA name
    const date::time_zone* tz = nullptr;
    bool nudge_all_members = false;
    YAML::Node node;  // the whole team mapping, for feature sections
};

struct BotAccount {
    std::string user_id;
    std::optional<std::string> access_token_file;
    std::optional<std::string> password_file;
    std::string device_id = "DIALOOGBOT1";
};

struct HealthConfig {
    bool enabled = false;
    std::string bind = "127.0.0.1";
    int port = 9464;
};

struct Config {
    std::string homeserver;
    bool allow_insecure_http = false;
    BotAccount bot;
    std::string storage;
    std::string language = "nl";
    std::string timezone = "Europe/Amsterdam";
    const date::time_zone* tz = nullptr;
    std::vector<std::string> admins;
    std::vector<std::string> invite_allow;
    std::vector<TeamConfig> teams;
    std::int64_t catch_up_max_age_ms = 24LL * 3600 * 1000;
    std::string log_level = "info";
    HealthConfig health;
    YAML::Node root;  // the whole document, for feature sections
    std::string path;

    /// The team whose `room` equals `room_id` (or whose alias resolved to it), or nullptr.
    const TeamConfig* team_for_room(std::string_view room_id) const;
    const TeamConfig* team_by_name(std::string_view name) const;
    /// Teams listing `user_id` as a leader, in YAML order.
    std::vector<const TeamConfig*> teams_led_by(std::string_view user_id) const;
    bool is_admin(std::string_view user_id) const;
    bool invite_allowed(std::string_view user_id) const;
};

/// A YAML section contributed by a feature. `scope` says where it may appear: at the top
/// level (e.g. `intake:`) or inside each team (e.g. `casus:`). `validate` reports errors.
struct SectionSchema {
    enum class Scope { Top, Team };
    std::string key;
    Scope scope = Scope::Top;
    std::function<void(const YAML::Node&, const std::string& path, ErrorSink&)> validate;
    /// Optional second pass for checks that need the rest of the config (e.g. that a named
    /// team exists). Runs after the teams were read, only when the section is present.
    std::function<void(const YAML::Node&, const std::string& path, const Config&, ErrorSink&)>
        validate_with_config = {};
};

struct LoadResult {
    std::shared_ptr<const Config> config;  // null when errors is non-empty
    std::vector<ConfigError> errors;
    std::vector<std::string> warnings;  // e.g. token file readable by others
};

/// Validates `yaml_text`. `path` is used for messages and to resolve relative file paths.
/// Never throws: YAML syntax errors come back as errors with their line.
LoadResult load_config_text(std::string_view yaml_text, const std::vector<SectionSchema>& features,
                            const std::string& path = "<config>");
/// Reads and validates a config file.
LoadResult load_config_file(const std::string& path, const std::vector<SectionSchema>& features);

/// "24h", "30m", "90s", "7d", "500ms" or a plain integer of seconds, in ms; nullopt if invalid.
std::optional<std::int64_t> parse_duration_ms(std::string_view text);

/// Largest config file read, in bytes (a real one is a few KB; guards /dev/zero and mix-ups).
constexpr std::size_t kMaxConfigBytes = 1 << 20;
/// Most values in the tree, counting each use of a YAML alias (guards alias bombs).
constexpr std::size_t kMaxConfigNodes = 100'000;
/// Deepest nesting accepted.
constexpr std::size_t kMaxConfigDepth = 32;

/// Reports duplicate keys in every mapping of the tree under `node`, an alias that contains
/// itself, nesting deeper than kMaxConfigDepth and trees over kMaxConfigNodes. Returns false
/// when the tree is unsafe to read further (a cycle, too deep or too large).
bool check_shape(const YAML::Node& node, const std::string& path, ErrorSink& sink);
/// Reports keys of the mapping `node` not in `allowed`.
void check_known_keys(const YAML::Node& node, const std::string& path,
                      const std::vector<std::string>& allowed, ErrorSink& sink);

}  // namespace dialoog::config
