#pragma once
// The validated, immutable configuration. Loaded once from one YAML file;
// every error names the key and its line, unknown and duplicate keys are errors (yaml-cpp 0.7
// accepts duplicate keys silently, so the loader checks them itself).
//
// Feature sections are typed: a feature declares a section key with the C++ type it reads
// (TopSection<T> / TeamSection<T>) and one parse function that both checks the YAML and builds
// the T. The loader runs it once per load (a SIGHUP reload is a new load), also when the
// section is absent (the defaults come from the same code), and handlers read the stored T with
// cfg.section(key) / team.section(key). No feature reads YAML after the load.

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
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

/// A feature section at the top level of the YAML (e.g. `intake:`) whose parsed value has type
/// T. One constant per section names it both in the schema (SectionSchema::of) and where it is
/// read (Config::section), so the type cannot differ between the two.
template <typename T>
struct TopSection {
    std::string_view key;
};

/// A feature section inside each team of `teams:` (e.g. `casus:`) whose parsed value has type T;
/// read with TeamConfig::section.
template <typename T>
struct TeamSection {
    std::string_view key;
};

/// The parsed feature sections of a Config or a TeamConfig: key -> one immutable value of the
/// type its schema declared. Copies share the values.
class SectionValues {
  public:
    /// The value stored under `key`. Throws std::logic_error (a programming error, never a
    /// config error) when no value is stored under `key` (no schema given to the loader
    /// declares it) or when it holds another type than T.
    template <typename T>
    const T& get(std::string_view key) const {
        return *static_cast<const T*>(get_erased(key, typeid(T)));
    }
    /// Stores `value` under `key`, replacing what was there (the loader; tests that build a
    /// config by hand).
    template <typename T>
    void put(std::string_view key, T value) {
        put_erased(key, typeid(T), std::make_shared<const T>(std::move(value)));
    }
    /// Type-erased put: `value` must point to a `const` object of type `type`.
    void put_erased(std::string_view key, const std::type_info& type,
                    std::shared_ptr<const void> value);
    /// Type-erased get: the stored object, after the checks get() describes.
    const void* get_erased(std::string_view key, const std::type_info& type) const;
    /// The value stored under `key`, or null when none is (a section whose parse reported
    /// errors, during the loader's second pass). Throws std::logic_error on another type.
    template <typename T>
    const T* find(std::string_view key) const {
        return static_cast<const T*>(find_erased(key, typeid(T)));
    }
    /// Type-erased find: null when nothing is stored under `key`.
    const void* find_erased(std::string_view key, const std::type_info& type) const;
    /// Removes the value under `key`, if any (the loader drops a section its second pass
    /// refused).
    void erase(std::string_view key);

  private:
    struct Entry {
        const std::type_info* type = nullptr;
        std::shared_ptr<const void> value;
    };
    std::map<std::string, Entry, std::less<>> values_;
};

struct TeamConfig {
    std::string name;
    std::string room;  // room ID ("!x:hs") or alias ("#x:hs")
    std::vector<std::string> leaders;
    std::string language;  // nl | en
    std::string timezone;  // IANA name
    const date::time_zone* tz = nullptr;
    bool nudge_all_members = false;
    SectionValues sections;  // the team's feature sections, parsed (see TeamSection)

    /// The parsed value of the team section `s` (its defaults when the team does not write
    /// it). Throws std::logic_error when the loader was not given that section's schema.
    template <typename T>
    const T& section(const TeamSection<T>& s) const {
        return sections.get<T>(s.key);
    }
    /// Sets the value of section `s` (tests that build a team by hand).
    template <typename T>
    void set_section(const TeamSection<T>& s, T value) {
        sections.put<T>(s.key, std::move(value));
    }
};

struct BotAccount {
    std::string user_id;
    std::optional<std::string> access_token_file;
    std::optional<std::string> password_file;
    std::string device_id = "DIALOOGBOT1";
    /// `bot.pickle_key_file`: the file holding the 32-byte key the end-to-end encryption
    /// state is encrypted with (docs/security.md). Unset: `<storage>.pickle-key` beside the
    /// database, created on the first start with `e2ee.enabled: true`. A secret: never logged.
    std::optional<std::string> pickle_key_file;
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
    SectionValues sections;  // the top-level feature sections, parsed (see TopSection)
    std::string path;

