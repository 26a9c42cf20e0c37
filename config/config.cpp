#include "config/config.hpp"

#include <sys/stat.h>

#include <date/tz.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "common/glob.hpp"

namespace dialoog::config {

std::string ConfigError::to_string() const {
    std::string out;
    if (line > 0) out += "line " + std::to_string(line) + ": ";
    if (!key.empty()) out += key + ": ";
    out += message;
    return out;
}

void ErrorSink::add(const YAML::Node& at, std::string key, std::string message) {
    int line = 0, col = 0;
    if (at.IsDefined()) {
        auto m = at.Mark();
        if (m.line >= 0) line = m.line + 1;
        if (m.column >= 0) col = m.column + 1;
    }
    errors_.push_back(ConfigError{line, col, std::move(key), std::move(message)});
}

void ErrorSink::add(int line, std::string key, std::string message) {
    errors_.push_back(ConfigError{line, 0, std::move(key), std::move(message)});
}

void SectionValues::put_erased(std::string_view key, const std::type_info& type,
                               std::shared_ptr<const void> value) {
    auto it = values_.find(key);
    if (it == values_.end()) it = values_.emplace(std::string(key), Entry{}).first;
    it->second = Entry{&type, std::move(value)};
}

const void* SectionValues::get_erased(std::string_view key, const std::type_info& type) const {
    auto it = values_.find(key);
    if (it == values_.end() || !it->second.value)
        throw std::logic_error("config section \"" + std::string(key) +
                               "\" was not loaded: no schema given to the loader declares it");
    if (*it->second.type != type)
        throw std::logic_error("config section \"" + std::string(key) +
                               "\" holds another type than the one asked for");
    return it->second.value.get();
}

const void* SectionValues::find_erased(std::string_view key, const std::type_info& type) const {
    auto it = values_.find(key);
    if (it == values_.end() || !it->second.value) return nullptr;
    return get_erased(key, type);
}

void SectionValues::erase(std::string_view key) {
    if (auto it = values_.find(key); it != values_.end()) values_.erase(it);
}

const TeamConfig* Config::team_for_room(std::string_view room_id) const {
    for (const auto& t : teams)
        if (t.room == room_id) return &t;
    return nullptr;
}

const TeamConfig* Config::team_by_name(std::string_view name) const {
    for (const auto& t : teams)
        if (t.name == name) return &t;
    return nullptr;
}

std::vector<const TeamConfig*> Config::teams_led_by(std::string_view user_id) const {
    std::vector<const TeamConfig*> out;
    for (const auto& t : teams)
        if (std::find(t.leaders.begin(), t.leaders.end(), user_id) != t.leaders.end())
            out.push_back(&t);
    return out;
}

bool Config::is_admin(std::string_view user_id) const {
    return std::find(admins.begin(), admins.end(), user_id) != admins.end();
}

bool Config::invite_allowed(std::string_view user_id) const {
    for (const auto& g : invite_allow)
        if (glob_match(g, user_id)) return true;
    return is_admin(user_id);
}

std::optional<std::int64_t> parse_duration_ms(std::string_view s) {
    if (s.empty()) return std::nullopt;
    std::size_t i = 0;
    std::int64_t n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        n = n * 10 + (s[i] - '0');
        if (n > 1'000'000'000) return std::nullopt;
        ++i;
    }
    if (i == 0) return std::nullopt;
    auto unit = s.substr(i);
    if (unit.empty() || unit == "s") return n * 1000;
    if (unit == "ms") return n;
    if (unit == "m" || unit == "min") return n * 60'000;
    if (unit == "h") return n * 3'600'000;
    if (unit == "d") return n * 86'400'000;
    return std::nullopt;
}

namespace {

// Walks the tree for check_shape. `ancestors` finds an alias that contains itself (`x: &a [*a]`
// would make every recursive reader loop); `budget` bounds the work an alias bomb causes
// (aliases share nodes, so a small file can stand for a tree of 10^9 nodes). Returns false to
// stop the walk.
bool walk_shape(const YAML::Node& node, const std::string& path, ErrorSink& sink,
                std::vector<YAML::Node>& ancestors, std::size_t& budget) {
    if (budget == 0) return false;
    --budget;
    if (!node.IsMap() && !node.IsSequence()) return true;
    for (const auto& a : ancestors)
        if (a.is(node)) {
            sink.add(node, path,
                     "this value refers to itself through a YAML alias (&name ... *name); "
                     "write the value out instead");
            return false;
        }
    if (ancestors.size() >= kMaxConfigDepth) {
        sink.add(node, path,
                 "nested more than " + std::to_string(kMaxConfigDepth) +
                     " levels deep; the config needs only a few");
        return false;
    }
    ancestors.push_back(node);
    bool ok = true;
    if (node.IsMap()) {
        std::set<std::string> seen;
        for (auto it = node.begin(); ok && it != node.end(); ++it) {
            std::string k = it->first.IsScalar() ? it->first.Scalar() : std::string("?");
            std::string child = path.empty() ? k : path + "." + k;
            if (!seen.insert(k).second)
                sink.add(it->first, child, "duplicate key (each key may appear only once)");
            ok = walk_shape(it->second, child, sink, ancestors, budget);
        }
    } else {
        std::size_t i = 0;
        for (auto it = node.begin(); ok && it != node.end(); ++it)
            ok = walk_shape(*it, path + "[" + std::to_string(i++) + "]", sink, ancestors, budget);
    }
    ancestors.pop_back();
    return ok;
}

}  // namespace

bool check_shape(const YAML::Node& node, const std::string& path, ErrorSink& sink) {
    std::vector<YAML::Node> ancestors;
    std::size_t budget = kMaxConfigNodes;
    bool ok = walk_shape(node, path, sink, ancestors, budget);
    if (budget == 0) {
        sink.add(node, path,
                 "the config has more than " + std::to_string(kMaxConfigNodes) +
                     " values (counting every use of a YAML alias); is an alias "
                     "repeated on purpose?");
        return false;
    }
    return ok;
}

void check_known_keys(const YAML::Node& node, const std::string& path,
                      const std::vector<std::string>& allowed, ErrorSink& sink) {
    if (!node.IsMap()) return;
    for (auto it = node.begin(); it != node.end(); ++it) {
        if (!it->first.IsScalar()) continue;
        const auto& k = it->first.Scalar();
        if (std::find(allowed.begin(), allowed.end(), k) == allowed.end()) {
            std::string known;
            for (const auto& a : allowed) known += (known.empty() ? "" : ", ") + a;
            sink.add(it->first, path.empty() ? k : path + "." + k,
                     "unknown key (known keys here: " + known + ")");
        }
    }
}

namespace {

/// Runs a feature's section parse; an exception (e.g. yaml-cpp's "invalid node" on an
/// unexpected shape) becomes an error on that section instead of aborting the whole load.
template <typename F>
void guarded(const YAML::Node& at, const std::string& key, ErrorSink& sink, F&& validate) {
    try {
        validate();
    } catch (const std::exception& e) {
        sink.add(at, key,
                 std::string("this section could not be read (") + e.what() +
                     "); check its layout against deploy/dialoogbot.example.yaml");
    }
}

/// One feature section's parse result while the load runs: its value is stored in the Config
/// after the second pass, when neither pass reported an error for it.
struct ParsedSection {
    const SectionSchema* schema = nullptr;
    std::size_t team = 0;  // index in Config::teams, or kTopLevel
    YAML::Node node;       // undefined when the section is absent
    std::string path;
    std::shared_ptr<const void> value;
    std::size_t errors = 0;  // reported by this section so far
};
constexpr std::size_t kTopLevel = static_cast<std::size_t>(-1);

ParsedSection parse_section(const SectionSchema& f, const YAML::Node& node, const std::string& path,
                            std::size_t team, ErrorSink& sink) {
    ParsedSection ps{&f, team, node, path, nullptr, 0};
    const std::size_t before = sink.errors().size();
    // A schema not made by SectionSchema::of (no type) has no value to store.
    if (f.parse && f.type) guarded(node, path, sink, [&] { ps.value = f.parse(node, path, sink); });
    ps.errors = sink.errors().size() - before;
    return ps;
}

std::string join_path(const std::string& base, const std::string& key) {
    return base.empty() ? key : base + "." + key;
}

std::optional<std::string> get_string(const YAML::Node& parent, const std::string& key,
                                      const std::string& path, ErrorSink& sink, bool required) {
    auto n = parent[key];
    if (!n.IsDefined() || n.IsNull()) {
        if (required) sink.add(parent, join_path(path, key), "required key is missing");
        return std::nullopt;
    }
    if (!n.IsScalar()) {
        sink.add(n, join_path(path, key), "must be a text value");
        return std::nullopt;
    }
    return n.Scalar();
}

std::optional<bool> get_bool(const YAML::Node& parent, const std::string& key,
                             const std::string& path, ErrorSink& sink) {
    auto n = parent[key];
    if (!n.IsDefined() || n.IsNull()) return std::nullopt;
    bool v = false;
    if (!n.IsScalar() || !YAML::convert<bool>::decode(n, v)) {
        sink.add(n, join_path(path, key), "must be true or false");
        return std::nullopt;
    }
    return v;
}

std::vector<std::string> get_string_list(const YAML::Node& parent, const std::string& key,
                                         const std::string& path, ErrorSink& sink) {
    std::vector<std::string> out;
    auto n = parent[key];
    if (!n.IsDefined() || n.IsNull()) return out;
    if (!n.IsSequence()) {
        sink.add(n, join_path(path, key), "must be a list, e.g. [\"@a:example.org\"]");
        return out;
    }
    std::size_t i = 0;
    for (const auto& item : n) {
        if (!item.IsScalar())
            sink.add(item, join_path(path, key) + "[" + std::to_string(i) + "]",
                     "must be a text value");
        else
            out.push_back(item.Scalar());
        ++i;
    }
    return out;
}

bool valid_user_id(std::string_view s) {
    auto colon = s.find(':');
    return s.size() > 3 && s[0] == '@' && colon != std::string_view::npos && colon > 1 &&
           colon + 1 < s.size() && s.find(' ') == std::string_view::npos;
}

bool valid_room(std::string_view s) {
    auto colon = s.find(':');
    return s.size() > 3 && (s[0] == '!' || s[0] == '#') && colon != std::string_view::npos &&
           colon > 1 && colon + 1 < s.size();
}

// A dotted-quad IPv4 address 127.x.y.z (each part 0..255, digits only).
bool is_ipv4_loopback(std::string_view host) {
    int parts = 0;
    std::size_t i = 0;
    while (i <= host.size()) {
        std::size_t end = host.find('.', i);
        if (end == std::string_view::npos) end = host.size();
        auto part = host.substr(i, end - i);
        if (part.empty() || part.size() > 3) return false;
        int v = 0;
        for (char ch : part) {
            if (ch < '0' || ch > '9') return false;
            v = v * 10 + (ch - '0');
        }
        if (v > 255 || (parts == 0 && v != 127)) return false;
        ++parts;
        i = end + 1;
    }
    return parts == 4;
}

bool is_loopback_host(std::string_view url) {
    // url starts with http://; the authority ends at '/', '?', '#' or the end. A userinfo
    // ("127.0.0.1@evil.example" connects to evil.example) is never loopback, and the host must
    // be all of it, not a prefix ("127.0.0.1.nip.io" is a public name).
    auto rest = url.substr(7);
    auto authority = rest.substr(0, rest.find_first_of("/?#"));
    if (authority.find('@') != std::string_view::npos) return false;
    std::string_view host;
    if (!authority.empty() && authority[0] == '[') {
        auto close = authority.find(']');
        if (close == std::string_view::npos) return false;
        host = authority.substr(0, close + 1);
        auto after = authority.substr(close + 1);
        if (!after.empty() && after[0] != ':') return false;
    } else {
        host = authority.substr(0, authority.find(':'));
    }
    std::string lower(host);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "localhost" || lower == "[::1]" || is_ipv4_loopback(lower);
}

const date::time_zone* find_tz(const std::string& name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        return nullptr;
    }
}

void validate_language(const YAML::Node& parent, const std::string& path, std::string& out,
                       ErrorSink& sink) {
    if (auto v = get_string(parent, "language", path, sink, false)) {
        if (*v != "nl" && *v != "en")
            sink.add(parent["language"], join_path(path, "language"),
                     "must be nl or en, not \"" + *v + "\"");
        else
            out = *v;
    }
}

void validate_timezone(const YAML::Node& parent, const std::string& path, std::string& name,
                       const date::time_zone*& tz, ErrorSink& sink) {
    if (auto v = get_string(parent, "timezone", path, sink, false)) {
        if (auto* z = find_tz(*v)) {
            name = *v;
            tz = z;
        } else {
            sink.add(parent["timezone"], join_path(path, "timezone"),
                     "unknown time zone \"" + *v +
                         "\" (use an IANA name such as "
                         "Europe/Amsterdam)");
        }
    }
}

// systemd's LoadCredential= puts secrets in a per-service directory that the environment
// variable CREDENTIALS_DIRECTORY names; YAML cannot expand variables, so this one prefix is
// expanded here ("$CREDENTIALS_DIRECTORY/token" or "${CREDENTIALS_DIRECTORY}/token").
std::optional<std::string> expand_credentials_dir(std::optional<std::string> value,
                                                  const std::string& key,
                                                  std::vector<std::string>& warnings) {
    if (!value) return value;
    for (std::string_view prefix : {"$CREDENTIALS_DIRECTORY/", "${CREDENTIALS_DIRECTORY}/"}) {
        if (value->rfind(prefix, 0) != 0) continue;
        const char* dir = std::getenv("CREDENTIALS_DIRECTORY");
        if (!dir || !*dir) {
            warnings.push_back(key + ": " + *value +
                               " names systemd's credentials directory, but CREDENTIALS_DIRECTORY "
                               "is not set (only a service with LoadCredential= has it); the bot "
                               "waits for the file");
            return value;
        }
        std::string d = dir;
        while (d.size() > 1 && d.back() == '/') d.pop_back();
        return d + "/" + value->substr(prefix.size());
    }
    return value;
}

// A secret's file key (access_token_file, password_file, pickle_key_file) holding something
// that cannot be a path (no '/') is most likely the secret itself, pasted in by mistake: refuse
// it without repeating it, so it never reaches a log or a terminal (README, "Privacy").
std::optional<std::string> secret_file_path(const YAML::Node& bot, const std::string& key,
                                            ErrorSink& sink) {
    auto value = get_string(bot, key, "bot", sink, false);
    if (!value || value->empty() || value->find('/') != std::string::npos) return value;
    sink.add(bot[key], "bot." + key,
             "must be the path of a file (e.g. /etc/dialoogbot/token), not the secret itself; "
             "the value is not shown here in case it is one");
    return std::nullopt;
}

// storage: the SQLite file. An empty value would make SQLite use a temporary database that is
// gone at every restart (found by a newcomer's probe); ":memory:" is the same, on purpose, for
// tests only.
void check_storage_path(const YAML::Node& at, const std::string& value, ErrorSink& sink,
                        std::vector<std::string>& warnings) {
    const std::string example = " (e.g. /var/lib/dialoogbot/dialoogbot.db)";
    if (value.find_first_not_of(" \t") == std::string::npos) {
        sink.add(at, "storage", "must name the database file" + example);
        return;
    }
    if (value == ":memory:") {
        warnings.push_back(
            "storage: \":memory:\" keeps everything in memory: all state is lost "
            "when the bot stops (meant for tests)");
        return;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path p(value);
    if (fs::is_directory(p, ec)) {
        sink.add(at, "storage",
                 "\"" + value + "\" is a directory; name the database file in it" + example);
        return;
    }
    if (value.back() == '/') {
        sink.add(at, "storage", "must name a file, not a directory" + example);
        return;
    }
    fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
    if (!fs::is_directory(dir, ec)) {
        // A warning: the config may be checked on another machine than the one it runs on.
        warnings.push_back("storage: the directory " + dir.string() +
                           " does not exist (here); the bot cannot start until it does (create it, "
                           "owned by the bot's user)");
        return;
    }
    if (p.is_relative())
        warnings.push_back("storage: " + value +
                           " is a relative path: it is read from the directory the bot starts in "
                           "(for a systemd service that is /); an absolute path is safer");
}

}  // namespace

LoadResult load_config_text(std::string_view yaml_text, const std::vector<SectionSchema>& features,
                            const std::string& path) {
    LoadResult result;
    ErrorSink sink;
    YAML::Node root;
    try {
        auto docs = YAML::LoadAll(std::string(yaml_text));
        if (docs.size() > 1) {
            sink.add(docs[1], "",
                     "the file holds " + std::to_string(docs.size()) +
                         " YAML documents (separated by ---); the config must be one");
            result.errors = sink.errors();
            return result;
        }
        if (!docs.empty()) root = docs[0];
    } catch (const YAML::Exception& e) {
        sink.add(e.mark.line >= 0 ? e.mark.line + 1 : 0, "", "YAML syntax error: " + e.msg);
        result.errors = sink.errors();
        return result;
    }
    if (!root.IsMap()) {
        sink.add(root, "", "the config must be a YAML mapping (key: value lines)");
        result.errors = sink.errors();
        return result;
    }
    if (!check_shape(root, "", sink)) {  // a cycle or an alias bomb: nothing below is safe
        result.errors = sink.errors();
        return result;
    }

    auto cfg = std::make_shared<Config>();
    cfg->path = path;

    std::vector<std::string> top_keys = {"homeserver", "allow_insecure_http",
                                         "bot",        "storage",
                                         "language",   "timezone",
                                         "admins",     "invites",
                                         "teams",      "catch_up_max_age",
                                         "log_level",  "health"};
    std::vector<std::string> team_keys = {"name",     "room",     "leaders",
                                          "language", "timezone", "nudge_all_members"};
    for (const auto& f : features)
        (f.scope == SectionSchema::Scope::Top ? top_keys : team_keys).push_back(f.key);
    check_known_keys(root, "", top_keys, sink);

    // homeserver
    if (auto hs = get_string(root, "homeserver", "", sink, true)) {
        std::string v = *hs;
        while (!v.empty() && v.back() == '/') v.pop_back();
        cfg->homeserver = v;
        cfg->allow_insecure_http = get_bool(root, "allow_insecure_http", "", sink).value_or(false);
        const auto scheme_end = v.find("://");
        const auto authority =
            scheme_end == std::string::npos
                ? std::string()
                : v.substr(scheme_end + 3, v.find('/', scheme_end + 3) - (scheme_end + 3));
        if (v.rfind("https://", 0) != 0 && v.rfind("http://", 0) != 0) {
            sink.add(root["homeserver"], "homeserver",
                     "must start with https:// (e.g. https://matrix.example.org)");
        } else if (authority.find('@') != std::string::npos) {
            // "https://user:password@host": the address is logged, so it must hold no secret.
            cfg->homeserver.clear();
            sink.add(root["homeserver"], "homeserver",
                     "must not contain a user name or password (\"user:password@\"); the bot "
                     "logs in with its own account (bot.access_token_file or bot.password_file)");
        } else if (v.rfind("http://", 0) == 0 && !is_loopback_host(v) &&
                   !cfg->allow_insecure_http) {
            sink.add(root["homeserver"], "homeserver",
                     "plain http:// is only allowed to a loopback address; use https:// or set "
                     "allow_insecure_http: true");
        }
    }

    // bot
    auto bot = root["bot"];
    if (!bot.IsDefined() || !bot.IsMap()) {
        sink.add(bot.IsDefined() ? bot : root, "bot",
                 "required section is missing (bot: user_id, access_token_file or "
                 "password_file, device_id)");
    } else {
        check_known_keys(
            bot, "bot",
            {"user_id", "access_token_file", "password_file", "device_id", "pickle_key_file"},
            sink);
        if (auto u = get_string(bot, "user_id", "bot", sink, true)) {
            if (!valid_user_id(*u))
                sink.add(bot["user_id"], "bot.user_id",
                         "must be a Matrix user ID like \"@dialoogbot:example.org\"");
            cfg->bot.user_id = *u;
        }
        cfg->bot.access_token_file =
            expand_credentials_dir(secret_file_path(bot, "access_token_file", sink),
                                   "bot.access_token_file", result.warnings);
        cfg->bot.password_file = expand_credentials_dir(
            secret_file_path(bot, "password_file", sink), "bot.password_file", result.warnings);
        if (cfg->bot.access_token_file && cfg->bot.password_file)
            sink.add(bot["password_file"], "bot.password_file",
                     "give either access_token_file or password_file, not both");
        if (auto d = get_string(bot, "device_id", "bot", sink, false)) {
            if (d->empty() || d->find_first_of(" /") != std::string::npos)
                sink.add(bot["device_id"], "bot.device_id", "must be one word, e.g. DIALOOGBOT1");
            cfg->bot.device_id = *d;
        }
        cfg->bot.pickle_key_file = expand_credentials_dir(
            secret_file_path(bot, "pickle_key_file", sink), "bot.pickle_key_file", result.warnings);
        if (cfg->bot.pickle_key_file && cfg->bot.pickle_key_file->empty())
            sink.add(bot["pickle_key_file"], "bot.pickle_key_file",
                     "must be a file path, e.g. /etc/dialoogbot/pickle-key (or leave it out)");
    }

    if (auto s = get_string(root, "storage", "", sink, true)) {
        cfg->storage = *s;
        check_storage_path(root["storage"], *s, sink, result.warnings);
    }
    validate_language(root, "", cfg->language, sink);
    cfg->tz = find_tz(cfg->timezone);
    validate_timezone(root, "", cfg->timezone, cfg->tz, sink);

    cfg->admins = get_string_list(root, "admins", "", sink);
    for (std::size_t i = 0; i < cfg->admins.size(); ++i)
        if (!valid_user_id(cfg->admins[i]))
            sink.add(root["admins"][i], "admins[" + std::to_string(i) + "]",
                     "must be a Matrix user ID like \"@beheer:example.org\"");

    if (auto inv = root["invites"]; inv.IsDefined() && !inv.IsNull()) {
        if (!inv.IsMap())
            sink.add(inv, "invites", "must be a mapping with key allow");
        else {
            check_known_keys(inv, "invites", {"allow"}, sink);
            cfg->invite_allow = get_string_list(inv, "allow", "invites", sink);
        }
    }

    if (auto c = get_string(root, "catch_up_max_age", "", sink, false)) {
        if (auto ms = parse_duration_ms(*c))
            cfg->catch_up_max_age_ms = *ms;
        else
            sink.add(root["catch_up_max_age"], "catch_up_max_age",
                     "must be a duration like 24h, 90m or 3600s");
    }
    if (auto l = get_string(root, "log_level", "", sink, false)) {
        static const std::vector<std::string> levels = {"trace", "debug", "info",
                                                        "warn",  "error", "off"};
        if (std::find(levels.begin(), levels.end(), *l) == levels.end())
            sink.add(root["log_level"], "log_level",
                     "must be one of trace, debug, info, warn, error, off");
        else
            cfg->log_level = *l;
    }
    if (auto h = root["health"]; h.IsDefined() && !h.IsNull()) {
        if (!h.IsMap()) {
            sink.add(h, "health", "must be a mapping (enabled, bind, port)");
        } else {
            check_known_keys(h, "health", {"enabled", "bind", "port"}, sink);
            cfg->health.enabled = get_bool(h, "enabled", "health", sink).value_or(true);
            if (auto b = get_string(h, "bind", "health", sink, false)) cfg->health.bind = *b;
            if (auto p = h["port"]; p.IsDefined()) {
                int port = 0;
                if (!p.IsScalar() || !YAML::convert<int>::decode(p, port) || port < 1 ||
                    port > 65535)
                    sink.add(p, "health.port", "must be a port number 1-65535");
                else
                    cfg->health.port = port;
            }
        }
    }

    // Feature sections, parsed once each (also when absent: the defaults come from the parse).
    std::vector<ParsedSection> parsed;

    // teams
    if (auto teams = root["teams"]; teams.IsDefined() && !teams.IsNull()) {
        if (!teams.IsSequence()) {
            sink.add(teams, "teams", "must be a list of teams (each starting with '- name:')");
        } else {
            std::set<std::string> names, rooms;
            for (std::size_t i = 0; i < teams.size(); ++i) {
                const YAML::Node t = teams[i];
                std::string p = "teams[" + std::to_string(i) + "]";
                if (!t.IsMap()) {
                    sink.add(t, p, "must be a mapping with name, room, leaders");
                    continue;
                }
                check_known_keys(t, p, team_keys, sink);
                TeamConfig tc;
                tc.language = cfg->language;
                tc.timezone = cfg->timezone;
                tc.tz = cfg->tz;
                if (auto n = get_string(t, "name", p, sink, true)) {
                    tc.name = *n;
                    if (!names.insert(*n).second)
                        sink.add(t["name"], p + ".name", "team name \"" + *n + "\" is used twice");
                }
                if (auto r = get_string(t, "room", p, sink, true)) {
                    tc.room = *r;
                    if (!valid_room(*r))
                        sink.add(t["room"], p + ".room",
                                 "must be a room ID (\"!abc:example.org\") or alias "
                                 "(\"#team:example.org\")");
                    else if (!rooms.insert(*r).second)
                        sink.add(t["room"], p + ".room", "this room belongs to another team too");
                }
                tc.leaders = get_string_list(t, "leaders", p, sink);
                for (std::size_t k = 0; k < tc.leaders.size(); ++k)
                    if (!valid_user_id(tc.leaders[k]))
                        sink.add(t["leaders"][k], p + ".leaders[" + std::to_string(k) + "]",
                                 "must be a Matrix user ID like \"@leider:example.org\"");
                validate_language(t, p, tc.language, sink);
                validate_timezone(t, p, tc.timezone, tc.tz, sink);
                tc.nudge_all_members = get_bool(t, "nudge_all_members", p, sink).value_or(false);
                for (const auto& f : features)
                    if (f.scope == SectionSchema::Scope::Team)
                        parsed.push_back(
                            parse_section(f, t[f.key], p + "." + f.key, cfg->teams.size(), sink));
                cfg->teams.push_back(std::move(tc));
            }
        }
    }
    if (cfg->teams.empty() && !(root["teams"].IsDefined() && !root["teams"].IsSequence()))
        result.warnings.push_back(
            "teams: no teams are configured; the bot answers !help and !ping, but casus, "
            "intervisie, tenzij and the digest need a team (see deploy/dialoogbot.example.yaml)");
    for (const auto& f : features)
        if (f.scope == SectionSchema::Scope::Top)
            parsed.push_back(parse_section(f, root[f.key], f.key, kTopLevel, sink));
    // Sections that parsed cleanly are stored before the second pass, so its checks can read
    // other sections (a team's casus method must be in the method library).
    auto values_of = [&](const ParsedSection& ps) -> SectionValues& {
        return ps.team == kTopLevel ? cfg->sections : cfg->teams[ps.team].sections;
    };
    for (auto& ps : parsed)
        if (ps.errors == 0 && ps.value)
            values_of(ps).put_erased(ps.schema->key, *ps.schema->type, ps.value);
    for (auto& ps : parsed) {
        if (!ps.node.IsDefined() || !ps.value || !ps.schema->validate_with_config) continue;
        const std::size_t before = sink.errors().size();
        guarded(ps.node, ps.path, sink, [&] {
            ps.schema->validate_with_config(ps.value.get(), ps.node, ps.path, *cfg, sink);
        });
        ps.errors += sink.errors().size() - before;
    }
    // Only a section that reported nothing keeps its value (a refused config has none anyway).
    for (auto& ps : parsed)
        if (ps.errors > 0) values_of(ps).erase(ps.schema->key);

    // Token / password files: checked at load so --check-config finds a missing file.
    for (const auto* file : {&cfg->bot.access_token_file, &cfg->bot.password_file}) {
        if (!*file || (*file)->rfind("$", 0) == 0) continue;  // unexpanded: warned above
        struct stat st {};
        const char* key =
            file == &cfg->bot.access_token_file ? "bot.access_token_file" : "bot.password_file";
        if (::stat((*file)->c_str(), &st) != 0) {
            // Not an error: the bot starts, says why it waits, and re-reads the file every
            // minute, so an admin can put the token in place later.
            if (!(file == &cfg->bot.access_token_file && std::getenv("DIALOOGBOT_ACCESS_TOKEN")))
                result.warnings.push_back(std::string(key) + ": " + **file +
                                          " does not exist (yet); the bot waits until it does");
        } else if (st.st_mode & (S_IRWXG | S_IRWXO)) {
            result.warnings.push_back(std::string(key) + ": " + **file +
                                      " is readable by group or others; run chmod 600 on it");
        }
    }
    if (!cfg->bot.access_token_file && !cfg->bot.password_file &&
        !std::getenv("DIALOOGBOT_ACCESS_TOKEN") && bot.IsDefined() && bot.IsMap())
        sink.add(bot, "bot",
                 "give access_token_file or password_file (or set the environment "
                 "variable DIALOOGBOT_ACCESS_TOKEN)");

    result.errors = sink.errors();
    std::stable_sort(result.errors.begin(), result.errors.end(),
                     [](const auto& a, const auto& b) { return a.line < b.line; });
    if (result.errors.empty()) result.config = std::move(cfg);
    return result;
}

LoadResult load_config_file(const std::string& path, const std::vector<SectionSchema>& features) {
    auto fail = [&](const std::string& why) {
        LoadResult r;
        r.errors.push_back(ConfigError{0, 0, "", why});
        return r;
    };
    if (path.empty())
        return fail("no config file named (give a path, e.g. /etc/dialoogbot/dialoogbot.yaml)");
    std::error_code ec;
    auto st = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(st))
        return fail("cannot read config file " + path + ": it does not exist");
    if (std::filesystem::is_directory(st))
        return fail("cannot read config file " + path + ": it is a directory, not a YAML file");
    // A FIFO or device would block or never end (e.g. /dev/zero): only regular files.
    if (!std::filesystem::is_regular_file(st))
        return fail("cannot read config file " + path + ": not a regular file");
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxConfigBytes)
        return fail("config file " + path + " is " + std::to_string(size) + " bytes; at most " +
                    std::to_string(kMaxConfigBytes) + " are read (is it the right file?)");
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail("cannot read config file " + path + " (permissions?)");
    std::string text(std::min<std::uintmax_t>(ec ? kMaxConfigBytes : size, kMaxConfigBytes) + 1,
                     '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxConfigBytes)
        return fail("config file " + path + " is larger than " + std::to_string(kMaxConfigBytes) +
                    " bytes");
    return load_config_text(text, features, path);
}

}  // namespace dialoog::config