    /// The parsed value of the top-level section `s` (its defaults when the YAML does not write
    /// it). Throws std::logic_error when the loader was not given that section's schema.
    template <typename T>
    const T& section(const TopSection<T>& s) const {
        return sections.get<T>(s.key);
    }
    /// The parsed value of the top-level section `s`, or null when its parse reported errors.
    /// For the second pass (`SectionSchema::validate_with_config`), which runs before the load
    /// is known to succeed; everywhere else use section().
    template <typename T>
    const T* find_section(const TopSection<T>& s) const {
        return sections.find<T>(s.key);
    }
    /// Sets the value of section `s` (tests that build a config by hand).
    template <typename T>
    void set_section(const TopSection<T>& s, T value) {
        sections.put<T>(s.key, std::move(value));
    }

    /// The team whose `room` equals `room_id` (or whose alias resolved to it), or nullptr.
    const TeamConfig* team_for_room(std::string_view room_id) const;
    const TeamConfig* team_by_name(std::string_view name) const;
    /// Teams listing `user_id` as a leader, in YAML order.
    std::vector<const TeamConfig*> teams_led_by(std::string_view user_id) const;
    bool is_admin(std::string_view user_id) const;
    bool invite_allowed(std::string_view user_id) const;
};

/// A YAML section contributed by a feature. `scope` says where it may appear: at the top
/// level (e.g. `intake:`) or inside each team (e.g. `casus:`). Build one with
/// SectionSchema::of, which types `parse` and `validate_with_config` by the section's key.
struct SectionSchema {
    enum class Scope { Top, Team };
    /// (node, path, sink) -> the parsed value, a `const T` (see `type`). `node` is undefined
    /// when the section is absent: the parse then returns the defaults. `path` is the dotted
    /// key for errors ("casus", "teams[0].casus"). Reports every problem to `sink` with its key
    /// and line; the loader keeps the value only when the section reported none.
    using Parse = std::function<std::shared_ptr<const void>(const YAML::Node&, const std::string&,
                                                            ErrorSink&)>;
    /// (value, node, path, config, sink): the second pass. `value` points to the parsed `const
    /// T`; `node` is the section, only to point errors at their line.
    using Check = std::function<void(const void*, const YAML::Node&, const std::string&,
                                     const Config&, ErrorSink&)>;

    std::string key;
    Scope scope = Scope::Top;
    const std::type_info* type = nullptr;  // of the value `parse` returns
    Parse parse = {};
    /// Optional second pass for checks that need the rest of the config (e.g. that a named
    /// team exists). Runs after every section and team was parsed, only when the section is
    /// present, over the value its parse returned. Other top-level sections are readable with
    /// `Config::find_section` (null when their own parse failed).
    Check validate_with_config = {};

    /// The schema of top-level section `section`: `parse(node, path, sink)` returns its T.
    template <typename T>
    static SectionSchema of(
        TopSection<T> section,
        std::type_identity_t<std::function<T(const YAML::Node&, const std::string&, ErrorSink&)>>
            parse,
        std::type_identity_t<std::function<void(const T&, const YAML::Node&, const std::string&,
                                                const Config&, ErrorSink&)>>
            validate_with_config = {}) {
        return make<T>(section.key, Scope::Top, std::move(parse), std::move(validate_with_config));
    }
    /// The schema of team section `section`: `parse(node, path, sink)` returns its T.
    template <typename T>
    static SectionSchema of(
        TeamSection<T> section,
        std::type_identity_t<std::function<T(const YAML::Node&, const std::string&, ErrorSink&)>>
            parse,
        std::type_identity_t<std::function<void(const T&, const YAML::Node&, const std::string&,
                                                const Config&, ErrorSink&)>>
            validate_with_config = {}) {
        return make<T>(section.key, Scope::Team, std::move(parse), std::move(validate_with_config));
    }

  private:
    template <typename T, typename P, typename C>
    static SectionSchema make(std::string_view key, Scope scope, P parse, C check) {
        SectionSchema s;
        s.key = std::string(key);
        s.scope = scope;
        s.type = &typeid(T);
        s.parse = [parse = std::move(parse)](const YAML::Node& node, const std::string& path,
                                             ErrorSink& sink) -> std::shared_ptr<const void> {
            return std::make_shared<const T>(parse(node, path, sink));
        };
        if (check)
            s.validate_with_config = [check = std::move(check)](
                                         const void* value, const YAML::Node& node,
                                         const std::string& path, const Config& cfg,
                                         ErrorSink& sink) {
                check(*static_cast<const T*>(value), node, path, cfg, sink);
            };
        return s;
    }
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
